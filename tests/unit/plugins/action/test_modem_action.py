# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Where the action plugin takes RouterOS connection options from when a task leaves them out."""

from __future__ import annotations

import pytest

from types import SimpleNamespace

from ansible_collections.lte.modem.plugins.plugin_utils._modem_action import ansible_host_key_checking, connection_settings, inventory_defaults

FLEET_HOST = {
    'inventory_hostname': 'router07',
    'ansible_host': '10.0.7.1',
    'lte_modem_transport': 'routeros_api',
    'routeros_username': 'ansible',
    'routeros_password': 'fleet-secret',
    'routeros_interface': 'lte2',
    'routeros_api_port': 18728,
    'routeros_api_tls_port': 18729,
    'routeros_ssh_port': 2222,
}

CASES = [
    ('the inventory fills every unset option', {}, FLEET_HOST,
     dict(transport='routeros_api', hostname='10.0.7.1', username='ansible', password='fleet-secret', interface='lte2', port=18728)),
    ('the task wins over the inventory', dict(hostname='192.0.2.1', port=8728, username='admin'), FLEET_HOST,
     dict(transport='routeros_api', hostname='192.0.2.1', username='admin', password='fleet-secret', interface='lte2', port=8728)),
    ('the TLS port goes with tls', dict(tls=True), FLEET_HOST,
     dict(tls=True, transport='routeros_api', hostname='10.0.7.1', username='ansible', password='fleet-secret', interface='lte2', port=18729)),
    ('the SSH port goes with SSH', dict(transport='routeros_ssh'), FLEET_HOST,
     dict(transport='routeros_ssh', hostname='10.0.7.1', username='ansible', password='fleet-secret', interface='lte2', port=2222)),
    ('without ansible_host the inventory name is the address', dict(transport='routeros_api'), {'inventory_hostname': 'router08'},
     dict(transport='routeros_api', hostname='router08')),
]


@pytest.mark.parametrize('args, task_vars, expected', [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_inventory_defaults(args, task_vars, expected):
    assert inventory_defaults(args, task_vars) == expected


# The precedence ladder, rung by rung, for each option (tests/integration/test_credentials.py runs it for real).
ROUTER = {'inventory_hostname': 'router07', 'lte_modem_transport': 'routeros_ssh'}
COLLECTION = {'routeros_username': 'ros-user', 'routeros_password': 'ros-pass', 'routeros_ssh_port': 2201,
              'routeros_private_key_file': '/keys/ros'}
ANSIBLE = {'ansible_host': '10.0.7.1', 'ansible_user': 'std-user', 'ansible_password': 'std-pass', 'ansible_port': 2202,
           'ansible_ssh_private_key_file': '/keys/std'}
ANSIBLE_SSH = {'ansible_ssh_host': '10.0.7.9', 'ansible_ssh_user': 'ssh-user', 'ansible_ssh_pass': 'ssh-pass', 'ansible_ssh_port': 2203,
               'ansible_private_key_file': '/keys/alias'}
SETTINGS = {'remote_user': 'cli-user', 'password': 'cli-pass', 'private_key_file': '/keys/cli', 'port': 2204}
TASK = dict(hostname='192.0.2.7', username='task-user', password='task-pass', port=2200, private_key_file='/keys/task')
OPTIONS = ('hostname', 'username', 'password', 'port', 'private_key_file')

LADDER = [
    ('the task wins over everything', TASK, dict(ROUTER, **COLLECTION, **ANSIBLE), SETTINGS,
     ('192.0.2.7', 'task-user', 'task-pass', 2200, '/keys/task')),
    ("then the collection's variables", {}, dict(ROUTER, **COLLECTION, **ANSIBLE), SETTINGS,
     ('10.0.7.1', 'ros-user', 'ros-pass', 2201, '/keys/ros')),
    ("then Ansible's variables", {}, dict(ROUTER, **ANSIBLE), SETTINGS,
     ('10.0.7.1', 'std-user', 'std-pass', 2202, '/keys/std')),
    ("the ssh-specific ones before the generic ones, as Ansible reads them", {}, dict(ROUTER, **ANSIBLE, **ANSIBLE_SSH), SETTINGS,
     ('10.0.7.9', 'ssh-user', 'ssh-pass', 2203, '/keys/std')),
    ("then Ansible's settings (-u, --ask-pass, --private-key, ansible.cfg, an AAP Machine credential)", {}, ROUTER, SETTINGS,
     ('router07', 'cli-user', 'cli-pass', 2204, '/keys/cli')),
    ('then the defaults', {}, ROUTER, {'remote_user': None, 'password': '', 'private_key_file': None, 'port': None},
     ('router07', None, None, None, None)),
]


@pytest.mark.parametrize('args, task_vars, settings, expected', [case[1:] for case in LADDER], ids=[case[0] for case in LADDER])
def test_the_precedence_ladder(args, task_vars, settings, expected):
    filled = inventory_defaults(args, task_vars, settings)
    assert tuple(filled.get(option) for option in OPTIONS) == expected


def test_the_api_takes_no_ssh_port_and_no_key():
    filled = inventory_defaults({'transport': 'routeros_api'}, dict(ROUTER, **ANSIBLE), SETTINGS)
    assert 'port' not in filled and 'private_key_file' not in filled
    assert (filled['username'], filled['password']) == ('std-user', 'std-pass')
    filled = inventory_defaults({'transport': 'routeros_api', 'tls': True}, dict(ROUTER, routeros_api_tls_port=8730, ansible_port=22), SETTINGS)
    assert filled['port'] == 8730


def test_an_empty_collection_variable_is_still_set():
    filled = inventory_defaults({}, dict(ROUTER, routeros_password='', ansible_password='std-pass'), SETTINGS)
    assert filled['password'] == ''


def test_connection_settings_of_a_local_connection_keep_the_user_ansible_was_given():
    # Ansible's local connection replaces remote_user by the controller's user; connection_user keeps -u.
    local = SimpleNamespace(connection='local', remote_user='root', connection_user='cli-user', password='cli-pass',
                            private_key_file=None, port=None)
    assert connection_settings(local) == {'remote_user': 'cli-user', 'password': 'cli-pass', 'private_key_file': None, 'port': None}
    local.connection_user = None
    assert connection_settings(local)['remote_user'] is None
    ssh = SimpleNamespace(connection='ssh', remote_user='cli-user', connection_user=None, password='', private_key_file='/k', port=22)
    assert connection_settings(ssh) == {'remote_user': 'cli-user', 'password': '', 'private_key_file': '/k', 'port': 22}


@pytest.mark.parametrize('environment, variables, expected', [
    ({}, {}, True),
    ({'ANSIBLE_HOST_KEY_CHECKING': 'False'}, {}, False),
    ({'ANSIBLE_HOST_KEY_CHECKING': 'False'}, {'ansible_host_key_checking': True}, True),
    ({}, {'ansible_ssh_host_key_checking': 'no'}, False),
], ids=['Ansible checks by default', 'ANSIBLE_HOST_KEY_CHECKING=False', 'a host variable wins', 'the ssh variant'])
def test_ansible_host_key_checking(monkeypatch, environment, variables, expected):
    for name in ('ANSIBLE_HOST_KEY_CHECKING', 'ANSIBLE_SSH_HOST_KEY_CHECKING', 'ANSIBLE_CONFIG'):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir('/')  # no ansible.cfg of the checkout's working directory
    assert ansible_host_key_checking(variables) is expected
