# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""huawei_connection against the simulator on every transport."""

from __future__ import annotations

from conftest import PLAYBOOKS, failed_tasks, playbook_vars

APN_PASSWORD = 'Pw-9f3c1e7d'


def dials(log):
    return [line for line in log if line.upper().startswith('AT^NDISDUP=')]


def test_connect_disconnect_idempotent_check_diff(ansible, any_modem):
    target = any_modem('ME909u-521')
    target.modem.knobs.connect_delay = 0.3
    contexts = dict(target.modem.state.pdp_contexts)
    variables = dict(playbook_vars(target), apn_password=APN_PASSWORD)
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'connection.yml', variables, inventory=target.inventory, extra=['-v'])
    assert proc.returncode == 0, (failed_tasks(tasks), proc.stderr[-2000:])
    # check mode and the converged runs sent no dial; the password reached the modem only
    assert dials(target.log) == ['AT^NDISDUP=1,1,"internet","fleet","%s",2' % APN_PASSWORD, 'AT^NDISDUP=1,0']
    assert APN_PASSWORD not in proc.stdout and APN_PASSWORD not in proc.stderr
    assert target.modem.state.pdp_contexts == contexts


def test_failed_dials_give_the_modems_reason(ansible, serial_modem):
    bad_apn = serial_modem('ME909u-521')
    bad_apn.knobs.valid_apns = {'internet'}
    roaming = serial_modem('ME909u-521')
    roaming.knobs.home_network = False
    roaming.modem.state.syscfgex.roam = 0
    silent = serial_modem('ME909u-521')
    silent.knobs.silent_commands = {'AT^NDISDUP='}
    before = (repr(silent.modem.state.syscfgex), dict(silent.modem.state.pdp_contexts), silent.modem.state.cfun, silent.modem.state.rf_software)
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'connection_faults.yml',
                                          dict(bad_apn_modem=bad_apn.device, roaming_modem=roaming.device, silent_modem=silent.device))
    assert proc.returncode == 0, (failed_tasks(tasks), proc.stderr[-2000:])
    assert dials(roaming.log) == ['AT^NDISDUP=1,1']
    # the failed write left the other settings alone
    state = silent.modem.state
    assert (repr(state.syscfgex), dict(state.pdp_contexts), state.cfun, state.rf_software) == before
    assert all(connection.status == 'down' for connection in state.ndis.values())
