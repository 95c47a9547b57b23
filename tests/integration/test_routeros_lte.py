# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""RouterOS's own LTE settings with real ansible and ansible-playbook runs against simulated routers, over the API and SSH.

A foreign SIM on a router with allow-roaming=no does not connect until both the modem's roam field and
the router's allow-roaming allow it: huawei_info shows the two side by side, huawei_diagnose names the
router's setting, huawei_modem sets it idempotently (check mode writes nothing, diff), and the
lte.modem.diagnose and lte.modem.roaming playbooks fix both.
"""

from __future__ import annotations

import pytest
import yaml

from conftest import PLAYBOOKS, results_of, writes
from simulator.fleet import Fleet, FleetMix

APN_PASSWORD = 'Ch4p "secret"'
ROAM_ON = 'AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,'
ROUTER_WRITES = ['/interface lte apn add name=m2m apn=m2m.example authentication=chap user=fleet password=********',
                 '/interface lte set [find name=lte1] allow-roaming=yes apn-profiles=m2m']
ALLOW_ROAMING = '/interface lte set [find name=lte1] allow-roaming=yes'


def router_writes(router):
    """The writes a simulated router received on its own settings, over the API or its command line."""
    return [line for line in router.log + router.cli_log if '/set' in line or '/add' in line or ' set ' in line or ' add ' in line]


@pytest.mark.parametrize('transport', ['routeros_api', 'routeros_ssh'])
def test_a_roaming_sim_connects_once_modem_and_router_allow_it(ansible, router_modem, transport):
    simulator = router_modem('ME909u-521', allow_roaming=False)
    simulator.knobs.home_network = False
    variables = {'target_hosts': 'routers', 'ansible_connection': 'local', 'conn': simulator.args(transport), 'apn_password': APN_PASSWORD}
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'routeros_lte.yml', variables, inventory=simulator.inventory, extra=['-vvv'])
    assert proc.returncode == 0, proc.stdout[-3000:]
    results = results_of(tasks)

    # at start: the modem is denied (roam field 0), the router has allow-roaming=no, and nothing runs
    start = results['Read the router beside the modem']['modem']
    assert start['routeros']['interface']['allow_roaming'] is False and start['routeros']['interface']['running'] is False
    assert start['routeros']['compared']['roaming'] == {'routeros': False, 'modem': False, 'agree': True, 'registration': 'not registered'}
    assert start['registration']['registered'] is False

    # the modem alone: it registers roaming, but RouterOS keeps its session down, and says why
    roaming = results['Read again once the modem roams']
    assert roaming['modem']['registration']['roaming'] is True and roaming['modem']['routeros']['interface']['running'] is False
    assert roaming['modem']['routeros']['compared']['roaming'] == {'routeros': False, 'modem': True, 'agree': False, 'registration': 'roaming'}
    assert any('allow-roaming=no' in note['reason'] for note in roaming['notes'] if note['subset'] == 'routeros')
    diagnosis = results['Diagnose']
    assert diagnosis['findings'][0]['id'] == 'routeros_roaming_off' and not diagnosis['healthy']
    assert diagnosis['findings'][0]['remedy']['command'] == ALLOW_ROAMING

    # check mode predicts the router's writes and sends none; the run applies them; a second run is ok
    predicted, first, second = results['Predict the router\'s settings in check mode'], results['Set the router\'s settings'], results['Set them again']
    assert predicted['changed'] and predicted['commands'] == ROUTER_WRITES
    assert predicted['diff']['before']['routeros']['allow_roaming'] is False and predicted['diff']['after']['routeros']['allow_roaming'] is True
    assert predicted['diff']['after']['routeros']['apn_profile']['password'] == '********'
    assert first['changed'] and first['commands'] == ROUTER_WRITES and first['after'] == predicted['after']
    assert not second['changed'] and second['commands'] == [] and second['before'] == first['after']
    # the router got the two writes of the first run only; the modem only the roam field, through at-chat
    assert len(router_writes(simulator.router)) == 2
    assert writes(simulator.log) == [ROAM_ON]

    # both allow it now: RouterOS's session is up
    end = results['Read at the end']['modem']['routeros']
    assert end['interface'] == dict(end['interface'], allow_roaming=True, apn_profiles=['m2m'], running=True)
    assert [profile['password'] for profile in end['apn_profiles'] if profile['name'] == 'm2m'] == ['********']

    refused = results['Refuse a profile name that would break the command line, before anything is sent']
    assert refused['failed'] and refused['msg'].startswith("Invalid value for option apn_profile.name: 'bad\"name' (character(s) '\"'")
    # no secret anywhere: not in the output at -vvv, not in what the router logged
    output = proc.stdout + proc.stderr
    assert APN_PASSWORD not in output and simulator.password not in output
    assert not any(APN_PASSWORD in line for line in simulator.router.log + simulator.router.cli_log)


def test_router_settings_over_a_serial_port_are_a_note_or_refused(ansible, serial_modem):
    modem = serial_modem('ME909u-521')
    hosts, proc = ansible.module('huawei_info', dict(device=modem.device, gather_subset=['syscfg', 'routeros']))
    result = hosts['localhost']
    assert proc.returncode == 0 and result['gathered_subsets'] == ['syscfg']
    assert [note['reason'] for note in result['notes'] if note['subset'] == 'routeros'][0].startswith('RouterOS settings exist only behind')
    hosts, proc = ansible.module('huawei_modem', dict(device=modem.device, routeros=dict(allow_roaming=True), syscfg=dict(roaming=True)))
    result = hosts['localhost']
    assert result['failed'] and result['msg'].startswith("Invalid value for option transport: 'serial' (routeros: the settings of the MikroTik")
    assert writes(modem.log) == []


@pytest.fixture
def fleet_of(tmp_path):
    """Factory: a fleet started with ``Fleet`` options; returns (fleet, inventory path)."""
    fleets = []

    def start(count, **options):
        fleet = Fleet(count, base_address='127.0.0.%d' % (160 + 10 * len(fleets)), api_port=0, api_tls_port=0, ssh_port=0, at_chat_wait=0.2,
                      workdir=str(tmp_path / ('fleet%d' % len(fleets))), **options)
        fleets.append(fleet.start())
        return fleet, fleet.write_inventory(str(tmp_path / ('inventory%d.yml' % len(fleets))))

    yield start
    for fleet in fleets:
        fleet.stop()


def running(entry):
    return entry.router.lte_row(entry.lte)['running'] == 'true'


def test_the_diagnose_playbook_fixes_the_router_and_the_modem(ansible, fleet_of):
    fleet, inventory = fleet_of(1, knobs={'home_network': False}, allow_roaming=False)
    entry = fleet.routers[0]
    assert not running(entry)
    tasks, stats, proc = ansible.playbook('lte.modem.diagnose', dict(lte_modem_fix=True, lte_modem_connect=True), inventory=inventory)
    assert proc.returncode == 0, proc.stdout[-3000:]
    fixed = results_of(tasks)['Run the NO CARRIER checks']
    assert [finding['id'] for finding in fixed['findings_before']][:2] == ['roaming_off', 'routeros_roaming_off']
    # the router first (its change makes RouterOS initialise the modem again), then the modem's roam field
    assert fixed['writes'] == [ALLOW_ROAMING, ROAM_ON] and fixed['healthy']
    assert results_of(tasks)['Check the modem again with the call up']['healthy']
    assert entry.lte.settings['allow-roaming'] == 'true' and running(entry)


def test_the_roaming_playbook_sets_the_router_and_the_modem(ansible, fleet_of, tmp_path):
    fleet, inventory = fleet_of(2, knobs={'home_network': False, 'roaming': False}, allow_roaming=False,
                                mix=FleetMix(routers={'router02': 'allow-roaming=yes'}), ssh=True)
    document = yaml.safe_load(open(inventory, encoding='utf-8'))
    document['all']['children']['routers']['hosts']['router02']['lte_modem_transport'] = 'routeros_ssh'
    inventory = tmp_path / 'mixed.yml'
    inventory.write_text(yaml.safe_dump(document))
    task = 'Set roaming on the modem, and on its router'
    tasks, stats, proc = ansible.playbook('lte.modem.roaming', {'roaming': 'on'}, inventory=inventory, extra=['--diff'])
    assert proc.returncode == 0, proc.stdout[-3000:]
    results = dict(tasks)[task]
    assert results['router01']['commands'] == [ALLOW_ROAMING, ROAM_ON]
    assert results['router02']['commands'] == [ROAM_ON]  # over SSH; its router allowed roaming already
    assert all(running(entry) for entry in fleet.routers)
    tasks, stats, proc = ansible.playbook('lte.modem.roaming', {'roaming': 'on'}, inventory=inventory)
    assert {host: counts['changed'] for host, counts in stats.items()} == {'router01': 0, 'router02': 0}
