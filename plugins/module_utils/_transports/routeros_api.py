# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""RouterOS API transport: ``/interface/lte/at-chat`` through librouteros (plain 8728 or TLS 8729)."""

from __future__ import annotations

import socket
import ssl
import traceback

from ansible_collections.lte.modem.plugins.module_utils._errors import (
    LinkLost,
    RouterCommandError,
    TransportError,
    TransportTimeout,
    Unreachable,
    UnsupportedError,
)
from ansible_collections.lte.modem.plugins.module_utils._transports.at_chat import CONNECT_TIMEOUT, ROUTEROS_OPTIONS, AtChatTransport, check_readable_file

API_PORT = 8728
API_TLS_PORT = 8729
AT_CHAT = '/interface/lte/at-chat'
# With wait=yes the router collects the modem's answer for a few seconds before it replies.
WAIT_EXTRA_SECONDS = 5


# Imported with this module, which the controller imports once when it loads the action plugin:
# Ansible forks a worker per host and task, and each would otherwise import librouteros again.
try:
    import librouteros
    from librouteros import exceptions as librouteros_exceptions
except ImportError:
    librouteros = librouteros_exceptions = None
    LIBROUTEROS_IMPORT_ERROR = traceback.format_exc()
else:
    LIBROUTEROS_IMPORT_ERROR = None


def import_librouteros():
    """librouteros and its exceptions module; UnsupportedError without them (only this transport needs them)."""
    if librouteros is None:
        raise UnsupportedError('transport=routeros_api needs the Python library librouteros on the controller '
                               '(pip install librouteros)', exception=LIBROUTEROS_IMPORT_ERROR)
    return librouteros, librouteros_exceptions


def tls_wrapper(params, host):
    """Build librouteros' ``ssl_wrapper`` from the TLS options (community.routeros semantics)."""
    context = ssl.create_default_context(cafile=params.get('ca_path'))
    if params.get('force_no_cert'):
        # A router without a certificate only speaks anonymous Diffie-Hellman, which OpenSSL
        # allows only at security level 0 and only up to TLS 1.2.
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        context.maximum_version = ssl.TLSVersion.TLSv1_2
        context.set_ciphers('ADH:@SECLEVEL=0')
        return context.wrap_socket
    if not params.get('validate_certs'):
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context.wrap_socket
    if not params.get('validate_cert_hostname'):
        context.check_hostname = False
        return context.wrap_socket

    # librouteros calls the wrapper without server_hostname, which hostname checking needs.
    def wrap_with_hostname(sock, **kwargs):
        kwargs['server_hostname'] = host
        return context.wrap_socket(sock, **kwargs)
    return wrap_with_hostname


class RouterOsApiTransport(AtChatTransport):
    """at-chat over the RouterOS API."""

    OPTIONS = dict(
        ROUTEROS_OPTIONS,
        tls=dict(type='bool', default=False, aliases=['ssl']),
        validate_certs=dict(type='bool', default=True),
        validate_cert_hostname=dict(type='bool', default=False),
        ca_path=dict(type='path'),
        force_no_cert=dict(type='bool', default=False),
    )
    service = 'API'

    def __init__(self, params):
        self._librouteros, self._exceptions = import_librouteros()
        self.params = params
        self.host = params['hostname']
        self.interface = params['interface']
        self.port = params.get('port') or (API_TLS_PORT if params['tls'] else API_PORT)
        self.encoding = params['encoding']
        self.describe(self.port)
        self._api = self._connect()

    @classmethod
    def check_options(cls, params):
        super().check_options(params)
        check_readable_file('ca_path', params.get('ca_path'))

    @classmethod
    def from_params(cls, params):
        return cls(params)

    def _connect(self):
        params, errors = self.params, self._exceptions
        self.connect_timeout = params['timeout'] or CONNECT_TIMEOUT
        kwargs = dict(username=params['username'], password=params['password'], port=self.port,
                      timeout=self.connect_timeout, encoding='latin-1')
        if params['tls'] or params.get('force_no_cert'):
            kwargs['ssl_wrapper'] = tls_wrapper(params, self.host)
        try:
            return self._librouteros.connect(self.host, **kwargs)
        except errors.TrapError as exc:
            raise TransportError('RouterOS at %s refused the login of user %r: %s' % (self.host, params['username'], exc.message)) from None
        except ssl.SSLError as exc:
            raise TransportError('TLS handshake with RouterOS at %s:%d failed: %s%s' % (self.host, self.port, exc, _tls_hint(params, exc))) from None
        except (socket.timeout, TimeoutError):
            raise Unreachable('Connecting to RouterOS at %s:%d timed out after %gs' % (self.host, self.port, self.connect_timeout)) from None
        except OSError as exc:
            raise Unreachable('Cannot connect to the RouterOS API at %s:%d: %s' % (self.host, self.port, exc)) from None
        except (errors.LibRouterosError, ValueError) as exc:
            raise TransportError('Cannot connect to the RouterOS API at %s:%d: %s' % (self.host, self.port, exc)) from None

    def request(self, line, wait, timeout):
        words = ['=.id=%s' % self.interface, '=input=%s' % self._encode(line)]
        if wait:
            words.append('=wait=yes')
        rows = self._exchange(AT_CHAT, words, timeout + (WAIT_EXTRA_SECONDS if wait else 0),
                              lambda text: self.error_for(text, 'RouterOS at {host} refused at-chat on {interface}: {text}'))
        return '\n'.join(self._decode(row.get('output', '')) for row in rows)

    def call(self, command, attributes=None, queries=()):
        """Run one API command on the router's own configuration (``/interface/lte/print``, ``/interface/lte/apn/set``).

        ``attributes`` are sent as ``=name=value`` words, ``queries`` as they are (``?name=lte1``).
        Returns the reply rows, every value as RouterOS text (booleans ``true``/``false``).

        Raises:
            RouterCommandError: the router refused the command (a trap; the message quotes RouterOS, never a value sent).
            UnsupportedError: this RouterOS has no such command or menu.
            LinkLost, TransportTimeout: as ``request``.
        """
        def refused(text):
            if 'no such command' in text:
                return UnsupportedError('RouterOS at %s has no %s (%s)' % (self.host, command, text))
            return RouterCommandError('RouterOS at %s refused %s: %s' % (self.host, command, text))
        words = ['=%s=%s' % (name, self._encode(value)) for name, value in (attributes or {}).items()] + list(queries)
        rows = self._exchange(command, words, self.connect_timeout, refused)
        return [{name: self._text(value) for name, value in row.items()} for row in rows]

    def _exchange(self, command, words, seconds, refused):
        """One API sentence and its reply rows; a trap becomes ``refused(message)``, the link's failures LinkLost or TransportTimeout."""
        errors = self._exceptions
        if self._api is None:
            # The previous call timed out: its late reply would be read as this one's.
            self._api = self._connect()
        self._set_socket_timeout(seconds)
        try:
            return tuple(self._api.rawCmd(command, *words))
        except (errors.TrapError, errors.MultiTrapError) as exc:
            raise refused(str(exc)) from None
        except errors.FatalError as exc:
            raise LinkLost('RouterOS at %s ended the API session' % self.host, cause=str(exc) or 'no reason given') from None
        except errors.ConnectionClosed:
            raise LinkLost('The connection to RouterOS at %s dropped' % self.host) from None
        except (socket.timeout, TimeoutError):
            self.close()
            raise TransportTimeout() from None
        except (OSError, errors.LibRouterosError, ValueError, TypeError, IndexError) as exc:
            raise LinkLost('The RouterOS API at %s failed' % self.host, cause=str(exc) or type(exc).__name__) from None

    def _encode(self, value):
        # Words travel as latin-1 (see _connect): the user's encoding decides the bytes.
        return str(value).encode(self.encoding).decode('latin-1')

    def _text(self, value):
        # librouteros turns yes/true into True and digits into int: RouterOS text again.
        if isinstance(value, bool):
            return 'true' if value else 'false'
        return self._decode(value)

    def _set_socket_timeout(self, seconds):
        # librouteros keeps the connect timeout on its socket; an at-chat call gets its own.
        sock = getattr(getattr(getattr(self._api, 'protocol', None), 'transport', None), 'sock', None)
        if sock is not None:
            sock.settimeout(seconds)

    def _decode(self, value):
        # librouteros turns all-digit values into int and yes/no into bool; at-chat output is text.
        if isinstance(value, bool):
            value = 'yes' if value else 'no'
        # Words were read as latin-1 so that no byte is lost; decode them with the user's
        # encoding, keeping undecodable bytes visible as \\xNN rather than dropping them.
        return str(value).encode('latin-1').decode(self.encoding, errors='backslashreplace')

    def close(self):
        api, self._api = getattr(self, '_api', None), None
        if api is not None:
            try:
                api.close()
            except (OSError, self._exceptions.LibRouterosError):
                pass


def _tls_hint(params, exc):
    text = str(exc)
    if 'Hostname mismatch' in text or "doesn't match" in text:
        return (' (the certificate does not name %s: connect by a name the certificate holds, or set validate_cert_hostname=false'
                ' to check only that a trusted CA signed it)' % params['hostname'])
    if 'CERTIFICATE_VERIFY_FAILED' in text:
        return ' (give the CA that signed the router certificate in ca_path)'
    if 'HANDSHAKE_FAILURE' in text and not params.get('force_no_cert'):
        return ' (a router without a certificate needs force_no_cert=true, which is insecure)'
    return ''
