# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""RouterOS menus (``/interface lte``, ``/interface lte apn``): print, set and add, over the API or the CLI.

Both kinds take and give rows of RouterOS text (``{'name': 'lte1', 'allow-roaming': 'false'}``) and
name an item by its ``name``, so the layer above does not know which transport it runs on. Each
call is one API sentence or one CLI command line.
"""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._errors import RouterCommandError, UnsupportedError
from ansible_collections.lte.modem.plugins.module_utils._routeros.cli import command_line, error_of, parse_detail


class ApiMenus:
    """Menus over the RouterOS API (a ``RouterOsApiTransport``)."""

    ids = True

    def __init__(self, transport):
        self.transport = transport
        self.host = transport.host

    def print(self, menu, properties=None):
        """The items of ``menu``; ``properties``: only these (and ``.id``)."""
        attributes = {'.proplist': ','.join(('.id',) + tuple(properties))} if properties else {}
        return self.transport.call('/%s/print' % '/'.join(menu), attributes)

    def set(self, menu, row, values):
        """Change ``values`` (name, text) of the item ``row`` came from."""
        self.transport.call('/%s/set' % '/'.join(menu), dict([('.id', row['.id'])] + list(values)))

    def add(self, menu, values):
        """Add an item with ``values`` (name, text)."""
        self.transport.call('/%s/add' % '/'.join(menu), dict(values))


class CliMenus:
    """Menus over the RouterOS command line (a ``RouterOsSshTransport``), in the space-separated form RouterOS 6 and 7 take."""

    ids = False

    def __init__(self, transport):
        self.transport = transport
        self.host = transport.host

    def print(self, menu, properties=None):
        """The items of ``menu``, from ``print detail``."""
        line = command_line(menu, 'print detail without-paging')
        text = self.transport.run_cli(line)
        rows = parse_detail(text)
        if not rows:
            self._check(line, text, menu)
        return rows

    def set(self, menu, row, values):
        """Change ``values`` (name, text) of the item named ``row['name']``."""
        line = command_line(menu, 'set', row['name'], values)
        self._check(line, self.transport.run_cli(line), menu)

    def add(self, menu, values):
        """Add an item with ``values`` (name, text)."""
        line = command_line(menu, 'add', None, values)
        self._check(line, self.transport.run_cli(line), menu)

    def _check(self, line, text, menu):
        """Raise when the console printed an error instead of doing the command (set and add print nothing)."""
        error = error_of(text)
        if error is None and (not text.strip() or 'print' in line):
            return
        message = error or ' '.join(text.split())[:200]
        if 'bad command name' in message:
            raise UnsupportedError('RouterOS at %s has no /%s (%s)' % (self.host, ' '.join(menu), message))
        raise RouterCommandError('RouterOS at %s refused /%s %s: %s' % (self.host, ' '.join(menu), line.split()[len(menu)], message))
