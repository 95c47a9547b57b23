# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The parallel AT probe, against simulated modems whose ports stand behind the fake hosts' /dev nodes."""

from __future__ import annotations

import os

import pytest
import serial

from ansible_collections.lte.modem.plugins.module_utils._at.tables import DEFAULT_COMMAND_TIMEOUT
from ansible_collections.lte.modem.plugins.module_utils._host.discovery import discover

from . import layouts

PROBE_TIMEOUT = 0.5


@pytest.fixture
def me906s(host, simulated):
    """An ME906s whose modem and PCUI ports answer AT and whose diag, GPS control and GPS ports stay silent."""
    modem = simulated('ME906s-158')
    plugged = host.plug(layouts.ME906S)
    for number, function in ((2, 'modem'), (3, 'diag'), (4, 'pcui'), (5, 'gps'), (6, 'gps')):
        host.serve(modem, plugged.tty(number), function)
    return modem


def probe(host, **options):
    options.setdefault('probe_timeout', PROBE_TIMEOUT)
    return discover(host.sys, host.dev, **options)


def statuses(modem):
    return {port['tty']: port['probe']['status'] for port in modem['ports']}


def test_the_pcui_is_confirmed_and_chosen(host, me906s):
    result = probe(host)
    [modem] = result['modems']
    assert statuses(modem) == {'ttyUSB0': 'answered', 'ttyUSB1': 'skipped', 'ttyUSB2': 'answered',
                               'ttyUSB3': 'no_answer', 'ttyUSB4': 'skipped'}
    assert result['at_port'] == host.by_id('ttyUSB2')
    assert modem['ports'][2]['probe']['final'] == 'OK'
    assert modem['ports'][1]['probe'] == {'status': 'skipped', 'reason': 'a diag port does not speak AT'}
    assert result['advice'] == []
    # the silent GPS control port cost one probe timeout, not a command timeout
    assert PROBE_TIMEOUT <= modem['ports'][3]['probe']['seconds'] < DEFAULT_COMMAND_TIMEOUT
    assert result['probe_seconds'] < DEFAULT_COMMAND_TIMEOUT
    assert me906s.command_log.count('AT') == 2


# Each tty is served by the simulated port of its role; the GPS control port by a silent one.
SIMULATED_FUNCTIONS = {'pcui': 'pcui', 'modem': 'modem', 'diag': 'diag', 'gps': 'gps', 'gps_control': 'gps'}


@pytest.mark.parametrize('layout, profile', [
    (layouts.ME906S, 'ME906s-158'),
    (layouts.ME909U_521, 'ME909u-521'),
    (layouts.E3372H_STICK, 'E3372h-153'),
    (layouts.E3272_STICK, 'E3372h-153'),  # a stick whose port mode holds a modem port and a PCUI, like "FF;10,12"
], ids=['ME906s', 'ME909u-521', 'E3372h', 'E3272'])
def test_the_at_port_of_every_serial_layout_is_found_well_within_a_command_timeout(host, simulated, layout, profile):
    modem = simulated(profile)
    host.plug(layout)
    classified = discover(host.sys, host.dev, probe=False)['modems'][0]['ports']
    for port in classified:
        host.serve(modem, port['tty'], SIMULATED_FUNCTIONS[port['role']])
    result = probe(host)
    pcui = next(port for port in result['modems'][0]['ports'] if port['role'] == 'pcui')
    assert pcui['probe']['status'] == 'answered'
    assert result['at_port'] == host.by_id(pcui['tty'])
    assert result['probe_seconds'] < DEFAULT_COMMAND_TIMEOUT


def test_many_silent_ports_cost_about_one_probe_timeout(host, simulated):
    modem = simulated('ME906s-158')
    plugged = host.plug(layouts.UNMARKED_STICK)
    host.serve(modem, plugged.tty(0), 'modem')
    for number in range(1, 5):
        host.serve(modem, plugged.tty(number), 'diag' if number % 2 else 'gps')
    result = probe(host)
    [found] = result['modems']
    assert statuses(found) == {'ttyUSB0': 'answered', 'ttyUSB1': 'no_answer', 'ttyUSB2': 'no_answer',
                               'ttyUSB3': 'no_answer', 'ttyUSB4': 'no_answer'}
    silent = [port['probe']['seconds'] for port in found['ports'][1:]]
    assert all(seconds >= PROBE_TIMEOUT for seconds in silent)
    # In parallel: the whole probe costs less than its silent ports one after the other would
    # (at least four probe timeouts), however slow the machine makes each of them.
    assert result['probe_seconds'] < sum(silent)
    assert result['at_port'] == host.by_id('ttyUSB0') and found['ports'][0]['role'] == 'unknown'


def test_a_port_held_by_another_program_is_busy_not_silent(host, me906s):
    holder = serial.serial_for_url(os.path.join(host.dev, 'ttyUSB2'), exclusive=True)
    try:
        result = probe(host)
    finally:
        holder.close()
    [modem] = result['modems']
    assert modem['ports'][2]['probe']['status'] == 'busy'
    assert 'is busy' in modem['ports'][2]['probe']['error']
    assert result['at_port'] == host.by_id('ttyUSB0')  # the modem port answered


def test_when_every_at_port_is_busy_the_advice_names_them(host, simulated):
    modem = simulated('E3372h-153')  # its port mode holds a modem port and a PCUI, like the E3272's "FF;10,12"
    plugged = host.plug(layouts.E3272_STICK)
    host.serve(modem, plugged.tty(0), 'modem')
    host.serve(modem, plugged.tty(1), 'pcui')
    holders = [serial.serial_for_url(os.path.join(host.dev, tty), exclusive=True) for tty in ('ttyUSB0', 'ttyUSB1')]
    try:
        result = probe(host)
    finally:
        for holder in holders:
            holder.close()
    assert result['at_port'] is None
    [advice] = result['advice']
    assert 'ttyUSB0 (modem), ' in advice and 'ttyUSB1 (pcui) did not answer because another program holds them' in advice
    assert 'ID_MM_DEVICE_IGNORE' in advice


def test_silent_and_missing_ports(host, simulated):
    modem = simulated('ME906s-158')
    modem.knobs.silent = True
    plugged = host.plug(layouts.E3272_STICK)
    host.serve(modem, plugged.tty(1), 'pcui')
    os.unlink(os.path.join(host.dev, plugged.tty(0)))
    result = probe(host, probe_timeout=0.3)
    [found] = result['modems']
    assert statuses(found) == {'ttyUSB0': 'unavailable', 'ttyUSB1': 'no_answer'}
    assert result['at_port'] is None
    unavailable, silent = found['advice']
    assert 'ttyUSB0 (modem) could not be opened' in unavailable and 'does not exist' in unavailable
    assert 'ttyUSB1 (pcui)) answered AT within 0.3s' in silent


def test_getportmode_is_asked_on_the_at_port_and_its_answer_parsed(host, me906s):
    result = probe(host, getportmode=True)
    [modem] = result['modems']
    assert modem['getportmode']['sent'] is True and modem['getportmode']['supported'] is True
    assert modem['getportmode']['port'] == host.dev + '/ttyUSB2'
    assert [(item['number'], item['role']) for item in modem['getportmode']['functions']] == [
        (1, 'modem'), (2, 'pcui'), (3, 'diag'), (4, 'gps'), (5, 'network')]
    assert result['at_port'] == host.by_id('ttyUSB2')
    assert me906s.command_log[-1] == 'AT^GETPORTMODE'


def test_an_unsupported_getportmode_changes_nothing(host, me906s):
    me906s.knobs.errors = {'AT^GETPORTMODE': 'COMMAND NOT SUPPORT'}
    result = probe(host, getportmode=True)
    [modem] = result['modems']
    assert modem['getportmode'] == dict(sent=True, port=host.dev + '/ttyUSB2', supported=False,
                                        response=['COMMAND NOT SUPPORT'], functions=[], applied=False)
    assert result['at_port'] == host.by_id('ttyUSB2')


def test_getportmode_is_never_sent_to_an_mu609_id(host, simulated):
    modem = simulated('ME909u-521')
    plugged = host.plug(layouts.ME909U_521)
    host.serve(modem, plugged.tty(4), 'pcui')
    result = probe(host, getportmode=True)
    [found] = result['modems']
    assert found['getportmode']['sent'] is False and 'crashes the MU609' in found['getportmode']['reason']
    assert 'AT^GETPORTMODE' not in modem.command_log
    assert result['at_port'] == host.by_id('ttyUSB2')
