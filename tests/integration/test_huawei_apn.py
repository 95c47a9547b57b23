# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""huawei_apn with real ansible-playbook runs against the simulated ME909u-521."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import PLAYBOOKS, playbook_vars, reads_before_first_write, results_of, start_target, writes

FAULT_TRANSPORTS = ('serial', 'routeros_api')
SET_INTERNET = 'AT+CGDCONT=1,"IP","internet"'


def contexts(modem):
    return {cid: dataclasses.astuple(context) for cid, context in modem.state.pdp_contexts.items()}


def test_check_mode_then_change_then_ok(ansible, any_modem):
    target = any_modem('ME909u-521')
    assert contexts(target.modem) == {1: ('IP', '')}
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'apn.yml', playbook_vars(target), inventory=target.inventory)
    assert proc.returncode == 0, proc.stdout
    assert writes(target.log) == ['AT+CGDCONT=1,"IPV4V6","internet"', 'AT+CGDCONT=3,"IP","m2m.example"', 'AT+CGDCONT=3']
    # Everything before the first write (check mode included) only read.
    assert all(line.endswith('?') for line in reads_before_first_write(target.log))
    assert contexts(target.modem) == {1: ('IPV4V6', 'internet')}
    assert stats[next(iter(stats))]['changed'] == 4  # the check-mode prediction counts too
    if target.transport != 'serial':
        assert target.simulator.password not in proc.stdout + proc.stderr


@pytest.mark.parametrize('transport', FAULT_TRANSPORTS)
def test_bad_input_and_refused_write(ansible, serial_modem, router_modem, transport):
    target = start_target(transport, serial_modem, router_modem, errors={'AT+CGDCONT=1,': '+CME ERROR: 50'})
    target.modem.state.pdp_contexts[2] = type(target.modem.state.pdp_contexts[1])('IP', 'other')
    before = contexts(target.modem)
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'apn_refused.yml', playbook_vars(target), inventory=target.inventory)
    assert proc.returncode == 0, proc.stdout
    results = results_of(tasks)
    bad = results['Bad APN']['results']
    assert len(bad) == 10
    for item in bad:
        assert item['msg'].startswith('Invalid value for option apn: %r (' % item['item']), item['msg']
        assert item['msg'].endswith('Nothing was sent to the modem.')
    assert 'only letters, digits, hyphens and dots' in bad[0]['msg'] and "'\"'" in bad[0]['msg']
    assert 'longer than 99 characters (101)' in bad[7]['msg']
    assert 'empty label' in bad[8]['msg'] and 'hyphen' in bad[9]['msg']
    assert results['Context id the modem does not have']['msg'].startswith('Invalid value for option cid: 17 (the modem accepts context ids 1-16)')
    assert 'value of pdp_type must be one of: ip, ipv6, ipv4v6, IP, IPV6, IPV4V6, got: ppp' in results['Bad PDP type choice']['msg']
    refused = results['Refused by the modem']
    assert refused['msg'].startswith('%s failed: the modem answered +CME ERROR: 50' % SET_INTERNET)
    assert refused['command'] == SET_INTERNET and refused['response'] == ['+CME ERROR: 50']
    assert writes(target.log) == [SET_INTERNET]
    assert contexts(target.modem) == before
    if transport != 'serial':
        assert target.simulator.password not in proc.stdout + proc.stderr


@pytest.mark.parametrize('transport', FAULT_TRANSPORTS)
def test_silent_during_the_write(ansible, serial_modem, router_modem, transport):
    target = start_target(transport, serial_modem, router_modem, silent_commands={'AT+CGDCONT=1'})
    before = contexts(target.modem)
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'apn_silent.yml', playbook_vars(target, timeout=2), inventory=target.inventory)
    assert proc.returncode == 0, proc.stdout
    result = results_of(tasks)['Set the APN while the modem is silent']
    assert 'Timed out' in result['msg'] and SET_INTERNET in result['msg'], result
    assert contexts(target.modem) == before
    assert writes(target.log) == [SET_INTERNET]
