# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Device profiles: every per-model quirk of the emulated modems, as data.

The engine never tests a model name; it reads the fields below. Sources are the
sections of shared/reference/huawei-at.md cited next to each quirk.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# ^SETPORT function codes and names (huawei-at.md §2.8, LTE build names).
PORT_NAMES_LTE = {
    "A1": "CDROM", "A2": "SD", "A3": "RNDIS", "1": "3G MODEM", "2": "3G PCUI", "3": "3G DIAG",
    "4": "PCSC", "5": "3G GPS", "6": "GPS CONTROL", "7": "3G NDIS", "10": "4G MODEM",
    "11": "4G NDIS", "12": "4G PCUI", "13": "4G DIAG", "14": "4G GPS", "15": "4G PCVOICE",
    "16": "NCM", "FF": "NO FIRST PORT",
}

# Which USB functions show up as a tty, and what the tty does.
AT_PORT_FUNCTIONS = {"pcui": ("2", "12"), "modem": ("1", "10")}
SILENT_PORT_FUNCTIONS = {"diag": ("3", "13"), "gps": ("5", "14")}

# Balong texts (HW g_atReturnCodeTab) and Qualcomm 27.007 texts, huawei-at.md §1.4.
CME_TEXTS_BALONG = {
    3: "operation not allowed", 4: "operation not supported", 10: "SIM not inserted",
    11: "SIM PIN required", 12: "SIM PUK required", 13: "SIM failure", 14: "SIM busy",
    16: "incorrect password", 30: "NO NETWORK SERVICE", 50: "Incorrect parameters", 100: "UNKNOWN",
}
CME_TEXTS_QUALCOMM = {
    3: "operation not allowed", 4: "operation not supported", 10: "SIM not inserted",
    11: "SIM PIN required", 12: "SIM PUK required", 13: "SIM failure", 14: "SIM busy",
    16: "incorrect password", 30: "no network service", 50: "incorrect parameters", 100: "unknown",
}


@dataclass(frozen=True)
class DhcpStyle:
    """How ^DHCP prints the little-endian hex addresses (huawei-at.md §2.7)."""

    prefix: str = ""
    upper: bool = False
    strip_leading_zeros: bool = False


@dataclass(frozen=True)
class BandGroup:
    """One (mask, "names") entry of a ^SYSCFG(EX)=? band list."""

    mask: int
    names: str


@dataclass(frozen=True)
class Profile:  # pylint: disable=too-many-instance-attributes
    """Everything that differs between emulated models."""

    name: str
    description: str
    form_factor: str
    manufacturer: str
    model: str
    revision: str
    tac: str
    hardware_version: str
    fhver_product: str
    gcap: str
    lte: bool
    ipv6: bool
    space_after_colon: dict
    unknown_command_reply: str
    cmee_default: int
    cme_texts: dict
    ndisstatqry_style: str
    dhcp_style: DhcpStyle
    max_rates: tuple
    setport_functions: tuple
    setport_default: str
    setport_ff_displayed_as: str
    gsm_bands: tuple
    lte_bands: tuple = ()
    syscfgex_default: tuple = ()
    syscfgex_acqorders: tuple = ()
    syscfg_default: tuple = ()
    all_bands_label: str = "All Bands"
    default_pdp_contexts: tuple = ((1, "IP", ""),)
    cgdcont_trailer: str = ',"0.0.0.0",0,0'
    cid_max: int = 16
    unsupported: frozenset = field(default_factory=frozenset)
    sim_gated_extra: frozenset = field(default_factory=frozenset)
    home_operator: str = "Simulated Mobile"
    visited_operator: str = "Roaming Partner"

    def space_for(self, name: str) -> bool:
        """True if the firmware prints a space after `<name>:` (huawei-at.md §1.6)."""
        upper = name.upper()
        if upper in self.space_after_colon:
            return self.space_after_colon[upper]
        return self.space_after_colon[upper[0]]

    def format_reply(self, name: str, body: str) -> str:
        """`^NAME:body` or `^NAME: body` per the profile's style."""
        return f"{name}:{' ' if self.space_for(name) else ''}{body}"

    def supports(self, name: str) -> bool:
        """False for commands this firmware answers with its unknown-command reply."""
        upper = name.upper()
        rule = _CAPABILITY_RULES.get(upper)
        return upper not in self.unsupported and (rule is None or rule(self))

    @property
    def port_codes(self) -> tuple:
        """Codes accepted in a ^SETPORT rewind list."""
        return tuple(code for code, dummy in self.setport_functions if code != "FF")


# Commands that exist only on some kinds of device.
_CAPABILITY_RULES = {
    "^RFSWITCH": lambda profile: profile.form_factor == "module",  # W_DISABLE# pin, huawei-at.md §2.2
    "^SYSCFGEX": lambda profile: profile.lte,
    "+CEREG": lambda profile: profile.lte,
    "^SYSCFG": lambda profile: not profile.lte,  # "not supported in L mode", huawei-at.md §2.6
    "^DHCPV6": lambda profile: profile.ipv6,
}

_SPACE_EVERYWHERE = {"^": True, "+": True, "^SETPORT": False}
# Balong code: no space on ^ replies/URCs, space on 3GPP + replies (huawei-at.md §1.6).
_BALONG_STICK = {"^": False, "+": True, "^NDISSTATQRY": True}


def _ports(*codes):
    return tuple((code, PORT_NAMES_LTE[code]) for code in codes)


_MODULE_PORTS = _ports("1", "2", "3", "5", "10", "12", "13", "14", "16")
_STICK_PORTS = _ports("A1", "A2", "1", "2", "3", "5", "7", "10", "12", "13", "14", "16")

PROFILES = {
    "ME906s-158": Profile(
        name="ME906s-158",
        description="M.2 LTE module (seed 000): RF switches, one-line quoted ^NDISSTATQRY, IPv6",
        form_factor="module",
        manufacturer="Huawei Technologies Co., Ltd.",
        model="ME906s-158",
        revision="11.617.00.00.00",
        tac="86722302",
        hardware_version="MH1ME906SM Ver.B",
        fhver_product="ME906s-158",
        gcap="+CGSM,+DS,+ES",
        lte=True,
        ipv6=True,
        space_after_colon=_SPACE_EVERYWHERE,
        unknown_command_reply="COMMAND NOT SUPPORT",
        cmee_default=2,
        cme_texts=CME_TEXTS_BALONG,
        ndisstatqry_style="oneline",
        dhcp_style=DhcpStyle(),
        max_rates=(150000000, 50000000),
        setport_functions=_MODULE_PORTS,
        setport_default="FF;10,12,13,14,16",
        setport_ff_displayed_as="FF",
        gsm_bands=(BandGroup(0x2000004e80380, "GSM850/GSM900/GSM1800/GSM1900/WCDMA BCI/WCDMA BCII/WCDMA BCV/WCDMA BCVIII"),),
        lte_bands=(BandGroup(0x1a0000800df, "LTE BC1/LTE BC2/LTE BC3/LTE BC4/LTE BC5/LTE BC7/LTE BC8/LTE BC20/LTE BC38/LTE BC40/LTE BC41"),),
        syscfgex_default=("00", 0x3FFFFFFF, 1, 2, 0x7FFFFFFFFFFFFFFF),
        syscfgex_acqorders=("00", "01", "02", "03", "99"),
        default_pdp_contexts=((1, "IPV4V6", ""),),
        cgdcont_trailer=',"0.0.0.0",0,0,0,0',
    ),
    "ME909u-521": Profile(
        name="ME909u-521",
        description="mini-PCIe LTE module in MikroTik routers (seed 001): Qualcomm style, roaming off",
        form_factor="module",
        manufacturer="Huawei Technologies Co., Ltd.",
        model="ME909u-521",
        revision="12.636.12.01.00",
        tac="86315402",
        hardware_version="MH1ME909UM Ver.A",
        fhver_product="ME909u-521",
        gcap="+CGSM,+DS,+ES",
        lte=True,
        ipv6=True,
        space_after_colon=_SPACE_EVERYWHERE,
        unknown_command_reply="ERROR",
        cmee_default=1,
        cme_texts=CME_TEXTS_QUALCOMM,
        ndisstatqry_style="multiline",
        dhcp_style=DhcpStyle(prefix="0x"),
        max_rates=(100000000, 50000000),
        setport_functions=_MODULE_PORTS,
        setport_default="FF;10,12,13,14,16",
        setport_ff_displayed_as="FF",
        # =? exactly as the MikroTik documentation shows it (huawei-at.md §2.6).
        gsm_bands=(BandGroup(0x2000004e80380, "GSM850/GSM900/GSM1800/GSM1900/WCDMA BCI/WCDMA BCII/WCDMA BCV/WCDMA BCVIII"),),
        lte_bands=(BandGroup(0x800d7, "LTE BC1/LTE BC2/LTE BC3/LTE BC5/LTE BC7/LTE BC8/LTE BC20"),),
        syscfgex_default=("00", 0x3FFFFFFF, 0, 1, 0x7FFFFFFFFFFFFFFF),
        syscfgex_acqorders=("00", "03", "02", "01", "99"),
        cgdcont_trailer=',"0.0.0.0",0,0',
        cid_max=16,
    ),
    "E3372h-153": Profile(
        name="E3372h-153",
        description="LTE USB stick, Balong stick firmware: no space after ^ replies, COMMAND NOT SUPPORT",
        form_factor="stick",
        manufacturer="huawei",
        model="E3372",
        revision="22.315.01.00.00",
        tac="86158703",
        hardware_version="CL2E3372HM Ver.A",
        fhver_product="E3372h-153",
        gcap="+CGSM,+DS,+ES",
        lte=True,
        ipv6=True,
        space_after_colon=_BALONG_STICK,
        unknown_command_reply="COMMAND NOT SUPPORT",
        cmee_default=2,
        cme_texts=CME_TEXTS_BALONG,
        ndisstatqry_style="oneline",
        dhcp_style=DhcpStyle(),
        max_rates=(150000000, 50000000),
        setport_functions=_STICK_PORTS,
        setport_default="A1,A2;12,10,16,A1,A2",
        setport_ff_displayed_as="",
        gsm_bands=(BandGroup(0x2000000400380, "GSM900/GSM1800/WCDMA BCI/WCDMA BCVIII"),),
        lte_bands=(BandGroup(0x800c5, "LTE BC1/LTE BC3/LTE BC7/LTE BC8/LTE BC20"),),
        syscfgex_default=("00", 0x3FFFFFFF, 1, 2, 0x7FFFFFFFFFFFFFFF),
        syscfgex_acqorders=("00", "03", "02", "01", "030201", "0302", "0201", "99"),
        default_pdp_contexts=((1, "IPV4V6", ""),),
    ),
    "E3272": Profile(
        name="E3272",
        description="LTE USB stick, old 21.x firmware out of HiLink (seed 002): ^SETPORT lists FF, short hex in ^DHCP",
        form_factor="stick",
        manufacturer="huawei",
        model="E3272",
        revision="21.420.07.00.00",
        tac="86750301",
        hardware_version="CH1E3272SM Ver.A",
        fhver_product="E3272s-153",
        gcap="+CGSM,+DS,+ES",
        lte=True,
        ipv6=False,
        space_after_colon=_BALONG_STICK,
        unknown_command_reply="COMMAND NOT SUPPORT",
        cmee_default=2,
        cme_texts=CME_TEXTS_BALONG,
        ndisstatqry_style="multiline",
        dhcp_style=DhcpStyle(upper=True, strip_leading_zeros=True),
        max_rates=(150000000, 50000000),
        # The 21.x firmware also lists FF ("set only", huawei-at.md §2.8) in ^SETPORT=?.
        setport_functions=_STICK_PORTS + (("FF", "NO FIRST PORT"),),
        setport_default="A1,A2;12,16,A1,A2",
        setport_ff_displayed_as="",
        gsm_bands=(BandGroup(0x2000000400380, "GSM900/GSM1800/WCDMA BCI/WCDMA BCVIII"),),
        lte_bands=(BandGroup(0x800c5, "LTE BC1/LTE BC3/LTE BC7/LTE BC8/LTE BC20"),),
        syscfgex_default=("00", 0x3FFFFFFF, 1, 2, 0x800C5),
        syscfgex_acqorders=("00", "01", "02", "03", "99"),
        # Older dongle firmware refuses =? while the SIM is locked (huawei-at.md §5.4).
        sim_gated_extra=frozenset({"^SYSCFGEX=?"}),
    ),
    "E3531": Profile(
        name="E3531",
        description="3G HSPA+ USB stick: ^SYSCFG only (no ^SYSCFGEX, no LTE), E353-style ^NDISSTATQry, IPv4 only",
        form_factor="stick",
        manufacturer="huawei",
        model="E3531",
        revision="21.318.01.00.00",
        tac="86187902",
        hardware_version="CH2E3531SM Ver.A",
        fhver_product="E3531i-2",
        gcap="+CGSM,+DS,+ES",
        lte=False,
        ipv6=False,
        space_after_colon={"^": False, "+": True},
        unknown_command_reply="ERROR",
        cmee_default=1,
        cme_texts=CME_TEXTS_BALONG,
        ndisstatqry_style="e353",
        dhcp_style=DhcpStyle(upper=True),
        max_rates=(21600000, 5760000),
        setport_functions=_ports("A1", "A2", "1", "2", "3", "4", "5", "10", "12", "16"),
        setport_default="A1,A2;2,1,16,A1,A2",
        setport_ff_displayed_as="",
        gsm_bands=(BandGroup(0x2000000680380, "GSM850/GSM900/GSM1800/GSM1900/WCDMA900/WCDMA2100"),),
        syscfg_default=(2, 0, 0x3FFFFFFF, 1, 2),
        all_bands_label="All bands",
        cid_max=11,
        unsupported=frozenset({"^SYSINFOEX"}),
        sim_gated_extra=frozenset({"^SYSCFG=?"}),
    ),
}
