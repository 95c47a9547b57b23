# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""Every transport by name: where it runs, its options, and how it opens.

The connection options of every module are the union of the transports' options; the doc
fragment ``lte.modem.connection`` documents them and must stay in lockstep (validate-modules
compares the two).
"""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError
from ansible_collections.lte.modem.plugins.module_utils._transports.routeros_api import RouterOsApiTransport
from ansible_collections.lte.modem.plugins.module_utils._transports.routeros_ssh import RouterOsSshTransport
from ansible_collections.lte.modem.plugins.module_utils._transports.serial import SerialTransport


class TransportSpec:
    """One transport: its ``name``, whether it runs on the controller, and its class (options and opening)."""

    __slots__ = ('name', 'on_controller', 'cls')

    def __init__(self, name, on_controller, cls):
        self.name = name
        self.on_controller = on_controller
        self.cls = cls


TRANSPORTS = {spec.name: spec for spec in (
    # The modem is plugged into the host that runs the module.
    TransportSpec('serial', on_controller=False, cls=SerialTransport),
    # The inventory host is a MikroTik router, which has no Python: these run on the controller.
    TransportSpec('routeros_api', on_controller=True, cls=RouterOsApiTransport),
    TransportSpec('routeros_ssh', on_controller=True, cls=RouterOsSshTransport),
)}
DEFAULT_TRANSPORT = 'serial'
COMMON_OPTIONS = dict(
    transport=dict(type='str', default=DEFAULT_TRANSPORT, choices=list(TRANSPORTS)),
    timeout=dict(type='float'),
    lock_timeout=dict(type='float', default=300.0),
)


def runs_on_controller(transport):
    """Whether ``transport`` (a name, possibly unknown) runs in the controller process."""
    spec = TRANSPORTS.get(transport)
    return bool(spec and spec.on_controller)


def connection_argument_spec():
    """Return the connection options every module accepts."""
    spec = dict(COMMON_OPTIONS)
    for transport in TRANSPORTS.values():
        spec.update(transport.cls.OPTIONS)
    return spec


def validate_connection(params):
    """Check connection options that the argument spec cannot express.

    Raises:
        InvalidInputError: naming the option, before anything is opened or sent.
    """
    for option in ('timeout', 'lock_timeout'):
        if params.get(option) is not None and params[option] <= 0:
            raise InvalidInputError(option, params[option], 'must be a positive number of seconds')
    TRANSPORTS[params['transport']].cls.check_options(params)


def modem_key(params):
    """The name of the modem the options reach, the same for every task and transport that reaches it."""
    return TRANSPORTS[params['transport']].cls.modem_key(params)


def open_transport(params):
    """Open the transport selected by ``params['transport']`` (options already validated).

    Raises:
        TransportError, UnsupportedError.
    """
    return TRANSPORTS[params['transport']].cls.from_params(params)
