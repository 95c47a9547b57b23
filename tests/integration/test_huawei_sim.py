# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""huawei_sim against a simulated SIM that asks for its PIN, over every transport."""

from __future__ import annotations

from conftest import PLAYBOOKS, failed_tasks, playbook_vars

PIN = '73905128'
WRONG = '11112222'


def test_unlock_once_pin_lock_off_and_no_pin_in_any_output(ansible, any_modem):
    target = any_modem('ME909u-521')
    target.modem.knobs.sim, target.modem.knobs.pin = 'pin', PIN
    target.modem.state.sim_pin = PIN
    variables = dict(playbook_vars(target), pin=PIN, wrong_pin=WRONG)
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'sim.yml', variables, inventory=target.inventory, extra=['-vvv'])
    assert proc.returncode == 0, (failed_tasks(tasks), proc.stdout[-3000:])
    assert target.modem.state.sim_pin_lock is False
    assert [line for line in target.log if line.upper().startswith('AT+CPIN=')] == ['AT+CPIN="%s"' % WRONG, 'AT+CPIN="%s"' % PIN]
    output = proc.stdout + proc.stderr
    assert PIN not in output and WRONG not in output
