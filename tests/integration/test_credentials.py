# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Where the RouterOS credentials come from, rung by rung, with real ansible-playbook runs at -vvv.

Every run offers credentials on several rungs of the ladder (docs/docsite/rst/transports.rst): the one that
must win is the only one the simulated router accepts, so a run that picked another rung fails
with "refused the login". Ansible's connection settings come the way AAP/AWX gives a Machine
credential: ``-u USER`` and the answer to the ``--ask-pass`` prompt on a terminal, and a key in a
running ssh-agent.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import paramiko
import pytest
import yaml

from conftest import BIN, PLAYBOOKS

CALLBACKS = Path(__file__).resolve().parent / 'callback_plugins'
DEADLINE = 300
# A port nothing listens on: a run that took it could not connect.
CLOSED_PORT = 9


class Router:
    """One simulated router with a user per rung of the ladder, each with its own password."""

    def __init__(self, router_modem, transport):
        self.simulator = router_modem('ME909u-521')
        self.transport = transport
        entry = self.simulator.entry
        self.address = entry.address
        self.port = entry.api_port if transport == 'routeros_api' else entry.ssh_port
        self.router = entry.router
        self.passwords = {user: 'pw-%s-%s' % (user, os.urandom(4).hex()) for user in ('task', 'ros', 'std', 'cli')}
        self.router.users.update({'%s-user' % user: password for user, password in self.passwords.items()})

    def login(self, user):
        """(username, password) of the rung ``user``."""
        return '%s-user' % user, self.passwords[user]

    def wrong(self, user):
        """Credentials the router refuses, on the rung ``user``."""
        return '%s-user' % user, 'not-' + self.passwords[user]

    def secrets(self):
        return list(self.passwords.values()) + ['not-' + password for password in self.passwords.values()]


def write_inventory(path, router, variables):
    """A one-router inventory as an operator would write it, with ``variables`` for the host."""
    host = {'ansible_host': router.address, **variables}
    group_vars = {'ansible_connection': 'local', 'ansible_python_interpreter': '{{ ansible_playbook_python }}',
                  'lte_modem_transport': router.transport}
    if router.transport == 'routeros_api':
        group_vars['routeros_api_port'] = router.port
    path.write_text(yaml.safe_dump({'all': {'children': {'routers': {'hosts': {'router01': host}, 'vars': group_vars}}}}), encoding='utf-8')
    path.chmod(0o600)
    return path


def run_playbook(ansible_env, inventory, extra=(), env=None, password_prompt=None, task_conn=None):
    """ansible-playbook credentials.yml at -vvv; answers ``SSH password:`` on a terminal like AWX does.

    Returns (result of the one task, process output).
    """
    argv = [str(BIN / 'ansible-playbook'), str(PLAYBOOKS / 'credentials.yml'), '-i', str(inventory), '-vvv']
    if task_conn:
        argv += ['-e', json.dumps({'task_conn': task_conn})]
    argv += list(extra)
    run_env = dict(ansible_env, ANSIBLE_STDOUT_CALLBACK='json_results', ANSIBLE_LOAD_CALLBACK_PLUGINS='1',
                   ANSIBLE_CALLBACK_PLUGINS=str(CALLBACKS))
    run_env.update(env or {})
    if password_prompt is None:
        proc = subprocess.run(argv, env=run_env, capture_output=True, text=True, timeout=DEADLINE, check=False)
        stdout, stderr = proc.stdout, proc.stderr
    else:
        stdout, stderr = answer_on_terminal(argv + ['--ask-pass'], run_env, 'SSH password:', password_prompt)
    output = stdout + stderr
    document = next((line for line in reversed(stdout.splitlines()) if line.startswith('{"plays"')), None)
    assert document, 'ansible-playbook printed no JSON\n' + output
    task = json.loads(document)['plays'][0]['tasks'][0]
    return task['hosts']['router01'], output


def answer_on_terminal(argv, env, prompt, answer):
    """Run ``argv`` with a terminal of its own (as AWX runs ansible-playbook) and type ``answer`` at ``prompt``."""
    master, slave = os.openpty()
    # The child makes the pty its controlling terminal, so that getpass reads the answer from it.
    wrapper = [sys.executable, '-c', 'import os, sys; os.setsid(); os.close(os.open(sys.argv[1], os.O_RDWR)); os.execv(sys.argv[2], sys.argv[2:])',
               os.ttyname(slave)] + argv
    proc = subprocess.Popen(wrapper, stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    os.close(slave)
    try:
        seen = b''
        deadline = time.monotonic() + DEADLINE
        while prompt.encode() not in seen:
            assert time.monotonic() < deadline and proc.poll() is None, 'no %r prompt: %r' % (prompt, seen)
            ready = select.select([master], [], [], 1.0)[0]
            if ready:
                seen += os.read(master, 4096)
        os.write(master, answer.encode() + b'\n')
        stdout, stderr = proc.communicate(timeout=DEADLINE)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return stdout, stderr


def assert_answered(result, output, router):
    assert result.get('failed') is not True, result.get('msg')
    assert result['results'][0]['lines'] == ['ME909u-521']
    for secret in router.secrets():
        assert secret not in output


TRANSPORTS = ('routeros_api', 'routeros_ssh')


@pytest.mark.parametrize('transport', TRANSPORTS)
def test_the_task_wins_over_every_variable_and_setting(ansible_env, router_modem, tmp_path, transport):
    router = Router(router_modem, transport)
    (ros_user, ros_pass), (std_user, std_pass), (cli_user, cli_pass) = router.wrong('ros'), router.wrong('std'), router.wrong('cli')
    inventory = write_inventory(tmp_path / 'inventory.yml', router, {
        'routeros_username': ros_user, 'routeros_password': ros_pass, 'ansible_user': std_user, 'ansible_password': std_pass})
    user, password = router.login('task')
    result, output = run_playbook(ansible_env, inventory, extra=['-u', cli_user], password_prompt=cli_pass,
                                  task_conn={'username': user, 'password': password, 'port': router.port})
    assert_answered(result, output, router)


@pytest.mark.parametrize('transport', TRANSPORTS)
def test_the_collection_variables_come_before_ansible_ones(ansible_env, router_modem, tmp_path, transport):
    router = Router(router_modem, transport)
    user, password = router.login('ros')
    (std_user, std_pass), (cli_user, cli_pass) = router.wrong('std'), router.wrong('cli')
    variables = {'routeros_username': user, 'routeros_password': password, 'ansible_user': std_user, 'ansible_password': std_pass,
                 'ansible_port': CLOSED_PORT}
    if transport == 'routeros_ssh':
        variables['routeros_ssh_port'] = router.port
    inventory = write_inventory(tmp_path / 'inventory.yml', router, variables)
    result, output = run_playbook(ansible_env, inventory, extra=['-u', cli_user], password_prompt=cli_pass)
    assert_answered(result, output, router)


@pytest.mark.parametrize('transport', TRANSPORTS)
def test_ansible_variables_come_before_ansible_settings(ansible_env, router_modem, tmp_path, transport):
    router = Router(router_modem, transport)
    user, password = router.login('std')
    cli_user, cli_pass = router.wrong('cli')
    # The API ignores ansible_port (an SSH port); SSH takes it over Ansible's remote_port setting.
    variables = {'ansible_user': user, 'ansible_password': password, 'ansible_port': router.port if transport == 'routeros_ssh' else 22}
    inventory = write_inventory(tmp_path / 'inventory.yml', router, variables)
    result, output = run_playbook(ansible_env, inventory, extra=['-u', cli_user], password_prompt=cli_pass,
                                  env={'ANSIBLE_REMOTE_PORT': str(CLOSED_PORT)})
    assert_answered(result, output, router)


@pytest.mark.parametrize('transport', TRANSPORTS)
def test_a_machine_credential_as_aap_passes_it(ansible_env, router_modem, tmp_path, transport):
    """-u and the answer to the SSH password prompt: the inventory holds no credential at all."""
    router = Router(router_modem, transport)
    user, password = router.login('cli')
    inventory = write_inventory(tmp_path / 'inventory.yml', router, {})
    env = {'ANSIBLE_REMOTE_PORT': str(router.port)} if transport == 'routeros_ssh' else {}
    result, output = run_playbook(ansible_env, inventory, extra=['-u', user], password_prompt=password, env=env)
    assert_answered(result, output, router)


class Keys:
    """An SSH key pair the router accepts for ``key-user``, and one it does not know."""

    def __init__(self, router, directory):
        self.good = directory / 'id_router'
        self.other = directory / 'id_other'
        for path in (self.good, self.other):
            key = paramiko.ECDSAKey.generate()
            key.write_private_key_file(str(path))
            path.chmod(0o600)
        router.router.authorized_keys = {'key-user': [paramiko.ECDSAKey.from_private_key_file(str(self.good))]}

    def secrets(self):
        return [line for path in (self.good, self.other) for line in path.read_text().splitlines()[1:-1]]


def assert_answered_with_key(result, output, router, keys):
    assert_answered(result, output, router)
    for secret in keys.secrets():
        assert secret not in output


def test_ansible_ssh_private_key_file(ansible_env, router_modem, tmp_path):
    router = Router(router_modem, 'routeros_ssh')
    keys = Keys(router, tmp_path)
    inventory = write_inventory(tmp_path / 'inventory.yml', router, {
        'ansible_user': 'key-user', 'ansible_ssh_private_key_file': str(keys.good), 'routeros_ssh_port': router.port})
    result, output = run_playbook(ansible_env, inventory, extra=['--private-key', str(keys.other)])
    assert_answered_with_key(result, output, router, keys)


def test_the_collection_key_comes_before_ansible_ones(ansible_env, router_modem, tmp_path):
    router = Router(router_modem, 'routeros_ssh')
    keys = Keys(router, tmp_path)
    inventory = write_inventory(tmp_path / 'inventory.yml', router, {
        'ansible_user': 'key-user', 'routeros_private_key_file': str(keys.good), 'ansible_ssh_private_key_file': str(keys.other),
        'routeros_ssh_port': router.port})
    result, output = run_playbook(ansible_env, inventory)
    assert_answered_with_key(result, output, router, keys)


def test_the_private_key_option_of_ansible(ansible_env, router_modem, tmp_path):
    router = Router(router_modem, 'routeros_ssh')
    keys = Keys(router, tmp_path)
    inventory = write_inventory(tmp_path / 'inventory.yml', router, {'routeros_ssh_port': router.port})
    result, output = run_playbook(ansible_env, inventory, extra=['-u', 'key-user', '--private-key', str(keys.good)])
    assert_answered_with_key(result, output, router, keys)


@pytest.fixture
def ssh_agent(tmp_path):
    """A running OpenSSH agent: (environment for its clients, a function that adds a key)."""
    socket_path = tmp_path / 'agent.sock'
    agent = subprocess.Popen(['ssh-agent', '-D', '-a', str(socket_path)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                             start_new_session=True)
    try:
        # In the foreground the agent prints where it listens once it does.
        assert 'SSH_AUTH_SOCK' in agent.stdout.readline()
        env = {'SSH_AUTH_SOCK': str(socket_path)}

        def add(key_file):
            subprocess.run(['ssh-add', str(key_file)], env=dict(os.environ, **env), capture_output=True, check=True, timeout=60)

        yield env, add
    finally:
        os.killpg(agent.pid, signal.SIGTERM)
        agent.wait(timeout=60)


def test_a_machine_credential_key_in_the_ssh_agent(ansible_env, router_modem, tmp_path, ssh_agent):
    """AAP/AWX loads a Machine credential's key into an ssh-agent for the job, and passes -u."""
    agent_env, add = ssh_agent
    router = Router(router_modem, 'routeros_ssh')
    keys = Keys(router, tmp_path)
    add(keys.good)
    inventory = write_inventory(tmp_path / 'inventory.yml', router, {'routeros_ssh_port': router.port})
    result, output = run_playbook(ansible_env, inventory, extra=['-u', 'key-user'], env=agent_env)
    assert_answered_with_key(result, output, router, keys)
