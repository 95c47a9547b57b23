# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The desired-state engine: read, compare, write only what differs, verify.

A ``Resource`` describes one piece of modem state (roaming and bands, an APN, the port mode,
the radio, the data connection) as a small dict of managed fields. ``converge`` drives any
number of resources with the same steps, so a module that applies several of them in one
call per host needs no code of its own:

1. the reads of every resource are asked together (catalogue queries chained into as few
   command lines as possible; fallbacks in one more round);
2. each resource reads its fields, keeping what it needs to plan (the raw answer, the values
   the modem supports) in a separate context, and computes the fields it wants and the AT
   writes that get there;
3. in check mode nothing is written and the wanted fields are the predicted result;
4. otherwise the writes are sent in order, every resource reads its fields back, and
   ``settle`` does any bookkeeping a resource keeps outside the modem.

CONTRACT: ``desired`` and ``plan`` are pure; a resource whose fields already match returns
no commands, which is what makes a second run report ``ok``. Options are checked with
``validate`` before anything is opened; ``converge`` assumes they were.
"""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._errors import DeviceStateError


class Resource:
    """One managed piece of modem state; subclasses fill in the steps.

    ``argument_spec`` and ``constraints`` are the options of the module that manages this resource
    alone (without the connection options), as AnsibleModule takes them. ``reads`` names the
    catalogue queries whose answers ``current`` needs.
    """

    name = 'resource'
    argument_spec = {}
    constraints = {}
    reads = ()

    def validate(self, params):
        """Raise InvalidInputError for a bad option value (nothing has been sent yet)."""

    def queries(self, params):
        """The catalogue queries to ask for ``params`` (``reads`` unless the options change them)."""
        return self.reads

    def current(self, outcomes, params):
        """Return ``(fields, context)`` from ``{name: Outcome}``: the managed fields as the modem has them, and what planning needs besides."""
        raise NotImplementedError

    def desired(self, before, context, params):
        """Return the managed fields as wanted: ``before`` with the requested changes."""
        raise NotImplementedError

    def plan(self, before, after, context, params):
        """Return the AT command lines that turn ``before`` into ``after`` ([] when equal)."""
        raise NotImplementedError

    def apply(self, modem, change):
        """Send the planned commands and return the write commands sent.

        Override to wait for the modem or reset it; reads made meanwhile are not listed.
        """
        for command in change.commands:
            modem.check(command)
        return list(change.commands)

    def verify(self, modem, change):
        """Read the fields back after writing; raise DeviceStateError if they differ."""
        actual, dummy = self.current(read(modem, [(self, change.params)]), change.params)
        if actual != change.after:
            raise DeviceStateError('The modem accepted the change of %s but reads back %r instead of %r'
                                   % (self.name, actual, change.after), expected=change.after, actual=actual)
        return actual

    def settle(self, modem, change):
        """Bookkeeping after a run outside check mode, whether or not anything was written."""

    def report(self, modem, change, check_mode):
        """Keys this resource adds to the module result (for example DHCP data)."""
        return {}


class Change:
    """The plan for one resource and, once applied, what the modem reads back."""

    __slots__ = ('resource', 'params', 'before', 'after', 'commands', 'context')

    def __init__(self, resource, params, before, after, commands, context):
        self.resource = resource
        self.params = params
        self.before = before
        self.after = after
        self.commands = commands
        self.context = context


def validate(items):
    """Check the options of every (resource, params) item; InvalidInputError names the option."""
    for resource, params in items:
        resource.validate(params)


def read(modem, items):
    """Ask every query the (resource, params) items need; return ``{name: Outcome}``."""
    return modem.ask([name for resource, params in items for name in resource.queries(params)])


def plan_all(modem, items):
    """Read the resources of every (resource, params) item and plan their changes."""
    outcomes = read(modem, items)
    changes = []
    for resource, params in items:
        before, context = resource.current(outcomes, params)
        after = resource.desired(before, context, params)
        changes.append(Change(resource, params, before, after, resource.plan(before, after, context, params), context))
    return changes


def converge(modem, items, check_mode=False, diff=False):
    """Bring every (resource, params) in ``items`` to its desired state; return the result dict."""
    changes = plan_all(modem, items)
    written = []
    for change in changes:
        if check_mode:
            written.extend(change.commands)
            continue
        if change.commands:
            written.extend(change.resource.apply(modem, change))
            change.after = change.resource.verify(modem, change)
        change.resource.settle(modem, change)
    return _result(modem, changes, written, check_mode, diff)


def _result(modem, changes, written, check_mode, diff):
    before = {change.resource.name: change.before for change in changes}
    after = {change.resource.name: change.after for change in changes}
    if len(changes) == 1:
        name = changes[0].resource.name
        before, after = before[name], after[name]
    result = dict(changed=any(change.commands for change in changes), commands=[modem.shown(command) for command in written],
                  before=before, after=after)
    for change in changes:
        result.update(change.resource.report(modem, change, check_mode))
    if diff:
        result['diff'] = {'before': before, 'after': after}
    return result
