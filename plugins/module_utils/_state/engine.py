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

1. the reads of every resource are chained into as few command lines as possible, then
   whatever the answers show is still needed (``follow_up``) in one more round;
2. each resource computes the fields it wants and the AT writes that get there;
3. in check mode nothing is written and the wanted fields are the predicted result;
4. otherwise the writes are sent in order, every resource reads its fields back, and
   ``settle`` does any bookkeeping a resource keeps outside the modem.

CONTRACT: ``desired`` and ``plan`` are pure; a resource whose fields already match returns
no commands, which is what makes a second run report ``ok``. Fields whose name starts with
``_`` are private to the resource (raw answers it needs to plan): they are never compared,
shown in before/after/diff, or returned.
"""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._huawei.modem import redact
from ansible_collections.lte.modem.plugins.module_utils._errors import DeviceStateError


class Resource:
    """One managed piece of modem state; subclasses fill in the steps."""

    name = 'resource'

    def validate(self, params):
        """Raise InvalidInputError for a bad option value (nothing has been sent yet)."""

    def queries(self, params):
        """Return the Query objects whose answers ``current`` needs."""
        raise NotImplementedError

    def follow_up(self, outcomes, params):
        """Return the queries still needed once the first answers are in (for example a fallback)."""
        return []

    def current(self, outcomes, params):
        """Return the managed fields as the modem has them, from ``{name: Outcome}``."""
        raise NotImplementedError

    def desired(self, before, params):
        """Return the managed fields as wanted: ``before`` with the requested changes."""
        raise NotImplementedError

    def plan(self, before, after, params):
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
        actual = self.current(read(modem, [(self, change.params)]), change.params)
        if public(actual) != public(change.after):
            raise DeviceStateError('The modem accepted the change of %s but reads back %r instead of %r'
                                   % (self.name, public(actual), public(change.after)),
                                   expected=public(change.after), actual=public(actual))
        return actual

    def settle(self, modem, change):
        """Bookkeeping after a run outside check mode, whether or not anything was written."""

    def report(self, modem, change, check_mode):
        """Keys this resource adds to the module result (for example DHCP data)."""
        return {}


def public(fields):
    """The fields as shown and compared: without the resource's private ``_`` keys."""
    return {key: value for key, value in fields.items() if not key.startswith('_')}


class Change:
    """The plan for one resource and, once applied, what the modem reads back."""

    __slots__ = ('resource', 'params', 'before', 'after', 'commands')

    def __init__(self, resource, params, before, after, commands):
        self.resource = resource
        self.params = params
        self.before = before
        self.after = after
        self.commands = commands


def _unique(queries):
    seen = set()
    return [query for query in queries if not (query.name in seen or seen.add(query.name))]


def read(modem, items):
    """Ask every query the (resource, params) items need; return ``{name: Outcome}``."""
    outcomes = modem.query_many(_unique(query for resource, params in items for query in resource.queries(params)))
    more = _unique(query for resource, params in items for query in resource.follow_up(outcomes, params) if query.name not in outcomes)
    if more:
        outcomes.update(modem.query_many(more))
    return outcomes


def plan_all(modem, items):
    """Check the options of every (resource, params) item, read the resources and plan their changes."""
    for resource, params in items:
        resource.validate(params)
    outcomes = read(modem, items)
    changes = []
    for resource, params in items:
        before = resource.current(outcomes, params)
        after = resource.desired(before, params)
        changes.append(Change(resource, params, before, after, resource.plan(before, after, params)))
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
    before = {change.resource.name: public(change.before) for change in changes}
    after = {change.resource.name: public(change.after) for change in changes}
    if len(changes) == 1:
        name = changes[0].resource.name
        before, after = before[name], after[name]
    result = dict(changed=any(change.commands for change in changes), commands=[redact(command) for command in written],
                  before=before, after=after)
    for change in changes:
        result.update(change.resource.report(modem, change, check_mode))
    if diff:
        result['diff'] = {'before': before, 'after': after}
    return result


def resource_task(resource, argument_spec, **constraints):
    """The ModuleTask of a module that manages one resource."""
    from ansible_collections.lte.modem.plugins.module_utils._tasks.runner import ModuleTask

    def run(modem, params, check_mode, diff):
        return converge(modem, [(resource, params)], check_mode, diff)
    return ModuleTask(argument_spec, run, validate=resource.validate, **constraints)
