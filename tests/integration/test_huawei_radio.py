# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""huawei_radio against the simulator on every transport."""

from __future__ import annotations

from conftest import PLAYBOOKS, failed_tasks, playbook_vars, writes


def test_radio_off_on_idempotent_check_diff(ansible, any_modem):
    target = any_modem('ME909u-521')
    variables = playbook_vars(target)
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'radio.yml', variables, inventory=target.inventory)
    assert proc.returncode == 0, (failed_tasks(tasks), proc.stderr[-2000:])
    # the check-mode task and the bad input sent no write; the others wrote each setting once
    assert writes(target.log) == ['AT^RFSWITCH=0', 'AT+CFUN=0', 'AT^RFSWITCH=1', 'AT+CFUN=1']
    assert target.modem.state.rf_software and target.modem.state.cfun == 1
    password = target.args.get('password')
    if password:
        assert password not in proc.stdout and password not in proc.stderr


def test_hardware_switch_stick_and_refused_write(ansible, serial_modem):
    module = serial_modem('ME906s-158')
    module.knobs.rf_hardware = False
    module.modem.state.rf_software = False
    stick = serial_modem('E3372h-153')
    refusing = serial_modem('ME906s-158')
    refusing.knobs.errors = {'AT+CFUN=': '+CME ERROR: 50'}
    refusing.modem.state.rf_software = False
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'radio_faults.yml', dict(module=module.device, stick=stick.device, refusing=refusing.device))
    assert proc.returncode == 0, (failed_tasks(tasks), proc.stderr[-2000:])
    assert writes(module.log) == [] and not module.modem.state.rf_software
    assert writes(stick.log) == ['AT+CFUN=0']
    # the refused +CFUN write comes after the RF switch write, which stays as written; nothing else was touched
    assert writes(refusing.log) == ['AT^RFSWITCH=1', 'AT+CFUN=4']
    assert refusing.modem.state.cfun == 1 and refusing.modem.state.rf_software
