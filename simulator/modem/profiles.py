# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Device profiles: every per-model quirk of the emulated modems, as data.

The engine never tests a model name; it reads the fields below. Profiles derive from a
few firmware families (bases) and state only what differs, so a new firmware variant is
a new entry here, not new code.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .formats import (
    CME_TEXTS_BALONG, CME_TEXTS_QUALCOMM, GETPORTMODE_NAMES_LOWER, GETPORTMODE_NAMES_LOWER_3G,
    PORT_NAMES_3G, PORT_NAMES_LTE, BandGroup, BandList, CgdcontStyle, DhcpStyle, GetportmodeStyle, NdisStyle,
    RegistrationStyle, SyscfgexStyle, SyscfgStyle, SysinfoStyle,
)


@dataclass(frozen=True)
class Profile:  # pylint: disable=too-many-instance-attributes
    """Everything that differs between emulated models (see the module docstring)."""

    name: str
    description: str
    family: str
    form_factor: str
    manufacturer: str = ""
    model: str = ""
    revision: str = ""
    tac: str = "35000000"
    hardware_version: str = ""
    fhver_product: str = ""
    gcap: str = "+CGSM,+DS,+ES"
    lte: bool = True
    ipv6: bool = True
    missing: frozenset = frozenset()  # commands this firmware answers with its unknown-command reply
    space_after_colon: dict = field(default_factory=dict)
    unknown_command_reply: str = "COMMAND NOT SUPPORT"
    cmee_default: int = 2
    cme_texts: dict = field(default_factory=lambda: CME_TEXTS_BALONG)
    hcsq_quoted: bool = True
    cfun_read_fields: int = 1  # 2: "+CFUN: 1,0"
    registration: RegistrationStyle = RegistrationStyle()
    sysinfo: SysinfoStyle = SysinfoStyle()
    bands: BandList = BandList(gsm=())
    syscfgex: SyscfgexStyle = SyscfgexStyle()
    syscfg: SyscfgStyle = SyscfgStyle()
    syscfgex_default: tuple = ()  # ("00", band, roam, srvdomain, lteband or None); empty: no ^SYSCFGEX NVRAM
    syscfg_default: tuple = ()  # (mode, acqorder, band, roam, srvdomain) of ^SYSCFG-only firmware
    prefmode_modes: str = "(2,4,8)"
    cgdcont: CgdcontStyle = CgdcontStyle()
    default_pdp_contexts: tuple = ((1, "IP", ""),)
    ndis: NdisStyle = NdisStyle()
    dhcp: DhcpStyle = DhcpStyle()
    max_rates: tuple = (150000000, 50000000)
    setport_functions: tuple = ()
    setport_default: str = "FF;12,16"
    setport_ff_displayed_as: str = "FF"
    getportmode: GetportmodeStyle = GetportmodeStyle()
    pcui_refuses_dial: bool = False  # a PCUI beside a modem port answers ERROR to ATD (modules)
    time_answers_clock: bool = False  # ^TIME prints the clock (older firmware) instead of being the URC switch
    sms_storages: tuple = ("SM", "ME")
    sim_gated_extra: frozenset = frozenset()  # older firmware refuses these while the SIM is locked
    home_operator: str = "Simulated Mobile"
    visited_operator: str = "Roaming Partner"

    def space_for(self, name: str) -> bool:
        """True if the firmware prints a space after `<name>:`."""
        upper = name.upper()
        if upper in self.space_after_colon:
            return self.space_after_colon[upper]
        return self.space_after_colon[upper[0]]

    def format_reply(self, name: str, body: str) -> str:
        """`^NAME:body` or `^NAME: body` per the profile's style."""
        return f"{name}:{' ' if self.space_for(name) else ''}{body}"

    def supports(self, name: str) -> bool:
        """False for commands this firmware answers with its unknown-command reply."""
        return name.upper() not in self.missing

    @property
    def port_codes(self) -> tuple:
        """Codes accepted in a ^SETPORT rewind list."""
        return tuple(code for code, dummy in self.setport_functions if code != "FF")


def derive(base: Profile, **changes) -> Profile:
    """A profile (or a narrower base) that differs from base only in `changes`."""
    return replace(base, **changes)


def _ports(names, *codes):
    return tuple((code, names[code]) for code in codes)


# ---- firmware families ------------------------------------------------------------------

# Huawei's own Balong (HiSilicon) LTE sticks: no space after the colon of ^ replies and
# URCs, a space on 3GPP + replies and on a few ^ replies; COMMAND NOT SUPPORT.
BALONG_LTE_STICK = Profile(
    name="balong-lte-stick", description="", family="Balong LTE stick", form_factor="stick", manufacturer="huawei",
    missing=frozenset({"^RFSWITCH", "^PREFMODE"}),
    space_after_colon={"^": False, "+": True, "^NDISSTATQRY": True, "^NDISSTAT": True, "^CARDLOCK": True, "^ICCID": True},
    syscfg=SyscfgStyle(writable=False),
    default_pdp_contexts=((1, "IPV4V6", ""),),
    cgdcont=CgdcontStyle(address='""'),
    setport_functions=_ports(PORT_NAMES_LTE, "A1", "A2", "1", "2", "3", "5", "7", "10", "12", "13", "14", "16"),
    setport_ff_displayed_as="",
    getportmode=GetportmodeStyle(lead="^GETPORTMODE: TYPE: WCDMA: huawei,,", names=GETPORTMODE_NAMES_LOWER),
)

# M.2 / mini-PCIe modules on Balong: a space after every colon except ^SETPORT, RF switches
# (W_DISABLE#), several tty ports of which the PCUI refuses to dial, IPv4v6 by default.
_MODULE_SPACING = {"^": True, "+": True, "^SETPORT": False}
_MODULE_PORTS = _ports(PORT_NAMES_LTE, "1", "2", "3", "5", "10", "12", "13", "14", "16")
_QUAD_GSM_UMTS = BandGroup(0x2000004E80380, "GSM850/GSM900/GSM1800/GSM1900/WCDMA BCI/WCDMA BCII/WCDMA BCV/WCDMA BCVIII")
BALONG_LTE_MODULE = Profile(
    name="balong-lte-module", description="", family="Balong LTE module", form_factor="module",
    manufacturer="Huawei Technologies Co., Ltd.",
    missing=frozenset({"^PREFMODE"}),
    space_after_colon=_MODULE_SPACING,
    registration=RegistrationStyle(act_in=frozenset({"+CREG", "+CGREG", "+CEREG"})),
    sysinfo=SysinfoStyle(sysinfo_fields=6, lock_state="0"),
    syscfg=SyscfgStyle(writable=False),
    syscfgex_default=("00", 0x3FFFFFFF, 1, 2, 0x7FFFFFFFFFFFFFFF),
    default_pdp_contexts=((1, "IPV4V6", ""),),
    cgdcont=CgdcontStyle(address='""', trailer=",0,0,0,0"),
    ndis=NdisStyle(query="oneline", urc_quoted=True),
    setport_functions=_MODULE_PORTS,
    setport_default="FF;10,12,13,14,16",
    getportmode=GetportmodeStyle(names=GETPORTMODE_NAMES_LOWER, first_number=1, trailing_comma=True),
    pcui_refuses_dial=True,
)

# Qualcomm-based Huawei LTE modules: 3GPP (lower-case) CME texts, ERROR for unknown
# commands, ^TIME instead of ^NWTIME, capital names in ^GETPORTMODE.
QUALCOMM_LTE_MODULE = derive(
    BALONG_LTE_MODULE, name="qualcomm-lte-module", family="Qualcomm LTE module",
    missing=frozenset({"^NWTIME"}),
    unknown_command_reply="ERROR", cmee_default=1, cme_texts=CME_TEXTS_QUALCOMM,
    hcsq_quoted=False,
    sysinfo=SysinfoStyle(sysinfo_fields=5, lock_state="0"),
    default_pdp_contexts=((1, "IP", ""),),
    cgdcont=CgdcontStyle(),
    ndis=NdisStyle(query="multiline"),
    dhcp=DhcpStyle(prefix="0x"),
    max_rates=(100000000, 50000000),
    getportmode=GetportmodeStyle(trailing_comma=True),
    time_answers_clock=True,
    sms_storages=("ME", "MT", "SM", "SR"),
)

# 3G-only sticks: ^SYSCFG world, no +CEREG/^RFSWITCH/^DHCPV6, IPv4 only, HSPA rates.
STICK_3G = Profile(
    name="3g-stick", description="", family="3G stick", form_factor="stick", manufacturer="huawei",
    lte=False, ipv6=False,
    missing=frozenset({"^RFSWITCH", "+CEREG", "^DHCPV6", "^PREFMODE"}),
    space_after_colon={"^": False, "+": True, "^NDISSTAT": True, "^NDISSTATQRY": True},
    cmee_default=1,
    registration=RegistrationStyle(act_in=frozenset()),
    sysinfo=SysinfoStyle(sysinfo_fields=6),
    cgdcont=CgdcontStyle(cid_max=11),
    ndis=NdisStyle(query="multiline"),
    dhcp=DhcpStyle(upper=True),
    max_rates=(21600000, 5760000),
    setport_ff_displayed_as="",
    getportmode=GetportmodeStyle(lead="^GETPORTMODE: TYPE: WCDMA: ,", names=GETPORTMODE_NAMES_LOWER_3G, first_number=1, trailing_comma=True),
    sim_gated_extra=frozenset({"^SYSCFG=?"}),
)

# ---- the modelled devices ---------------------------------------------------------------

_E3372_LTE = BandGroup(0x800C5, "LTE2100/LTE1800/LTE2600/LTE900/LTE800")
_E3372_GSM_UMTS = BandGroup(0x2000004E80380, "GSM850/GSM900/GSM1800/GSM1900/WCDMA850/WCDMA900/WCDMA1900/WCDMA2100")

PROFILES = {profile.name: profile for profile in (
    derive(
        BALONG_LTE_MODULE, name="ME906s-158",
        description="M.2 LTE module of the NO CARRIER field report: RF switches, quoted ^NDISSTAT, several ttys",
        model="ME906s-158", revision="11.617.00.00.00", tac="86722302",
        hardware_version="MH1ME906SM Ver.B", fhver_product="ME906s-158",
        bands=BandList(gsm=(_QUAD_GSM_UMTS,),
                       lte=(BandGroup(0x80800D7, "LTE BC1/LTE BC2/LTE BC3/LTE BC5/LTE BC7/LTE BC8/LTE BC20/LTE BC28"),)),
    ),
    derive(
        BALONG_LTE_MODULE, name="ME909s-120",
        description="mini-PCIe LTE module (Balong): <cid>-first ^NDISSTATQRY, cid 0, +CFUN: 1,0, 0x upper-case ^DHCP",
        model="ME909s-120", revision="11.617.15.00.00", tac="86417204",
        hardware_version="MH1ME909SM Ver.A", fhver_product="ME909s-120",
        cfun_read_fields=2,
        bands=BandList(gsm=(_QUAD_GSM_UMTS,),
                       lte=(BandGroup(0x800DF, "LTE BC1/LTE BC2/LTE BC3/LTE BC4/LTE BC5/LTE BC7/LTE BC8/LTE BC20"),)),
        cgdcont=CgdcontStyle(address='""', trailer=",0,0,0,0", cid_min=0, cid_max=11),
        ndis=NdisStyle(query="cid", urc_quoted=True),
        dhcp=DhcpStyle(prefix="0x", upper=True),
    ),
    derive(
        QUALCOMM_LTE_MODULE, name="ME909u-521",
        description="mini-PCIe LTE module in MikroTik routers (Qualcomm): roaming off, unquoted ^HCSQ, 0x ^DHCP",
        model="ME909u-521", revision="12.636.12.01.00", tac="86315402",
        hardware_version="MH1ME909UM Ver.A", fhver_product="ME909u-521",
        # ^SYSCFGEX=? exactly as MikroTik's documentation shows it.
        bands=BandList(gsm=(_QUAD_GSM_UMTS,), lte=(BandGroup(0x800D7, "LTE BC1/LTE BC2/LTE BC3/LTE BC5/LTE BC7/LTE BC8/LTE BC20"),)),
        syscfgex_default=("00", 0x3FFFFFFF, 0, 1, 0x7FFFFFFFFFFFFFFF),
    ),
    derive(
        BALONG_LTE_STICK, name="E3372h-153",
        description="LTE USB stick, Balong stick firmware: no space after ^ replies, roam range (0-3)",
        model="E3372", revision="22.315.01.00.00", tac="86158703",
        hardware_version="CL2E3372HM Ver.A", fhver_product="E3372H-153",
        bands=BandList(gsm=(_E3372_GSM_UMTS,), lte=(_E3372_LTE,), all_lte_label="All bands"),
        syscfgex=SyscfgexStyle(roam_max=3),
        syscfgex_default=("00", 0x3FFFFFFF, 1, 2, 0x7FFFFFFFFFFFFFFF),
        setport_default="A1,A2;12,10,16,A1,A2",
    ),
    derive(
        BALONG_LTE_STICK, name="E3272",
        description="LTE USB stick, old 21.x firmware out of HiLink (field report): combined mode orders, ^SETPORT lists FF",
        model="E3272", revision="21.420.07.00.00", tac="86750301",
        hardware_version="CH1E3272SM Ver.A", fhver_product="E3272S-153",
        ipv6=False,
        missing=BALONG_LTE_STICK.missing | {"^DHCPV6"},
        space_after_colon={**BALONG_LTE_STICK.space_after_colon, "^DHCP": True},
        bands=BandList(gsm=(_E3372_GSM_UMTS,), lte=(_E3372_LTE,), all_lte_label="All bands"),
        syscfgex=SyscfgexStyle(acqorders=("030201", "0302", "03", "99"), roam_max=3),
        syscfgex_default=("030201", 0x3FFFFFFF, 1, 2, 0x800C5),
        default_pdp_contexts=((1, "IP", ""),),
        ndis=NdisStyle(query="multiline"),
        dhcp=DhcpStyle(upper=True, strip_leading_zeros=True),
        # The 21.x firmware also lists FF ("no first port", a set-only value) in ^SETPORT=?.
        setport_functions=BALONG_LTE_STICK.setport_functions + (("FF", "NO FIRST PORT"),),
        setport_default="A1,A2;12,16,A1,A2",
        # Older dongle firmware refuses =? while the SIM is locked.
        sim_gated_extra=frozenset({"^SYSCFGEX=?"}),
    ),
    derive(
        STICK_3G, name="E3531",
        description="3G HSPA+ USB stick (HiSilicon): ^SYSCFGEX without LTE (lower-case, six =? groups), ^NDISSTATQry:1",
        model="E3531", revision="21.318.01.00.00", tac="86187902",
        hardware_version="CH2E3531SM Ver.A", fhver_product="E3531S-2",
        space_after_colon={**STICK_3G.space_after_colon, "^SYSCFGEX": True},
        sysinfo=SysinfoStyle(sysinfo_fields=6, quoted_names=False),
        bands=BandList(gsm=(BandGroup(0x2000000400180, "GSM900/GSM1800/WCDMA900/WCDMA2100"),
                            BandGroup(0x6A80000, "GSM850/GSM1900/WCDMA850/AWS/WCDMA1900", printed="6A80000")),
                       all_first=True),
        syscfgex=SyscfgexStyle(acqorders=("00", "01", "02", "0102", "0201"), hex_upper=False, trailing_empty_group=True),
        syscfgex_default=("00", 0x3FFFFFFF, 1, 2, None),
        cgdcont=CgdcontStyle(address="", cid_max=11),
        ndis=NdisStyle(query="e353"),
        setport_functions=_ports(PORT_NAMES_3G, "A1", "A2", "1", "2", "3", "4", "5", "16"),
        setport_default="A1,A2;2,1,16,A1,A2",
    ),
    derive(
        STICK_3G, name="E1752",
        description="3G HSPA USB stick (Qualcomm, 2009 firmware): ^SYSCFG only, no ^SETPORT/^HCSQ/^SYSINFOEX, unquoted +CREG location",
        model="E1752", revision="11.126.13.00.00", tac="35455803",
        hardware_version="CH1E1752M Ver.A", fhver_product="E1752",
        gcap="+CGSM,+FCLASS,+DS",
        # Its firmware predates ^SYSCFGEX, ^SETPORT (port modes were ^U2DIAG), ^HCSQ and ^SYSINFOEX,
        # and still has the CDMA-era ^PREFMODE and ^TIME.
        missing=(STICK_3G.missing - {"^PREFMODE"}) | {"^SYSCFGEX", "^SETPORT", "^HCSQ", "^SYSINFOEX", "^NWTIME"},
        space_after_colon={**STICK_3G.space_after_colon, "^TIME": True},
        cme_texts=CME_TEXTS_QUALCOMM,
        registration=RegistrationStyle(quoted_location=False, act_in=frozenset()),
        sysinfo=SysinfoStyle(sysinfo_fields=5),
        bands=BandList(gsm=(BandGroup(0x2000000400380, "GSM900/GSM1800/WCDMA900/WCDMA2100"), BandGroup(0x280000, "GSM850/GSM1900")),
                       all_label="All bands"),
        syscfg_default=(2, 0, 0x3FFFFFFF, 1, 2),
        cgdcont=CgdcontStyle(cid_max=16),
        dhcp=DhcpStyle(),
        max_rates=(7200000, 5760000),
        setport_default="A1,A2;1,7,3,2,A1,A2",  # fixed composition: modem, NDIS, diag, PCUI, CD-ROM, SD
        getportmode=GetportmodeStyle(lead="^GETPORTMODE:TYPE:WCDMA:Qualcomm,"),
        time_answers_clock=True,
        sms_storages=("ME", "MT", "SM", "SR"),
        # ModemManager has seen old dongles refuse these while the SIM is locked.
        sim_gated_extra=frozenset({"^SYSCFG=?", "^PREFMODE=?"}),
    ),
)}
