# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""Connection options shared by every module, and the transport factory.

The argument spec here and the doc fragment ``lte.modem.connection`` must stay in lockstep;
validate-modules compares them.
"""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._at.framing import is_read_only
from ansible_collections.lte.modem.plugins.module_utils._errors import AtTimeoutError, InvalidInputError

TRANSPORTS = ('serial', 'routeros_api', 'routeros_ssh')
ROUTEROS_TRANSPORTS = ('routeros_api', 'routeros_ssh')


def connection_argument_spec():
    """Return the connection options every module accepts."""
    return dict(
        transport=dict(type='str', default='serial', choices=list(TRANSPORTS)),
        device=dict(type='str'),
        baudrate=dict(type='int', default=115200),
        timeout=dict(type='float', default=10.0),
        hostname=dict(type='str'),
        port=dict(type='int'),
        username=dict(type='str', default='admin'),
        password=dict(type='str', default='', no_log=True),
        tls=dict(type='bool', default=False, aliases=['ssl']),
        validate_certs=dict(type='bool', default=True),
        validate_cert_hostname=dict(type='bool', default=False),
        ca_path=dict(type='path'),
        force_no_cert=dict(type='bool', default=False),
        encoding=dict(type='str', default='UTF-8'),
        interface=dict(type='str', default='lte1'),
        known_hosts_file=dict(type='path'),
        host_key_checking=dict(type='str', default='strict', choices=['strict', 'accept_new']),
        host_key_fingerprint=dict(type='str', no_log=False),
        private_key_file=dict(type='path', no_log=False),
    )


class Transport:
    """A link to one modem's AT port.

    ``exchange`` sends one command line and feeds every received line into ``reply`` until
    ``reply.complete``; it raises ``AtTimeoutError`` or ``TransportError``.
    """

    description = 'modem'

    def exchange(self, command, reply, timeout):
        raise NotImplementedError

    def reopen(self, wait_timeout):
        """Reconnect after the modem reset; raise TransportError if it does not come back."""
        raise NotImplementedError

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


class AtChatTransport(Transport):
    """A modem behind a MikroTik router: every exchange is one at-chat call (API or CLI).

    at-chat without ``wait`` returns the first chunk the modem sends, which is the whole answer
    for almost every query; ``wait=yes`` always lasts seconds (routeros.md 3.1). A read-only
    command is therefore asked without ``wait`` first and asked again with it only when the
    answer came back without a final result code. Any other command is sent once, with
    ``wait``, because sending it twice could apply it twice.
    """

    interface = 'lte1'

    def at_chat(self, command, wait, timeout, reply):
        """Run one at-chat call and return its output text (``reply`` holds what came so far)."""
        raise NotImplementedError

    def exchange(self, command, reply, timeout):
        wait_first = not is_read_only(command)
        reply.feed_text(self.at_chat(command, wait_first, timeout, reply))
        if not reply.complete and not wait_first:
            output = self.at_chat(command, True, timeout, reply)
            reply.restart()
            reply.feed_text(output)
        if not reply.complete:
            raise AtTimeoutError(command, timeout, reply.raw_text())

    def reopen(self, wait_timeout):
        # The router stays up while its modem resets: only the at-chat answers stop for a while.
        return self.interface


def validate_connection(params):
    """Check connection options that the argument spec cannot express.

    Raises:
        InvalidInputError: naming the option, before anything is opened or sent.
    """
    transport = params['transport']
    if transport == 'serial' and not params.get('device'):
        raise InvalidInputError('device', params.get('device'), 'transport=serial needs the path or pyserial URL of the AT port')
    if transport in ROUTEROS_TRANSPORTS and not params.get('hostname'):
        raise InvalidInputError('hostname', params.get('hostname'), 'transport=%s needs the router address' % transport)
    if params.get('timeout') is not None and params['timeout'] <= 0:
        raise InvalidInputError('timeout', params['timeout'], 'must be a positive number of seconds')
    interface = params.get('interface') or ''
    if transport in ROUTEROS_TRANSPORTS and (not interface or any(ord(c) < 0x21 or c in '"\\$?[];' for c in interface)):
        raise InvalidInputError('interface', interface, 'must be the name or id of an LTE interface such as lte1 or *1')


def open_transport(params):
    """Open the transport selected by ``params['transport']``.

    Raises:
        InvalidInputError, TransportError, UnsupportedError.
    """
    validate_connection(params)
    transport = params['transport']
    if transport == 'serial':
        from ansible_collections.lte.modem.plugins.module_utils._transports.serial import SerialTransport
        return SerialTransport.from_params(params)
    if transport == 'routeros_api':
        from ansible_collections.lte.modem.plugins.module_utils._transports.routeros_api import RouterOsApiTransport
        return RouterOsApiTransport.from_params(params)
    from ansible_collections.lte.modem.plugins.module_utils._transports.routeros_ssh import RouterOsSshTransport
    return RouterOsSshTransport.from_params(params)
