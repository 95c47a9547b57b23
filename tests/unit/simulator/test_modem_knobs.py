# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Every test knob of the emulator, changed at run time between commands."""

from __future__ import annotations

import time

import pytest

from modem_terminal import TIMEOUT, Terminal, wait_for, wait_reboot
from simulator.modem import Knobs, ModemUnavailable


def test_latency_and_command_latency(make_modem):
    modem, term = make_modem()
    term.raw("ATE0")
    modem.knobs.latency = 0.1
    started = time.monotonic()
    assert term.raw("AT") == b"\r\nOK\r\n"
    assert time.monotonic() - started >= 0.1
    modem.knobs.latency = 0
    # A prefix that does not match gets no delay: were it delayed by 60 s, the answer would miss the bound.
    modem.knobs.command_latency = {"AT+COPS=?": 60}
    assert term.raw("AT+COPS?").endswith(b"OK\r\n")
    modem.knobs.command_latency = {"AT+COPS=?": 0.15}
    started = time.monotonic()
    term.raw("at+cops=?")
    assert time.monotonic() - started >= 0.15


def test_echo_comes_before_latency(make_modem):
    dummy, term = make_modem(latency=60)
    term.link.write(b"AT\r")
    assert term.until(b"AT\r") == b"AT\r"
    term.link.close()  # ends the wait of the delayed answer


def count_periodic_urcs(modem) -> list:
    """Record every periodic URC the modem tries to send, silenced or not."""
    attempts = []
    emit = modem.emit_urc

    def counting(line, periodic=False):
        if periodic:
            attempts.append(line)
        emit(line, periodic=periodic)

    modem.emit_urc = counting
    return attempts


@pytest.mark.parametrize("where,expected", [
    ("before", b"AT+CSQ\r\r\n^RSSI:20\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n"),
    ("inside", b"AT+CSQ\r\r\n+CSQ: 20,99\r\n\r\n^RSSI:20\r\n\r\nOK\r\n"),
    ("after", b"AT+CSQ\r\r\n+CSQ: 20,99\r\n\r\nOK\r\n\r\n^RSSI:20\r\n"),
])
def test_scripted_urcs(make_modem, where, expected):
    dummy, term = make_modem("E3372h-153", scripted_urcs={"AT+CSQ": [(where, "^RSSI:20")]})
    assert term.until(lambda data: len(data) >= len(expected), data=term.raw("AT+CSQ")) == expected
    assert term.raw("AT") == b"AT\r\r\nOK\r\n"


def test_random_urcs_are_seeded_and_obey_curc(make_modem):
    modem, term = make_modem("E3372h-153", urc_interval=0.05)
    attempts = count_periodic_urcs(modem)
    term.raw("ATE0")
    data = term.until(lambda received: len(received_lines(received)) >= 4).decode()
    lines = received_lines(data.encode())
    assert len(lines) >= 4
    assert all(line.split(":")[0] in ("^RSSI", "^HCSQ", "^MODE", "^BOOT", "^DSFLOWRPT", "+CREG") for line in lines)
    term.raw("AT^CURC=0")
    silenced = len(attempts)
    assert wait_for(lambda: len(attempts) >= silenced + 3)  # three more periodic URCs came due...
    assert term.next_bytes("AT") == b"\r\nOK\r\n"  # ...and none reached the port
    modem.knobs.urc_interval = None


def received_lines(data: bytes) -> list:
    """Non-empty lines of what the port received."""
    return [line for line in data.decode("latin-1").split("\r\n") if line]


def test_random_urc_sequence_is_reproducible(make_modem):
    sequences = []
    for dummy in range(2):
        modem, term = make_modem("ME906s-158", seed=5, urc_interval=0.04)
        text = term.until(lambda received: len(received_lines(received)) >= 5)
        modem.knobs.urc_interval = None
        sequences.append([line.split(":")[0] for line in received_lines(text)][:5])
    assert sequences[0] == sequences[1]


def test_silent_and_silent_commands(make_modem):
    modem, term = make_modem()
    modem.knobs.silent = True
    term.link.write(b"AT\r")
    assert wait_for(lambda: modem.command_log == ["AT"] and not term.link.busy)
    modem.knobs.silent = False
    modem.knobs.silent_commands = {"at+cops"}
    term.link.write(b"AT+COPS?\r")
    assert wait_for(lambda: len(modem.command_log) == 2 and not term.link.busy)
    assert term.next_bytes("AT") == b"AT\r\r\nOK\r\n"  # nothing came for the two silent lines
    assert modem.command_log == ["AT", "AT+COPS?", "AT"]


def test_garbage_before_and_instead(make_modem):
    modem, term = make_modem(garbage=b"\xff\x00noise", garbage_commands={"ATI"})
    term.raw("ATE0")
    assert term.raw("AT") == b"\r\nOK\r\n"
    assert term.raw("ATI").startswith(b"\xff\x00noise\r\nManufacturer:")
    modem.knobs.garbage_mode = "instead"
    term.link.write(b"ATI\r")
    assert term.until(b"noise") == b"\xff\x00noise"
    assert wait_for(lambda: not term.link.busy)
    modem.knobs.garbage_commands = None
    term.link.write(b"AT\r")
    assert term.until(b"noise") == b"\xff\x00noise"


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
    # The reboot must outlast the refused connect below even on a loaded machine.
    modem, term = make_modem("E3372h-153", reset_on={"AT^SETPORT=?"}, reboot_delay=2.0)
    term.raw("ATE0")
    term.link.write(b"AT^SETPORT=?\r")
    assert term.link.wait_closed(TIMEOUT)
    data = term.link.read(0)
    assert data.startswith(b"\r\n^SETPORT:A1: CDROM") and not data.endswith(b"OK\r\n")
    with pytest.raises(ModemUnavailable):
        modem.connect()
    assert modem.wait_ready(TIMEOUT)
    assert not modem.connect().closed


def test_connect_delay_and_home_network(make_modem):
    modem, term = make_modem("ME906s-158", connect_delay=60)
    term.raw("ATE0")
    assert term.raw("AT^NDISDUP=1,1") == b"\r\nOK\r\n"
    assert modem.state.ndis[1].status == "connecting"  # for a minute
    assert term.raw("AT^NDISDUP=1,0").startswith(b"\r\nOK\r\n")
    modem.knobs.connect_delay = 0.05
    up = b'^NDISSTAT: 1,,,"IPV6"\r\n'
    assert up in term.until(up, data=term.raw("AT^NDISDUP=1,1"))
    modem.knobs.home_network = False  # roaming allowed on this profile: stays up
    assert term.next_bytes("AT") == b"\r\nOK\r\n" and modem.state.ndis[1].status == "up"
    down = b'^NDISSTAT: 0,111,,"IPV4"'
    assert down in term.until(down, data=term.raw('AT^SYSCFGEX="99",40000000,0,4,40000000,,'))


def test_reboot_delay(make_modem):
    modem, term = make_modem(reboot_delay=0.2)
    started = time.monotonic()
    term.raw("AT^RESET")
    assert wait_reboot(modem, term.link)
    assert time.monotonic() - started >= 0.2


def test_boot_urcs(make_modem):
    modem, term = make_modem("E3372h-153")
    received = []
    modem.add_observer(lambda event: event == "up" and received.append(modem.connect()))
    term.raw("AT^RESET")
    assert wait_reboot(modem, term.link) and received
    expected = b"\r\n^BOOT:27710117,0,0,0,75\r\n\r\n^SIMST:1\r\n"
    assert Terminal(received[0]).until(expected) == expected


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
