# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

import re

import pytest

from ansible_collections.lte.modem.plugins.module_utils._at.client import AtClient
from ansible_collections.lte.modem.plugins.module_utils._at.commands import command_name, is_read_only, split_chained, timeout_for, validate_command
from ansible_collections.lte.modem.plugins.module_utils._at.framing import Reply, classify_final
from ansible_collections.lte.modem.plugins.module_utils._errors import AtCommandError, InvalidInputError
from ansible_collections.lte.modem.plugins.module_utils._transports.base import StreamTransport


def frame(command, text):
    reply = Reply(command)
    reply.feed_text(text)
    return reply


FRAMING = [
    ('echo on', 'AT^SYSCFGEX?', 'AT^SYSCFGEX?\r\r\n^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF\r\n\r\nOK\r\n',
     ['^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF'], 'OK', [], True),
    ('echo off', 'AT+CSQ', '\r\n+CSQ: 99,99\r\n\r\nOK\r\n', ['+CSQ: 99,99'], 'OK', [], True),
    ('lower-case echo', 'at+cfun?', 'at+cfun?\r\r\n+CFUN: 1\r\n\r\nOK\r\n', ['+CFUN: 1'], 'OK', [], True),
    ('urc before', 'AT+CFUN?', '\r\n^RSSI:20\r\n\r\n+CFUN: 1\r\n\r\nOK\r\n', ['+CFUN: 1'], 'OK', ['^RSSI:20'], True),
    ('urc inside', 'ATI', 'ATI\r\r\nManufacturer: huawei\r\n^HCSQ:"LTE",48,35,86,14\r\nModel: E3372\r\n\r\nOK\r\n',
     ['Manufacturer: huawei', 'Model: E3372'], 'OK', ['^HCSQ:"LTE",48,35,86,14'], True),
    ('urc after final', 'AT', '\r\nOK\r\n^BOOT:27710117,0,0,0,75\r\n', [], 'OK', ['^BOOT:27710117,0,0,0,75'], True),
    ('ring urc', 'AT+CGMM', '\r\nRING\r\n\r\nME906s-158\r\n\r\nOK\r\n', ['ME906s-158'], 'OK', ['RING'], True),
    ('creg answers creg', 'AT+CREG?', '\r\n+CREG: 0,2\r\n\r\nOK\r\n', ['+CREG: 0,2'], 'OK', [], True),
    ('creg urc during csq', 'AT+CSQ', '\r\n+CREG: 5,"792D","04947221"\r\n+CSQ: 20,99\r\n\r\nOK\r\n',
     ['+CSQ: 20,99'], 'OK', ['+CREG: 5,"792D","04947221"'], True),
    ('ndisstat answers ndisstatqry', 'AT^NDISSTATQRY?', '\r\n^NDISSTAT: 1,,,"IPV4"\r\n\r\nOK\r\n',
     ['^NDISSTAT: 1,,,"IPV4"'], 'OK', [], True),
    ('ndisstat urc elsewhere', 'AT^DHCP?', '\r\n^NDISSTAT:0,,,"IPV4"\r\n\r\nERROR\r\n', [], 'ERROR', ['^NDISSTAT:0,,,"IPV4"'], False),
    ('chained keeps each answer', 'AT+CFUN?;^RFSWITCH?', '\r\n+CFUN: 1\r\n\r\n^RFSWITCH: 1,0\r\n\r\nOK\r\n',
     ['+CFUN: 1', '^RFSWITCH: 1,0'], 'OK', [], True),
    ('command not support', 'AT^FOO', '\r\nCOMMAND NOT SUPPORT\r\n', [], 'COMMAND NOT SUPPORT', [], False),
    ('too many parameters', 'ATE0,1', '\r\nTOO MANY PARAMETERS\r\n', [], 'TOO MANY PARAMETERS', [], False),
    ('no carrier', 'ATD*99#', '\r\nNO CARRIER\r\n', [], 'NO CARRIER', [], False),
    ('garbage is kept apart', 'AT+CFUN?', '\x8f\ufffd\r\n+CFUN: 1\r\nOK\r\n', ['+CFUN: 1'], 'OK', [], True),
]


@pytest.mark.parametrize('command, text, lines, final, urcs, ok', [case[1:] for case in FRAMING], ids=[case[0] for case in FRAMING])
def test_framing(command, text, lines, final, urcs, ok):
    reply = frame(command, text)
    assert reply.complete
    result = reply.result()
    assert (result.lines, result.final, result.urcs, result.ok) == (lines, final, urcs, ok)


def test_incomplete_answer_is_not_complete():
    reply = frame('AT+COPS=?', '\r\n+COPS: (2,"X","X","1",7)\r\n')
    assert not reply.complete
    assert '+COPS' in reply.raw_text()


ERRORS = [
    ('+CME ERROR: 10', 'cme', 10, 'SIM not inserted'),
    ('+CME ERROR: 11', 'cme', 11, 'SIM PIN required'),
    ('+CME ERROR: SIM PIN required', 'cme', 11, 'SIM PIN required'),
    ('+CME ERROR: Incorrect parameters', 'cme', 50, 'Incorrect parameters'),
    ('+CME ERROR: 9999', 'cme', 9999, 'unknown error code 9999'),
    ('+CMS ERROR: 310', 'cms', 310, '(U)SIM not inserted'),
    ('ERROR', 'error', None, FRAMING and 'the modem refused the command (generic ERROR; enable AT+CMEE=1 for a reason code)'),
    ('COMMAND NOT SUPPORT', 'not_supported', None, 'the modem or its firmware does not support this command'),
]


@pytest.mark.parametrize('line, error_type, code, meaning', ERRORS, ids=[e[0] for e in ERRORS])
def test_error_codes(line, error_type, code, meaning):
    assert classify_final(line) == (error_type, code, meaning)


def test_not_a_final():
    assert classify_final('+CSQ: 20,99') is None
    assert classify_final('OKAY') is None
    assert classify_final('CONNECT 150000000') == (None, None, None)


BAD = [
    ('cr', 'AT\rAT', 'CR at position 2'),
    ('lf', 'AT+CGDCONT=1,"IP","a\nb"', 'LF at position'),
    ('nul', 'AT\x00', 'NUL'),
    ('ctrl-z', 'AT+CMGS\x1a', 'Ctrl-Z'),
    ('non-ascii', 'AT+COPS=1,0,"Telefónica"', 'non-ASCII'),
    ('not at', 'ls -l', 'starts with "AT"'),
    ('empty', '  ', 'required'),
    ('too long', 'AT' + 'X' * 600, 'longer than 512'),
]


@pytest.mark.parametrize('command, message', [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_validate_command_refuses(command, message):
    with pytest.raises(InvalidInputError) as info:
        validate_command(command, 'commands[1]')
    assert message in str(info.value)
    assert 'commands[1]' in str(info.value)
    assert 'Nothing was sent' in str(info.value)


@pytest.mark.parametrize('command, expected', [
    ('AT^SYSCFGEX?', True), ('AT^SETPORT=?', True), ('ATI', True), ('AT+CSQ', True), ('AT', True),
    ('AT+CGMI;+CGMM;+CGSN', True), ('at^fhver', True), ('AT^SYSINFOEX', True),
    ('AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,', False), ('AT^RESET', False), ('AT+CFUN=1', False),
    ('AT+CGMI;+CFUN=0', False), ('AT^FOO', False), ('ATZ', False), ('ATE0', False),
])
def test_read_only(command, expected):
    assert is_read_only(command) is expected


def test_helpers():
    assert split_chained('AT+CGDCONT=1,"IP","a;b";+CGMM') == ['AT+CGDCONT=1,"IP","a;b"', '+CGMM']
    assert command_name('AT^SYSCFGEX?') == '^SYSCFGEX'
    assert command_name('+CGMM') == '+CGMM'
    assert command_name('ATI') == 'I'
    assert timeout_for('AT+COPS=?') == 180
    assert timeout_for('AT+CSQ') == 10
    # A timeout the task sets is honoured, for slow commands and writes too.
    assert timeout_for('AT+COPS=?', 10) == 10
    assert timeout_for('AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,', 3) == 3


class ScriptedTransport(StreamTransport):
    """Delivers a fixed answer per command, line by line, the way a serial port would."""

    def __init__(self, answers):
        self.answers = answers
        self.sent = []
        self._incoming = []

    def send_line(self, line):
        self.sent.append(line)
        self._incoming.extend(re.split(r'\r\n|\r|\n', self.answers[line]))

    def receive_lines(self):
        lines, self._incoming = self._incoming, []
        return lines

    def waiting_lines(self):
        return []


def test_client_records_history_and_raises():
    transport = ScriptedTransport({'AT+CPIN?': '\r\n+CME ERROR: 10\r\n'})
    client = AtClient(transport)
    result = client.run('AT+CPIN?')
    assert not result.ok and result.error_code == 10
    with pytest.raises(AtCommandError) as info:
        client.check('AT+CPIN?')
    assert 'AT+CPIN? failed: the modem answered +CME ERROR: 10 (SIM not inserted)' == str(info.value)
    assert info.value.details()['error_code'] == 10
    assert client.sent == ['AT+CPIN?', 'AT+CPIN?']


def test_client_validates_before_sending():
    transport = ScriptedTransport({})
    with pytest.raises(InvalidInputError):
        AtClient(transport).run('AT\r\nAT+CFUN=0')
    assert transport.sent == []
