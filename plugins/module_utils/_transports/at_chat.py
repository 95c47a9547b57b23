# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""What both RouterOS transports share: a modem behind a MikroTik router, one at-chat call per line.

``/interface lte at-chat`` sends the input line to the modem of an LTE interface and returns what
the modem answered. Without ``wait=yes`` the router returns the first chunk the modem sent (which
may be empty); with it, the router collects for a few seconds and returns everything.
"""

from __future__ import annotations

import codecs
import os

from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError, TransportError, UnsupportedError
from ansible_collections.lte.modem.plugins.module_utils._transports.base import RequestTransport

# Seconds to connect when the task sets no timeout.
CONNECT_TIMEOUT = 10.0
ROUTEROS_OPTIONS = dict(
    hostname=dict(type='str'),
    port=dict(type='int'),
    username=dict(type='str', default='admin'),
    password=dict(type='str', default='', no_log=True),
    interface=dict(type='str', default='lte1'),
    encoding=dict(type='str', default='UTF-8'),
)

# Error texts RouterOS gives (API traps and CLI messages alike), and what they mean for at-chat.
# The first entry whose text occurs in the router's message wins.
ROUTEROS_ERRORS = (
    ('no such item', TransportError, 'RouterOS at {host} has no LTE interface {interface!r} (no such item)'),
    ('no such command', UnsupportedError, 'RouterOS at {host} has no /interface/lte/at-chat ({text}); it needs RouterOS 6.39 or newer'),
    ('bad command name', UnsupportedError, 'RouterOS at {host} has no /interface/lte/at-chat ({text}); it needs RouterOS 6.39 or newer'),
    ('unknown parameter', UnsupportedError, 'RouterOS at {host} does not accept an at-chat argument ({text})'),
    ('expected end of command', TransportError, 'RouterOS at {host} could not parse the at-chat command line ({text})'),
    ('syntax error', TransportError, 'RouterOS at {host} could not parse the at-chat command line ({text})'),
    ('invalid value', TransportError, 'RouterOS at {host} refused an at-chat argument ({text})'),
)

# Characters that would end or change the interface name inside an API word or a CLI line.
INTERFACE_FORBIDDEN = '"\\$?[];'


class AtChatTransport(RequestTransport):
    """The LTE interface ``interface`` of the router ``host``; subclasses make the at-chat call."""

    host = None
    interface = 'lte1'
    service = 'RouterOS'

    @classmethod
    def check_options(cls, params):
        if not params.get('hostname'):
            raise InvalidInputError('hostname', params.get('hostname'), 'transport=%s needs the router address' % params['transport'])
        if any(ord(char) < 0x21 for char in params['hostname']):
            raise InvalidInputError('hostname', params['hostname'], 'a host name or address has no spaces or control characters')
        interface = params.get('interface') or ''
        if not interface or any(ord(char) < 0x21 or char in INTERFACE_FORBIDDEN for char in interface):
            raise InvalidInputError('interface', interface, 'must be the name or id of an LTE interface such as lte1 or *1')
        if params.get('port') is not None and not 1 <= params['port'] <= 65535:
            raise InvalidInputError('port', params['port'], 'a TCP port from 1 to 65535')
        try:
            codecs.lookup(params.get('encoding') or '')
        except LookupError:
            raise InvalidInputError('encoding', params.get('encoding'), 'not a character encoding Python knows (for example UTF-8 or latin-1)') from None

    @classmethod
    def modem_key(cls, params):
        # The API and the CLI of one router reach the same modem.
        return 'router %s %s' % (params['hostname'].lower(), params['interface'])

    def describe(self, port):
        self.description = 'LTE interface %s of router %s (%s port %d)' % (self.interface, self.host, self.service, port)

    def error_for(self, text, fallback):
        """The error a RouterOS message means for at-chat (``fallback`` when the message is not known)."""
        for needle, error_class, template in ROUTEROS_ERRORS:
            if needle in text:
                return error_class(template.format(host=self.host, interface=self.interface, text=text))
        return TransportError(fallback.format(host=self.host, interface=self.interface, text=text))

    def reopen(self, wait_timeout):
        # The router stays up while its modem resets: only the at-chat answers stop for a while.
        return self.interface


def check_readable_file(option, path):
    """Raise InvalidInputError unless ``path`` (when given) is a file this process can read."""
    if path is not None and not (os.path.isfile(path) and os.access(path, os.R_OK)):
        raise InvalidInputError(option, path, 'no such readable file on the controller')
