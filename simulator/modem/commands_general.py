# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Basic commands, identification, error/URC settings, SIM, reset and USB composition."""

from __future__ import annotations

from .engine import BAD_PARAMETER, AtFault, Command, int_param, string_param
from .profiles import AT_PORT_FUNCTIONS


class Echo(Command):
    """ATE0 / ATE1 (echo is a per-port setting)."""

    max_params = 1

    def exec_(self, ctx):
        ctx.link.echo = False

    def set_(self, ctx, params):
        ctx.link.echo = int_param(params[0], (0, 1)) == 1


class Verbose(Command):
    """ATV0 numeric / ATV1 verbose result codes (huawei-at.md §1.1)."""

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
    """ATI: Manufacturer / Model / Revision / IMEI / +GCAP lines (huawei-at.md §2.1)."""

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
    """AT^VERSION? (a subset of the fields, huawei-at.md §2.1)."""

    def read(self, ctx):
        profile = ctx.profile
        return [
            ctx.reply("^VERSION", f"BDT:{profile.revision[:2]}.01.2016"),
            ctx.reply("^VERSION", f"EXTS:{profile.revision}"),
            ctx.reply("^VERSION", f"EXTH:{profile.hardware_version}"),
            ctx.reply("^VERSION", f"EXTU:{profile.fhver_product}"),
        ]


class Imsi(Command):
    """AT+CIMI (needs a usable SIM)."""

    sim_gated = True

    def exec_(self, ctx):
        return [ctx.identity.imsi(ctx.knobs.home_network)]

    def test(self, _ctx):
        return []


class Iccid(Command):
    """AT^ICCID? (allowed while PIN-locked, huawei-at.md §5.4)."""

    def read(self, ctx):
        if ctx.state.sim_status == "absent":
            raise AtFault.cme(10)
        return [ctx.reply("^ICCID", ctx.identity.iccid(ctx.knobs.home_network))]

    def test(self, _ctx):
        return []


class CmeeMode(Command):
    """AT+CMEE=<n> (huawei-at.md §1.3)."""

    max_params = 1

    def set_(self, ctx, params):
        ctx.state.cmee = int_param(params[0] if params else None, range(3), default=0)

    def read(self, ctx):
        return [ctx.reply("+CMEE", str(ctx.state.cmee))]

    def test(self, ctx):
        return [ctx.reply("+CMEE", "(0-2)")]


class UrcControl(Command):
    """AT^CURC=<mode>[,<mask>] (huawei-at.md §2.9)."""

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


class Pin(Command):
    """AT+CPIN? / AT+CPIN="<pin>" / AT+CPIN="<puk>","<newpin>" (huawei-at.md §2.3)."""

    max_params = 2
    CODES = {"ready": "READY", "pin": "SIM PIN", "puk": "SIM PUK"}

    def read(self, ctx):
        status = ctx.state.sim_status
        if status == "absent":
            raise AtFault.cme(10)
        if status == "blocked":
            raise AtFault.cme(13)
        return [ctx.reply("+CPIN", self.CODES[status])]

    def test(self, _ctx):
        return []

    def set_(self, ctx, params):
        state, status = ctx.state, ctx.state.sim_status
        if status == "absent":
            raise AtFault.cme(10)
        if status == "ready":
            raise AtFault.cme(3)
        if status == "blocked":
            raise AtFault.cme(13)
        secret = string_param(params[0] if params else None, 16)
        if status == "pin":
            if secret == state.sim_pin:
                state.sim_unlocked = True
                state.pin_retries = 3
                return
            state.pin_retries -= 1
            raise AtFault.cme(16)
        if len(params) < 2:
            raise AtFault.cme(12)
        if secret == ctx.knobs.puk:
            new_pin = string_param(params[1], 8)
            if not 4 <= len(new_pin) <= 8 or not new_pin.isdigit():
                raise AtFault.cme(BAD_PARAMETER)
            state.sim_pin, state.sim_unlocked = new_pin, True
            state.pin_retries, state.puk_retries = 3, 10
            return
        state.puk_retries -= 1
        raise AtFault.cme(16)


class PinCounters(Command):
    """AT^CPIN? → ^CPIN: <code>,[<times>],<puk>,<pin>,<puk2>,<pin2>."""

    def read(self, ctx):
        state = ctx.state
        status = state.sim_status
        if status in ("absent", "blocked"):
            raise AtFault.cme(10 if status == "absent" else 13)
        code = Pin.CODES[status]
        times = {"pin": state.pin_retries, "puk": state.puk_retries}.get(status, "")
        return [ctx.reply("^CPIN", f"{code},{times},{state.puk_retries},{state.pin_retries},10,3")]


class CardLock(Command):
    """AT^CARDLOCK? → not locked (real E3372h: ^CARDLOCK: 2,10,0)."""

    sim_gated = True

    def read(self, ctx):
        return [ctx.reply("^CARDLOCK", "2,10,0")]


class Reset(Command):
    """AT^RESET: OK; the firmware keeps answering for a moment (knobs.reset_grace), then the port vanishes and it reboots."""

    def exec_(self, ctx):
        ctx.after(ctx.modem.reset_after_grace)


class SetPort(Command):
    """AT^SETPORT: USB composition, applied only at the next reset (huawei-at.md §2.8, seed 002)."""

    max_params = 1

    def read(self, ctx):
        first, rewind = ctx.state.setport_current.split(";")
        if first == "FF":
            first = ctx.profile.setport_ff_displayed_as
        return [f"^SETPORT:{first};{rewind}"]  # no space after the colon on every firmware seen

    def test(self, ctx):
        return [f"^SETPORT:{code}: {name}" for code, name in ctx.profile.setport_functions]

    def set_(self, ctx, params):
        if not params or not params[0].quoted:
            raise AtFault.error()
        ctx.state.setport_pending = self.canonical(ctx.profile, params[0].value)

    @staticmethod
    def canonical(profile, text: str) -> str:
        """Validated "FIRST;REWIND" in upper case with FF explicit; ERROR when invalid."""
        if text.count(";") != 1 or len(text) > 50:
            raise AtFault.error()
        first_text, rewind_text = (part.strip().upper() for part in text.split(";"))
        first = [code.strip() for code in first_text.split(",")] if first_text else ["FF"]
        if first not in (["FF"], ["A1"], ["A1", "A2"]):
            raise AtFault.error()
        rewind = [code.strip() for code in rewind_text.split(",")] if rewind_text else []
        if not rewind or len(set(rewind)) != len(rewind) or any(code not in profile.port_codes for code in rewind):
            raise AtFault.error()
        return f"{','.join(first)};{','.join(rewind)}"


def has_at_port(composition: str) -> bool:
    """True if the composition contains a PCUI or modem port."""
    rewind = composition.split(";")[1].split(",")
    return any(code in rewind for codes in AT_PORT_FUNCTIONS.values() for code in codes)


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
    "+CIMI": Imsi(), "^ICCID": Iccid(), "+CMEE": CmeeMode(), "^CURC": UrcControl(),
    "+CPIN": Pin(), "^CPIN": PinCounters(), "^CARDLOCK": CardLock(),
    "^RESET": Reset(), "^SETPORT": SetPort(),
}
