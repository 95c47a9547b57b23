# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""RouterOS SSH transport: ``/interface lte at-chat`` typed into the CLI with paramiko."""

from __future__ import annotations

import base64
import hashlib
import os
import socket
import time
import traceback

from ansible_collections.lte.modem.plugins.module_utils._errors import AtTimeoutError, TransportError, UnsupportedError
from ansible_collections.lte.modem.plugins.module_utils._transports.base import AtChatTransport

try:
    import paramiko
    HAS_PARAMIKO = True
    PARAMIKO_IMPORT_ERROR = None
except ImportError:
    HAS_PARAMIKO = False
    PARAMIKO_IMPORT_ERROR = traceback.format_exc()

SSH_PORT = 22
# Login-name flags (routeros.md 4.3): c no colours, e dumb terminal, t no terminal
# detection, and a wide terminal so that long answers are not wrapped.
LOGIN_FLAGS = '+cet512w'

# Characters the RouterOS CLI interprets inside a double-quoted string (routeros.md 4.1).
# '?' must be escaped on RouterOS 6, where it opens the help; '\?' also works on 7.
CLI_ESCAPES = {'\\': '\\\\', '"': '\\"', '?': '\\?', '$': '\\$'}

# CLI error texts (routeros.md 4.2) and what they mean for an at-chat command line.
CLI_ERRORS = (
    ('no such item', TransportError, 'RouterOS at {host} has no LTE interface {interface!r} (no such item)'),
    ('bad command name', UnsupportedError, 'RouterOS at {host} has no "/interface lte at-chat" command ({text})'),
    ('expected end of command', TransportError, 'RouterOS at {host} could not parse the at-chat command line ({text})'),
    ('syntax error', TransportError, 'RouterOS at {host} could not parse the at-chat command line ({text})'),
    ('invalid value', TransportError, 'RouterOS at {host} refused an at-chat argument ({text})'),
)


def quote_cli(value):
    """Quote a value for the RouterOS CLI: ``AT^SYSCFGEX?`` -> ``"AT^SYSCFGEX\\?"``."""
    return '"%s"' % ''.join(CLI_ESCAPES.get(char, char) for char in value)


def at_chat_command_line(interface, command, wait):
    """The CLI line that sends ``command`` to the modem of ``interface`` (space form, v6 and v7)."""
    return '/interface lte at-chat %s input=%s%s' % (interface, quote_cli(command), ' wait=yes' if wait else '')


def parse_at_chat_output(text):
    """Return the value of ``output:`` from the CLI layout, one line per modem line.

    The first line follows ``  output: ``; continuation lines are indented to the value column
    and may be padded with spaces. RouterOS 6 prints the final result at column 0 after an
    empty line (routeros.md 3.4), so every later line belongs to the value.
    """
    lines = text.replace('\r\n', '\n').replace('\r', '\n').split('\n')
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith('output:'):
            first = stripped[len('output:'):].strip()
            return [first] + [rest.strip() for rest in lines[index + 1:]]
    return None


def fingerprint(key):
    """SHA256 fingerprint of a host key as ``ssh-keygen -l`` prints it."""
    digest = hashlib.sha256(key.asbytes()).digest()
    return 'SHA256:' + base64.b64encode(digest).decode('ascii').rstrip('=')


class _PinnedKeyPolicy:
    """Accepts exactly the host key whose fingerprint was pinned."""

    def __init__(self, expected):
        self.expected = expected.strip()

    def missing_host_key(self, client, hostname, key):
        seen = fingerprint(key)
        if seen != self.expected:
            raise TransportError('The SSH host key of %s is %s, not the pinned %s: refusing to connect' % (hostname, seen, self.expected))


class _AcceptNewPolicy:
    """Records the key of a host seen for the first time; a changed key is still refused by paramiko."""

    def __init__(self, path):
        self.path = path

    def missing_host_key(self, client, hostname, key):
        client.get_host_keys().add(hostname, key.get_name(), key)
        directory = os.path.dirname(self.path)
        if directory and not os.path.isdir(directory):
            os.makedirs(directory, mode=0o700)
        client.save_host_keys(self.path)


class _StrictPolicy:
    """Refuses a host that is not in known_hosts, with a message that says how to proceed."""

    def __init__(self, path):
        self.path = path

    def missing_host_key(self, client, hostname, key):
        raise TransportError(
            'The SSH host key of %s (%s %s) is not in %s. Add it (ssh-keyscan), pin it with host_key_fingerprint, '
            'or set host_key_checking=accept_new to trust it on first use.' % (hostname, key.get_name(), fingerprint(key), self.path))


class RouterOsSshTransport(AtChatTransport):
    """at-chat through the RouterOS CLI over SSH; one exec channel per command line."""

    def __init__(self, params):
        if not HAS_PARAMIKO:
            raise UnsupportedError('transport=routeros_ssh needs the Python library paramiko on the controller '
                                   '(pip install paramiko)', exception=PARAMIKO_IMPORT_ERROR)
        self.params = params
        self.host = params['hostname']
        self.interface = params['interface']
        self.port = params.get('port') or SSH_PORT
        self.description = 'LTE interface %s of router %s (SSH port %d)' % (self.interface, self.host, self.port)
        self._client = self._connect()

    @classmethod
    def from_params(cls, params):
        return cls(params)

    def _host_key_policy(self, client):
        params = self.params
        if params.get('host_key_fingerprint'):
            return _PinnedKeyPolicy(params['host_key_fingerprint'])
        path = params.get('known_hosts_file') or os.path.expanduser('~/.ssh/known_hosts')
        if os.path.exists(path):
            try:
                client.load_host_keys(path)
            except (OSError, paramiko.SSHException) as exc:
                raise TransportError('Cannot read the known_hosts file %s: %s' % (path, exc)) from None
        if params['host_key_checking'] == 'accept_new':
            return _AcceptNewPolicy(path)
        return _StrictPolicy(path)

    def _connect(self):
        params = self.params
        client = paramiko.SSHClient()
        client.set_missing_host_key_policy(self._host_key_policy(client))
        try:
            client.connect(
                self.host, port=self.port, username=params['username'] + LOGIN_FLAGS,
                password=params['password'] or None, key_filename=params.get('private_key_file'),
                look_for_keys=False, allow_agent=False, timeout=params['timeout'],
                banner_timeout=params['timeout'], auth_timeout=params['timeout'])
        except TransportError:
            client.close()
            raise
        except paramiko.BadHostKeyException as exc:
            client.close()
            raise TransportError('The SSH host key of %s changed (now %s): refusing to connect; if the router was '
                                 'reinstalled, update the known_hosts entry' % (self.host, fingerprint(exc.key))) from None
        except paramiko.AuthenticationException:
            client.close()
            raise TransportError('RouterOS at %s refused the SSH login of user %r' % (self.host, params['username'])) from None
        except (socket.timeout, TimeoutError):
            client.close()
            raise TransportError('Connecting to SSH at %s:%d timed out after %gs' % (self.host, self.port, params['timeout'])) from None
        except (OSError, paramiko.SSHException) as exc:
            client.close()
            raise TransportError('Cannot connect to SSH at %s:%d: %s' % (self.host, self.port, exc)) from None
        return client

    def at_chat(self, command, wait, timeout, reply):
        text = self._run_cli(at_chat_command_line(self.interface, command, wait), command, timeout, reply)
        lines = parse_at_chat_output(text)
        if lines is None:
            raise self._cli_error(text)
        return '\n'.join(lines)

    def _run_cli(self, line, command, timeout, reply):
        deadline = time.monotonic() + timeout + (5 if ' wait=yes' in line else 0)
        try:
            channel = self._client.get_transport().open_session(timeout=self.params['timeout'])
            channel.settimeout(0.5)
            channel.exec_command(line)
            chunks = []
            while not channel.exit_status_ready() or channel.recv_ready():
                if time.monotonic() > deadline:
                    channel.close()
                    raise AtTimeoutError(command, timeout, b''.join(chunks).decode('utf-8', 'backslashreplace') or reply.raw_text())
                try:
                    data = channel.recv(65536)
                except socket.timeout:
                    continue
                if not data:
                    break
                chunks.append(data)
            channel.close()
        except (paramiko.SSHException, OSError, EOFError, AttributeError) as exc:
            raise TransportError('The SSH connection to RouterOS at %s dropped during %s: %s' % (self.host, command, exc)) from None
        return b''.join(chunks).decode(self.params['encoding'], errors='backslashreplace')

    def _cli_error(self, text):
        shown = ' '.join(text.split())[:200] or 'no output'
        for needle, error_class, template in CLI_ERRORS:
            if needle in text:
                return error_class(template.format(host=self.host, interface=self.interface, text=shown))
        return TransportError('RouterOS at %s printed no at-chat output: %s' % (self.host, shown))

    def close(self):
        client, self._client = getattr(self, '_client', None), None
        if client is not None:
            client.close()
