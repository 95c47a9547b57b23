# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Radio, signal, registration and mode/band selection commands."""

from __future__ import annotations

from .engine import BAD_PARAMETER, AtFault, Command, hex_param, int_param
from .network import LOCATION, RAT_TABLE

ANY_GSM_BANDS = 0x3FFFFFFF
ANY_LTE_BANDS = 0x7FFFFFFFFFFFFFFF
NO_CHANGE_BANDS = 0x40000000


class Functionality(Command):
    """AT+CFUN (huawei-at.md §2.2): 0/1/4 accepted, =1,1 resets."""

    max_params = 2

    def read(self, ctx):
        return [ctx.reply("+CFUN", str(ctx.state.cfun))]

    def test(self, ctx):
        return [ctx.reply("+CFUN", "(0,1,4,5,6,7,8,10,11),(0,1)")]

    def set_(self, ctx, params):
        fun = int_param(params[0] if params else None, (0, 1, 4))
        reset = int_param(params[1] if len(params) > 1 else None, (0, 1), default=0)
        if reset and fun != 1:
            raise AtFault.cme(BAD_PARAMETER)
        ctx.state.cfun = fun
        if reset:
            ctx.after(ctx.modem.reset_after_grace)


class RfSwitch(Command):
    """AT^RFSWITCH: ^RFSWITCH: <software>,<hardware> (modules only, huawei-at.md §2.2, seed 000)."""

    max_params = 1

    def read(self, ctx):
        return [ctx.reply("^RFSWITCH", f"{int(ctx.state.rf_software)},{int(ctx.state.rf_hardware)}")]

    def test(self, ctx):
        return [ctx.reply("^RFSWITCH", "(0-1)")]

    def set_(self, ctx, params):
        ctx.state.rf_software = int_param(params[0] if params else None, (0, 1)) == 1


class SignalQuality(Command):
    """AT+CSQ → +CSQ: <rssi>,<ber>; 99,99 without service."""

    sim_gated = True

    def exec_(self, ctx):
        rssi, ber = ctx.network.signal_csq()
        return [ctx.reply("+CSQ", f"{rssi},{ber}")]

    def test(self, ctx):
        return [ctx.reply("+CSQ", "(0-31,99),(99)")]


class HuaweiSignal(Command):
    """AT^HCSQ? (huawei-at.md §2.4)."""

    sim_gated = True

    def read(self, ctx):
        return [ctx.reply("^HCSQ", ctx.network.hcsq_fields())]

    def test(self, ctx):
        rats = '"NOSERVICE","GSM","WCDMA","LTE"' if ctx.profile.lte else '"NOSERVICE","GSM","WCDMA"'
        return [ctx.reply("^HCSQ", rats)]


class RegistrationStatus(Command):
    """AT+CREG / +CGREG / +CEREG (huawei-at.md §2.5)."""

    max_params = 1

    def __init__(self, name, attribute):
        self.name = name
        self.attribute = attribute

    def set_(self, ctx, params):
        setattr(ctx.state, self.attribute, int_param(params[0] if params else None, range(3), default=0))

    def read(self, ctx):
        mode = getattr(ctx.state, self.attribute)
        return [ctx.reply(self.name, f"{mode},{self.status_fields(ctx, mode)}")]

    def test(self, ctx):
        return [ctx.reply(self.name, "(0-2)")]

    def stat(self, ctx) -> int:
        """Registration stat as seen by this command's domain."""
        registration = ctx.network.registration()
        if self.name == "+CEREG" and registration.rat not in (None, "LTE"):
            return 0
        return registration.stat

    def status_fields(self, ctx, mode) -> str:
        """`<stat>[,"<lac>","<ci>"[,<AcT>]]` as printed by the query and the URC."""
        stat = self.stat(ctx)
        if mode < 2 or stat not in (1, 5):
            return str(stat)
        area = LOCATION["tac"] if self.name == "+CEREG" else LOCATION["lac"]
        fields = f'{stat},"{area}","{LOCATION["ci"]}"'
        if self.name == "+CEREG":
            fields += ",7"
        return fields


class Operator(Command):
    """AT+COPS (huawei-at.md §2.5); =? takes long on real devices (use the command_latency knob)."""

    max_params = 4
    sim_gated = True

    def read(self, ctx):
        registration = ctx.network.registration()
        if not registration.registered:
            return [ctx.reply("+COPS", str(ctx.state.cops_mode))]
        act = RAT_TABLE[registration.rat]["act"]
        return [ctx.reply("+COPS", f'{ctx.state.cops_mode},0,"{ctx.network.operator()}",{act}')]

    def test(self, ctx):
        home = 2 if ctx.knobs.home_network else 1
        visited = 2 if not ctx.knobs.home_network else 1
        networks = (
            f'({home},"{ctx.profile.home_operator}","SIMMOB","00101",7),'
            f'({visited},"{ctx.profile.visited_operator}","ROAMP","20404",7)'
        )
        return [ctx.reply("+COPS", f"{networks},,(0,1,2,3,4),(0,1,2)")]

    def set_(self, ctx, params):
        ctx.state.cops_mode = int_param(params[0] if params else None, (0, 1, 2, 3, 4), default=0)


class SystemInfoEx(Command):
    """AT^SYSINFOEX (huawei-at.md §2.5)."""

    def exec_(self, ctx):
        registration = ctx.network.registration()
        sim_state = 255 if ctx.state.sim_status == "absent" else 1
        if registration.registered or registration.stat == 3:
            sysmode, name, submode, subname = RAT_TABLE[registration.rat]["sysinfoex"]
            service = 2 if registration.registered else 1
            body = f'{service},3,{int(registration.roaming)},{sim_state},,{sysmode},"{name}",{submode},"{subname}"'
        else:
            body = f'0,0,0,{sim_state},,0,"NO SERVICE",0,"NO SERVICE"'
        return [ctx.reply("^SYSINFOEX", body)]


class SystemInfo(Command):
    """AT^SYSINFO (huawei-at.md §2.5)."""

    def exec_(self, ctx):
        registration = ctx.network.registration()
        sim_state = 255 if ctx.state.sim_status == "absent" else 1
        if registration.registered:
            sys_mode, submode = RAT_TABLE[registration.rat]["sysinfo"]
            body = f"2,3,{int(registration.roaming)},{sys_mode},{sim_state},,{submode}"
        else:
            body = f"0,0,0,0,{sim_state},,0"
        return [ctx.reply("^SYSINFO", body)]


def _band_list(groups, any_mask, label):
    entries = [f'({group.mask:x},"{group.names}")' for group in groups]
    entries.append(f'({any_mask:x},"{label}")')
    return "(" + ",".join(entries) + ")"


def _band_value(param, groups, any_mask, current) -> int:
    """A band mask parameter validated against the profile's =? list (empty/40000000 = no change)."""
    value = hex_param(param, default=NO_CHANGE_BANDS)
    if value == NO_CHANGE_BANDS:
        return current
    supported = 0
    for group in groups:
        supported |= group.mask
    if value == any_mask or (value and not value & ~supported):
        return value
    raise AtFault.cme(BAD_PARAMETER)


class SystemConfigEx(Command):
    """AT^SYSCFGEX (huawei-at.md §2.6, seed 001): only the fields given change."""

    max_params = 7

    def read(self, ctx):
        config = ctx.state.syscfgex
        body = f'"{config.acqorder}",{config.band:X},{config.roam},{config.srvdomain},{config.lteband:X}'
        return [ctx.reply("^SYSCFGEX", body)]

    def test(self, ctx):
        profile = ctx.profile
        orders = ",".join(f'"{order}"' for order in profile.syscfgex_acqorders)
        gsm = _band_list(profile.gsm_bands, ANY_GSM_BANDS, profile.all_bands_label)
        lte = _band_list(profile.lte_bands, ANY_LTE_BANDS, profile.all_bands_label)
        return [f"^SYSCFGEX: ({orders}),{gsm},(0-2),(0-4),{lte}"]

    def set_(self, ctx, params):
        if len(params) < 5:
            raise AtFault.cme(BAD_PARAMETER)
        config, profile = ctx.state.syscfgex, ctx.profile
        order_param = params[0]
        if not order_param.quoted or order_param.value not in profile.syscfgex_acqorders:
            raise AtFault.cme(BAD_PARAMETER)
        acqorder = config.acqorder if order_param.value == "99" else order_param.value
        band = _band_value(params[1], profile.gsm_bands, ANY_GSM_BANDS, config.band)
        roam = int_param(params[2], range(3), default=2)
        srvdomain = int_param(params[3], range(5), default=4)
        lteband = _band_value(params[4], profile.lte_bands, ANY_LTE_BANDS, config.lteband)
        roam = config.roam if roam == 2 else roam
        srvdomain = config.srvdomain if srvdomain == 4 else srvdomain
        if (acqorder == "00" or "03" in _pairs(acqorder)) and srvdomain in (0, 3):
            raise AtFault.cme(BAD_PARAMETER)  # CS-only / any domain not allowed with LTE in the mode
        config.acqorder, config.band, config.roam = acqorder, band, roam
        config.srvdomain, config.lteband = srvdomain, lteband


def _pairs(order: str) -> list:
    return [order[index:index + 2] for index in range(0, len(order), 2)]


class SystemConfig(Command):
    """AT^SYSCFG of 3G devices (huawei-at.md §2.6)."""

    max_params = 5
    MODES = (2, 13, 14, 16)

    def read(self, ctx):
        config = ctx.state.syscfg
        return [ctx.reply("^SYSCFG", f"{config.mode},{config.acqorder},{config.band:X},{config.roam},{config.srvdomain}")]

    def test(self, ctx):
        gsm = _band_list(ctx.profile.gsm_bands, ANY_GSM_BANDS, ctx.profile.all_bands_label)
        return [ctx.reply("^SYSCFG", f"(2,13,14,16),(0-3),{gsm},(0-2),(0-4)")]

    def set_(self, ctx, params):
        if len(params) < 5:
            raise AtFault.cme(BAD_PARAMETER)
        config = ctx.state.syscfg
        mode = int_param(params[0], self.MODES)
        acqorder = int_param(params[1], range(4))
        band = _band_value(params[2], ctx.profile.gsm_bands, ANY_GSM_BANDS, config.band)
        roam = int_param(params[3], range(3))
        srvdomain = int_param(params[4], range(5))
        if mode != 16:
            config.mode = mode
        if acqorder != 3:
            config.acqorder = acqorder
        if config.mode in (13, 14):
            config.acqorder = 1 if config.mode == 13 else 2  # single-mode stores its own RAT first
        config.band = band
        config.roam = config.roam if roam == 2 else roam
        config.srvdomain = config.srvdomain if srvdomain == 4 else srvdomain


class Attach(Command):
    """AT+CGATT? → +CGATT: 1 while registered for packet service."""

    def read(self, ctx):
        return [ctx.reply("+CGATT", str(int(ctx.network.registration().registered)))]

    def test(self, ctx):
        return [ctx.reply("+CGATT", "(0,1)")]


HANDLERS = {
    "+CFUN": Functionality(), "^RFSWITCH": RfSwitch(), "+CSQ": SignalQuality(), "^HCSQ": HuaweiSignal(),
    "+CREG": RegistrationStatus("+CREG", "creg_n"), "+CGREG": RegistrationStatus("+CGREG", "cgreg_n"),
    "+CEREG": RegistrationStatus("+CEREG", "cereg_n"),
    "+COPS": Operator(), "^SYSINFOEX": SystemInfoEx(), "^SYSINFO": SystemInfo(),
    "^SYSCFGEX": SystemConfigEx(), "^SYSCFG": SystemConfig(), "+CGATT": Attach(),
}
