# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""How the SSH transport decides to trust a router's host key: pinned, known_hosts, trust on first use, or not at all.

The policies follow paramiko's ``MissingHostKeyPolicy`` protocol (``missing_host_key``); paramiko
itself refuses a key that differs from the one known_hosts holds.
"""

from __future__ import annotations

import base64
import hashlib
import os

from ansible_collections.lte.modem.plugins.module_utils._errors import TransportError

# host_key_checking: strict and accept_new read known_hosts (accept_new adds unknown routers to it);
# disabled, what Ansible's host_key_checking=False means here, accepts any key and reads or
# writes no file. Unset, outside the action plugin that resolves it: strict.
HOST_KEY_CHECKING = ('strict', 'accept_new', 'disabled')


def fingerprint(key):
    """SHA256 fingerprint of a host key as ``ssh-keygen -l`` prints it."""
    digest = hashlib.sha256(key.asbytes()).digest()
    return 'SHA256:' + base64.b64encode(digest).decode('ascii').rstrip('=')


class PinnedKeyPolicy:
    """Accepts exactly the host key whose fingerprint was pinned."""

    def __init__(self, expected):
        self.expected = expected.strip()

    def missing_host_key(self, client, hostname, key):
        seen = fingerprint(key)
        if seen != self.expected:
            raise TransportError('The SSH host key of %s is %s, not the pinned %s: refusing to connect' % (hostname, seen, self.expected))


class AcceptNewPolicy:
    """Records the key of a host seen for the first time."""

    def __init__(self, path):
        self.path = path

    def missing_host_key(self, client, hostname, key):
        client.get_host_keys().add(hostname, key.get_name(), key)
        directory = os.path.dirname(self.path)
        if directory and not os.path.isdir(directory):
            os.makedirs(directory, mode=0o700)
        client.save_host_keys(self.path)


class AcceptAnyPolicy:
    """Accepts any key and records nothing: host key checking is off."""

    def missing_host_key(self, client, hostname, key):
        return None


class StrictPolicy:
    """Refuses a host that is not in known_hosts, with a message that says how to proceed."""

    def __init__(self, path):
        self.path = path

    def missing_host_key(self, client, hostname, key):
        raise TransportError(
            'The SSH host key of %s (%s %s) is not in %s. Add it (ssh-keyscan), pin it with host_key_fingerprint, '
            'or set host_key_checking=accept_new to trust it on first use.' % (hostname, key.get_name(), fingerprint(key), self.path))


def host_key_policy(client, params, ssh_exception):
    """Load what the options say to trust into ``client`` and return the policy for an unknown key."""
    if params.get('host_key_fingerprint'):
        return PinnedKeyPolicy(params['host_key_fingerprint'])
    if params.get('host_key_checking') == 'disabled':
        # No known_hosts loaded: a key that differs from a recorded one is accepted too.
        return AcceptAnyPolicy()
    path = params.get('known_hosts_file') or os.path.expanduser('~/.ssh/known_hosts')
    if os.path.exists(path):
        try:
            client.load_host_keys(path)
        except (OSError, ssh_exception) as exc:
            raise TransportError('Cannot read the known_hosts file %s: %s' % (path, exc)) from None
    if params.get('host_key_checking') == 'accept_new':
        return AcceptNewPolicy(path)
    return StrictPolicy(path)
