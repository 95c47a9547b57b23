# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""huawei_at as users run it: ``ansible -m`` and playbooks, over a real pty and the RouterOS paths."""

from __future__ import annotations

import re

import serial

from conftest import PLAYBOOKS


def test_adhoc_over_serial_returns_the_parsed_answer(ansible, serial_modem):
    modem = serial_modem('ME909u-521')
    hosts, proc = ansible.module('huawei_at', {'device': modem.device, 'command': 'AT^SYSCFGEX?'})
    result = hosts['localhost']
    assert proc.returncode == 0, proc.stdout
    assert result['changed'] is False
    assert result['results'][0]['lines'] == ['^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF']
    assert result['results'][0]['final'] == 'OK'
    assert result['stdout_lines'] == [['^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF', 'OK']]
    assert modem.log == ['AT^SYSCFGEX?']


def test_every_transport_frames_errors_and_urcs_the_same(ansible, any_modem):
    target = any_modem('ME909u-521')
    target.modem.knobs.errors = {'AT+CPIN?': '+CME ERROR: 10'}
    target.modem.knobs.scripted_urcs = {'AT+CSQ': [('inside', '^RSSI:20')]}
    args = dict(target.args, commands=['AT+CSQ', 'AT+CPIN?', 'AT+CGMM'], fail_on_error=False)
    hosts, proc = ansible.module('huawei_at', args, hosts=target.hosts, inventory=target.inventory)
    result = next(iter(hosts.values()))
    assert proc.returncode == 0, proc.stdout
    csq, cpin, cgmm = result['results']
    assert csq['lines'] == ['+CSQ: 20,99'] and csq['ok'] is True
    assert (cpin['ok'], cpin['final'], cpin['error_type'], cpin['error_code'], cpin['error_text']) == (
        False, '+CME ERROR: 10', 'cme', 10, 'SIM not inserted')
    assert cgmm['lines'] == ['ME909u-521']
    if target.transport == 'serial':
        # RouterOS owns the port: URCs go to its log, not to at-chat output.
        assert result['urcs'] == ['^RSSI:20']
    assert target.simulator.password not in proc.stdout + proc.stderr if target.transport != 'serial' else True


def test_a_failed_command_fails_the_task_and_stops(ansible, serial_modem):
    modem = serial_modem('E3372h-153')
    hosts, proc = ansible.module('huawei_at', {'device': modem.device, 'commands': ['AT^RFSWITCH?', 'AT+CGMM']})
    result = hosts['localhost']
    assert proc.returncode != 0
    assert result['failed'] is True
    assert result['msg'] == 'AT^RFSWITCH? failed: the modem answered COMMAND NOT SUPPORT (the modem or its firmware does not support this command)'
    assert result['error_type'] == 'not_supported'
    assert 'AT+CGMM' not in modem.log


def test_check_mode_sends_only_read_only_commands(ansible, serial_modem):
    modem = serial_modem('ME909u-521')
    args = {'device': modem.device, 'commands': ['AT^SYSCFGEX?', 'AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,']}
    hosts, proc = ansible.module('huawei_at', args, check=True)
    result = hosts['localhost']
    assert proc.returncode == 0
    assert result['changed'] is True
    assert result['results'][1]['sent'] is False and result['results'][0]['sent'] is True
    assert 'skipped' not in result, 'Ansible must not count this task as skipped'
    assert modem.log == ['AT^SYSCFGEX?']
    assert modem.modem.state.syscfgex.roam == 0


def test_bad_input_is_refused_before_anything_is_sent(ansible, serial_modem):
    modem = serial_modem('ME909u-521')
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'at_bad_input.yml', {'device': modem.device})
    assert proc.returncode == 0, proc.stdout
    messages = {name: next(iter(hosts.values())).get('msg', '') for name, hosts in tasks}
    assert "Invalid value for option commands[1]: 'AT+CGDCONT=1,\"IP\",\"a\\nb\"' (LF at position" in messages['Refuse a line feed']
    assert 'Nothing was sent to the modem' in messages['Refuse a line feed']
    assert 'NUL at position 2' in messages['Refuse a NUL byte']
    assert 'longer than 512 characters' in messages['Refuse an over-long command']
    assert 'starts with "AT"' in messages['Refuse something that is not an AT command']
    assert "option timeout" in messages['Refuse a negative timeout']
    assert 'option device' in messages['Refuse a missing device']
    assert modem.log == []


def test_faults_give_clear_errors(ansible, serial_modem, tmp_path):
    silent = serial_modem('ME909u-521')
    silent.knobs.silent = True
    garbage = serial_modem('ME909u-521')
    garbage.knobs.garbage = b'\x8f\xff\xfe\x00garbage'
    garbage.knobs.garbage_mode = 'instead'
    resetting = serial_modem('ME909u-521')
    resetting.knobs.reset_on = {'AT^SETPORT=?'}
    storm = serial_modem('E3372h-153')
    storm.knobs.urc_interval = 0.01
    busy = serial_modem('ME909u-521')
    holder = serial.serial_for_url(busy.device, exclusive=True)
    try:
        tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'at_faults.yml', {
            'silent': silent.device, 'garbage': garbage.device, 'resetting': resetting.device,
            'storm': storm.device, 'busy': busy.device, 'missing': str(tmp_path / 'no-such-port')})
    finally:
        holder.close()
    assert proc.returncode == 0, proc.stdout
    results = {name: next(iter(hosts.values())) for name, hosts in tasks}
    # The time it waited, at least the 1 s asked for (more on a loaded machine).
    assert re.search(r"Timed out after [1-9][0-9]*(\.[0-9])?s waiting for the answer to AT\+CSQ; received so far: 'nothing'", results['Silent modem']['msg'])
    assert 'Timed out' in results['Garbage instead of an answer']['msg'] and 'garbage' in results['Garbage instead of an answer']['msg']
    assert 'went away while waiting for the answer to AT^SETPORT=?' in results['Reset in the middle of a command']['msg']
    storm_result = results['URC storm']
    assert storm_result['results'][0]['lines'] == ['E3372']
    assert storm_result['results'][1]['lines'][0].startswith('^SYSCFGEX:')
    assert 'is busy: another program holds it' in results['Port held by another program']['msg']
    assert busy.device in results['Port held by another program']['msg']
    assert 'does not exist' in results['Port that does not exist']['msg']
