# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""States a real modem can be in, each set up alone from Python knobs and from the command line.

The causes follow the NO CARRIER checklist: SIM, CFUN, both RF switches, signal,
registration, roaming, bands, APN, the data call itself, the USB composition.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import subprocess
import sys

import pytest

from modem_terminal import TIMEOUT, Terminal
from simulator.__main__ import build_parser
from simulator.modem.cli import knobs_from_args

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))

# (cause, command-line options, knobs, [(command, expected answer lines)]) on an ME906s-158 (CMEE 2 texts).
CAUSES = [
    ("SIM missing", ["--sim", "absent"], {"sim": "absent"}, [
        ("AT+CPIN?", ["+CME ERROR: SIM not inserted"]), ("AT+CMEE=1;+CPIN?", ["+CME ERROR: 10"]),
        ("AT^SYSINFOEX", ['^SYSINFOEX: 0,0,0,255,0,0,"NO SERVICE",0,"NO SERVICE"', "OK"])]),
    ("SIM PIN", ["--sim", "pin", "--pin-retries", "2"], {"sim": "pin", "pin_retries": 2}, [
        ("AT+CPIN?", ["+CPIN: SIM PIN", "OK"]), ("AT^CPIN?", ["^CPIN: SIM PIN,2,10,2,10,3", "OK"]),
        ("AT+CSQ", ["+CME ERROR: SIM PIN required"]), ("AT+CREG?", ["+CREG: 0,0", "OK"])]),
    ("SIM PUK", ["--sim", "puk", "--puk-retries", "5"], {"sim": "puk", "puk_retries": 5}, [
        ("AT+CPIN?", ["+CPIN: SIM PUK", "OK"]), ("AT^CPIN?", ["^CPIN: SIM PUK,5,5,3,10,3", "OK"]),
        ("AT+CMEE=1;+COPS?", ["+CME ERROR: 12"])]),
    ("SIM PUK2", ["--sim", "puk2", "--puk2-retries", "7"], {"sim": "puk2", "puk2_retries": 7}, [
        ("AT+CPIN?", ["+CPIN: SIM PUK2", "OK"]), ("AT^CPIN?", ["^CPIN: SIM PUK2,7,10,3,7,3", "OK"]),
        ("AT+CSQ", ["+CSQ: 20,99", "OK"])]),  # PIN2 guards a few SIM files only: the modem still registers
    ("SIM busy", ["--sim", "busy"], {"sim": "busy"}, [("AT+CPIN?", ["+CME ERROR: SIM busy"])]),
    ("SIM failure", ["--sim", "failure", "--cmee", "1"], {"sim": "failure", "cmee": 1}, [("AT+CPIN?", ["+CME ERROR: 13"])]),
    ("errors as plain ERROR", ["--cmee", "0"], {"cmee": 0}, [("AT+CFUN=9", ["ERROR"]), ("AT+CMEE?", ["+CMEE: 0", "OK"])]),
    ("CFUN 0", ["--cfun", "0"], {"cfun": 0}, [("AT+CFUN?", ["+CFUN: 0", "OK"]), ("AT+CREG?", ["+CREG: 0,0", "OK"])]),
    ("CFUN 4", ["--cfun", "4"], {"cfun": 4}, [("AT+CFUN?", ["+CFUN: 4", "OK"]), ("AT+CSQ", ["+CSQ: 99,99", "OK"])]),
    ("software RF switch off", ["--rf-software-off"], {"rf_software": False}, [
        ("AT^RFSWITCH?", ["^RFSWITCH: 0,1", "OK"]), ("AT+CREG?", ["+CREG: 0,2", "OK"])]),
    ("hardware RF switch off", ["--rf-hardware-off"], {"rf_hardware": False}, [
        ("AT^RFSWITCH?", ["^RFSWITCH: 1,0", "OK"]), ("AT+CSQ", ["+CSQ: 99,99", "OK"])]),
    ("no signal", ["--no-signal"], {"coverage": False}, [
        ("AT+CSQ", ["+CSQ: 99,99", "OK"]), ("AT^HCSQ?", ['^HCSQ: "NOSERVICE"', "OK"]), ("AT+CREG?", ["+CREG: 0,2", "OK"]),
        ("AT^SYSINFOEX", ['^SYSINFOEX: 0,0,0,1,0,0,"NO SERVICE",0,"NO SERVICE"', "OK"])]),
    ("searching", ["--registration", "searching"], {"registration": "searching"}, [
        ("AT+CREG?", ["+CREG: 0,2", "OK"]), ("AT+CSQ", ["+CSQ: 20,99", "OK"]), ("AT+COPS?", ["+COPS: 0", "OK"])]),
    ("denied with a reject cause", ["--reject-cause", "11"], {"reject_cause": 11}, [
        ("AT+CREG?", ["+CREG: 0,3", "OK"]), ("AT+CEER", ["+CEER: 11", "OK"])]),
    ("foreign SIM, roam bit off", ["--roaming-sim", "--roam-off"], {"home_network": False, "roaming": False}, [
        ("AT^SYSCFGEX?", ['^SYSCFGEX: "00",3FFFFFFF,0,2,7FFFFFFFFFFFFFFF', "OK"]), ("AT+CREG?", ["+CREG: 0,3", "OK"]),
        ("AT+CEER", ["+CEER: 13", "OK"])]),
    ("LTE only, no band of the cell", ["--syscfg", '"03",3FFFFFFF,1,2,80000'], {"syscfg": '"03",3FFFFFFF,1,2,80000'}, [
        ("AT^SYSCFGEX?", ['^SYSCFGEX: "03",3FFFFFFF,1,2,80000', "OK"]), ("AT+CREG?", ["+CREG: 0,2", "OK"]),
        ("AT^HCSQ?", ['^HCSQ: "NOSERVICE"', "OK"])]),
    ("3G-only area", ["--network-rats", "WCDMA,GSM"], {"network_rats": ("WCDMA", "GSM")}, [
        ("AT^HCSQ?", ['^HCSQ: "WCDMA",48,43,53', "OK"]), ("AT+CREG=2;+CREG?", ['+CREG: 2,1,"2A5B","0F4C2D11",2', "OK"]),
        ("AT+CEREG?", ["+CEREG: 0,0", "OK"]), ("AT^SYSINFOEX", ['^SYSINFOEX: 2,3,0,1,0,3,"WCDMA",45,"HSPA+"', "OK"]),
        ("AT^CSNR?", ["^CSNR: -78,-6", "OK"])]),
    ("GSM only", ["--network-rats", "GSM"], {"network_rats": ("GSM",)}, [
        ("AT^HCSQ?", ['^HCSQ: "GSM",48', "OK"]), ("AT+COPS?", ['+COPS: 0,0,"Simulated Mobile",3', "OK"])]),
    ("no PDP context", ["--no-pdp-context", "--valid-apn", "internet"], {"pdp_contexts": (), "valid_apns": {"internet"}}, [
        ("AT+CGDCONT?", ["OK"])]),
    ("port mode without network function", ["--port-mode", "FF;10,12"], {"port_mode": "FF;10,12"}, [
        ("AT^SETPORT?", ["^SETPORT:FF;10,12", "OK"]), ("AT^NDISDUP=1,1", ["ERROR"]),
        ("AT^GETPORTMODE", ["^GETPORTMODE: TYPE: WCDMA: huawei,modem:1,pcui:2,", "OK"])]),
]

# (cause, command-line options, knobs, dial command, the ^NDISSTAT line that reports the failure)
DIAL_FAILURES = [
    ("APN missing", ["--no-pdp-context", "--valid-apn", "internet"], {"pdp_contexts": (), "valid_apns": {"internet"}},
     "AT^NDISDUP=1,1", '^NDISSTAT: 0,27,,"IPV4"'),
    ("APN wrong", ["--valid-apn", "internet"], {"valid_apns": {"internet"}}, 'AT^NDISDUP=1,1,"wrong"', '^NDISSTAT: 0,33,,"IPV4"'),
    ("data call refused", ["--dial-failure-cause", "29"], {"dial_failure_cause": 29}, "AT^NDISDUP=1,1", '^NDISSTAT: 0,29,,"IPV4"'),
    ("radio off", ["--rf-hardware-off"], {"rf_hardware": False}, "AT^NDISDUP=1,1", '^NDISSTAT: 0,0,,"IPV4"'),
]


def cli_knobs(options):
    """The knobs `python -m simulator modem OPTIONS` builds."""
    return knobs_from_args(build_parser(["modem"]).parse_args(["modem", *options]))


def check(term, commands):
    """Every command's answer, for an exact comparison."""
    return [(command, term.answer(command)) for command, dummy in commands]


@pytest.mark.parametrize("cause,options,knobs,commands", CAUSES, ids=[case[0] for case in CAUSES])
def test_cause_from_knobs(make_modem, cause, options, knobs, commands):
    dummy, term = make_modem("ME906s-158", **knobs)
    term.raw("ATE0")
    assert check(term, commands) == commands, cause


@pytest.mark.parametrize("cause,options,knobs", [case[:3] for case in CAUSES + DIAL_FAILURES], ids=[case[0] for case in CAUSES + DIAL_FAILURES])
def test_cause_from_the_command_line(cause, options, knobs):
    built = cli_knobs(options)
    assert {name: getattr(built, name) for name in knobs} == knobs, cause


@pytest.mark.parametrize("cause,options,knobs,dial,failure", DIAL_FAILURES, ids=[case[0] for case in DIAL_FAILURES])
def test_data_call_fails_with_its_cause(make_modem, cause, options, knobs, dial, failure):
    modem, term = make_modem("ME906s-158", **knobs)
    term.raw("ATE0")
    assert failure.encode() in term.until(failure.encode(), data=term.raw(dial)), cause
    cause_number = failure.split(",")[1]
    assert term.answer("AT+CEER") == [f"+CEER: {cause_number}", "OK"]
    assert modem.state.ndis[1].status == "down"


def test_pin_puk_and_retry_counters(make_modem):
    modem, term = make_modem("E3372h-153", sim="pin", pin="4321")
    term.raw("ATE0;+CMEE=1")
    for left in (2, 1):
        assert term.answer('AT+CPIN="0000"') == ["+CME ERROR: 16"]
        assert term.answer("AT^CPIN?") == [f"^CPIN:SIM PIN,{left},10,{left},10,3", "OK"]
    assert term.answer('AT+CPIN="0000"') == ["+CME ERROR: 16"]
    assert term.answer("AT+CPIN?") == ["+CPIN: SIM PUK", "OK"]
    assert term.answer('AT+CPIN="00000000","1111"') == ["+CME ERROR: 16"]
    assert term.answer("AT^CPIN?") == ["^CPIN:SIM PUK,9,9,0,10,3", "OK"]
    assert term.answer('AT+CPIN="12345678"') == ["+CME ERROR: 12"]  # the new PIN is missing
    assert term.answer('AT+CPIN="12345678","1111"') == ["OK"]
    assert term.answer("AT+CPIN?") == ["+CPIN: READY", "OK"]
    assert modem.state.sim_pin == "1111" and (modem.state.pin_retries, modem.state.puk_retries) == (3, 10)


def test_pin2_and_puk2(make_modem):
    modem, term = make_modem("ME909u-521", sim="pin2")
    term.raw("ATE0")
    assert term.answer("AT+CPIN?") == ["+CPIN: SIM PIN2", "OK"]
    for dummy in range(3):
        assert term.answer('AT+CPIN="0000"') == ["+CME ERROR: 16"]
    assert term.answer("AT+CPIN?") == ["+CPIN: SIM PUK2", "OK"]
    assert term.answer('AT+CPIN="87654321"') == ["+CME ERROR: 18"]
    assert term.answer('AT+CPIN="87654321","2222"') == ["OK"]
    assert term.answer("AT+CPIN?") == ["+CPIN: READY", "OK"]
    assert modem.state.sim_pin2 == "2222"


def test_no_service_then_coverage_returns_with_a_urc(make_modem):
    modem, term = make_modem("E3372h-153", coverage=False)
    term.raw("ATE0;+CREG=1")
    assert term.answer("AT^HCSQ?") == ['^HCSQ:"NOSERVICE"', "OK"]
    modem.knobs.coverage = True
    assert b"\r\n+CREG: 1\r\n" in term.until(b"\r\n+CREG: 1\r\n")
    assert term.answer("AT^HCSQ?") == ['^HCSQ:"LTE",48,48,130,24', "OK"]


def test_only_the_modem_port_dials_beside_a_pcui(make_modem):
    modem, pcui = make_modem("ME906s-158", rf_hardware=False)
    modem_port = Terminal(modem.connect("modem"))
    assert pcui.answer("ATD*99#") == ["ERROR"]
    assert modem_port.answer("ATD*99#") == ["NO CARRIER"]
    modem.knobs.rf_hardware = True
    assert modem_port.answer("ATD*99#") == ["CONNECT 150000000"]


def test_a_stick_without_modem_port_dials_on_its_pcui(make_modem):
    dummy, pcui = make_modem("E3272")
    assert pcui.answer("ATD*99#") == ["CONNECT 150000000"]


@pytest.mark.parametrize("profile", ["ME906s-158", "ME909u-521", "E3272", "E1752"])
def test_dhcp_gateway_lies_in_the_announced_subnet(make_modem, profile):
    modem, term = make_modem(profile, seed=7)
    term.raw("ATE0")
    term.until(b"NDISSTAT", data=term.raw("AT^NDISDUP=1,1"))
    fields = term.answer("AT^DHCP?")[0].split(":", 1)[1].strip().split(",")
    address, netmask, gateway = (decode(field) for field in fields[:3])
    network = ipaddress.ip_network(f"{address}/{netmask}", strict=False)
    assert network.prefixlen == 30 and ipaddress.ip_address(gateway) in network and gateway != address


def decode(field: str) -> str:
    """a.b.c.d of a ^DHCP little-endian hex field (0x prefix and dropped leading zeros allowed)."""
    return str(ipaddress.IPv4Address(int(field.lower().removeprefix("0x"), 16).to_bytes(4, "little")))


def test_a_cause_over_the_real_command_line():
    command = [sys.executable, "-m", "simulator", "modem", "--profile", "ME909s-120", "--tcp", "0", "--sim", "pin", "--pin-retries", "1"]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True) as process:
        try:
            lines = [process.stdout.readline().strip(), process.stdout.readline().strip()]
            assert lines[-1] == "ready"
            port = int(lines[0].rsplit(":", 1)[1])
            with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as connection:
                connection.sendall(b"ATE0;^CPIN?\r")
                data = b""
                while b"OK\r\n" not in data:
                    data += connection.recv(1024)
            assert b"^CPIN: SIM PIN,1,10,1,10,3\r\n" in data
        finally:
            process.terminate()
            assert process.wait(TIMEOUT) == 0
