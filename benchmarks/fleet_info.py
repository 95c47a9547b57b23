# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Fleet benchmark: a no-change huawei_info task per router over the RouterOS API.

Starts N simulated routers (each with a simulated modem and a realistic at-chat latency) and
runs, side by side in one process tree:

* ``ansible.builtin.ping`` with ``connection: local`` on the same inventory (Ansible's own
  per-host, per-task cost: the floor);
* ``lte.modem.huawei_info`` over ``routeros_api``, run in the controller process by the
  collection's action plugin (the default);
* the same task with ``lte_modem_run_on_controller: false``: one module process per host.

It prints wall time, CPU time (of ansible and its children), their ratios to ping, and the
at-chat calls per host counted by the simulated routers.

    .venv/bin/python benchmarks/fleet_info.py --routers 50 --latency 0.2
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from simulator.fleet import Fleet  # noqa: E402  pylint: disable=wrong-import-position

PLAYBOOK = """---
- name: Benchmark
  hosts: routers
  gather_facts: false
  tasks:
    - name: Task under test
      {task}
"""
TASKS = {
    'ping (connection: local)': 'ansible.builtin.ping:',
    'huawei_info, in controller process': 'lte.modem.huawei_info: {gather_subset: [identity, sim, radio, registration, syscfg]}',
    'huawei_info, module process per host': 'lte.modem.huawei_info: {gather_subset: [identity, sim, radio, registration, syscfg]}',
}


def _calls(modem):
    # The router sends ATE0 itself when it takes the port; only count what the tasks sent.
    return sum(1 for line in modem.command_log if line != 'ATE0')


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(workdir, inventory, name, task, forks, extra_vars):
    playbook = Path(workdir) / ('bench-%d.yml' % abs(hash(name)))
    playbook.write_text(PLAYBOOK.format(task=task))
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(REPO / '.build' / 'collections'), ANSIBLE_HOME=str(Path(workdir) / 'home'),
               ANSIBLE_LOCALHOST_WARNING='False', ANSIBLE_DEPRECATION_WARNINGS='False')
    argv = [str(Path(sys.executable).parent / 'ansible-playbook'), '-i', inventory, '-f', str(forks), str(playbook)]
    for key, value in extra_vars.items():
        argv += ['-e', '%s=%s' % (key, value)]
    cpu, start = children_cpu(), time.monotonic()
    proc = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    wall, cpu = time.monotonic() - start, children_cpu() - cpu
    if proc.returncode != 0:
        raise SystemExit('%s failed:\n%s\n%s' % (name, proc.stdout[-3000:], proc.stderr[-3000:]))
    return wall, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n', maxsplit=1)[0])
    parser.add_argument('--routers', type=int, default=50)
    parser.add_argument('--latency', type=float, default=0.2, help='seconds each at-chat call takes on the simulated router')
    parser.add_argument('--forks', type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix='lte-modem-bench-') as workdir:
        fleet = Fleet(args.routers, api_port=0, api_tls_port=0, ssh_port=0, at_chat_latency=args.latency, at_chat_wait=3.0, workdir=workdir)
        with fleet:
            inventory = fleet.write_inventory(str(Path(workdir) / 'inventory.yml'))
            rows = []
            for name, task in TASKS.items():
                before = [_calls(entry.modem) for entry in fleet.routers]
                extra = {'lte_modem_transport': 'routeros_api'}
                if 'module process' in name:
                    extra['lte_modem_run_on_controller'] = 'false'
                wall, cpu = run(workdir, inventory, name, task, args.forks, extra)
                calls = sum(_calls(entry.modem) - count for entry, count in zip(fleet.routers, before)) / len(fleet.routers)
                rows.append((name, wall, cpu, calls))
    floor_wall, floor_cpu = rows[0][1], rows[0][2]
    print('%d routers, at-chat latency %.2fs, forks %d, %s' % (args.routers, args.latency, args.forks, time.strftime('%Y-%m-%d')))
    print('%-40s %9s %9s %8s %8s %14s' % ('task', 'wall s', 'CPU s', 'wall x', 'CPU x', 'at-chat/host'))
    for name, wall, cpu, calls in rows:
        print('%-40s %9.2f %9.2f %8.2f %8.2f %14.1f' % (name, wall, cpu, wall / floor_wall, cpu / floor_cpu, calls))


if __name__ == '__main__':
    main()
