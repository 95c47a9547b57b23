# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""``ansible-playbook lte.modem.provision`` over a simulated fleet, as an operator runs it.

Twenty routers with a mix of modems (LTE modules, an LTE stick, a 3G-only stick), every modem's
roaming off, one with a foreign SIM that registers only once roaming is on, one that is down. The fleet's desired state
lives in group_vars. The first run converges every reachable router and reports the down one as
unreachable; the second run changes nothing and costs each router one at-chat call; the report
then shows no drift.
"""

from __future__ import annotations

import pytest
import yaml

from conftest import commands_of
from simulator.fleet import Fleet, FleetMix

DESIRED = {
    'huawei_modem_radio': {'functionality': 'full'},
    'huawei_modem_syscfg': {'roaming': True},
    'huawei_modem_apns': [{'cid': 1, 'apn': 'internet'}],
    'huawei_modem_connection': {'state': 'connected'},
}
MIX = FleetMix(profiles='ME909u-521:8,ME909s-120:4,ME906s-158:4,E3372h-153:3,E3531', foreign_sims=1, down=1)
ROAMING = 5  # +CREG stat: registered, roaming
TASK = 'lte.modem.huawei_modem : Bring the modem to its desired state'


@pytest.fixture(scope='module')
def fleet(tmp_path_factory):
    workdir = tmp_path_factory.mktemp('provision-fleet')
    fleet = Fleet(20, base_address='127.0.0.100', api_port=0, api_tls_port=0, ssh_port=0, at_chat_wait=0.2, workdir=str(workdir),
                  mix=MIX, seed=11, knobs={'roaming': False})
    fleet.start()
    inventory = workdir / 'inventory.yml'
    fleet.write_inventory(str(inventory))
    (workdir / 'group_vars').mkdir()
    (workdir / 'group_vars' / 'routers.yml').write_text(yaml.safe_dump(DESIRED))
    yield fleet, inventory
    fleet.stop()


def at_chat_lines(entry):
    """What at-chat sent to the router's modem: its command log without the router's own ATE0."""
    return [line for line in entry.modem.command_log if line != 'ATE0']


def run_provision(ansible, inventory, *extra):
    return ansible.playbook('lte.modem.provision', inventory=inventory, extra=('--forks', '20') + extra)


def test_provision_converges_the_fleet_and_a_second_run_changes_nothing(ansible, fleet, tmp_path):
    fleet, inventory = fleet
    up = fleet.up_routers()
    down = [entry.name for entry in fleet.by_role('down')]
    foreign = [entry for entry in up if entry.plan.foreign_sim]
    assert len(up) == 19 and len(down) == 1 and len(foreign) == 1
    assert len({entry.plan.profile for entry in up}) == 5
    assert foreign[0].modem.network.registration().stat != ROAMING

    tasks, stats, proc = run_provision(ansible, inventory)
    assert proc.returncode == 4, proc.stdout[-3000:]  # 4: some host was unreachable, none failed
    assert [host for host, counts in stats.items() if counts['unreachable']] == down
    assert not [host for host, counts in stats.items() if counts['failures']], proc.stdout[-3000:]
    results = dict(tasks)[TASK]
    assert results[down[0]]['unreachable'] is True and 'failed' not in results[down[0]]
    for entry in up:
        result = results[entry.name]
        assert result['after']['syscfg']['roaming'] is True and result['after']['connection']['state'] == 'connected', entry.name
        assert entry.modem.state.ndis[1].status == 'up', entry.name
    assert foreign[0].modem.network.registration().stat == ROAMING

    for entry in up:
        entry.modem.command_log.clear()
    tasks, stats, proc = run_provision(ansible, inventory)
    assert proc.returncode == 4
    assert {host: counts['changed'] for host, counts in stats.items()} == dict.fromkeys(stats, 0)
    calls = {entry.name: len(at_chat_lines(entry)) for entry in up}
    # Every facet on one command line; a modem that lacks some query (the 3G stick: no ^SYSCFGEX,
    # no ^RFSWITCH) answers with one more line.
    assert max(calls.values()) <= 2 and sorted(calls.values()).count(1) >= 15, calls
    assert not [command for entry in up for command in commands_of(at_chat_lines(entry)) if '=' in command and not command.endswith('=?')]


def test_check_mode_shows_drift_by_facet_and_writes_nothing(ansible, fleet):
    fleet, inventory = fleet
    entry = next(entry for entry in fleet.up_routers() if entry.plan.profile == 'ME909u-521' and not entry.plan.foreign_sim)
    # Converged first (whichever test ran before), then one facet drifts.
    tasks, stats, proc = ansible.playbook('lte.modem.provision', inventory=inventory, extra=('--limit', entry.name))
    assert proc.returncode == 0, proc.stdout
    entry.modem.state.syscfgex.roam = 0
    entry.modem.command_log.clear()
    tasks, stats, proc = ansible.playbook('lte.modem.provision', inventory=inventory, check=True, diff=True,
                                          extra=('--limit', entry.name))
    result = dict(tasks)[TASK][entry.name]
    assert result['changed'] is True and result['commands'] == ['AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,']
    assert result['before']['syscfg']['roaming'] is False and result['after']['syscfg']['roaming'] is True
    assert result['before']['connection'] == result['after']['connection']
    assert all('=' not in command or command.endswith('=?') for command in commands_of(at_chat_lines(entry)))
    assert entry.modem.state.syscfgex.roam == 0
    # --tags narrows the facets: only the APNs are read and compared, so nothing differs.
    tasks, stats, proc = ansible.playbook('lte.modem.provision', inventory=inventory, check=True,
                                          extra=('--limit', entry.name, '--tags', 'apns'))
    result = dict(tasks)[TASK][entry.name]
    assert result['changed'] is False and list(result['before']) == ['apns']
    entry.modem.state.syscfgex.roam = 1
