# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The serial transport on its own, against a simulated modem on a real pty and on loopback TCP."""

from __future__ import annotations

import pytest
import serial

from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError, LinkLost, TransportError
from ansible_collections.lte.modem.plugins.module_utils._transports.serial import SerialTransport
from simulator.modem import Knobs, SimulatedModem, serve_pty, serve_tcp

WAIT = 10.0


@pytest.fixture
def modem():
    simulated = SimulatedModem(profile='ME909u-521', knobs=Knobs(reboot_delay=0.2), seed=3)
    yield simulated
    simulated.close()


@pytest.fixture
def pty_port(modem, tmp_path):
    server = serve_pty(modem, link_path=str(tmp_path / 'by-id-port'))
    yield server
    server.close()


def read_until(transport, wanted):
    """Lines received until one equals ``wanted`` (bounded by WAIT seconds of silence-tolerant polling)."""
    lines = []
    for dummy in range(int(WAIT / 0.2)):
        lines += [line for line in transport.receive_lines() if line]
        if wanted in lines:
            return lines
    raise AssertionError('never received %r, only %r' % (wanted, lines))


def test_lines_go_out_and_come_back(pty_port):
    with SerialTransport(pty_port.link_path) as transport:
        transport.send_line('AT+CFUN?')
        assert read_until(transport, 'OK') == ['AT+CFUN?', '+CFUN: 1', 'OK']
        assert transport.partial_text() == ''
        assert transport.waiting_lines() == []


def test_a_pyserial_url_works_the_same(modem):
    server = serve_tcp(modem, port=0)
    try:
        with SerialTransport('socket://127.0.0.1:%d' % server.port) as transport:
            transport.send_line('ATI')
            assert 'Model: ME909u-521' in read_until(transport, 'OK')
    finally:
        server.close()


def test_options_are_checked_before_opening():
    with pytest.raises(InvalidInputError) as caught:
        SerialTransport.check_options({'transport': 'serial', 'device': None})
    assert caught.value.option == 'device'


def test_a_port_held_by_another_program_is_busy(pty_port):
    holder = serial.serial_for_url(pty_port.link_path, exclusive=True)
    try:
        with pytest.raises(TransportError, match='is busy: another program holds it'):
            SerialTransport(pty_port.link_path)
    finally:
        holder.close()


def test_a_missing_port_says_so(tmp_path):
    with pytest.raises(TransportError, match='does not exist'):
        SerialTransport(str(tmp_path / 'no-such-port'))


def test_a_port_that_goes_away_is_a_lost_link(modem, pty_port):
    transport = SerialTransport(pty_port.link_path)
    try:
        modem.reset()
        with pytest.raises(LinkLost) as caught:
            read_until(transport, 'never')
        assert 'went away' in str(caught.value)
    finally:
        transport.close()


def test_reopen_follows_the_port_after_a_reset(modem, pty_port):
    transport = SerialTransport(pty_port.link_path)
    try:
        modem.reset()
        assert transport.reopen(WAIT) == pty_port.link_path
        transport.send_line('AT+CGMM')
        assert read_until(transport, 'OK')[-2:] == ['ME909u-521', 'OK']
    finally:
        transport.close()


def test_reopen_gives_up_with_a_clear_error(tmp_path):
    gone = SerialTransport.__new__(SerialTransport)
    gone.device, gone.description, gone._usb_location, gone._port = str(tmp_path / 'gone'), 'serial port gone', None, None
    with pytest.raises(TransportError, match='did not come back on serial port gone within 0.3s'):
        gone.reopen(0.3)
