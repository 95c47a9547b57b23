# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""huawei_diagnose and the lte.modem.diagnose playbook against simulated modems, one cause of NO CARRIER each.

Every cause gets a modem of its own (an inventory host), set up with that cause alone, so one
ansible-playbook run per transport covers the whole checklist: each host's diagnosis must name its
cause first, with its remedy, and send nothing but reads.
"""

from __future__ import annotations

import dataclasses

import pytest
import yaml

from conftest import PLAYBOOKS, writes
from simulator.fleet import Fleet, FleetMix
from simulator.modem.state import PdpContext, SyscfgEx, parse_config_text

COLLECTION_PLAYBOOK = 'lte.modem.diagnose'
ROAM_ON = 'AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,'
ALL_BANDS = 'AT^SYSCFGEX="99",3FFFFFFF,2,4,7FFFFFFFFFFFFFFF,,'


@dataclasses.dataclass
class Cause:
    """A cause of NO CARRIER as the simulated modem shows it, and what the diagnosis must say first."""

    id: str
    command: str | None = None         # the raw command of its remedy
    profile: str = 'ME906s-158'
    knobs: dict = dataclasses.field(default_factory=dict)
    state: dict = dataclasses.field(default_factory=dict)
    syscfg: str | None = None          # the ^SYSCFGEX query body in the modem's NVRAM
    contexts: tuple | None = None      # +CGDCONT contexts (cid, type, APN)
    dial: bool = False                 # dial once before the diagnosis (its outcome is the cause)
    host_vars: dict = dataclasses.field(default_factory=dict)

    def set_up(self, modem):
        for name, value in self.knobs.items():
            setattr(modem.knobs, name, value)
        for name, value in self.state.items():
            setattr(modem.state, name, value)
        if self.syscfg:
            modem.state.syscfgex = SyscfgEx(*parse_config_text(self.syscfg, SyscfgEx))
        if self.contexts is not None:
            modem.state.pdp_contexts = {cid: PdpContext(pdp_type, apn) for cid, pdp_type, apn in self.contexts}
        modem.reevaluate()
        if self.dial:
            modem.data_calls.dial(1, '')
            modem.data_calls.complete(1)


CAUSES = (
    Cause('healthy'),
    Cause('port_silent', knobs=dict(silent=True), host_vars=dict(at_timeout=1)),
    Cause('sim_missing', knobs=dict(sim='absent')),
    Cause('sim_pin', 'AT+CPIN="<PIN>"', knobs=dict(sim='pin')),
    Cause('sim_puk', 'AT+CPIN="<PUK>","<new PIN>"', knobs=dict(sim='puk')),
    Cause('sim_unusable', knobs=dict(sim='failure')),
    Cause('sim_busy', knobs=dict(sim='busy')),
    Cause('cfun_not_full', 'AT+CFUN=1', state=dict(cfun=4)),
    Cause('rf_software_off', 'AT^RFSWITCH=1', state=dict(rf_software=False)),
    Cause('rf_hardware_off', knobs=dict(rf_hardware=False)),
    Cause('mode_without_band', ALL_BANDS, 'ME909u-521', syscfg='"03",3FFFFFFF,1,1,8000000'),
    Cause('unsupported_bands', ALL_BANDS, 'ME909u-521', syscfg='"00",3FFFFFFF,1,1,8080000'),
    Cause('bands_restricted', 'AT^SYSCFGEX="00",3FFFFFFF,2,4,7FFFFFFFFFFFFFFF,,', 'ME909u-521', syscfg='"03",3FFFFFFF,1,1,80000'),
    Cause('roaming_off', ROAM_ON, 'ME909u-521', knobs=dict(home_network=False)),
    Cause('no_signal', knobs=dict(coverage=False)),
    Cause('weak_signal', knobs=dict(rssi=3)),
    Cause('registration_denied', knobs=dict(reject_cause=3)),
    Cause('registration_searching', knobs=dict(registration='searching')),
    Cause('not_registered', 'AT+COPS=0', knobs=dict(registration='not_searching')),
    Cause('apn_missing', 'AT+CGDCONT=1,"IP","<APN of the SIM>"', contexts=()),
    Cause('apn_wrong', 'AT+CGDCONT=1,"IP","internet"', contexts=((1, 'IP', 'wrong.example'),), host_vars=dict(expected_apn='internet')),
    Cause('no_network_port', 'AT^SETPORT="FF;10,12,16"', state=dict(setport_current='FF;10,12')),
    Cause('dial_failed', 'AT^NDISDUP=1,1,"<APN>","<user>","<password>",2', knobs=dict(dial_failure_cause=29), dial=True),
    Cause('dhcp_missing', 'AT^NDISDUP=1,1', knobs=dict(errors={'AT^DHCP': 'ERROR'}), dial=True),
)
# Over SSH (slower to start per router), a few causes that touch each kind of answer.
SSH_CAUSES = ('healthy', 'rf_software_off', 'roaming_off', 'dial_failed')
# The causes fix removes; the hardware switch stays (no AT command can change it).
FIXABLE = ('rf_software_off', 'cfun_not_full', 'roaming_off', 'rf_hardware_off')
FIX_WRITES = {'rf_software_off': ['AT^RFSWITCH=1'], 'cfun_not_full': ['AT+CFUN=1'], 'roaming_off': [ROAM_ON], 'rf_hardware_off': []}


def causes(names=None):
    return [cause for cause in CAUSES if names is None or cause.id in names]


def serial_inventory(serial_modem, path, chosen):
    """One local host per cause, its simulated modem on a pty; returns {cause id: simulated modem}."""
    modems, hosts = {}, {}
    for cause in chosen:
        simulator = serial_modem(cause.profile)
        cause.set_up(simulator.modem)
        modems[cause.id] = simulator.modem
        hosts[cause.id] = dict(cause.host_vars, device=simulator.device, lte_modem_device=simulator.device)
    inventory = {'all': {'hosts': hosts, 'vars': {'ansible_connection': 'local', 'ansible_python_interpreter': '{{ ansible_playbook_python }}'}}}
    path.write_text(yaml.safe_dump(inventory))
    return modems


@pytest.fixture
def fleet_of(tmp_path):
    """Factory: a simulated MikroTik router per cause (their modems set up), and an inventory naming each host after its cause."""
    fleets = []

    def start(chosen, transport='routeros_api'):
        names = ['router%02d' % index for index in range(1, len(chosen) + 1)]
        ssh = transport == 'routeros_ssh'
        fleet = Fleet(len(chosen), base_address='127.0.0.%d' % (40 + 40 * len(fleets)), api_port=0, api_tls_port=0, ssh_port=0, ssh=ssh,
                      at_chat_wait=0.2, workdir=str(tmp_path / ('fleet%d' % len(fleets))),
                      mix=FleetMix(routers={name: 'profile=%s' % cause.profile for name, cause in zip(names, chosen)}))
        fleets.append(fleet)
        fleet.start()
        inventory = yaml.safe_load(fleet.inventory_text())
        routers = inventory['all']['children']['routers']
        routers['hosts'] = {cause.id: dict(routers['hosts'][name], **cause.host_vars) for name, cause in zip(names, chosen)}
        routers['vars']['lte_modem_transport'] = transport
        path = tmp_path / ('inventory%d.yml' % len(fleets))
        path.write_text(yaml.safe_dump(inventory))
        modems = {}
        for entry, cause in zip(fleet.routers, chosen):
            cause.set_up(entry.modem)
            modems[cause.id] = entry.modem
        return path, modems

    yield start
    for fleet in fleets:
        fleet.stop()


def diagnoses(tasks, name='Diagnose'):
    return next(hosts for task, hosts in tasks if task == name)


def assert_each_cause_named_first(results, modems, chosen):
    for cause in chosen:
        result = results[cause.id]
        assert not result.get('failed'), (cause.id, result.get('msg'))
        ids = [finding['id'] for finding in result['findings']]
        if cause.id == 'healthy':
            assert result['healthy'] and ids == ['not_connected'], (cause.id, ids)
        else:
            first = result['findings'][0]
            assert (first['id'], first['remedy']['command']) == (cause.id, cause.command), (cause.id, ids, first['remedy'])
            assert not result['healthy'] and result['summary'].split(':')[0].endswith(cause.id), result['summary']
            assert first['evidence'] or cause.id == 'port_silent', cause.id
        assert not result['changed']
        assert writes(modems[cause.id].command_log) == [], (cause.id, modems[cause.id].command_log)


def test_every_cause_alone_over_serial(ansible, serial_modem, tmp_path):
    inventory = tmp_path / 'inventory.yml'
    modems = serial_inventory(serial_modem, inventory, CAUSES)
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'diagnose_causes.yml', inventory=inventory, extra=['-f', '12'])
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert_each_cause_named_first(diagnoses(tasks), modems, CAUSES)


def test_every_cause_alone_over_the_routeros_api(ansible, fleet_of):
    inventory, modems = fleet_of(CAUSES)
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'diagnose_causes.yml', inventory=inventory, extra=['-f', '12'])
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert_each_cause_named_first(diagnoses(tasks), modems, CAUSES)


def test_some_causes_over_routeros_ssh(ansible, fleet_of):
    chosen = causes(SSH_CAUSES)
    inventory, modems = fleet_of(chosen, 'routeros_ssh')
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'diagnose_causes.yml', inventory=inventory)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert_each_cause_named_first(diagnoses(tasks), modems, chosen)


def assert_fixed_connected_and_healthy(tasks, modems):
    first, again = diagnoses(tasks, 'Run the NO CARRIER checks'), diagnoses(tasks, 'Check the modem again with the call up')
    dialled, verdict = diagnoses(tasks, 'Dial, now that nothing stands in the way'), diagnoses(tasks, 'Say what is left')
    for name in FIXABLE:
        assert first[name]['findings_before'][0]['id'] == name
        assert first[name]['writes'] == FIX_WRITES[name] and first[name]['changed'] == bool(FIX_WRITES[name])
        writes_sent = [line for line in writes(modems[name].command_log) if not line.startswith('AT^NDISDUP')]
        assert writes_sent == FIX_WRITES[name], (name, modems[name].command_log)
    for name in ('rf_software_off', 'cfun_not_full', 'roaming_off'):
        assert first[name]['healthy'], first[name]['summary']
        assert dialled[name]['changed'] and dialled[name]['after']['state'] == 'connected'
        assert again[name]['healthy'] and again[name]['findings'] == [], again[name]['summary']
        assert verdict[name]['msg'].startswith('Healthy:')
    # the hardware switch stays off: nothing written, no dial, the play fails that host with the reason
    assert first['rf_hardware_off']['findings'][0]['id'] == 'rf_hardware_off'
    assert dialled['rf_hardware_off'].get('skipped') and verdict['rf_hardware_off']['failed']
    assert verdict['rf_hardware_off']['msg'].startswith('ERROR rf_hardware_off')


def test_the_diagnose_playbook_fixes_connects_and_checks_again_over_serial(ansible, serial_modem, tmp_path):
    inventory = tmp_path / 'inventory.yml'
    modems = serial_inventory(serial_modem, inventory, causes(FIXABLE))
    tasks, stats, proc = ansible.playbook(COLLECTION_PLAYBOOK, dict(lte_modem_fix=True, lte_modem_connect=True), inventory=inventory)
    assert proc.returncode == 2 and stats['rf_hardware_off']['failures'] == 1, proc.stderr[-2000:]
    assert_fixed_connected_and_healthy(tasks, modems)


def test_the_diagnose_playbook_fixes_connects_and_checks_again_over_the_routeros_api(ansible, fleet_of):
    inventory, modems = fleet_of(causes(FIXABLE))
    tasks, stats, proc = ansible.playbook(COLLECTION_PLAYBOOK, dict(lte_modem_fix=True, lte_modem_connect=True), inventory=inventory)
    assert proc.returncode == 2 and stats['rf_hardware_off']['failures'] == 1, proc.stderr[-2000:]
    assert_fixed_connected_and_healthy(tasks, modems)
