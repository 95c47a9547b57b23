# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Basic commands, identification, error and URC settings, reset."""

from __future__ import annotations

from .engine import AtFault, Command, int_param


class Echo(Command):
    """ATE0 / ATE1 (echo is a per-port setting)."""

    max_params = 1

    def exec_(self, ctx):
        ctx.link.echo = False

    def set_(self, ctx, params):
        ctx.link.echo = int_param(params[0], (0, 1)) == 1


class Verbose(Command):
    """ATV0 numeric (0 OK, 4 ERROR ...) / ATV1 verbose result codes."""

    max_params = 1

    def exec_(self, ctx):
        ctx.link.verbose = False

    def set_(self, ctx, params):
        ctx.link.verbose = int_param(params[0], (0, 1)) == 1


class Quiet(Command):
    """ATQ0 / ATQ1 (Q1 suppresses result codes)."""

    max_params = 1

    def exec_(self, ctx):
        ctx.link.quiet = False

    def set_(self, ctx, params):
        ctx.link.quiet = int_param(params[0], (0, 1)) == 1


class Accepted(Command):
    """Basic commands accepted for compatibility (AT&C1, AT&D2, ATX4, ATL, ATM, ATH, AT&W)."""

    max_params = 1

    def exec_(self, _ctx):
        return []

    def set_(self, _ctx, _params):
        return []


class SRegister(Command):
    """ATS0=0, ATS7? ..."""

    max_params = 1

    def read(self, _ctx):
        return ["000"]

    def set_(self, _ctx, params):
        int_param(params[0], range(256))


class FactoryProfile(Command):
    """ATZ / AT&F: restore echo, result code and +CMEE defaults (ATZ accepts only 0)."""

    max_params = 1

    def exec_(self, ctx):
        ctx.link.echo, ctx.link.verbose, ctx.link.quiet = True, True, False
        ctx.state.cmee = ctx.state.cmee_default

    def set_(self, ctx, params):
        if params[0].value != "0":
            raise AtFault.error()
        self.exec_(ctx)


class Information(Command):
    """ATI: Manufacturer / Model / Revision / IMEI / +GCAP lines."""

    max_params = 1

    def exec_(self, ctx):
        profile = ctx.profile
        return [
            f"Manufacturer: {profile.manufacturer}",
            f"Model: {profile.model}",
            f"Revision: {profile.revision}",
            f"IMEI: {ctx.identity.imei}",
            f"+GCAP: {profile.gcap}",
        ]

    def set_(self, ctx, params):
        int_param(params[0], range(256))
        return self.exec_(ctx)


class IdentityLine(Command):
    """+CGMI/+CGMM/+CGMR/+CGSN and the +GMI family: one bare line, =? → OK."""

    def __init__(self, value):
        self.value = value

    def exec_(self, ctx):
        return [self.value(ctx)]

    def test(self, _ctx):
        return []


class FirmwareHardwareVersion(Command):
    """AT^FHVER → ^FHVER:"<product> <sw>,<hw>"."""

    def exec_(self, ctx):
        profile = ctx.profile
        return [ctx.reply("^FHVER", f'"{profile.fhver_product} {profile.revision},{profile.hardware_version}"')]


class HardwareVersion(Command):
    """AT^HWVER → ^HWVER: "<hw>"."""

    def exec_(self, ctx):
        return [ctx.reply("^HWVER", f'"{ctx.profile.hardware_version}"')]


class Version(Command):
    """AT^VERSION? (a subset of the fields: BDT, EXTS, EXTH, EXTU)."""

    def read(self, ctx):
        profile = ctx.profile
        return [
            ctx.reply("^VERSION", f"BDT:{profile.revision[:2]}.01.2016"),
            ctx.reply("^VERSION", f"EXTS:{profile.revision}"),
            ctx.reply("^VERSION", f"EXTH:{profile.hardware_version}"),
            ctx.reply("^VERSION", f"EXTU:{profile.fhver_product}"),
        ]


class CmeeMode(Command):
    """AT+CMEE=<n>: 0 ERROR only, 1 numeric, 2 text."""

    max_params = 1

    def set_(self, ctx, params):
        ctx.state.cmee = int_param(params[0] if params else None, range(3), default=0)

    def read(self, ctx):
        return [ctx.reply("+CMEE", str(ctx.state.cmee))]

    def test(self, ctx):
        return [ctx.reply("+CMEE", "(0-2)")]


class UrcControl(Command):
    """AT^CURC=<mode>[,<mask>]: 0 silences the periodic ^ URCs, 1 enables them, 2 uses a mask."""

    max_params = 2

    def set_(self, ctx, params):
        try:
            mode = int_param(params[0] if params else None, range(3))
        except AtFault:
            raise AtFault.error() from None
        if mode == 2 and len(params) < 2:
            raise AtFault.error()
        ctx.state.curc = mode

    def read(self, ctx):
        return [ctx.reply("^CURC", str(ctx.state.curc))]

    def test(self, ctx):
        return [ctx.reply("^CURC", "(0-2)")]


class Reset(Command):
    """AT^RESET: OK; the firmware keeps answering for a moment (knobs.reset_grace), then the port vanishes and it reboots."""

    def exec_(self, ctx):
        ctx.after(ctx.modem.reset_after_grace)


def identity_handlers():
    """+CGMI family: 3GPP and V.25ter names."""
    values = {
        "MI": lambda ctx: ctx.profile.manufacturer,
        "MM": lambda ctx: ctx.profile.model,
        "MR": lambda ctx: ctx.profile.revision,
        "SN": lambda ctx: ctx.identity.imei,
    }
    handlers = {}
    for suffix, value in values.items():
        handlers["+CG" + suffix] = IdentityLine(value)
        handlers["+G" + suffix] = IdentityLine(value)
    return handlers


HANDLERS = {
    "E": Echo(), "V": Verbose(), "Q": Quiet(), "Z": FactoryProfile(), "&F": FactoryProfile(),
    "I": Information(), "S": SRegister(),
    "&C": Accepted(), "&D": Accepted(), "&W": Accepted(), "X": Accepted(), "L": Accepted(), "M": Accepted(), "H": Accepted(),
    **identity_handlers(),
    "^FHVER": FirmwareHardwareVersion(), "^HWVER": HardwareVersion(), "^VERSION": Version(),
    "+CMEE": CmeeMode(), "^CURC": UrcControl(), "^RESET": Reset(),
}
