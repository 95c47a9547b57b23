# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""RouterOS SSH transport: ``/interface lte at-chat`` typed into the CLI with paramiko."""

from __future__ import annotations

import socket
import time
import traceback

from ansible_collections.lte.modem.plugins.module_utils._errors import LinkLost, TransportError, TransportTimeout, Unreachable, UnsupportedError
from ansible_collections.lte.modem.plugins.module_utils._transports.at_chat import CONNECT_TIMEOUT, ROUTEROS_OPTIONS, AtChatTransport, check_readable_file
from ansible_collections.lte.modem.plugins.module_utils._transports.ssh_host_keys import HOST_KEY_CHECKING, fingerprint, host_key_policy

SSH_PORT = 22
# Login-name flags: c no colours, e dumb terminal, t no terminal detection, and a wide
# terminal so that long answers are not wrapped.
LOGIN_FLAGS = '+cet512w'
# With wait=yes the router collects the modem's answer for a few seconds before it prints.
WAIT_EXTRA_SECONDS = 5
RECEIVE_POLL = 0.5

# Characters the RouterOS CLI interprets inside a double-quoted string. '?' opens the help on
# RouterOS 6 unless escaped; the escaped '\?' also works on RouterOS 7.
CLI_ESCAPES = {'\\': '\\\\', '"': '\\"', '?': '\\?', '$': '\\$'}


def import_paramiko():
    """paramiko, imported on first use (only this transport needs it, and it is slow to import)."""
    try:
        import paramiko
    except ImportError:
        raise UnsupportedError('transport=routeros_ssh needs the Python library paramiko on the controller '
                               '(pip install paramiko)', exception=traceback.format_exc()) from None
    return paramiko


def quote_cli(value):
    """Quote a value for the RouterOS CLI: ``AT^SYSCFGEX?`` -> ``"AT^SYSCFGEX\\?"``."""
    return '"%s"' % ''.join(CLI_ESCAPES.get(char, char) for char in value)


def at_chat_command_line(interface, command, wait):
    """The CLI line that sends ``command`` to the modem of ``interface`` (space form, RouterOS 6 and 7)."""
    return '/interface lte at-chat %s input=%s%s' % (interface, quote_cli(command), ' wait=yes' if wait else '')


def parse_at_chat_output(text):
    """Return the value of ``output:`` from the CLI layout, one line per modem line.

    The first line follows ``  output: ``; continuation lines are indented to the value column
    and may be padded with spaces. RouterOS 6 prints the final result at column 0 after an
    empty line, so every later line belongs to the value.
    """
    lines = text.replace('\r\n', '\n').replace('\r', '\n').split('\n')
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith('output:'):
            first = stripped[len('output:'):].strip()
            return [first] + [rest.strip() for rest in lines[index + 1:]]
    return None


class RouterOsSshTransport(AtChatTransport):
    """at-chat through the RouterOS CLI over SSH; one exec channel per command line."""

    OPTIONS = dict(
        ROUTEROS_OPTIONS,
        known_hosts_file=dict(type='path'),
        # Unset: Ansible's host_key_checking decides (the action plugin sets strict or disabled).
        host_key_checking=dict(type='str', choices=list(HOST_KEY_CHECKING)),
        host_key_fingerprint=dict(type='str', no_log=False),
        private_key_file=dict(type='path', no_log=False),
    )
    service = 'SSH'

    def __init__(self, params):
        self._paramiko = import_paramiko()
        self.params = params
        self.host = params['hostname']
        self.interface = params['interface']
        self.port = params.get('port') or SSH_PORT
        self.describe(self.port)
        self._client = self._connect()

    @classmethod
    def check_options(cls, params):
        super().check_options(params)
        check_readable_file('private_key_file', params.get('private_key_file'))

    @classmethod
    def from_params(cls, params):
        return cls(params)

    def _connect(self):
        params, paramiko = self.params, self._paramiko
        self.connect_timeout = params['timeout'] or CONNECT_TIMEOUT
        client = paramiko.SSHClient()
        password, key_file = params['password'] or None, params.get('private_key_file')
        try:
            client.set_missing_host_key_policy(host_key_policy(client, params, paramiko.SSHException))
            # Without a password or a key file, the keys of a running ssh-agent (SSH_AUTH_SOCK), as
            # OpenSSH would: that is how AAP/AWX hands a Machine credential's key to a job.
            client.connect(
                self.host, port=self.port, username=params['username'] + LOGIN_FLAGS,
                password=password, key_filename=key_file,
                look_for_keys=False, allow_agent=not (password or key_file), timeout=self.connect_timeout,
                banner_timeout=self.connect_timeout, auth_timeout=self.connect_timeout)
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
            raise Unreachable('Connecting to SSH at %s:%d timed out after %gs' % (self.host, self.port, self.connect_timeout)) from None
        except paramiko.SSHException as exc:
            client.close()
            raise TransportError('Cannot connect to SSH at %s:%d: %s' % (self.host, self.port, exc)) from None
        except OSError as exc:
            client.close()
            raise Unreachable('Cannot connect to SSH at %s:%d: %s' % (self.host, self.port, exc)) from None
        return client

    def request(self, line, wait, timeout):
        text = self._run_cli(at_chat_command_line(self.interface, line, wait), timeout + (WAIT_EXTRA_SECONDS if wait else 0))
        lines = parse_at_chat_output(text)
        if lines is None:
            shown = ' '.join(text.split())[:200] or 'no output'
            raise self.error_for(shown, 'RouterOS at {host} printed no at-chat output: {text}')
        return '\n'.join(lines)

    def run_cli(self, line, timeout=None):
        """Run one command line of the RouterOS CLI (the router's own settings) and return what it printed.

        Raises:
            LinkLost, TransportTimeout.
        """
        return self._run_cli(line, timeout or self.connect_timeout)

    def _run_cli(self, line, seconds):
        deadline = time.monotonic() + seconds
        chunks = []
        try:
            channel = self._client.get_transport().open_session(timeout=self.connect_timeout)
            channel.settimeout(RECEIVE_POLL)
            channel.exec_command(line)
            while not channel.exit_status_ready() or channel.recv_ready():
                if time.monotonic() > deadline:
                    channel.close()
                    raise TransportTimeout(b''.join(chunks).decode('utf-8', 'backslashreplace'))
                try:
                    data = channel.recv(65536)
                except socket.timeout:
                    continue
                if not data:
                    break
                chunks.append(data)
            channel.close()
        except (self._paramiko.SSHException, OSError, EOFError, AttributeError) as exc:
            raise LinkLost('The SSH connection to RouterOS at %s dropped' % self.host, cause=str(exc)) from None
        return b''.join(chunks).decode(self.params['encoding'], errors='backslashreplace')

    def close(self):
        client, self._client = getattr(self, '_client', None), None
        if client is not None:
            client.close()
