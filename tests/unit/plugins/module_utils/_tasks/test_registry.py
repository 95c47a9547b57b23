# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Every module that talks to a modem has a task in the registry, one action plugin, and a place in the action group.

huawei_ports and huawei_hilink are the exceptions: they read the host they run on (sysfs) or talk HTTP to a HiLink stick, and take no transport options.
"""

from __future__ import annotations

import os

import pytest
import yaml

from ansible_collections.lte.modem.plugins.module_utils._state.registry import RESOURCES
from ansible_collections.lte.modem.plugins.module_utils._tasks.registry import TASKS, task_for

COLLECTION = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..', '..', '..'))
HOST_MODULES = ['huawei_hilink', 'huawei_ports']
MODULES = sorted(name[:-3] for name in os.listdir(os.path.join(COLLECTION, 'plugins', 'modules'))
                 if name.startswith('huawei_') and name[:-3] not in HOST_MODULES)
ACTION_PLUGIN = os.path.join(COLLECTION, 'plugins', 'plugin_utils', '_modem_action.py')


def test_every_module_that_talks_to_a_modem_has_a_task():
    assert sorted(TASKS) == MODULES
    assert task_for('lte.modem.huawei_apn') is TASKS['huawei_apn']


@pytest.mark.parametrize('module', MODULES)
def test_every_module_runs_through_the_one_action_plugin(module):
    path = os.path.join(COLLECTION, 'plugins', 'action', module + '.py')
    assert os.path.islink(path) and os.path.realpath(path) == os.path.realpath(ACTION_PLUGIN)


def test_every_module_is_in_the_action_group():
    with open(os.path.join(COLLECTION, 'meta', 'runtime.yml'), encoding='utf-8') as handle:
        runtime = yaml.safe_load(handle)
    assert sorted(runtime['action_groups']['modem']) == MODULES


@pytest.mark.parametrize('module', HOST_MODULES)
def test_a_host_module_has_no_task_action_plugin_or_group(module):
    assert os.path.exists(os.path.join(COLLECTION, 'plugins', 'modules', module + '.py'))
    assert module not in TASKS
    assert not os.path.lexists(os.path.join(COLLECTION, 'plugins', 'action', module + '.py'))


def test_resources_are_in_an_order_that_cannot_harm():
    assert list(RESOURCES) == ['port_mode', 'routeros', 'sim', 'radio', 'syscfg', 'apn', 'connection']
