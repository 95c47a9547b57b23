# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""RouterOS's own LTE settings: the ``/interface lte`` entry of one interface and the ``/interface lte apn`` profiles.

``RouterosLte`` reads and sets them through the menus of the router (``ApiMenus`` or ``CliMenus``,
whichever the transport offers) and knows nothing of the wire. Values come back as Python values
(``allow_roaming: False``, ``apn_profiles: ['default']``). An APN profile's password never leaves
this object: rows show ``********`` for a set password, and ``password_matches`` compares.

RouterOS 6 has no APN profiles: its interface has ``apn`` itself, and ``profiles`` is None.
"""

from __future__ import annotations

import re

from ansible_collections.lte.modem.plugins.module_utils._at.commands import split_chained
from ansible_collections.lte.modem.plugins.module_utils._at.redaction import redact
from ansible_collections.lte.modem.plugins.module_utils._errors import RouterCommandError, UnsupportedError
from ansible_collections.lte.modem.plugins.module_utils._routeros.cli import MASK, command_line
from ansible_collections.lte.modem.plugins.module_utils._routeros.menus import ApiMenus, CliMenus
from ansible_collections.lte.modem.plugins.module_utils._transports.routeros_api import RouterOsApiTransport
from ansible_collections.lte.modem.plugins.module_utils._transports.routeros_ssh import RouterOsSshTransport

LTE_MENU = ('interface', 'lte')
APN_MENU = ('interface', 'lte', 'apn')
INTERNAL_ID = re.compile(r'^\*[0-9A-Fa-f]+$')

TEXT, BOOL, LIST = 'text', 'bool', 'list'
# field, RouterOS property, kind: what the collection shows of an LTE interface (apn on RouterOS 6 only)
INTERFACE_FIELDS = (
    ('name', 'name', TEXT),
    ('allow_roaming', 'allow-roaming', BOOL),
    ('apn_profiles', 'apn-profiles', LIST),
    ('apn', 'apn', TEXT),
    ('modem_init', 'modem-init', TEXT),
    ('band', 'band', TEXT),
    ('network_mode', 'network-mode', LIST),
    ('disabled', 'disabled', BOOL),
    ('running', 'running', BOOL),
)
# ... and of an APN profile
PROFILE_FIELDS = (
    ('name', 'name', TEXT),
    ('apn', 'apn', TEXT),
    ('authentication', 'authentication', TEXT),
    ('user', 'user', TEXT),
    ('password', 'password', TEXT),
    ('ip_type', 'ip-type', TEXT),
    ('use_network_apn', 'use-network-apn', BOOL),
    ('default', 'default', BOOL),
)
PROPERTY_OF = dict((field, prop) for field, prop, dummy in INTERFACE_FIELDS + PROFILE_FIELDS)
SECRETS = ('password',)
# What the interface is read with when its data session (running) is not wanted: RouterOS need not ask the modem.
SETTINGS_PROPERTIES = tuple(prop for field, prop, dummy in INTERFACE_FIELDS if field != 'running') + ('default-name',)


def _convert(kind, text):
    if text is None:
        return None
    if kind == BOOL:
        return text.lower() in ('true', 'yes')
    if kind == LIST:
        return [part for part in text.split(',') if part]
    return text


def _without_secrets(row):
    """A row as kept for later writes (its id and name matter): without a password or a PIN."""
    return {key: value for key, value in row.items() if key not in ('password', 'pin')}


def _fields(row, table):
    return {field: _convert(kind, row.get(prop)) for field, prop, kind in table if prop in row}


def masked_init(line):
    """A ``modem-init`` line with the secrets of its AT commands masked (``AT+CPIN="1234"`` -> ``AT+CPIN=********``)."""
    if not line:
        return line
    parts = split_chained(line)
    if not parts or not parts[0].upper().startswith('AT'):
        return line
    commands = [parts[0]] + ['AT' + part for part in parts[1:]]
    masked = [redact(command) for command in commands]
    return ';'.join([masked[0]] + [command[2:] for command in masked[1:]]) if masked != commands else line


def router_text(field, value):
    """A field's value as RouterOS takes it: ``True`` -> ``yes``, ``['a', 'b']`` -> ``a,b``."""
    if isinstance(value, bool):
        return 'yes' if value else 'no'
    if isinstance(value, (list, tuple)):
        return ','.join(value)
    return '' if value is None else str(value)


class RouterSettings:
    """One reading of the router: the interface's fields, the APN profiles (None on RouterOS 6), and what writes need."""

    def __init__(self, interface, profiles, interface_row, profile_rows, passwords):
        self.interface = interface
        self.profiles = profiles
        self.interface_row = interface_row
        self.profile_rows = profile_rows
        self._passwords = passwords

    def profile(self, name):
        """The profile of that name (its fields, password masked), or None."""
        return next((profile for profile in self.profiles or () if profile['name'] == name), None)

    def password_matches(self, name, password):
        """Whether the profile ``name`` has exactly this password ('' or None: none)."""
        return self._passwords.get(name, '') == (password or '')


class RouterosLte:
    """The LTE settings of the interface ``interface`` of one router, through its menus.

    ``sent`` lists every command (as a RouterOS command line, secrets masked); ``wrote`` tells
    whether a write may have reached the router.
    """

    def __init__(self, menus, interface):
        self.menus = menus
        self.interface = interface
        self.host = menus.host
        self.sent = []
        self.wrote = False

    def read(self, running=False):
        """The interface and the APN profiles; ``running``: also whether RouterOS's data session is up (it may ask the modem).

        Raises:
            RouterCommandError: no such LTE interface; the router refused the print.
        """
        properties = SETTINGS_PROPERTIES + (('running',) if running else ())
        row = _without_secrets(self._interface_row(self._print(LTE_MENU, properties)))
        interface = _fields(row, INTERFACE_FIELDS)
        interface.setdefault('modem_init', '')
        interface['modem_init'] = masked_init(interface['modem_init'])
        if not running:
            interface.pop('running', None)
        if 'apn-profiles' not in row and 'apn' in row:
            return RouterSettings(interface, None, row, [], {})
        try:
            rows = self._print(APN_MENU)
        except UnsupportedError:
            return RouterSettings(interface, None, row, [], {})
        profiles, passwords = [], {}
        for profile_row in rows:
            profile = _fields(profile_row, PROFILE_FIELDS)
            profile.setdefault('user', '')
            passwords[profile['name']] = profile.pop('password', None) or ''
            profile['password'] = MASK if passwords[profile['name']] else ''
            profiles.append(profile)
        return RouterSettings(interface, profiles, row, [_without_secrets(profile_row) for profile_row in rows], passwords)

    def set_interface(self, settings, values):
        """Set ``values`` (field -> value) on the interface read in ``settings``; returns the command as shown."""
        return self._write(LTE_MENU, 'set', settings.interface_row, values)

    def add_profile(self, values):
        """Add an APN profile with ``values`` (field -> value, ``name`` first); returns the command as shown."""
        if not values.get('name'):
            raise RouterCommandError('An APN profile needs a name')
        return self._write(APN_MENU, 'add', None, values)

    def set_profile(self, settings, name, values):
        """Set ``values`` on the APN profile ``name`` read in ``settings``; returns the command as shown."""
        row = next((row for row in settings.profile_rows if row.get('name') == name), None)
        if row is None:
            raise RouterCommandError('RouterOS at %s has no APN profile %r' % (self.host, name))
        return self._write(APN_MENU, 'set', row, values)

    def _print(self, menu, properties=None):
        self.sent.append(command_line(menu, 'print', shown=True))
        return self.menus.print(menu, properties)

    def _interface_row(self, rows):
        wanted = self.interface
        if INTERNAL_ID.match(wanted) and not self.menus.ids:
            raise UnsupportedError('The RouterOS command line does not show internal ids: name the LTE interface (interface=lte1), '
                                   'not %s' % wanted)
        for row in rows:
            if wanted in (row.get('name'), row.get('.id')) or (INTERNAL_ID.match(wanted) and wanted.upper() == (row.get('.id') or '').upper()):
                return row
        names = ', '.join(row.get('name', '?') for row in rows) or 'none'
        raise RouterCommandError('RouterOS at %s has no LTE interface %r (its LTE interfaces: %s)' % (self.host, wanted, names))

    def _write(self, menu, verb, row, values):
        pairs = property_values(values)
        shown = shown_write(menu, verb, None if row is None else row.get('name'), values)
        self.sent.append(shown)
        self.wrote = True
        if verb == 'add':
            self.menus.add(menu, pairs)
        else:
            self.menus.set(menu, row, pairs)
        return shown


def property_values(values):
    """(RouterOS property, text) pairs of ``values`` (field -> value)."""
    return [(PROPERTY_OF[field], router_text(field, value)) for field, value in values.items()]


def shown_write(menu, verb, target, values):
    """A write as results show it, a RouterOS command line with the password masked:
    ``/interface lte set [find name=lte1] allow-roaming=yes``."""
    return command_line(menu, verb, target, property_values(values), SECRETS, shown=True)


def open_router(transport, params):
    """The RouterOS LTE settings behind ``transport`` (a RouterOS transport), or None (a serial port has no router)."""
    if isinstance(transport, RouterOsApiTransport):
        return RouterosLte(ApiMenus(transport), params['interface'])
    if isinstance(transport, RouterOsSshTransport):
        return RouterosLte(CliMenus(transport), params['interface'])
    return None
