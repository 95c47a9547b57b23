# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Where the action plugin takes RouterOS connection options from when a task leaves them out."""

from __future__ import annotations

import pytest

from ansible_collections.lte.modem.plugins.plugin_utils._modem_action import inventory_defaults

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
