# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Every test knob of the emulator, changed at run time between commands."""

from __future__ import annotations

import time

import pytest

from simulator.modem import Knobs, ModemUnavailable


def test_latency_and_command_latency(make_modem):
    modem, term = make_modem()
    term.raw("ATE0")
    modem.knobs.latency = 0.1
    started = time.monotonic()
    assert term.raw("AT") == b"\r\nOK\r\n"
    assert 0.1 <= time.monotonic() - started < 0.5
    modem.knobs.latency = 0
    modem.knobs.command_latency = {"AT+COPS=?": 0.15}
    started = time.monotonic()
    term.raw("AT+COPS?")
    assert time.monotonic() - started < 0.1
    started = time.monotonic()
    term.raw("at+cops=?")
    assert time.monotonic() - started >= 0.15


def test_echo_comes_before_latency(make_modem):
    dummy, term = make_modem(latency=0.2)
    term.link.write(b"AT\r")
    assert term.link.read(0.1) == b"AT\r"
    assert term.read_until_final() == b"\r\nOK\r\n"


@pytest.mark.parametrize("where,expected", [
    ("before", b"AT+CSQ\r\r\n^RSSI:20\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n"),
    ("inside", b"AT+CSQ\r\r\n+CSQ: 20,99\r\n\r\n^RSSI:20\r\n\r\nOK\r\n"),
    ("after", b"AT+CSQ\r\r\n+CSQ: 20,99\r\n\r\nOK\r\n\r\n^RSSI:20\r\n"),
])
def test_scripted_urcs(make_modem, where, expected):
    dummy, term = make_modem("E3372h-153", scripted_urcs={"AT+CSQ": [(where, "^RSSI:20")]})
    assert term.raw("AT+CSQ") + term.drain(0.05) == expected
    assert term.raw("AT") == b"AT\r\r\nOK\r\n"


def test_random_urcs_are_seeded_and_obey_curc(make_modem):
    modem, term = make_modem("E3372h-153", urc_interval=0.05)
    term.raw("ATE0")
    data = term.drain(0.5).decode()
    lines = [line for line in data.split("\r\n") if line]
    assert len(lines) >= 4
    assert all(line.split(":")[0] in ("^RSSI", "^HCSQ", "^MODE", "^BOOT", "^DSFLOWRPT", "+CREG") for line in lines)
    term.raw("AT^CURC=0")
    term.drain(0.1)
    assert term.drain(0.3) == b""
    modem.knobs.urc_interval = None


def test_random_urc_sequence_is_reproducible(make_modem):
    sequences = []
    for dummy in range(2):
        modem, term = make_modem("ME906s-158", seed=5, urc_interval=0.04)
        term.raw("ATE0")
        text = term.drain(0.45).decode()
        modem.knobs.urc_interval = None
        sequences.append([line.split(":")[0] for line in text.split("\r\n") if line][:5])
    assert sequences[0] == sequences[1]


def test_silent_and_silent_commands(make_modem):
    modem, term = make_modem()
    modem.knobs.silent = True
    term.link.write(b"AT\r")
    assert term.drain(0.15) == b""
    modem.knobs.silent = False
    modem.knobs.silent_commands = {"at+cops"}
    term.link.write(b"AT+COPS?\r")
    assert term.drain(0.15) == b""
    assert term.raw("AT") == b"AT\r\r\nOK\r\n"
    assert modem.command_log == ["AT", "AT+COPS?", "AT"]


def test_garbage_before_and_instead(make_modem):
    modem, term = make_modem(garbage=b"\xff\x00noise", garbage_commands={"ATI"})
    term.raw("ATE0")
    assert term.raw("AT") == b"\r\nOK\r\n"
    assert term.raw("ATI").startswith(b"\xff\x00noise\r\nManufacturer:")
    modem.knobs.garbage_mode = "instead"
    term.link.write(b"ATI\r")
    assert term.drain(0.15) == b"\xff\x00noise"
    modem.knobs.garbage_commands = None
    term.link.write(b"AT\r")
    assert term.drain(0.15) == b"\xff\x00noise"


def test_error_overrides(make_modem):
    modem, term = make_modem("ME909u-521", errors={"AT^SYSCFGEX=": "+CME ERROR: 50"})
    term.raw("ATE0")
    before = modem.state.syscfgex.roam
    assert term.answer('AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,') == ["+CME ERROR: 50"]
    assert modem.state.syscfgex.roam == before
    assert term.answer("AT^SYSCFGEX?")[-1] == "OK"
    modem.knobs.errors = {"AT+CSQ": "COMMAND NOT SUPPORT"}
    assert term.answer("AT+CSQ") == ["COMMAND NOT SUPPORT"]


def test_reset_on_mid_command(make_modem):
    modem, term = make_modem("E3372h-153", reset_on={"AT^SETPORT=?"}, reboot_delay=0.3)
    term.raw("ATE0")
    term.link.write(b"AT^SETPORT=?\r")
    data = term.drain(0.05)
    assert data.startswith(b"\r\n^SETPORT:A1: CDROM") and not data.endswith(b"OK\r\n")
    assert term.link.closed
    with pytest.raises(ModemUnavailable):
        modem.connect()
    assert modem.wait_ready(2)
    assert not modem.connect().closed


def test_connect_delay_and_home_network(make_modem):
    modem, term = make_modem("ME906s-158", connect_delay=0.2)
    term.raw("ATE0")
    assert term.raw("AT^NDISDUP=1,1") == b"\r\nOK\r\n"
    assert term.drain(0.1) == b""
    assert modem.state.ndis[1].status == "connecting"
    assert b"^NDISSTAT: 1" in term.drain(0.25)
    modem.knobs.home_network = False  # roaming allowed on this profile: stays up
    assert term.drain(0.1) == b""
    modem.state.syscfgex.roam = 0
    assert b'^NDISSTAT: 0,111,,"IPV4"' in term.drain(0.2)


def test_reboot_delay(make_modem):
    modem, term = make_modem(reboot_delay=0.2)
    started = time.monotonic()
    term.raw("AT^RESET")
    assert not modem.is_up
    assert modem.wait_ready(2)
    assert time.monotonic() - started >= 0.2


def test_boot_urcs(make_modem):
    modem, term = make_modem("E3372h-153")
    received = []
    modem.add_observer(lambda event: event == "up" and received.append(modem.connect()))
    term.raw("AT^RESET")
    assert modem.wait_ready(2)
    time.sleep(0.05)
    assert received[0].read(0.2) == b"\r\n^BOOT:27710117,0,0,0,75\r\n\r\n^SIMST:1\r\n"


def test_sim_and_pin_knobs(make_modem):
    modem, term = make_modem(sim="puk", pin="1111")
    term.raw("ATE0;+CMEE=1")
    assert term.answer("AT+CPIN?") == ["+CPIN: SIM PUK", "OK"]
    assert term.answer('AT+CPIN="12345678","1111"') == ["OK"]
    modem.knobs.sim = "absent"
    assert term.answer("AT+CPIN?") == ["+CME ERROR: 10"]


def test_knobs_validation():
    with pytest.raises(ValueError):
        Knobs(sim="broken")
    with pytest.raises(ValueError):
        Knobs(garbage_mode="sometimes")


def test_command_log_keeps_lines_as_typed(make_modem):
    modem, term = make_modem()
    term.raw("at+cgmi;+CGMM")
    term.raw('AT+CGDCONT=1,"IP","x"')
    assert modem.command_log == ["at+cgmi;+CGMM", 'AT+CGDCONT=1,"IP","x"']
