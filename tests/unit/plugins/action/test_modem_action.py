# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Where the action plugin takes RouterOS connection options from, and when a router counts as unreachable."""

from __future__ import annotations

import ssl

import pytest

from ansible_collections.lte.modem.plugins.module_utils._errors import LinkLost, TransportError
from ansible_collections.lte.modem.plugins.plugin_utils._modem_action import inventory_defaults, is_unreachable

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


def raised_while_handling(cause, error=TransportError):
    """The error a transport raises inside the ``except`` of ``cause`` (``from None`` keeps the context)."""
    try:
        try:
            raise cause
        except Exception:  # pylint: disable=broad-exception-caught
            raise error('Cannot connect to the RouterOS API at 192.0.2.1:8728') from None
    except TransportError as exc:
        return exc


UNREACHABLE_CASES = [
    ('connection refused', raised_while_handling(ConnectionRefusedError(111, 'Connection refused')), True),
    ('connect timed out', raised_while_handling(TimeoutError('timed out')), True),
    ('no route to host', raised_while_handling(OSError(113, 'No route to host')), True),
    ('login refused', raised_while_handling(ValueError('invalid user name or password')), False),
    ('TLS certificate refused', raised_while_handling(ssl.SSLError(1, 'CERTIFICATE_VERIFY_FAILED')), False),
    ('host key mismatch (no cause)', TransportError('The SSH host key of 192.0.2.1 changed'), False),
    ('link lost after opening', raised_while_handling(ConnectionResetError(104, 'reset'), LinkLost), False),
]


@pytest.mark.parametrize('exc, expected', [case[1:] for case in UNREACHABLE_CASES], ids=[case[0] for case in UNREACHABLE_CASES])
def test_only_network_failures_make_a_router_unreachable(exc, expected):
    assert is_unreachable(exc) is expected
