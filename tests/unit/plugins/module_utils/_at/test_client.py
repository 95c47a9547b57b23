# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The AT client: how it drives each kind of transport, and what it lets out."""

from __future__ import annotations

import pytest

from ansible_collections.lte.modem.plugins.module_utils._at.client import AtClient
from ansible_collections.lte.modem.plugins.module_utils._errors import AtTimeoutError, InvalidInputError, LinkLost, TransportError
from ansible_collections.lte.modem.plugins.module_utils._transports.base import RequestTransport, StreamTransport


class AtChat(RequestTransport):
    """An at-chat that returns ``first`` without wait and ``whole`` with it, recording each call."""

    def __init__(self, first, whole=None, error=None):
        self.first, self.whole, self.error = first, whole, error
        self.calls = []

    def request(self, line, wait, timeout):
        self.calls.append((line, wait))
        if self.error:
            raise self.error
        return self.whole if wait else self.first


class Port(StreamTransport):
    """A serial port: ``pending`` lines arrived before the command, ``answer`` comes after it."""

    def __init__(self, pending=(), answer=(), error=None):
        self.pending, self.answer, self.error = list(pending), list(answer), error
        self.written = []

    def send_line(self, line):
        self.written.append(line)

    def receive_lines(self):
        if self.error:
            raise self.error
        lines, self.answer = self.answer, []
        return lines

    def waiting_lines(self):
        lines, self.pending = self.pending, []
        return lines

    def partial_text(self):
        return '+CSQ: 2'


def test_a_query_is_asked_without_wait_first():
    transport = AtChat('\r\n+CSQ: 20,99\r\n\r\nOK\r\n')
    assert AtClient(transport).run('AT+CSQ').lines == ['+CSQ: 20,99']
    assert transport.calls == [('AT+CSQ', False)]


def test_an_incomplete_answer_is_asked_again_with_wait():
    transport = AtChat('\r\n+COPS: (2,"A","A","1",7)', '\r\n+COPS: (2,"A","A","1",7),(1,"B","B","2",7)\r\n\r\nOK\r\n')
    result = AtClient(transport).run('AT+COPS=?')
    assert result.lines == ['+COPS: (2,"A","A","1",7),(1,"B","B","2",7)'] and result.ok
    assert transport.calls == [('AT+COPS=?', False), ('AT+COPS=?', True)]


def test_a_write_is_sent_once_with_wait():
    transport = AtChat(None, '')
    with pytest.raises(AtTimeoutError):
        AtClient(transport).run('AT+CFUN=1', timeout=3)
    assert transport.calls == [('AT+CFUN=1', True)]


def test_a_timeout_masks_the_secret_it_was_sent_with():
    transport = AtChat(None, 'AT+CPIN="4321"\r\n')
    with pytest.raises(AtTimeoutError) as caught:
        AtClient(transport).run('AT+CPIN="4321"', timeout=3)
    assert '4321' not in str(caught.value) and 'AT+CPIN=********' in str(caught.value)
    assert '4321' not in repr(caught.value.details())


def test_a_lost_link_says_which_command_was_under_way():
    transport = AtChat(None, error=LinkLost('The connection to RouterOS at 10.0.0.1 dropped'))
    with pytest.raises(TransportError) as caught:
        AtClient(transport).run('AT+CSQ')
    assert str(caught.value) == 'The connection to RouterOS at 10.0.0.1 dropped while waiting for the answer to AT+CSQ'


def test_a_stream_sets_aside_what_was_waiting_then_takes_the_answer():
    port = Port(pending=['^RSSI:20', 'OK'], answer=['AT+CFUN?', '', '+CFUN: 1', '', 'OK'])
    client = AtClient(port)
    result = client.run('AT+CFUN?')
    assert (result.lines, result.final, port.written) == (['+CFUN: 1'], 'OK', ['AT+CFUN?'])
    assert client.urcs == ['^RSSI:20']


def test_a_stream_that_breaks_reports_what_came_so_far():
    port = Port(error=LinkLost('The serial port /dev/ttyUSB2 went away', cause='modem reset or unplugged?'))
    with pytest.raises(TransportError) as caught:
        AtClient(port).run('AT+CSQ')
    assert str(caught.value) == ("The serial port /dev/ttyUSB2 went away while waiting for the answer to AT+CSQ: "
                                 "modem reset or unplugged?; received so far: '+CSQ: 2'")


def test_nothing_is_sent_that_is_not_a_command_line():
    port = Port()
    with pytest.raises(InvalidInputError):
        AtClient(port).run('AT\r\nAT+CFUN=0')
    assert port.written == []


def test_the_log_of_lines_sent_masks_secrets():
    client = AtClient(AtChat(None, '\r\nOK\r\n'))
    result = client.run('AT^NDISDUP=1,1,"apn","user","p4ss",2')
    assert client.sent == [result.command] == ['AT^NDISDUP=1,1,"apn","user",********,2']


class EchoModem(StreamTransport):
    """A port with ATE0/ATE1, complete answers from ``answers``, and commands whose answer only comes later (``late``)."""

    def __init__(self, answers, late=(), echo=False):
        self.answers, self.late, self.echo = answers, set(late), echo
        self.written, self.queue, self.owed = [], [], []

    def send_line(self, line):
        self.written.append(line)
        self.queue.extend(self.owed)  # what arrives late comes only now, before the echo
        self.owed = []
        if self.echo:
            self.queue.append(line)
        if line in ('ATE0', 'ATE1'):
            self.echo = line == 'ATE1'
            self.queue.append('OK')
        elif line in self.late:
            self.owed = list(self.answers[line])
        else:
            self.queue.extend(self.answers[line])

    def receive_lines(self):
        lines, self.queue = self.queue, []
        return lines

    def waiting_lines(self):
        return []


def test_without_echo_the_rest_of_a_timed_out_answer_is_never_the_next_one():
    port = EchoModem({'AT+CGMM': ['ME909u-521', 'OK'], 'AT+COPS=?': ['+COPS: (2,"A","A","1",7)', 'OK'], 'AT+CGSN': ['861234567890123', 'OK']},
                     late=['AT+COPS=?'])
    client = AtClient(port)
    assert client.run('AT+CGMM').lines == ['ME909u-521']
    with pytest.raises(AtTimeoutError):
        client.run('AT+COPS=?', timeout=0.2)
    assert client.run('AT+CGSN').lines == ['861234567890123']
    assert port.written[-2:] == ['ATE1', 'AT+CGSN']
    client.finish()
    assert port.written[-1] == 'ATE0' and port.echo is False


def test_with_echo_a_stray_final_before_the_echo_is_set_aside():
    port = EchoModem({'AT+CGMM': ['ME909u-521', 'OK'], 'AT+CFUN=9': ['+CME ERROR: 50']}, echo=True)
    client = AtClient(port)
    client.run('AT+CGMM')
    port.owed = ['OK']  # a stray final that arrives just after the next line was sent
    assert client.run('AT+CFUN=9').final == '+CME ERROR: 50'
