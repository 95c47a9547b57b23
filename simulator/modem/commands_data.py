# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""PDP contexts, the NDIS data connection (^NDISDUP, ^NDISSTATQRY, ^DHCP, ^DHCPV6) and PPP dial-up."""

from __future__ import annotations

from .engine import BAD_PARAMETER, AtFault, Command, int_param, string_param
from .state import PdpContext

PDP_TYPES_V4 = ("IP", "PPP")
PDP_TYPES_V6 = ("IP", "IPV6", "IPV4V6", "PPP")
FORBIDDEN_APN_CHARACTERS = set('";\r\n\0,')


def dhcp_hex(octets, style) -> str:
    """Little-endian hex of an IPv4 address: 100.92.236.163 → a3ec5c64 (the first byte printed is the last octet)."""
    text = "".join(f"{octet:02x}" for octet in reversed(octets))
    if style.strip_leading_zeros:
        text = text.lstrip("0") or "0"
    if style.upper:
        text = text.upper()
    return style.prefix + text


class PdpContextDefinition(Command):
    """AT+CGDCONT: define, delete (=<cid>), list contexts."""

    max_params = 11

    def read(self, ctx):
        style = ctx.profile.cgdcont
        return [
            ctx.reply("+CGDCONT", f'{cid},"{context.pdp_type}",{f"{chr(34)}{context.apn}{chr(34)}" if context.apn else style.empty_apn},'
                                  f'{style.address}{style.trailer}')
            for cid, context in sorted(ctx.state.pdp_contexts.items())
        ]

    def test(self, ctx):
        style = ctx.profile.cgdcont
        types = PDP_TYPES_V6 if ctx.profile.ipv6 else PDP_TYPES_V4
        return [ctx.reply("+CGDCONT", f'({style.cid_min}-{style.cid_max}),"{pdp_type}"{style.test_tail}') for pdp_type in types]

    def set_(self, ctx, params):
        style = ctx.profile.cgdcont
        cid = int_param(params[0] if params else None, range(style.cid_min, style.cid_max + 1))
        if len(params) == 1:
            ctx.state.pdp_contexts.pop(cid, None)
            return
        types = PDP_TYPES_V6 if ctx.profile.ipv6 else PDP_TYPES_V4
        pdp_type = string_param(params[1], 8).upper()
        if pdp_type not in types:
            raise AtFault.cme(BAD_PARAMETER)
        apn = string_param(params[2], 99) if len(params) > 2 else ""
        if FORBIDDEN_APN_CHARACTERS & set(apn):
            raise AtFault.cme(BAD_PARAMETER)
        ctx.state.pdp_contexts[cid] = PdpContext(pdp_type, apn)


class NdisDial(Command):
    """AT^NDISDUP=<cid>,<connect>[,"<apn>"[,"<user>","<pass>",<auth>]]: OK now, ^NDISSTAT later."""

    max_params = 6
    sim_gated = True

    def read(self, _ctx):
        return []

    def test(self, ctx):
        return [ctx.reply("^NDISDUP", "(1-20),(0-1)")]

    def set_(self, ctx, params):
        if len(params) < 2:
            raise AtFault.cme(BAD_PARAMETER)
        cid = int_param(params[0], range(1, 21))
        connect = int_param(params[1], (0, 1, 2))
        apn = string_param(params[2], 99) if len(params) > 2 else ""
        for param in params[3:5]:
            string_param(param, 99)
        if len(params) > 5:
            int_param(params[5], range(4))
        calls = ctx.modem.data_calls
        if connect == 1:
            if not ctx.modem.has_network_function:
                raise AtFault.error()  # the USB composition has no NDIS/NCM/ECM/RNDIS interface to bring up
            calls.dial(cid, apn)
            ctx.after(lambda: calls.complete_later(cid))
            return
        if not calls.hang_up(cid):
            raise AtFault.error()  # disconnecting a context that is down answers ERROR
        connection = calls.connection(cid)
        ctx.after(lambda: calls.announce(connection))


class NdisStatus(Command):
    """AT^NDISSTATQRY?: one group <stat>,<cause>,,<type> per IP family the device knows, laid out per firmware."""

    def read(self, ctx):
        cid = ctx.state.last_dial_cid
        connection = ctx.modem.data_calls.connection(cid)
        families = ("IPV4", "IPV6") if ctx.profile.ipv6 else ("IPV4",)
        entries = []
        for family in families:
            stat = 1 if connection.status == "up" and family in connection.families else 0
            cause = connection.cause if connection.status == "down" and family in connection.families else None
            entries.append((stat, "" if cause is None else str(cause), family))
        return NDISSTATQRY_LAYOUTS[ctx.profile.ndis.query](ctx, cid, entries)

    def test(self, _ctx):
        return []


def _e353_layout(_ctx, _cid, entries):
    return [f"^NDISSTATQry:{entries[0][0]}"]  # E353 style: IPv4 only, no family printed


def _multiline_layout(ctx, _cid, entries):
    return [ctx.reply("^NDISSTATQRY", f"{stat},{cause},,{family}") for stat, cause, family in entries]


def _oneline_layout(ctx, _cid, entries):
    return [ctx.reply("^NDISSTATQRY", ",".join(f'{stat},{cause},,"{family}"' for stat, cause, family in entries))]


def _cid_layout(ctx, cid, entries):
    # multi-NDIS Balong firmware puts the <cid> before the groups
    return [ctx.reply("^NDISSTATQRY", f"{cid}," + ",".join(f'{stat},{cause},,"{family}"' for stat, cause, family in entries))]


NDISSTATQRY_LAYOUTS = {"e353": _e353_layout, "multiline": _multiline_layout, "oneline": _oneline_layout, "cid": _cid_layout}


class DhcpInfo(Command):
    """AT^DHCP? → little-endian hex addresses; ERROR while disconnected."""

    def read(self, ctx):
        connection = ctx.modem.data_calls.active()
        if connection is None or "IPV4" not in connection.families:
            raise AtFault.error()
        addresses = ctx.modem.data_calls.ipv4
        style = ctx.profile.dhcp
        fields = [addresses["address"], addresses["netmask"], addresses["gateway"], addresses["gateway"], *addresses["dns"]]
        rx_rate, tx_rate = ctx.profile.max_rates
        body = ",".join(dhcp_hex(octets, style) for octets in fields) + f",{rx_rate},{tx_rate}"
        return [ctx.reply("^DHCP", body)]

    def test(self, ctx):
        return [ctx.reply("^DHCP", "(1-11)")]


class Dhcp6Info(Command):
    """AT^DHCPV6? (IPv6 devices): IPv6 addresses in their usual notation, "::" for each while IPv6 is not up."""

    sim_gated = True

    def read(self, ctx):
        connection = ctx.modem.data_calls.active()
        if connection is None or "IPV6" not in connection.families:
            return [ctx.reply("^DHCPV6", ",".join(["::"] * 6) + ",0,0")]
        addresses = ctx.modem.data_calls.ipv6
        rx_rate, tx_rate = ctx.profile.max_rates
        fields = [addresses["address"], addresses["netmask"], addresses["gateway"], addresses["gateway"], *addresses["dns"]]
        return [ctx.reply("^DHCPV6", ",".join(fields) + f",{rx_rate},{tx_rate}")]

    def test(self, ctx):
        return [ctx.reply("^DHCPV6", "(1-11)")]


class ContextActivation(Command):
    """AT+CGACT? → one line per defined context."""

    def read(self, ctx):
        active = ctx.modem.data_calls.active()
        return [
            ctx.reply("+CGACT", f"{cid},{int(active is not None and active.cid == cid)}")
            for cid in sorted(ctx.state.pdp_contexts)
        ]


class Dial(Command):
    """ATD*99# (PPP): CONNECT and data mode when the network admits it, else NO CARRIER."""

    max_params = 1

    def set_(self, ctx, params):
        if ctx.profile.pcui_refuses_dial and ctx.link.function == "pcui" and "modem" in ctx.modem.available_functions():
            raise AtFault.error()  # data calls belong to the modem port: the PCUI beside it answers ERROR
        number = params[0].raw.strip() if params else ""
        if not number.startswith("*99") or not number.endswith("#"):
            raise AtFault("no_carrier")
        if not ctx.state.sim_usable:
            raise AtFault("no_carrier")
        context = ctx.state.pdp_contexts.get(1)
        if ctx.network.data_admission(context.apn if context else "") is not None:
            raise AtFault("no_carrier")
        ctx.success_final = f"CONNECT {ctx.profile.max_rates[0]}"
        ctx.after(ctx.link.enter_data_mode)


HANDLERS = {
    "+CGDCONT": PdpContextDefinition(), "^NDISDUP": NdisDial(), "^NDISSTATQRY": NdisStatus(),
    "^DHCP": DhcpInfo(), "^DHCPV6": Dhcp6Info(), "+CGACT": ContextActivation(), "D": Dial(),
}
