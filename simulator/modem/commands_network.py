# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Radio, signal, registration, network time and error reports."""

from __future__ import annotations

import time

from .engine import BAD_PARAMETER, AtFault, Command, int_param
from .network import LOCATION, RAT_TABLE


class Functionality(Command):
    """AT+CFUN: 0/1/4 accepted, =1,1 resets; the query prints <fun> (or <fun>,0 on some firmware)."""

    max_params = 2

    def read(self, ctx):
        fields = [str(ctx.state.cfun), "0"][:ctx.profile.cfun_read_fields]
        return [ctx.reply("+CFUN", ",".join(fields))]

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
    """AT^RFSWITCH: ^RFSWITCH: <software>,<hardware>; the second is the W_DISABLE# pin of modules."""

    max_params = 1

    def read(self, ctx):
        return [ctx.reply("^RFSWITCH", f"{int(ctx.state.rf_software)},{int(ctx.state.rf_hardware)}")]

    def test(self, ctx):
        return [ctx.reply("^RFSWITCH", "(0-1)")]

    def set_(self, ctx, params):
        ctx.state.rf_software = int_param(params[0] if params else None, (0, 1)) == 1


class SignalQuality(Command):
    """AT+CSQ → +CSQ: <rssi>,<ber>; 99,99 while not camped on a cell."""

    sim_gated = True

    def exec_(self, ctx):
        rssi, ber = ctx.network.signal_csq()
        return [ctx.reply("+CSQ", f"{rssi},{ber}")]

    def test(self, ctx):
        return [ctx.reply("+CSQ", "(0-31,99),(99)")]


class HuaweiSignal(Command):
    """AT^HCSQ?: "NOSERVICE", "GSM",<rssi>, "WCDMA",<rssi>,<rscp>,<ecio> or "LTE",<rssi>,<rsrp>,<sinr>,<rsrq>."""

    sim_gated = True

    def read(self, ctx):
        return [ctx.reply("^HCSQ", hcsq_body(ctx.profile, ctx.network))]

    def test(self, ctx):
        rats = ("NOSERVICE", "GSM", "WCDMA", "LTE") if ctx.profile.lte else ("NOSERVICE", "GSM", "WCDMA")
        return [ctx.reply("^HCSQ", ",".join(f'"{rat}"' for rat in rats))]


def hcsq_body(profile, network) -> str:
    """The ^HCSQ fields, sysmode quoted or not per firmware."""
    sysmode, values = network.hcsq_values()
    name = f'"{sysmode}"' if profile.hcsq_quoted else sysmode
    return ",".join([name] + [str(value) for value in values])


class WcdmaSignal(Command):
    """AT^CSNR? → ^CSNR: <rscp>,<ecio> in dBm/dB (WCDMA only)."""

    sim_gated = True

    def read(self, ctx):
        rscp, ecio = ctx.network.wcdma_snr()
        return [ctx.reply("^CSNR", f"{rscp},{ecio}")]

    def test(self, ctx):
        return [ctx.reply("^CSNR", "(-145--60),(-32-0)")]


class RegistrationStatus(Command):
    """AT+CREG / +CGREG / +CEREG: set the URC mode, query the registration."""

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
        """Registration stat as seen by this command's domain (EPS only on LTE)."""
        registration = ctx.network.registration()
        if self.name == "+CEREG" and registration.rat not in (None, "LTE"):
            return 0
        return registration.stat

    def status_fields(self, ctx, mode) -> str:
        """`<stat>[,<lac>,<ci>[,<AcT>]]` as printed by the query and the URC (location only for stat 1 and 5)."""
        stat = self.stat(ctx)
        if mode < 2 or stat not in (1, 5):
            return str(stat)
        style = ctx.profile.registration
        quote = '"' if style.quoted_location else ""
        area = LOCATION["tac"] if self.name == "+CEREG" else LOCATION["lac"]
        fields = f"{stat},{quote}{area}{quote},{quote}{LOCATION['ci']}{quote}"
        if self.name in style.act_in:
            fields += f",{RAT_TABLE[ctx.network.registration().rat]['act']}"
        return fields


class Operator(Command):
    """AT+COPS; =? takes long on real devices (use the command_latency knob)."""

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


def sim_state(state) -> int:
    """<sim_state> of ^SYSINFO(EX): 255 no SIM, 0 unusable, 1 valid."""
    if state.sim_status == "absent":
        return 255
    return 1 if state.sim_usable or state.sim_status in ("pin", "puk") else 0


def service(registration) -> tuple:
    """(<srv_status>, <srv_domain>): valid CS+PS, restricted (denied), or none."""
    if registration.registered:
        return 2, 3
    if registration.stat == 3:
        return 1, 0
    return 0, 0


class SystemInfoEx(Command):
    """AT^SYSINFOEX: service, domain, roaming, SIM, lock, sysmode and submode with their names."""

    def exec_(self, ctx):
        registration = ctx.network.registration()
        style = ctx.profile.sysinfo
        quote = '"' if style.quoted_names else ""
        if registration.rat and registration.stat in (1, 3, 5):
            sysmode, name, submode, subname = RAT_TABLE[registration.rat]["sysinfoex"]
        else:
            sysmode, name, submode, subname = 0, "NO SERVICE", 0, "NO SERVICE"
        status, domain = service(registration)
        body = (f"{status},{domain},{int(registration.roaming)},{sim_state(ctx.state)},{style.lock_state},"
                f"{sysmode},{quote}{name}{quote},{submode},{quote}{subname}{quote}")
        return [ctx.reply("^SYSINFOEX", body)]


class SystemInfo(Command):
    """AT^SYSINFO: five, six (plus lock_state) or seven (plus sys_submode) fields per firmware."""

    def exec_(self, ctx):
        registration = ctx.network.registration()
        sys_mode, submode = RAT_TABLE[registration.rat]["sysinfo"] if registration.registered else (0, 0)
        status, domain = service(registration)
        fields = [status, domain, int(registration.roaming), sys_mode, sim_state(ctx.state), ctx.profile.sysinfo.lock_state, submode]
        return [ctx.reply("^SYSINFO", ",".join(str(value) for value in fields[:ctx.profile.sysinfo.sysinfo_fields]))]


class NetworkTime(Command):
    """AT^NWTIME? → ^NWTIME: yy/mm/dd,hh:mm:ss+tz,dst (local time, zone in quarter hours); ERROR before the network sent it."""

    def read(self, ctx):
        zone = ctx.knobs.timezone
        stamp = time.strftime("%y/%m/%d,%H:%M:%S", time.gmtime(network_time(ctx) + zone * 900))
        return [ctx.reply("^NWTIME", f"{stamp}{zone:+03d},{ctx.knobs.dst:02d}")]


def network_time(ctx) -> float:
    """UTC seconds of the network clock; ERROR while the network has not sent it (not registered)."""
    now = ctx.network.network_time()
    if now is None:
        raise AtFault.error()
    return now


class Clock(Command):
    """AT^TIME: older firmware prints the network time (^TIME: yy/mm/dd hh:mm:ss, UTC); 3GPP Balong only switches its URC (=0|1)."""

    max_params = 1

    def exec_(self, ctx):
        if not ctx.profile.time_answers_clock:
            raise AtFault.error()
        return [ctx.reply("^TIME", time.strftime("%y/%m/%d %H:%M:%S", time.gmtime(network_time(ctx))))]

    def read(self, ctx):
        return self.exec_(ctx)

    def set_(self, _ctx, params):
        int_param(params[0] if params else None, (0, 1))


class ErrorReport(Command):
    """AT+CEER → +CEER: <cause>: the last data call's SM cause, else a registration reject cause, else 0."""

    def exec_(self, ctx):
        cause = ctx.modem.data_calls.last_failure_cause()
        if cause is None:
            cause = ctx.network.reject_cause()
        return [ctx.reply("+CEER", str(cause or 0))]

    def test(self, _ctx):
        return []


class Attach(Command):
    """AT+CGATT? → +CGATT: 1 while registered for packet service."""

    def read(self, ctx):
        return [ctx.reply("+CGATT", str(int(ctx.network.registration().registered)))]

    def test(self, ctx):
        return [ctx.reply("+CGATT", "(0,1)")]


HANDLERS = {
    "+CFUN": Functionality(), "^RFSWITCH": RfSwitch(), "+CSQ": SignalQuality(), "^HCSQ": HuaweiSignal(), "^CSNR": WcdmaSignal(),
    "+CREG": RegistrationStatus("+CREG", "creg_n"), "+CGREG": RegistrationStatus("+CGREG", "cgreg_n"),
    "+CEREG": RegistrationStatus("+CEREG", "cereg_n"),
    "+COPS": Operator(), "^SYSINFOEX": SystemInfoEx(), "^SYSINFO": SystemInfo(),
    "^NWTIME": NetworkTime(), "^TIME": Clock(), "+CEER": ErrorReport(), "+CGATT": Attach(),
}
