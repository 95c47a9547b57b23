# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Framing, echo, result codes, chaining and per-profile reply style of the emulator."""

from __future__ import annotations

import pytest

from simulator.modem import PROFILES

from modem_terminal import wait_for


def test_echo_and_framing_bytes(make_modem):
    dummy, term = make_modem("E3372h-153")
    assert term.raw("AT") == b"AT\r\r\nOK\r\n"
    assert term.raw("AT+CSQ") == b"AT+CSQ\r\r\n+CSQ: 20,99\r\n\r\nOK\r\n"
    assert term.raw("ATE0") == b"ATE0\r\r\nOK\r\n"
    assert term.raw("AT") == b"\r\nOK\r\n"
    assert term.raw("ATE1") == b"\r\nOK\r\n"
    assert term.raw("at") == b"at\r\r\nOK\r\n"


def test_multi_line_answer_framing(make_modem):
    dummy, term = make_modem("E3372h-153")
    term.raw("ATE0")
    data = term.raw("AT^SETPORT=?")
    assert data.startswith(b"\r\n^SETPORT:A1: CDROM\r\n^SETPORT:A2: SD\r\n")
    assert data.endswith(b"^SETPORT:16: NCM\r\n\r\nOK\r\n")


def test_input_terminators_and_empty_lines(make_modem):
    modem, term = make_modem()
    term.raw("ATE0")
    term.link.write(b"\r\n\r\n")  # empty lines get no answer: the next bytes are AT's
    term.link.write(b"AT\r\n")
    assert term.read_until_final() == b"\r\nOK\r\n"
    term.link.write(b"AT+CFUN?\n")
    assert term.read_until_final() == b"\r\n+CFUN: 1\r\n\r\nOK\r\n"
    assert modem.command_log == ["ATE0", "AT", "AT+CFUN?"]


def test_line_arriving_while_busy_is_ignored(make_modem):
    modem, term = make_modem(latency=0.1)
    term.link.write(b"AT\rATI\r")
    assert term.read_until_final() == b"AT\r\r\nOK\r\n"
    assert term.next_bytes("AT+CGMM") == b"AT+CGMM\r\r\nME906s-158\r\n\r\nOK\r\n"  # no late ATI answer before it
    assert modem.command_log == ["AT", "AT+CGMM"]


def test_chained_commands_run_in_order_and_stop_at_first_error(make_modem):
    modem, term = make_modem("E3372h-153")
    term.raw("ATE0")
    assert term.raw("AT+CGMI;+CGMM") == b"\r\nhuawei\r\n\r\nE3372\r\n\r\nOK\r\n"
    assert term.answer("AT+CMEE=1;+CFUN=9;+CREG=1") == ["+CME ERROR: 50"]
    assert modem.state.cmee == 1 and modem.state.creg_n == 0
    assert modem.command_log[-1] == "AT+CMEE=1;+CFUN=9;+CREG=1"


def test_basic_command_sequence_from_wvdial(make_modem):
    dummy, term = make_modem()
    assert term.lines("ATQ0 V1 E1 S0=0") == ["ATQ0 V1 E1 S0=0\r", "OK"]


@pytest.mark.parametrize("profile,reply", [(name, profile.unknown_command_reply) for name, profile in PROFILES.items()])
def test_unknown_command_reply_per_profile(make_modem, profile, reply):
    dummy, term = make_modem(profile)
    assert term.answer("AT^NOSUCHCOMMAND") == [reply]


def test_too_many_parameters(make_modem):
    dummy, term = make_modem()
    assert term.answer("AT+CFUN=1,0,5") == ["TOO MANY PARAMETERS"]
    assert term.answer('AT^NDISDUP=1,1,"a","b","c",2,9') == ["TOO MANY PARAMETERS"]


def test_cmee_modes(make_modem):
    modem, term = make_modem("ME906s-158")
    assert modem.state.cmee == 2
    assert term.answer("AT+CFUN=9") == ["+CME ERROR: Incorrect parameters"]
    term.raw("AT+CMEE=1")
    assert term.answer("AT+CFUN=9") == ["+CME ERROR: 50"]
    assert term.answer("AT+CMEE?") == ["+CMEE: 1", "OK"]
    term.raw("AT+CMEE=0")
    assert term.answer("AT+CFUN=9") == ["ERROR"]
    assert term.answer("AT+CMEE=?") == ["+CMEE: (0-2)", "OK"]


def test_qualcomm_cme_texts(make_modem):
    dummy, term = make_modem("ME909u-521")
    assert term.answer("AT+CFUN=9") == ["+CME ERROR: 50"]
    term.raw("AT+CMEE=2")
    assert term.answer("AT+CFUN=9") == ["+CME ERROR: incorrect parameters"]


def test_numeric_and_quiet_result_codes(make_modem):
    dummy, term = make_modem()
    term.raw("ATE0")
    term.link.write(b"ATV0\r")
    assert term.until(b"0\r") == b"0\r"
    term.link.write(b"AT+CFUN?\r")
    assert term.until(b"0\r") == b"+CFUN: 1\r\n0\r"
    term.link.write(b"ATV1Q1\r")  # no result code at all: the next bytes belong to the next command
    assert wait_for(lambda: term.link.quiet and not term.link.busy)
    term.link.write(b"AT+CFUN?\r")
    assert term.until(b"+CFUN: 1\r\n") == b"\r\n+CFUN: 1\r\n"
    assert term.raw("ATZ") == b"\r\nOK\r\n"
    assert term.raw("AT") == b"AT\r\r\nOK\r\n"


def test_not_at_and_bad_syntax_answer_error(make_modem):
    dummy, term = make_modem()
    term.raw("ATE0")
    assert term.answer("HELLO") == ["ERROR"]
    assert term.answer('AT+CGDCONT=1,"IP,"x') == ["ERROR"]
    assert term.answer("ATZ1") == ["ERROR"]
    assert term.answer("ATE5") == ["+CME ERROR: Incorrect parameters"]


@pytest.mark.parametrize("profile,line", [
    ("E3372h-153", "^HCSQ:\"LTE\",48,48,130,24"),
    ("ME906s-158", "^HCSQ: \"LTE\",48,48,130,24"),
    ("ME909u-521", "^SYSCFGEX: \"00\",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF"),
    ("E3372h-153", "^SYSCFGEX:\"00\",3FFFFFFF,1,2,7FFFFFFFFFFFFFFF"),
    ("E3272", "^SYSCFGEX:\"030201\",3FFFFFFF,1,2,800C5"),
    ("E3531", "^SYSCFG:2,0,3FFFFFFF,1,2"),
    ("E3372h-153", "^SETPORT:A1,A2;12,10,16,A1,A2"),
    ("ME906s-158", "^SETPORT:FF;10,12,13,14,16"),
    ("E3272", "^SETPORT:A1,A2;12,16,A1,A2"),
])
def test_reply_style_per_profile(make_modem, profile, line):
    dummy, term = make_modem(profile)
    command = {"^HCSQ": "AT^HCSQ?", "^SYSCFGEX": "AT^SYSCFGEX?", "^SYSCFG": "AT^SYSCFG?", "^SETPORT": "AT^SETPORT?"}[line.split(":")[0]]
    assert term.answer(command) == [line, "OK"]


def test_plus_replies_keep_the_space_on_balong_sticks(make_modem):
    dummy, term = make_modem("E3372h-153")
    assert term.answer("AT+CREG?") == ["+CREG: 0,1", "OK"]
    assert term.answer("AT^FHVER") == ['^FHVER:"E3372H-153 22.315.01.00.00,CL2E3372HM Ver.A"', "OK"]
