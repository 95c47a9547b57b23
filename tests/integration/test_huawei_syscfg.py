# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""huawei_syscfg with real ansible-playbook runs against the simulated ME909u-521 of seed 001."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import PLAYBOOKS, playbook_vars, reads_before_first_write, results_of, start_target, writes

SEED_WRITE = 'AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,'


def test_check_mode_then_change_then_ok(ansible, any_modem):
    target = any_modem('ME909u-521')
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'syscfg.yml', playbook_vars(target), inventory=target.inventory)
    assert proc.returncode == 0, proc.stdout
    results = results_of(tasks)
    assert results['Predict in check mode']['diff'] == {
        'before': {'roaming': False, 'mode_order': ['auto'], 'bands': ['all'], 'lte_bands': ['all'], 'service_domain': 'ps_only'},
        'after': {'roaming': True, 'mode_order': ['auto'], 'bands': ['all'], 'lte_bands': ['all'], 'service_domain': 'ps_only'},
    }
    # Check mode and the info task only read; the one write is the real first run's, exactly seed 001's fix.
    assert writes(target.log) == [SEED_WRITE]
    assert all(line.endswith('?') for line in reads_before_first_write(target.log))
    assert dataclasses.astuple(target.modem.state.syscfgex) == ('00', 0x3FFFFFFF, 1, 1, 0x7FFFFFFFFFFFFFFF)
    if target.transport != 'serial':
        assert target.simulator.password not in proc.stdout + proc.stderr


FAULT_TRANSPORTS = ('serial', 'routeros_api')


@pytest.mark.parametrize('transport', FAULT_TRANSPORTS)
def test_bad_input_and_refused_write(ansible, serial_modem, router_modem, transport):
    target = start_target(transport, serial_modem, router_modem, errors={'AT^SYSCFGEX="': '+CME ERROR: 50'})
    before = dataclasses.astuple(target.modem.state.syscfgex)
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'syscfg_refused.yml', playbook_vars(target), inventory=target.inventory)
    assert proc.returncode == 0, proc.stdout
    msg = {name: result.get('msg', '') for name, result in results_of(tasks).items()}
    expected = {
        'Unknown RAT': "Invalid value for option mode_order: ['5g']",
        'Order the modem does not list':
            "Invalid value for option mode_order: ['lte', 'wcdma'] (the modem accepts only these orders: [auto]; [lte]; [wcdma]; [gsm])",
        'Unknown band name': "Invalid value for option bands: ['GSM450']",
        'Band the modem does not have': "Invalid value for option bands: ['WCDMA_B4'] (the modem supports GSM850/GSM900/GSM1800/GSM1900",
        'LTE band the modem does not have': "Invalid value for option lte_bands: ['B28'] (the modem supports LTE BC1/LTE BC2",
        'CS only with LTE': "Invalid value for option service_domain: 'cs_only' (with LTE in the mode order",
        'Bad service domain choice': 'value of service_domain must be one of: cs_only, ps_only, cs_ps, any, got: ps',
        'Nothing to manage': 'one of the following is required',
    }
    for name, text in expected.items():
        assert text in msg[name], (name, msg[name])
    for name in expected:
        if name.startswith(('Bad', 'Nothing')):
            continue
        assert 'Nothing was sent to the modem' in msg[name], name
    refused = results_of(tasks)['Refused by the modem']
    assert refused['msg'].startswith('%s failed: the modem answered +CME ERROR: 50' % SEED_WRITE)
    assert refused['command'] == SEED_WRITE and refused['response'] == ['+CME ERROR: 50']
    assert writes(target.log) == [SEED_WRITE]
    assert dataclasses.astuple(target.modem.state.syscfgex) == before
    if transport != 'serial':
        assert target.simulator.password not in proc.stdout + proc.stderr


@pytest.mark.parametrize('transport', FAULT_TRANSPORTS)
def test_reset_during_the_write(ansible, serial_modem, router_modem, transport):
    target = start_target(transport, serial_modem, router_modem, reset_on={'AT^SYSCFGEX='})
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'syscfg_reset.yml', playbook_vars(target, timeout=5), inventory=target.inventory)
    assert proc.returncode == 0, proc.stdout
    result = results_of(tasks)['Allow roaming while the modem resets']
    assert SEED_WRITE in result['msg'], result
    assert ('went away' if transport == 'serial' else 'Timed out') in result['msg']
    # The modem reset after storing the roam field; every other field is as before.
    assert dataclasses.astuple(target.modem.state.syscfgex) == ('00', 0x3FFFFFFF, 1, 1, 0x7FFFFFFFFFFFFFFF)
    assert writes(target.log) == [SEED_WRITE]
