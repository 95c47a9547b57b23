# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Stateful commands of the emulator: identity, SIM, radio, registration, mode/bands, contexts, ports."""

from __future__ import annotations

import re

import pytest

from simulator.modem import PROFILES

from modem_terminal import wait_reboot


@pytest.fixture(name="modem_term")
def modem_term_fixture(make_modem):
    """An ME906s-158 with echo off."""
    modem, term = make_modem("ME906s-158")
    term.raw("ATE0")
    return modem, term


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_identification(make_modem, profile):
    modem, term = make_modem(profile, seed=42)
    term.raw("ATE0")
    info = PROFILES[profile]
    lines = term.answer("ATI")
    assert lines[:3] == [f"Manufacturer: {info.manufacturer}", f"Model: {info.model}", f"Revision: {info.revision}"]
    assert re.fullmatch(r"IMEI: \d{15}", lines[3]) and lines[4].startswith("+GCAP: ") and lines[5] == "OK"
    assert term.answer("AT+CGMI") == [info.manufacturer, "OK"]
    assert term.answer("AT+GMM") == [info.model, "OK"]
    assert term.answer("AT+CGMR") == [info.revision, "OK"]
    assert term.answer("AT+CGSN") == [modem.identity.imei, "OK"]
    assert term.answer("AT+CGSN=?") == ["OK"]
    assert info.revision in term.answer("AT^FHVER")[0]
    assert re.fullmatch(r"\^ICCID: ?\d{20}", term.answer("AT^ICCID?")[0])
    assert re.fullmatch(r"\d{15}", term.answer("AT+CIMI")[0])


def test_seed_gives_unique_imei(make_modem):
    first, dummy = make_modem(seed=1)
    second, dummy = make_modem(seed=2)
    assert first.identity.imei != second.identity.imei


def test_me906s_ati_lines_of_the_no_carrier_report(make_modem):
    dummy, term = make_modem("ME906s-158")
    assert term.lines("ATI")[1:4] == ["Manufacturer: Huawei Technologies Co., Ltd.", "Model: ME906s-158", "Revision: 11.617.00.00.00"]


def test_sim_pin_unlock_and_gating(make_modem):
    modem, term = make_modem("E3372h-153", sim="pin", pin="4321")
    term.raw("ATE0;+CMEE=1")
    assert term.answer("AT+CPIN?") == ["+CPIN: SIM PIN", "OK"]
    assert term.answer("AT+CSQ") == ["+CME ERROR: 11"]
    assert term.answer("AT+COPS?") == ["+CME ERROR: 11"]
    assert term.answer("AT^NDISDUP=1,1") == ["+CME ERROR: 11"]
    for allowed in ("AT+CFUN?", "AT+CREG?", "AT^SYSCFGEX?", "AT^SETPORT?", "AT^FHVER", "AT^ICCID?", "AT^NDISSTATQRY?"):
        assert term.answer(allowed)[-1] == "OK", allowed
    assert term.answer("AT+CREG?") == ["+CREG: 0,0", "OK"]
    assert term.answer('AT+CPIN="0000"') == ["+CME ERROR: 16"]
    assert modem.state.pin_retries == 2
    assert term.answer('AT+CPIN="4321"') == ["OK"]
    assert term.answer("AT+CPIN?") == ["+CPIN: READY", "OK"]
    assert term.answer("AT+CSQ") == ["+CSQ: 20,99", "OK"]
    assert term.answer('AT+CPIN="4321"') == ["+CME ERROR: 3"]


def test_sim_puk_after_three_wrong_pins(make_modem):
    modem, term = make_modem(sim="pin")
    term.raw("ATE0;+CMEE=1")
    for dummy in range(3):
        assert term.answer('AT+CPIN="9999"') == ["+CME ERROR: 16"]
    assert term.answer("AT+CPIN?") == ["+CPIN: SIM PUK", "OK"]
    assert term.answer("AT+CSQ") == ["+CME ERROR: 12"]
    assert term.answer('AT+CPIN="12345678","2468"') == ["OK"]
    assert modem.state.sim_pin == "2468" and modem.state.sim_status == "ready"


def test_sim_absent(make_modem):
    dummy, term = make_modem(sim="absent")
    term.raw("ATE0;+CMEE=1")
    assert term.answer("AT+CPIN?") == ["+CME ERROR: 10"]
    assert term.answer("AT+CSQ") == ["+CME ERROR: 10"]
    assert term.answer("AT^ICCID?") == ["+CME ERROR: 10"]
    assert term.answer("AT^SYSINFOEX") == ['^SYSINFOEX: 0,0,0,255,0,0,"NO SERVICE",0,"NO SERVICE"', "OK"]


def test_old_firmware_gates_syscfg_test_command(make_modem):
    dummy, term = make_modem("E3272", sim="pin")
    term.raw("ATE0")
    assert term.answer("AT^SYSCFGEX=?") == ["+CME ERROR: SIM PIN required"]
    assert term.answer("AT^SYSCFGEX?")[-1] == "OK"


def test_cfun(modem_term):
    modem, term = modem_term
    assert term.answer("AT+CFUN?") == ["+CFUN: 1", "OK"]
    assert term.answer("AT+CFUN=?") == ["+CFUN: (0,1,4,5,6,7,8,10,11),(0,1)", "OK"]
    assert term.answer("AT+CFUN=4") == ["OK"]
    assert term.answer("AT+CSQ") == ["+CSQ: 99,99", "OK"]
    assert term.answer("AT+CREG?") == ["+CREG: 0,0", "OK"]
    assert term.answer("AT+CFUN=0") == ["OK"] and modem.state.cfun == 0
    assert term.answer("AT+CFUN=1") == ["OK"]
    assert term.answer("AT+CREG?") == ["+CREG: 0,1", "OK"]


def test_cfun_1_1_resets(modem_term):
    modem, term = modem_term
    assert term.answer("AT+CFUN=1,1") == ["OK"]
    assert wait_reboot(modem, term.link)


def test_rfswitch_of_the_no_carrier_report(make_modem):
    modem, term = make_modem("ME906s-158", rf_hardware=False)
    assert term.lines("AT^RFSWITCH?") == ["AT^RFSWITCH?\r", "^RFSWITCH: 1,0", "OK"]
    assert term.answer("AT+CFUN?") == ["+CFUN: 1", "OK"]
    assert term.answer("AT+CSQ") == ["+CSQ: 99,99", "OK"]
    assert term.answer("AT+CREG?") == ["+CREG: 0,2", "OK"]
    modem.knobs.rf_hardware = True
    assert term.answer("AT^RFSWITCH=0") == ["OK"]
    assert term.answer("AT^RFSWITCH?") == ["^RFSWITCH: 0,1", "OK"]
    assert term.answer("AT+CSQ") == ["+CSQ: 99,99", "OK"]
    assert term.answer("AT^RFSWITCH=1") == ["OK"]
    assert term.answer("AT^RFSWITCH?") == ["^RFSWITCH: 1,1", "OK"]
    assert term.answer("AT+CSQ") == ["+CSQ: 20,99", "OK"]
    assert term.answer("AT^RFSWITCH=?") == ["^RFSWITCH: (0-1)", "OK"]


def test_rfswitch_unknown_on_sticks(make_modem):
    dummy, term = make_modem("E3372h-153")
    assert term.answer("AT^RFSWITCH?") == ["COMMAND NOT SUPPORT"]


def test_signal_and_operator(modem_term):
    modem, term = modem_term
    assert term.answer("AT+CSQ=?") == ["+CSQ: (0-31,99),(99)", "OK"]
    modem.knobs.rssi = 25
    assert term.answer("AT+CSQ") == ["+CSQ: 25,99", "OK"]
    assert term.answer("AT^HCSQ?")[0].startswith('^HCSQ: "LTE",')
    assert term.answer("AT+COPS?") == ['+COPS: 0,0,"Simulated Mobile",7', "OK"]
    assert term.answer("AT+COPS=?")[0].startswith('+COPS: (2,"Simulated Mobile"')
    assert term.answer("AT^SYSINFOEX") == ['^SYSINFOEX: 2,3,0,1,0,6,"LTE",101,"LTE"', "OK"]
    assert term.answer("AT^SYSINFO") == ["^SYSINFO: 2,3,0,17,1,0", "OK"]


def test_registration_modes_and_urc(modem_term):
    modem, term = modem_term
    assert term.answer("AT+CREG=2") == ["OK"]
    assert term.answer("AT+CREG?") == ['+CREG: 2,1,"2A5B","0F4C2D11",7', "OK"]
    assert term.answer("AT+CEREG=2;+CEREG?") == ['+CEREG: 2,1,"2A5B","0F4C2D11",7', "OK"]
    assert term.answer("AT+CGREG=1;+CGREG?") == ["+CGREG: 1,1", "OK"]
    assert term.answer("AT+CREG=3") == ["+CME ERROR: Incorrect parameters"]
    assert term.answer("AT+CREG=?") == ["+CREG: (0-2)", "OK"]
    modem.knobs.rf_hardware = False
    expected = (b"\r\n+CREG: 2\r\n", b"\r\n+CGREG: 2\r\n", b"\r\n+CEREG: 2\r\n")
    urcs = term.until(lambda data: all(line in data for line in expected))
    assert all(line in urcs for line in expected)


def test_roaming_registration(make_modem):
    modem, term = make_modem("ME909u-521", home_network=False)
    term.raw("ATE0")
    assert term.answer("AT+CREG?") == ["+CREG: 0,3", "OK"]
    assert term.answer("AT+CSQ") == ["+CSQ: 20,99", "OK"]
    assert term.answer('AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,') == ["OK"]
    assert term.answer("AT+CREG?") == ["+CREG: 0,5", "OK"]
    assert term.answer("AT^SYSINFOEX")[0].startswith("^SYSINFOEX: 2,3,1,")
    assert term.answer("AT+COPS?") == ['+COPS: 0,0,"Roaming Partner",7', "OK"]
    assert modem.state.syscfgex.roam == 1


def test_syscfgex_of_the_mikrotik_roaming_report(make_modem):
    modem, term = make_modem("ME909u-521")
    term.raw("ATE0")
    assert term.answer("AT^SYSCFGEX?") == ['^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF', "OK"]
    assert term.answer("AT^SYSCFGEX=?") == [
        '^SYSCFGEX: ("00","03","02","01","99"),((2000004e80380,"GSM850/GSM900/GSM1800/GSM1900/WCDMA BCI/WCDMA BCII/WCDMA BCV/WCDMA BCVIII"),'
        '(3fffffff,"All Bands")),(0-2),(0-4),((800d7,"LTE BC1/LTE BC2/LTE BC3/LTE BC5/LTE BC7/LTE BC8/LTE BC20"),(7fffffffffffffff,"All Bands"))',
        "OK",
    ]
    assert term.answer('AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,') == ["OK"]
    assert term.answer("AT^SYSCFGEX?") == ['^SYSCFGEX: "00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF', "OK"]
    assert modem.state.syscfgex.roam == 1


@pytest.mark.parametrize("command", [
    'AT^SYSCFGEX="0302",3FFFFFFF,2,4,7FFFFFFFFFFFFFFF,,',  # order not offered by =?
    'AT^SYSCFGEX="03",3FFFFFFF,2,0,7FFFFFFFFFFFFFFF,,',  # CS only with LTE
    'AT^SYSCFGEX="00",3FFFFFFF,2,3,7FFFFFFFFFFFFFFF,,',  # any domain with LTE
    'AT^SYSCFGEX="00",10,2,4,7FFFFFFFFFFFFFFF,,',  # band the device lacks
    'AT^SYSCFGEX="00",3FFFFFFF,2,4,100000000,,',  # LTE band the device lacks
    'AT^SYSCFGEX="00",3FFFFFFF,5,4,7FFFFFFFFFFFFFFF,,',
    'AT^SYSCFGEX=00,3FFFFFFF,2,4,7FFFFFFFFFFFFFFF,,',  # unquoted order
    'AT^SYSCFGEX="00",3FFFFFFF',
])
def test_syscfgex_rejects_invalid_values(make_modem, command):
    modem, term = make_modem("ME909u-521")
    term.raw("ATE0")
    before = modem.state.syscfgex
    assert term.answer(command) == ["+CME ERROR: 50"]
    assert modem.state.syscfgex == before


def test_syscfgex_no_change_values(make_modem):
    modem, term = make_modem("E3372h-153")
    term.raw("ATE0")
    assert term.answer('AT^SYSCFGEX="03",40000000,2,4,800C5,,') == ["OK"]
    assert term.answer("AT^SYSCFGEX?") == ['^SYSCFGEX:"03",3FFFFFFF,1,2,800C5', "OK"]
    assert term.answer('AT^SYSCFGEX="99",80,0,,40000000') == ["OK"]
    assert term.answer("AT^SYSCFGEX?") == ['^SYSCFGEX:"03",80,0,2,800C5', "OK"]
    assert term.answer('AT^SYSCFGEX="0201",3FFFFFFF,2,4,,,') == ["+CME ERROR: Incorrect parameters"]  # not offered by =?
    assert term.answer('AT^SYSCFGEX="02",3FFFFFFF,2,4,,,') == ["OK"]
    assert term.answer("AT+COPS?") == ['+COPS: 0,0,"Simulated Mobile",2', "OK"]
    assert modem.state.syscfgex.acqorder == "02"


def test_syscfg_only_3g_stick(make_modem):
    modem, term = make_modem("E1752")
    term.raw("ATE0")
    assert term.answer("AT^SYSCFGEX?") == ["COMMAND NOT SUPPORT"]
    assert term.answer("AT^SYSCFG=14,3,40000000,0,4") == ["OK"]
    assert term.answer("AT^SYSCFG?") == ["^SYSCFG:14,2,3FFFFFFF,0,2", "OK"]
    assert term.answer("AT^SYSCFG=7,2,3FFFFFFF,2,4") == ["+CME ERROR: 50"]
    assert term.answer("AT^SYSCFG=2,1,3FFFFFFF,2,4;^PREFMODE?") == ["^PREFMODE:2", "OK"]
    assert term.answer("AT^SYSINFO") == ["^SYSINFO:2,3,0,3,1", "OK"]  # GSM first: camped on GSM
    assert term.answer("AT+CEREG?") == ["COMMAND NOT SUPPORT"]
    assert modem.state.syscfg.roam == 0


def test_3g_stick_with_syscfgex_writes_through_both(make_modem):
    modem, term = make_modem("E3531")
    term.raw("ATE0")
    assert term.answer("AT^SYSCFG=13,3,40000000,0,4") == ["OK"]
    assert term.answer("AT^SYSCFGEX?") == ['^SYSCFGEX: "01",3fffffff,0,2,', "OK"]
    assert term.answer('AT^SYSCFGEX="00",3FFFFFFF,1,2,7FFFFFFFFFFFFFFF,,') == ["OK"]  # "any" LTE bands: nothing to keep
    assert term.answer('AT^SYSCFGEX="00",3FFFFFFF,1,2,80000,,') == ["+CME ERROR: 50"]
    assert term.answer("AT^SYSCFG?") == ["^SYSCFG:2,0,3FFFFFFF,1,2", "OK"]
    assert modem.state.syscfgex.lteband is None and modem.state.syscfg is None


def test_lte_firmware_only_reads_syscfg(make_modem):
    modem, term = make_modem("E3372h-153")
    term.raw("ATE0")
    assert term.answer('AT^SYSCFGEX="0302",3FFFFFFF,2,4,,,') == ["+CME ERROR: Incorrect parameters"]
    assert term.answer('AT^SYSCFGEX="02",3FFFFFFF,2,4,,,;^SYSCFG?') == ["^SYSCFG:14,2,3FFFFFFF,1,2", "OK"]
    assert term.answer("AT^SYSCFG=2,0,3FFFFFFF,2,4") == ["+CME ERROR: operation not supported"]
    assert modem.state.syscfgex.acqorder == "02"


def test_cgdcont(modem_term):
    modem, term = modem_term
    assert term.answer("AT+CGDCONT?") == ['+CGDCONT: 1,"IPV4V6","","",0,0,0,0', "OK"]
    assert term.answer('AT+CGDCONT=1,"IP","internet.t-mobile"') == ["OK"]
    assert term.answer('AT+CGDCONT=3,"ipv6","ims"') == ["OK"]
    assert term.answer("AT+CGDCONT?") == ['+CGDCONT: 1,"IP","internet.t-mobile","",0,0,0,0', '+CGDCONT: 3,"IPV6","ims","",0,0,0,0', "OK"]
    assert term.answer("AT+CGDCONT=3") == ["OK"]
    assert sorted(modem.state.pdp_contexts) == [1]
    assert modem.state.pdp_contexts[1].apn == "internet.t-mobile"
    assert term.answer('AT+CGDCONT=17,"IP","x"') == ["+CME ERROR: Incorrect parameters"]
    assert term.answer('AT+CGDCONT=2,"X25","x"') == ["+CME ERROR: Incorrect parameters"]
    assert term.answer("AT+CGDCONT=?")[0] == '+CGDCONT: (1-16),"IP",,,(0-2),(0-4)'


def test_cgdcont_ipv4_only_device(make_modem):
    dummy, term = make_modem("E3272")
    term.raw("ATE0")
    assert term.answer('AT+CGDCONT=1,"IPV4V6","web"') == ["+CME ERROR: Incorrect parameters"]
    assert len(term.answer("AT+CGDCONT=?")) == 3


def test_setport_pending_until_reset_as_in_the_hilink_report(make_modem):
    modem, term = make_modem("E3272")
    term.raw("ATE0")
    assert term.answer("AT^SETPORT?") == ["^SETPORT:A1,A2;12,16,A1,A2", "OK"]
    assert "^SETPORT:FF: NO FIRST PORT" in term.answer("AT^SETPORT=?")
    assert term.answer('AT^SETPORT="FF;10,12"') == ["OK"]
    assert modem.state.setport_pending == "FF;10,12"
    assert term.answer("AT^SETPORT?") == ["^SETPORT:A1,A2;12,16,A1,A2", "OK"]
    assert term.answer("AT^RESET") == ["OK"]
    assert wait_reboot(modem, term.link)
    assert modem.state.setport_current == "FF;10,12" and modem.state.setport_pending is None
    term.link = modem.connect()
    assert term.lines("AT^SETPORT?") == ["AT^SETPORT?\r", "^SETPORT:;10,12", "OK"]


@pytest.mark.parametrize("value", ['"FF;10,99"', '"A2;12"', '"FF;12,12"', '"FF;"', '"FF,10,12"', "FF;10"])
def test_setport_rejects_invalid(make_modem, value):
    modem, term = make_modem("E3372h-153")
    term.raw("ATE0")
    assert term.answer(f"AT^SETPORT={value}") == ["ERROR"]
    assert modem.state.setport_pending is None


def test_setport_case_insensitive(make_modem):
    modem, term = make_modem("E3372h-153")
    term.raw("ATE0")
    assert term.answer('at^setport="a1,a2;12,10,16,a2"') == ["OK"]
    assert modem.state.setport_pending == "A1,A2;12,10,16,A2"


def test_curc(modem_term):
    modem, term = modem_term
    assert term.answer("AT^CURC?") == ["^CURC: 1", "OK"]
    assert term.answer("AT^CURC=0") == ["OK"] and modem.state.curc == 0
    assert term.answer("AT^CURC=7") == ["ERROR"]
    assert term.answer("AT^CURC=?") == ["^CURC: (0-2)", "OK"]


def test_persistence_across_reset(modem_term):
    modem, term = modem_term
    term.raw('AT^SYSCFGEX="03",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF,,')
    term.raw('AT+CGDCONT=2,"IP","apn.two"')
    term.raw("AT^RFSWITCH=0")
    term.raw("AT+CMEE=0;+CREG=2;+CFUN=4")
    term.raw("AT^RESET")
    assert wait_reboot(modem, term.link)
    state = modem.state
    assert (state.syscfgex.acqorder, state.syscfgex.roam) == ("03", 0)
    assert state.pdp_contexts[2].apn == "apn.two" and state.rf_software is False
    assert (state.cmee, state.creg_n, state.cfun) == (2, 0, 1)
    term.link = modem.connect()
    assert term.lines("AT") == ["AT\r", "OK"]  # echo back on after boot


def test_version_and_hwver(modem_term):
    dummy, term = modem_term
    assert term.answer("AT^HWVER") == ['^HWVER: "MH1ME906SM Ver.B"', "OK"]
    assert term.answer("AT^VERSION?")[1] == "^VERSION: EXTS:11.617.00.00.00"
