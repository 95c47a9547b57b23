# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""routeros_ssh follows Ansible's host_key_checking unless the task says otherwise (real ansible-playbook runs).

Ansible's setting comes from ANSIBLE_HOST_KEY_CHECKING, ansible.cfg or the host variable
ansible_host_key_checking; AAP/AWX sets ANSIBLE_HOST_KEY_CHECKING=False for its jobs, where
~/.ssh/known_hosts is empty.
"""

from __future__ import annotations

from pathlib import Path

import paramiko
import pytest

from test_credentials import Router, assert_answered, run_playbook, write_inventory


@pytest.fixture
def router(router_modem):
    return Router(router_modem, 'routeros_ssh')


def known_hosts_with(path, router, key):
    """A known_hosts file that holds ``key`` for the router (its own key, or another one)."""
    hosts = paramiko.HostKeys()
    hosts.add('[%s]:%d' % (router.address, router.port), key.get_name(), key)
    hosts.save(str(path))
    return path


def inventory_for(tmp_path, router, **variables):
    user, password = router.login('ros')
    return write_inventory(tmp_path / 'inventory.yml', router, dict(
        routeros_username=user, routeros_password=password, routeros_ssh_port=router.port, **variables))


def test_ansible_checks_host_keys_by_default(ansible_env, router, tmp_path):
    known_hosts = tmp_path / 'known_hosts'
    inventory = inventory_for(tmp_path, router, routeros_known_hosts=str(known_hosts))
    result = run_playbook(ansible_env, inventory, env={'ANSIBLE_HOST_KEY_CHECKING': 'True'})[0]
    assert result['failed'] and 'is not in %s' % known_hosts in result['msg']
    known_hosts_with(known_hosts, router, router.simulator.entry.host_key)
    result, output = run_playbook(ansible_env, inventory, env={'ANSIBLE_HOST_KEY_CHECKING': 'True'})
    assert_answered(result, output, router)


@pytest.mark.parametrize('how', ['ANSIBLE_HOST_KEY_CHECKING', 'ansible.cfg', 'host variable'])
def test_host_key_checking_false_accepts_any_key_and_records_nothing(ansible_env, router, tmp_path, how):
    # What known_hosts says about the router is not read: even another key than its own is no obstacle.
    known_hosts = known_hosts_with(tmp_path / 'known_hosts', router, paramiko.ECDSAKey.generate())
    recorded = known_hosts.read_text()
    env = {'ANSIBLE_HOST_KEY_CHECKING': 'True'}
    variables = {'routeros_known_hosts': str(known_hosts)}
    if how == 'ANSIBLE_HOST_KEY_CHECKING':
        env = {'ANSIBLE_HOST_KEY_CHECKING': 'False'}
    elif how == 'ansible.cfg':
        config = tmp_path / 'ansible.cfg'
        config.write_text('[defaults]\nhost_key_checking = False\n', encoding='utf-8')
        env = {'ANSIBLE_CONFIG': str(config)}
    else:
        variables['ansible_host_key_checking'] = False
    inventory = inventory_for(tmp_path, router, **variables)
    if how == 'ansible.cfg':
        env_without = {name: value for name, value in ansible_env.items() if name != 'ANSIBLE_HOST_KEY_CHECKING'}
        result, output = run_playbook(env_without, inventory, env=env)
    else:
        result, output = run_playbook(ansible_env, inventory, env=env)
    assert_answered(result, output, router)
    assert known_hosts.read_text() == recorded
    user_known_hosts = Path(ansible_env['HOME']) / '.ssh' / 'known_hosts'
    assert not user_known_hosts.exists() or router.address not in user_known_hosts.read_text()


def test_the_task_says_otherwise(ansible_env, router, tmp_path):
    known_hosts = tmp_path / 'known_hosts'
    inventory = inventory_for(tmp_path, router, routeros_known_hosts=str(known_hosts))
    checking_off = {'ANSIBLE_HOST_KEY_CHECKING': 'False'}
    result = run_playbook(ansible_env, inventory, env=checking_off, task_conn={'host_key_checking': 'strict'})[0]
    assert result['failed'] and 'is not in' in result['msg']
    result, output = run_playbook(ansible_env, inventory, env={'ANSIBLE_HOST_KEY_CHECKING': 'True'}, task_conn={'host_key_checking': 'accept_new'})
    assert_answered(result, output, router)
    assert router.address in known_hosts.read_text()
    # A pinned fingerprint is checked even when Ansible checks nothing.
    result = run_playbook(ansible_env, inventory, env=checking_off, task_conn={'host_key_fingerprint': 'SHA256:AAAA'})[0]
    assert result['failed'] and 'not the pinned SHA256:AAAA' in result['msg']
