# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""huawei_info against every simulated profile and over every transport."""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._at.commands import is_read_only

from conftest import PLAYBOOKS


def test_facts_of_every_profile(ansible, serial_modem):
    me906s = serial_modem('ME906s-158')
    me906s.knobs.rf_hardware = False          # seed 000: the laptop's W_DISABLE switch
    me909u = serial_modem('ME909u-521')
    e3372 = serial_modem('E3372h-153')
    e3372.knobs.sim = 'pin'
    e3272 = serial_modem('E3272')
    e3531 = serial_modem('E3531')
    e1752 = serial_modem('E1752')
    me909s = serial_modem('ME909s-120')
    modems = [me906s, me909u, e3372, e3272, e3531, e1752, me909s]
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'info_profiles.yml', {'devices': [m.device for m in modems]})
    assert proc.returncode == 0, proc.stdout
    tasks = {name: hosts['localhost'] for name, hosts in tasks}
    facts = [item['modem'] for item in tasks['Gather everything']['results']]
    notes = [item['notes'] for item in tasks['Gather everything']['results']]

    assert facts[0]['identity']['model'] == 'ME906s-158'
    assert facts[0]['radio']['rf_switch']['hardware'] is False and facts[0]['radio']['radio_on'] is False
    assert facts[0]['signal']['csq']['rssi'] == 99
    assert facts[0]['registration']['registered'] is False

    assert facts[1]['syscfg']['current']['fields'] == ['00', '3FFFFFFF', '0', '1', '7FFFFFFFFFFFFFFF']
    assert facts[1]['syscfg']['current']['roaming'] is False
    assert 1 in facts[1]['syscfg']['supported']['roam']
    assert notes[1] == []
    assert len(tasks['Gather everything']['results'][1]['commands']) <= 5

    assert facts[2]['sim']['ready'] is False
    assert any('SIM PIN' in note['reason'] for note in notes[2])

    assert facts[3]['port_mode']['available'] and facts[3]['port_mode']['current']['mode']

    # 3G firmware of the E3531's generation answers ^SYSCFGEX with an empty LTE field
    assert facts[4]['syscfg']['command'] == '^SYSCFGEX' and facts[4]['syscfg']['current']['lte_bands'] == []
    assert 'rf_switch' not in facts[4]['radio']
    assert any(note['command'] == 'AT^RFSWITCH?' for note in notes[4])

    # older 3G firmware has no ^SYSCFGEX: ^SYSCFG answers instead
    assert facts[5]['syscfg']['command'] == '^SYSCFG'
    assert facts[5]['identity']['model'] == 'E1752'

    assert facts[6]['identity']['model'] == 'ME909s-120' and notes[6] == []

    checklist = tasks['Gather only what the NO CARRIER checklist needs']
    assert checklist['gathered_subsets'] == ['sim', 'radio', 'registration', 'signal', 'connection']
    assert "Invalid value for option gather_subset: ['rf']" in tasks['Refuse an unknown subset']['msg']


def test_facts_over_every_transport(ansible, any_modem):
    target = any_modem('ME909u-521')
    hosts, proc = ansible.module('huawei_info', dict(target.args), hosts=target.hosts, inventory=target.inventory)
    assert proc.returncode == 0, proc.stdout
    result = next(iter(hosts.values()))
    assert result['notes'] == []
    assert result['modem']['identity']['model'] == 'ME909u-521'
    assert result['modem']['syscfg']['current']['roaming'] is False
    assert result['modem']['connection']['connected'] is False
    # Every command sent was a query: huawei_info never writes (ATE0 is the router's own init).
    assert all(is_read_only(line) for line in target.log if line != 'ATE0'), target.log
