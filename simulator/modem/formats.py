# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Reply formats that differ between firmwares, as data a profile picks from.

Each class groups the choices one command family varies in; the tables name USB functions
and error texts the way the firmwares print them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# ^SETPORT function codes and their names on LTE builds ("3G ..." prefixes; 3G builds drop them).
PORT_NAMES_LTE = {
    "A1": "CDROM", "A2": "SD", "A3": "RNDIS", "1": "3G MODEM", "2": "3G PCUI", "3": "3G DIAG",
    "4": "PCSC", "5": "3G GPS", "6": "GPS CONTROL", "7": "3G NDIS", "10": "4G MODEM",
    "11": "4G NDIS", "12": "4G PCUI", "13": "4G DIAG", "14": "4G GPS", "15": "4G PCVOICE",
    "16": "NCM", "FF": "NO FIRST PORT",
}
PORT_NAMES_3G = {**PORT_NAMES_LTE, "1": "MODEM", "2": "PCUI", "3": "DIAG", "5": "GPS"}

# Which USB functions show up as a tty, and what the tty does.
AT_PORT_FUNCTIONS = {"pcui": ("2", "12"), "modem": ("1", "10")}
SILENT_PORT_FUNCTIONS = {"diag": ("3", "13"), "gps": ("5", "14")}
NETWORK_FUNCTION_CODES = ("7", "11", "16", "A3")

# Interface names in ^GETPORTMODE: older (and Qualcomm) firmware prints them in capitals,
# newer Balong firmware in lower case and names the mass-storage functions mass/mass_two.
GETPORTMODE_NAMES_UPPER = {
    "1": "MDM", "10": "MDM", "2": "PCUI", "12": "PCUI", "3": "DIAG", "13": "DIAG", "5": "GPS", "14": "GPS",
    "7": "NDIS", "11": "NDIS", "16": "NDIS", "A1": "CDROM", "A2": "SD", "A": "BT", "A3": "RNDIS",
}
GETPORTMODE_NAMES_LOWER = {
    "1": "3g_modem", "10": "modem", "2": "pcui", "12": "pcui", "3": "3g_diag", "13": "4g_diag", "5": "gps", "14": "gps",
    "7": "ndis", "11": "ecm", "16": "ncm", "A1": "mass", "A2": "mass_two", "A": "bt", "A3": "rndis",
}
# 3G builds have no 3G/4G distinction.
GETPORTMODE_NAMES_LOWER_3G = {**GETPORTMODE_NAMES_LOWER, "1": "modem", "3": "diag"}

# +CME ERROR texts (+CMEE=2): Balong's own table (its case is inconsistent) and the
# 3GPP 27.007 wording of Qualcomm's AT layer.
CME_TEXTS_BALONG = {
    3: "operation not allowed", 4: "operation not supported", 10: "SIM not inserted",
    11: "SIM PIN required", 12: "SIM PUK required", 13: "SIM failure", 14: "SIM busy", 15: "SIM wrong",
    16: "incorrect password", 17: "SIM PIN2 required", 18: "SIM PUK2 required",
    30: "NO NETWORK SERVICE", 50: "Incorrect parameters", 100: "UNKNOWN",
}
CME_TEXTS_QUALCOMM = {
    3: "operation not allowed", 4: "operation not supported", 10: "SIM not inserted",
    11: "SIM PIN required", 12: "SIM PUK required", 13: "SIM failure", 14: "SIM busy", 15: "SIM wrong",
    16: "incorrect password", 17: "SIM PIN2 required", 18: "SIM PUK2 required",
    30: "no network service", 50: "incorrect parameters", 100: "unknown",
}


@dataclass(frozen=True)
class BandGroup:
    """One (mask, "names") entry of a ^SYSCFG(EX)=? band list; `printed` keeps a mask's odd case (6A80000)."""

    mask: int
    names: str
    printed: str = ""

    def __str__(self):
        return f'({self.printed or format(self.mask, "x")},"{self.names}")'


@dataclass(frozen=True)
class BandList:
    """The band lists of ^SYSCFG(EX)=?: GSM/UMTS groups, LTE groups, and how "all bands" is printed."""

    gsm: tuple
    lte: tuple = ()
    all_label: str = "All Bands"
    all_lte_label: str = "All Bands"
    all_first: bool = False  # some 3G firmware lists (3fffffff,"All Bands") before the groups

    @property
    def gsm_mask(self) -> int:
        """Every GSM/UMTS band the device has."""
        return _union(self.gsm)

    @property
    def lte_mask(self) -> int:
        """Every LTE band the device has."""
        return _union(self.lte)


def _union(groups) -> int:
    mask = 0
    for group in groups:
        mask |= group.mask
    return mask


@dataclass(frozen=True)
class SyscfgexStyle:
    """^SYSCFGEX query and test formats."""

    acqorders: tuple = ("00", "03", "02", "01", "99")
    hex_upper: bool = True  # query masks: 3FFFFFFF (LTE firmware) or 3fffffff (3G firmware)
    roam_max: int = 2  # 3 where the roam feature adds "roaming off both ways" (=? shows (0-3))
    srvdomain_range: str = "(0-4)"
    trailing_empty_group: bool = False  # "=?" ends "...,(0-4),," on 3G firmware: six groups

    @property
    def roam_range(self) -> str:
        """The roam group of =?."""
        return f"(0-{self.roam_max})"


@dataclass(frozen=True)
class SyscfgStyle:
    """^SYSCFG test format (and whether the set form exists: LTE firmware only reads it)."""

    modes: str = "(2,13,14,16)"
    acqorders: str = "(0-3)"
    writable: bool = True


@dataclass(frozen=True)
class RegistrationStyle:
    """How +CREG/+CGREG/+CEREG print the location and the access technology (n=2)."""

    quoted_location: bool = True  # "2A5B","0F4C2D11" or 2A5B,0F4C2D11 (older firmware)
    act_in: frozenset = frozenset({"+CEREG"})  # commands that append ,<AcT>


@dataclass(frozen=True)
class SysinfoStyle:
    """^SYSINFO field count and ^SYSINFOEX details."""

    sysinfo_fields: int = 7  # 5: up to sim_state; 6: plus lock_state; 7: plus sys_submode
    lock_state: str = ""  # printed lock_state: empty on most firmware, 0 on some
    quoted_names: bool = True  # ^SYSINFOEX mode names "LTE" or LTE


@dataclass(frozen=True)
class NdisStyle:
    """^NDISSTATQRY? layout and the ^NDISSTAT URC.

    query: "oneline" ^NDISSTATQRY: 1,,,"IPV4",0,,,"IPV6"; "multiline" one unquoted line
    per family; "e353" ^NDISSTATQry:1; "cid" the Balong multi-NDIS form with the <cid> first
    (^NDISSTATQRY: 1,1,,,"IPV4",0,,,"IPV6").
    """

    query: str = "oneline"
    urc_quoted: bool = False  # ^NDISSTAT: 1,,,IPV4 or ^NDISSTAT: 1,,,"IPV4"


@dataclass(frozen=True)
class DhcpStyle:
    """How ^DHCP prints the little-endian hex addresses."""

    prefix: str = ""
    upper: bool = False
    strip_leading_zeros: bool = False


@dataclass(frozen=True)
class CgdcontStyle:
    """+CGDCONT query and test formats."""

    address: str = '"0.0.0.0"'  # the <PDP_addr> field: "0.0.0.0", "" or nothing
    empty_apn: str = '""'  # an empty APN: "" or nothing
    trailer: str = ",0,0"  # <d_comp>,<h_comp>[,...]
    test_tail: str = ",,,(0-2),(0-4)"  # after (cids),"<type>" in =?
    cid_min: int = 1
    cid_max: int = 16


@dataclass(frozen=True)
class GetportmodeStyle:
    """^GETPORTMODE: header and vendor text, interface names, first number, trailing comma."""

    lead: str = "^GETPORTMODE: TYPE: WCDMA: huawei,"
    names: dict = field(default_factory=lambda: GETPORTMODE_NAMES_UPPER)
    first_number: int = 0
    trailing_comma: bool = False
