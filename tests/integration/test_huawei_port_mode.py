# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""huawei_port_mode against the simulated E3272 of seed 002."""

from __future__ import annotations

import json
import os

from conftest import PLAYBOOKS, failed_tasks, playbook_vars, writes


def test_seed_002_with_reset(ansible, any_modem, tmp_path):
    target = any_modem('E3272')
    target.modem.knobs.reboot_delay = 0.5
    old_pty = os.path.realpath(target.simulator.device) if target.transport == 'serial' else None
    variables = dict(playbook_vars(target), state_dir=str(tmp_path / 'markers'))
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'port_mode.yml', variables, inventory=target.inventory)
    assert proc.returncode == 0, (failed_tasks(tasks), proc.stderr[-3000:])
    assert writes(target.log) == ['AT^SETPORT="FF;10,12"', 'AT^RESET']
    assert target.modem.state.setport_current == 'FF;10,12' and target.modem.state.setport_pending is None
    if old_pty:
        # the tty came back under another name; the by-id style symlink was followed
        assert os.path.realpath(target.simulator.device) != old_pty
    assert not (tmp_path / 'markers').exists() or not list((tmp_path / 'markers').iterdir())


def test_pending_reset_second_run_does_not_write(ansible, serial_modem, tmp_path):
    target = serial_modem('E3272')
    state_dir = tmp_path / 'markers'
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'port_mode_pending.yml', dict(device=target.device, state_dir=str(state_dir)))
    assert proc.returncode == 0, (failed_tasks(tasks), proc.stderr[-3000:])
    assert writes(target.log) == ['AT^SETPORT="FF;10,12"']
    assert target.modem.state.setport_pending == 'FF;10,12' and target.modem.state.setport_current == 'A1,A2;12,16,A1,A2'
    markers = list(state_dir.iterdir())
    assert len(markers) == 1
    marker = json.loads(markers[0].read_text())
    assert marker['written'] == 'FF;10,12' and marker['shown_before'] == 'A1,A2;12,16,A1,A2'
    assert marker['imei'] in markers[0].name
