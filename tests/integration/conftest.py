# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Integration harness: real ansible / ansible-playbook processes against simulated modems.

The simulators run inside the pytest process (threads), so tests can change their knobs
and read their command logs while ansible talks to them over a real pty, a TCP socket or the
RouterOS API / SSH on 127.0.0.x.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ansible_collections.lte.modem.plugins.module_utils._at.commands import is_read_only, split_chained
from simulator.modem import Knobs, SimulatedModem, serve_pty

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PLAYBOOKS = Path(__file__).resolve().parent / 'playbooks'


@pytest.fixture(scope='session')
def ansible_env(tmp_path_factory):
    home = tmp_path_factory.mktemp('ansible-home')
    env = dict(os.environ)
    env.update(
        ANSIBLE_COLLECTIONS_PATH=str(REPO / '.build' / 'collections'),
        ANSIBLE_HOME=str(home),
        ANSIBLE_LOCAL_TEMP=str(home / 'tmp'),
        ANSIBLE_NOCOLOR='1',
        ANSIBLE_FORCE_COLOR='0',
        ANSIBLE_HOST_KEY_CHECKING='False',
        ANSIBLE_PYTHON_INTERPRETER=sys.executable,
        ANSIBLE_LOCALHOST_WARNING='False',
        ANSIBLE_INVENTORY_UNPARSED_WARNING='False',
        ANSIBLE_DEPRECATION_WARNINGS='False',
        ANSIBLE_RETRY_FILES_ENABLED='False',
        HOME=str(home),
    )
    return env


class AnsibleRunner:
    """Runs ansible ad hoc commands and playbooks as a user would, and parses their JSON output."""

    def __init__(self, env):
        self.env = env

    def _run(self, argv, env_extra=None):
        env = dict(self.env, ANSIBLE_STDOUT_CALLBACK='json_results', ANSIBLE_LOAD_CALLBACK_PLUGINS='1',
                   ANSIBLE_CALLBACK_PLUGINS=str(Path(__file__).resolve().parent / 'callback_plugins'))
        env.update(env_extra or {})
        proc = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=300, check=False)
        try:
            document = next(line for line in reversed(proc.stdout.splitlines()) if line.startswith('{"plays"'))
            return proc, json.loads(document)
        except (StopIteration, ValueError):
            raise AssertionError('ansible printed no JSON (rc=%d)\nstdout:\n%s\nstderr:\n%s' % (proc.returncode, proc.stdout, proc.stderr)) from None

    def module(self, module, args, hosts='localhost', inventory=None, check=False, diff=False, extra=(), env=None):
        """Run ``ansible <hosts> -m lte.modem.<module> -a <json>``; return (result of the first host, process)."""
        argv = [str(BIN / 'ansible'), hosts, '-m', 'lte.modem.' + module, '-a', json.dumps(args)]
        if inventory:
            argv += ['-i', str(inventory)]
        if check:
            argv.append('--check')
        if diff:
            argv.append('--diff')
        argv += list(extra)
        proc, output = self._run(argv, env)
        task = output['plays'][0]['tasks'][0]
        return task['hosts'], proc

    def playbook(self, playbook, extra_vars=None, inventory=None, check=False, diff=False, extra=()):
        """Run ``ansible-playbook``; return (list of (task name, {host: result})), stats, process)."""
        argv = [str(BIN / 'ansible-playbook'), str(playbook)]
        argv += ['-i', str(inventory)] if inventory else ['-i', 'localhost,', '-c', 'local']
        if extra_vars:
            argv += ['-e', json.dumps(extra_vars)]
        if check:
            argv.append('--check')
        if diff:
            argv.append('--diff')
        argv += list(extra)
        proc, output = self._run(argv)
        tasks = [(task['task']['name'], task['hosts']) for play in output['plays'] for task in play['tasks']]
        return tasks, output['stats'], proc


@pytest.fixture(scope='session')
def ansible(ansible_env):
    return AnsibleRunner(ansible_env)


class SerialModem:
    """A simulated modem behind a real pty, with a stable symlink like /dev/serial/by-id."""

    def __init__(self, profile, link_path, knobs=None):
        self.modem = SimulatedModem(profile=profile, knobs=knobs or Knobs())
        self.server = serve_pty(self.modem, link_path=str(link_path))
        self.device = str(link_path)

    @property
    def knobs(self):
        return self.modem.knobs

    @property
    def log(self):
        return self.modem.command_log

    def close(self):
        self.server.close()


@pytest.fixture
def serial_modem(tmp_path):
    """Factory: ``serial_modem('ME909u-521')`` starts a simulated modem on a pty."""
    started = []

    def start(profile='ME909u-521', knobs=None):
        modem = SerialModem(profile, tmp_path / ('by-id-%s-%d' % (profile, len(started))), knobs)
        started.append(modem)
        return modem

    yield start
    for modem in started:
        modem.close()


class RouterModem:
    """One simulated MikroTik router (API plain and TLS, SSH) whose lte1 is a simulated modem."""

    def __init__(self, fleet, workdir):
        self.fleet = fleet
        self.entry = fleet.routers[0]
        self.modem = self.entry.modem
        self.router = self.entry.router
        self.inventory = fleet.write_inventory(str(workdir / 'inventory.yml'))
        self.address = self.entry.address
        self.password = fleet.password

    @property
    def knobs(self):
        return self.modem.knobs

    @property
    def log(self):
        return self.modem.command_log

    def args(self, transport):
        """Connection options for ``ansible -m`` with this router as the inventory host."""
        base = dict(transport=transport, username=self.fleet.username, password=self.password, timeout=10)
        if transport == 'routeros_api':
            return dict(base, port=self.entry.api_port)
        if transport == 'routeros_api_tls':
            return dict(base, transport='routeros_api', tls=True, port=self.entry.api_tls_port, ca_path=self.fleet.ca_file)
        return dict(base, port=self.entry.ssh_port, known_hosts_file=self.fleet.known_hosts_file)


@pytest.fixture
def router_modem(tmp_path):
    """Factory: ``router_modem('ME909u-521')`` starts one router on 127.0.0.x with API, TLS API and SSH."""
    from simulator.fleet import Fleet

    fleets = []

    def start(profile='ME909u-521', tls='cert', **options):
        workdir = tmp_path / ('fleet%d' % len(fleets))
        fleet = Fleet(1, profile=profile, base_address='127.0.0.%d' % (2 + len(fleets)), api_port=0, api_tls_port=0, ssh_port=0,
                      tls=tls, ssh=True, at_chat_wait=0.2, workdir=str(workdir), **options)
        fleets.append(fleet)
        fleet.start()
        return RouterModem(fleet, workdir)

    yield start
    for fleet in fleets:
        fleet.stop()


TRANSPORTS = ('serial', 'routeros_api', 'routeros_ssh')


def start_target(transport, serial_modem, router_modem, profile='ME909u-521', **knobs):
    """Start a simulated modem reached over ``transport``, with ``knobs`` set; return its Target."""
    if transport == 'serial':
        simulator = serial_modem(profile)
        target = Target(transport, simulator, dict(device=simulator.device), 'localhost', None)
    else:
        simulator = router_modem(profile)
        target = Target(transport, simulator, simulator.args(transport), 'routers', simulator.inventory)
    for name, value in knobs.items():
        setattr(target.modem.knobs, name, value)
    return target


@pytest.fixture(params=TRANSPORTS)
def any_modem(request, serial_modem, router_modem):
    """Factory: the same profile reached over every transport, as a Target."""
    def start(profile='ME909u-521'):
        return start_target(request.param, serial_modem, router_modem, profile)
    return start


class Target:
    """Where a test's modem lives and how ansible reaches it."""

    def __init__(self, transport, simulator, args, hosts, inventory):
        self.transport = transport
        self.simulator = simulator
        self.args = args
        self.hosts = hosts
        self.inventory = inventory

    @property
    def modem(self):
        return self.simulator.modem

    @property
    def log(self):
        return self.simulator.log


def commands_of(log):
    """The commands of the command lines in a simulator log, one by one where a line chains several."""
    return [part if index == 0 else 'AT' + part for line in log for index, part in enumerate(split_chained(line))]


def reads_before_first_write(log):
    """The command lines in a simulator log before the first one that writes (the router's own ATE0 aside)."""
    lines = [line for line in log if line != 'ATE0']
    first = next((index for index, line in enumerate(lines) if not is_read_only(line)), len(lines))
    return lines[:first]


def writes(log):
    """The commands in a simulator log that set something (the router's own ATE0 aside)."""
    return [command for command in commands_of(log) if command != 'ATE0' and not is_read_only(command)]


def results_of(tasks):
    """{task name: result} of a one-host playbook run."""
    return {name: next(iter(hosts.values())) for name, hosts in tasks}


def failed_tasks(tasks):
    """{task name: result} of the tasks that failed without ignore_errors, for assertion messages."""
    return {name: result for name, hosts in tasks for result in hosts.values() if result.get('failed') and not result.get('ignore_errors')}


def playbook_vars(target, **conn):
    """Extra vars for the state-module playbooks: which hosts to target and the connection options."""
    return {'target_hosts': target.hosts, 'ansible_connection': 'local', 'conn': dict(target.args, **conn)}
