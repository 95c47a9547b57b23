# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Per profile, the exact text of each answer, as the modelled firmware prints it.

Every expected line follows a recorded reply of the model (or of its firmware family):
spacing after the colon, quoting, hex case, field counts and the final result. Values
that depend on the simulated world are derived from the knobs: rssi 20 is -73 dBm, so
^HCSQ prints rssi 48 (-121 + 48), rsrp 48 (-141 + 48 = -93 dBm); the network clock is
2018-12-13 06:20:04 at UTC+07:00 (zone +28 quarter hours).
"""

from __future__ import annotations

import re

import pytest

from modem_terminal import has_final
from simulator.modem import PROFILES
from simulator.modem.device import HANDLERS

IMEI = re.compile(r"IMEI: \d{15}")
CLOCK = {"network_time": 1544656804, "timezone": 28}  # 2018-12-12 23:20:04 UTC

MODULE_GSM_UMTS = '(2000004e80380,"GSM850/GSM900/GSM1800/GSM1900/WCDMA BCI/WCDMA BCII/WCDMA BCV/WCDMA BCVIII")'
MODULE_PORTS = [
    "^SETPORT:1: 3G MODEM", "^SETPORT:2: 3G PCUI", "^SETPORT:3: 3G DIAG", "^SETPORT:5: 3G GPS", "^SETPORT:10: 4G MODEM",
    "^SETPORT:12: 4G PCUI", "^SETPORT:13: 4G DIAG", "^SETPORT:14: 4G GPS", "^SETPORT:16: NCM",
]
STICK_PORTS = [
    "^SETPORT:A1: CDROM", "^SETPORT:A2: SD", "^SETPORT:1: 3G MODEM", "^SETPORT:2: 3G PCUI", "^SETPORT:3: 3G DIAG", "^SETPORT:5: 3G GPS",
    "^SETPORT:7: 3G NDIS", "^SETPORT:10: 4G MODEM", "^SETPORT:12: 4G PCUI", "^SETPORT:13: 4G DIAG", "^SETPORT:14: 4G GPS", "^SETPORT:16: NCM",
]
# The ^SYSCFGEX=? of LTE sticks with bands 1/3/7/8/20 ("All bands" in lower case for LTE).
E3372_SYSCFGEX_BANDS = (
    '((2000004e80380,"GSM850/GSM900/GSM1800/GSM1900/WCDMA850/WCDMA900/WCDMA1900/WCDMA2100"),(3fffffff,"All Bands")),(0-3),(0-4),'
    '((800c5,"LTE2100/LTE1800/LTE2600/LTE900/LTE800"),(7fffffffffffffff,"All bands"))'
)

# profile -> [(knobs, command line, expected lines)]
TABLE = {
    "ME906s-158": [
        ({}, "ATI", ["Manufacturer: Huawei Technologies Co., Ltd.", "Model: ME906s-158", "Revision: 11.617.00.00.00", IMEI,
                     "+GCAP: +CGSM,+DS,+ES", "OK"]),
        ({}, "AT^FHVER", ['^FHVER: "ME906s-158 11.617.00.00.00,MH1ME906SM Ver.B"', "OK"]),
        ({"rf_hardware": False}, "AT^RFSWITCH?", ["^RFSWITCH: 1,0", "OK"]),
        ({"rf_hardware": False}, "AT+CFUN?", ["+CFUN: 1", "OK"]),
        ({"rf_hardware": False}, "AT+CSQ", ["+CSQ: 99,99", "OK"]),
        ({"rf_hardware": False}, "AT+CREG?", ["+CREG: 0,2", "OK"]),
        ({"rf_hardware": False}, "AT^HCSQ?", ['^HCSQ: "NOSERVICE"', "OK"]),
        ({}, "AT^SYSCFGEX?", ['^SYSCFGEX: "00",3FFFFFFF,1,2,7FFFFFFFFFFFFFFF', "OK"]),
        ({}, "AT^SYSCFGEX=?", [f'^SYSCFGEX: ("00","03","02","01","99"),({MODULE_GSM_UMTS},(3fffffff,"All Bands")),(0-2),(0-4),'
                               '((80800d7,"LTE BC1/LTE BC2/LTE BC3/LTE BC5/LTE BC7/LTE BC8/LTE BC20/LTE BC28"),(7fffffffffffffff,"All Bands"))', "OK"]),
        ({}, "AT^SYSCFG?", ["^SYSCFG: 2,0,3FFFFFFF,1,2", "OK"]),
        ({}, "AT^SETPORT?", ["^SETPORT:FF;10,12,13,14,16", "OK"]),
        ({}, "AT^SETPORT=?", MODULE_PORTS + ["OK"]),
        ({}, "AT^GETPORTMODE", ["^GETPORTMODE: TYPE: WCDMA: huawei,modem:1,pcui:2,4g_diag:3,gps:4,ncm:5,", "OK"]),
        ({}, "AT+CREG=2;+CREG?", ['+CREG: 2,1,"2A5B","0F4C2D11",7', "OK"]),
        ({}, "AT^SYSINFOEX", ['^SYSINFOEX: 2,3,0,1,0,6,"LTE",101,"LTE"', "OK"]),
        ({}, "AT^SYSINFO", ["^SYSINFO: 2,3,0,17,1,0", "OK"]),
        ({}, "AT^HCSQ?", ['^HCSQ: "LTE",48,48,130,24', "OK"]),
        (CLOCK, "AT^NWTIME?", ["^NWTIME: 18/12/13,06:20:04+28,00", "OK"]),
        ({}, "AT^NDISSTATQRY?", ['^NDISSTATQRY: 0,,,"IPV4",0,,,"IPV6"', "OK"]),
        ({}, "AT^DHCP?", ["ERROR"]),
        ({}, "AT^DHCPV6?", ["^DHCPV6: ::,::,::,::,::,::,0,0", "OK"]),
        ({}, "AT+CGDCONT?", ['+CGDCONT: 1,"IPV4V6","","",0,0,0,0', "OK"]),
        ({}, "AT+CGDCONT=?", ['+CGDCONT: (1-16),"IP",,,(0-2),(0-4)', '+CGDCONT: (1-16),"IPV6",,,(0-2),(0-4)',
                              '+CGDCONT: (1-16),"IPV4V6",,,(0-2),(0-4)', '+CGDCONT: (1-16),"PPP",,,(0-2),(0-4)', "OK"]),
        ({}, "AT^NOSUCH", ["COMMAND NOT SUPPORT"]),
        ({}, "AT+CFUN=9", ["+CME ERROR: Incorrect parameters"]),
    ],
    "ME909s-120": [
        ({}, "ATI", ["Manufacturer: Huawei Technologies Co., Ltd.", "Model: ME909s-120", "Revision: 11.617.15.00.00", IMEI,
                     "+GCAP: +CGSM,+DS,+ES", "OK"]),
        ({}, "AT^FHVER", ['^FHVER: "ME909s-120 11.617.15.00.00,MH1ME909SM Ver.A"', "OK"]),
        ({}, "AT^SYSCFGEX?", ['^SYSCFGEX: "00",3FFFFFFF,1,2,7FFFFFFFFFFFFFFF', "OK"]),
        ({}, "AT^SYSCFGEX=?", [f'^SYSCFGEX: ("00","03","02","01","99"),({MODULE_GSM_UMTS},(3fffffff,"All Bands")),(0-2),(0-4),'
                               '((800df,"LTE BC1/LTE BC2/LTE BC3/LTE BC4/LTE BC5/LTE BC7/LTE BC8/LTE BC20"),(7fffffffffffffff,"All Bands"))', "OK"]),
        ({}, "AT^SETPORT=?", MODULE_PORTS + ["OK"]),
        ({}, "AT+CEREG=2;+CEREG?", ['+CEREG: 2,1,"2A5B","0F4C2D11",7', "OK"]),
        ({}, "AT+CGREG=2;+CGREG?", ['+CGREG: 2,1,"2A5B","0F4C2D11",7', "OK"]),
        ({}, "AT+CFUN?", ["+CFUN: 1,0", "OK"]),
        ({}, "AT^NDISSTATQRY?", ['^NDISSTATQRY: 1,0,,,"IPV4",0,,,"IPV6"', "OK"]),
        ({}, "AT+CGDCONT=?", ['+CGDCONT: (0-11),"IP",,,(0-2),(0-4)', '+CGDCONT: (0-11),"IPV6",,,(0-2),(0-4)',
                              '+CGDCONT: (0-11),"IPV4V6",,,(0-2),(0-4)', '+CGDCONT: (0-11),"PPP",,,(0-2),(0-4)', "OK"]),
        ({}, 'AT+CGDCONT=0,"IP","internet";+CGDCONT?', [
            '+CGDCONT: 0,"IP","internet","",0,0,0,0', '+CGDCONT: 1,"IPV4V6","","",0,0,0,0', "OK"]),
        ({}, "AT^SYSINFOEX", ['^SYSINFOEX: 2,3,0,1,0,6,"LTE",101,"LTE"', "OK"]),
        (CLOCK, "AT^NWTIME?", ["^NWTIME: 18/12/13,06:20:04+28,00", "OK"]),
    ],
    "ME909u-521": [
        ({}, "ATI", ["Manufacturer: Huawei Technologies Co., Ltd.", "Model: ME909u-521", "Revision: 12.636.12.01.00", IMEI,
                     "+GCAP: +CGSM,+DS,+ES", "OK"]),
        ({}, "AT^FHVER", ['^FHVER: "ME909u-521 12.636.12.01.00,MH1ME909UM Ver.A"', "OK"]),
        ({}, "AT^SYSCFGEX?", ['^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF', "OK"]),
        ({}, "AT^SYSCFGEX=?", [f'^SYSCFGEX: ("00","03","02","01","99"),({MODULE_GSM_UMTS},(3fffffff,"All Bands")),(0-2),(0-4),'
                               '((800d7,"LTE BC1/LTE BC2/LTE BC3/LTE BC5/LTE BC7/LTE BC8/LTE BC20"),(7fffffffffffffff,"All Bands"))', "OK"]),
        ({}, "AT^SYSCFG?", ["^SYSCFG: 2,0,3FFFFFFF,0,1", "OK"]),
        ({}, "AT^SETPORT=?", MODULE_PORTS + ["OK"]),
        ({}, "AT^GETPORTMODE", ["^GETPORTMODE: TYPE: WCDMA: huawei,MDM:0,PCUI:1,DIAG:2,GPS:3,NDIS:4,", "OK"]),
        ({}, "AT^HCSQ?", ["^HCSQ: LTE,48,48,130,24", "OK"]),
        ({}, "AT^SYSINFO", ["^SYSINFO: 2,3,0,17,1", "OK"]),
        ({}, "AT^NDISSTATQRY?", ["^NDISSTATQRY: 0,,,IPV4", "^NDISSTATQRY: 0,,,IPV6", "OK"]),
        ({}, "AT+CGDCONT?", ['+CGDCONT: 1,"IP","","0.0.0.0",0,0', "OK"]),
        (CLOCK, "AT^TIME", ["^TIME: 18/12/12 23:20:04", "OK"]),
        ({}, "AT^NWTIME?", ["ERROR"]),
        ({}, "AT^PREFMODE?", ["^PREFMODE: 8", "OK"]),
        ({}, "AT+CPMS=?", ['+CPMS: ("ME","MT","SM","SR"),("ME","MT","SM","SR"),("ME","MT","SM","SR")', "OK"]),
        ({}, "AT^NOSUCH", ["ERROR"]),
        ({}, "AT+CFUN=9", ["+CME ERROR: 50"]),
        ({}, "AT+CMEE=2;+CFUN=9", ["+CME ERROR: incorrect parameters"]),
    ],
    "E3372h-153": [
        ({}, "ATI", ["Manufacturer: huawei", "Model: E3372", "Revision: 22.315.01.00.00", IMEI, "+GCAP: +CGSM,+DS,+ES", "OK"]),
        ({}, "AT^FHVER", ['^FHVER:"E3372H-153 22.315.01.00.00,CL2E3372HM Ver.A"', "OK"]),
        ({}, "AT+CSQ", ["+CSQ: 20,99", "OK"]),
        ({}, "AT^HCSQ?", ['^HCSQ:"LTE",48,48,130,24', "OK"]),
        ({}, "AT+CREG=2;+CREG?", ['+CREG: 2,1,"2A5B","0F4C2D11"', "OK"]),
        ({"home_network": False}, "AT+CREG=2;+CREG?", ['+CREG: 2,5,"2A5B","0F4C2D11"', "OK"]),
        ({}, "AT^CARDLOCK?", ["^CARDLOCK: 2,10,0", "OK"]),
        ({}, "AT^ICCID?", [re.compile(r"\^ICCID: \d{20}"), "OK"]),
        ({}, "AT+CFUN=?", ["+CFUN: (0,1,4,5,6,7,8,10,11),(0,1)", "OK"]),
        ({}, "AT^SETPORT?", ["^SETPORT:A1,A2;12,10,16,A1,A2", "OK"]),
        ({}, "AT^SETPORT=?", STICK_PORTS + ["OK"]),
        ({}, "AT^GETPORTMODE", ["^GETPORTMODE: TYPE: WCDMA: huawei,,pcui:0,modem:1,ncm:2,mass:3,mass_two:4", "OK"]),
        ({}, "AT^SYSCFGEX?", ['^SYSCFGEX:"00",3FFFFFFF,1,2,7FFFFFFFFFFFFFFF', "OK"]),
        ({}, "AT^SYSCFGEX=?", ['^SYSCFGEX: ("00","03","02","01","99"),' + E3372_SYSCFGEX_BANDS, "OK"]),
        ({}, "AT^SYSINFOEX", ['^SYSINFOEX:2,3,0,1,,6,"LTE",101,"LTE"', "OK"]),
        ({}, "AT^SYSINFO", ["^SYSINFO:2,3,0,17,1,,17", "OK"]),
        (CLOCK, "AT^NWTIME?", ["^NWTIME:18/12/13,06:20:04+28,00", "OK"]),
        ({}, "AT^NDISSTATQRY?", ['^NDISSTATQRY: 0,,,"IPV4",0,,,"IPV6"', "OK"]),
        ({}, "AT+COPS?", ['+COPS: 0,0,"Simulated Mobile",7', "OK"]),
        ({}, "AT^RFSWITCH?", ["COMMAND NOT SUPPORT"]),
        ({}, "AT+CFUN=9", ["+CME ERROR: Incorrect parameters"]),
    ],
    "E3272": [
        ({}, "AT+CGMM", ["E3272", "OK"]),
        ({}, "AT^FHVER", ['^FHVER:"E3272S-153 21.420.07.00.00,CH1E3272SM Ver.A"', "OK"]),
        ({}, "AT^SETPORT?", ["^SETPORT:A1,A2;12,16,A1,A2", "OK"]),
        ({}, 'AT^SETPORT="FF;10,12";^SETPORT?', ["^SETPORT:A1,A2;12,16,A1,A2", "OK"]),
        ({}, "AT^SETPORT=?", STICK_PORTS + ["^SETPORT:FF: NO FIRST PORT", "OK"]),
        ({}, "AT^SYSCFGEX?", ['^SYSCFGEX:"030201",3FFFFFFF,1,2,800C5', "OK"]),
        ({}, "AT^SYSCFGEX=?", ['^SYSCFGEX: ("030201","0302","03","99"),' + E3372_SYSCFGEX_BANDS, "OK"]),
        ({}, "AT^SYSCFG?", ["^SYSCFG:2,2,3FFFFFFF,1,2", "OK"]),
        ({}, "AT^NDISSTATQRY?", ["^NDISSTATQRY: 0,,,IPV4", "OK"]),
        ({}, "AT+CGDCONT=?", ['+CGDCONT: (1-16),"IP",,,(0-2),(0-4)', '+CGDCONT: (1-16),"PPP",,,(0-2),(0-4)', "OK"]),
        ({"sim": "pin"}, "AT^SYSCFGEX=?", ["+CME ERROR: SIM PIN required"]),
        ({}, "AT^DHCPV6?", ["COMMAND NOT SUPPORT"]),
    ],
    "E3531": [
        ({}, "AT^SYSCFGEX?", ['^SYSCFGEX: "00",3fffffff,1,2,', "OK"]),
        ({}, "AT^SYSCFGEX=?", ['^SYSCFGEX: ("00","01","02","0102","0201"),((3fffffff,"All Bands"),(2000000400180,"GSM900/GSM1800/WCDMA900/WCDMA2100"),'
                               '(6A80000,"GSM850/GSM1900/WCDMA850/AWS/WCDMA1900")),(0-2),(0-4),,', "OK"]),
        ({}, 'AT^SYSCFGEX="02",3FFFFFFF,1,2,,,;^SYSCFGEX?', ['^SYSCFGEX: "02",3fffffff,1,2,', "OK"]),
        ({}, 'AT^SYSCFGEX="0201",3fffffff,2,4,;^SYSCFG?', ["^SYSCFG:2,2,3FFFFFFF,1,2", "OK"]),
        ({}, "AT^SYSCFG=14,3,40000000,2,4;^SYSCFGEX?", ['^SYSCFGEX: "02",3fffffff,1,2,', "OK"]),
        ({}, "AT^SETPORT?", ["^SETPORT:A1,A2;2,1,16,A1,A2", "OK"]),
        ({}, "AT^SETPORT=?", ["^SETPORT:A1: CDROM", "^SETPORT:A2: SD", "^SETPORT:1: MODEM", "^SETPORT:2: PCUI", "^SETPORT:3: DIAG",
                              "^SETPORT:4: PCSC", "^SETPORT:5: GPS", "^SETPORT:16: NCM", "OK"]),
        ({}, "AT^GETPORTMODE", ["^GETPORTMODE: TYPE: WCDMA: ,pcui:1,modem:2,ncm:3,mass:4,mass_two:5,", "OK"]),
        ({}, "AT^SYSINFOEX", ["^SYSINFOEX:2,3,0,1,,3,WCDMA,45,HSPA+", "OK"]),
        ({}, "AT^SYSINFO", ["^SYSINFO:2,3,0,5,1,", "OK"]),
        ({}, "AT^HCSQ?", ['^HCSQ:"WCDMA",48,43,53', "OK"]),
        ({}, "AT^CSNR?", ["^CSNR:-78,-6", "OK"]),
        ({}, "AT^NDISSTATQRY?", ["^NDISSTATQry:0", "OK"]),
        ({}, "AT+CEREG?", ["COMMAND NOT SUPPORT"]),
        ({}, "AT^NOSUCH", ["COMMAND NOT SUPPORT"]),
    ],
    "E1752": [
        ({}, "AT+CGMI", ["huawei", "OK"]),
        ({}, "AT+CGMM", ["E1752", "OK"]),
        ({}, "AT+CGMR", ["11.126.13.00.00", "OK"]),
        ({}, "ATI", ["Manufacturer: huawei", "Model: E1752", "Revision: 11.126.13.00.00", IMEI, "+GCAP: +CGSM,+FCLASS,+DS", "OK"]),
        ({}, "AT^FHVER", ['^FHVER:"E1752 11.126.13.00.00,CH1E1752M Ver.A"', "OK"]),
        ({}, "AT+CPMS=?", ['+CPMS: ("ME","MT","SM","SR"),("ME","MT","SM","SR"),("ME","MT","SM","SR")', "OK"]),
        ({}, "AT+WIND?", ["COMMAND NOT SUPPORT"]),
        ({}, "AT^SYSCFGEX=?", ["COMMAND NOT SUPPORT"]),
        ({}, "AT^SETPORT=?", ["COMMAND NOT SUPPORT"]),
        ({}, "AT^SYSCFG?", ["^SYSCFG:2,0,3FFFFFFF,1,2", "OK"]),
        ({}, "AT^SYSCFG=?", ['^SYSCFG:(2,13,14,16),(0-3),((2000000400380,"GSM900/GSM1800/WCDMA900/WCDMA2100"),(280000,"GSM850/GSM1900"),'
                             '(3fffffff,"All bands")),(0-2),(0-4)', "OK"]),
        ({}, "AT^SYSCFG=14,3,40000000,2,4;^SYSCFG?", ["^SYSCFG:14,2,3FFFFFFF,1,2", "OK"]),
        ({}, "AT^GETPORTMODE", ["^GETPORTMODE:TYPE:WCDMA:Qualcomm,MDM:0,NDIS:1,DIAG:2,PCUI:3,CDROM:4,SD:5", "OK"]),
        ({}, "AT+CREG=2;+CREG?", ["+CREG: 2,1,2A5B,0F4C2D11", "OK"]),
        ({}, "AT^SYSINFO", ["^SYSINFO:2,3,0,5,1", "OK"]),
        ({}, "AT^PREFMODE=?", ["^PREFMODE:(2,4,8)", "OK"]),
        ({}, "AT^PREFMODE?", ["^PREFMODE:8", "OK"]),
        (CLOCK, "AT^TIME", ["^TIME: 18/12/12 23:20:04", "OK"]),
        ({}, "AT^NDISSTATQRY?", ["^NDISSTATQRY: 0,,,IPV4", "OK"]),
        ({}, "AT^HCSQ?", ["COMMAND NOT SUPPORT"]),
    ],
}

CASES = [
    pytest.param(profile, knobs, command, expected, id=f"{profile} {command}{' ' + ','.join(knobs) if knobs else ''}")
    for profile, rows in TABLE.items() for knobs, command, expected in rows
]


def matches(line: str, expected) -> bool:
    """A line equals the expected text, or matches the expected pattern."""
    return bool(expected.fullmatch(line)) if isinstance(expected, re.Pattern) else line == expected


@pytest.mark.parametrize("profile,knobs,command,expected", CASES)
def test_answer_text(make_modem, profile, knobs, command, expected):
    dummy, term = make_modem(profile, **knobs)
    term.raw("ATE0")
    lines = term.answer(command)
    assert len(lines) == len(expected) and all(matches(line, want) for line, want in zip(lines, expected)), lines


def test_every_profile_is_in_the_table():
    assert sorted(TABLE) == sorted(PROFILES)


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_every_command_form_gets_a_final_result(make_modem, profile):
    modem, term = make_modem(profile)
    term.raw("ATE0")
    for name in sorted(HANDLERS):
        if name[0] not in "+^" or name == "^RESET":
            continue
        for suffix in ("", "?", "=?"):
            assert has_final(term.raw(f"AT{name}{suffix}")), f"AT{name}{suffix}"
    assert modem.is_up
