# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The desired-state engine: read, compare, write only what differs, verify.

A ``Resource`` describes one piece of modem state (roaming and bands, an APN, the port mode,
the SIM, the radio, the data connection) as a small dict of managed fields. ``converge`` drives
any number of resources with the same steps, so a module that applies several of them in one call
per host needs no code of its own, and pays as few round trips as the protocol allows:

1. the reads of every resource are asked together: catalogue queries chained on one command line
   (a query the modem does not support costs one more line; fallbacks come in one more round);
2. each resource reads its fields, keeping what it needs to plan (the raw answer, what the modem
   supports) in a separate context, and computes the fields it wants and the AT writes that get
   there; the test commands (``=?``) that check a requested value against what the modem offers are
   asked only when a write is planned that needs them;
3. in check mode nothing is written and the wanted fields are the predicted result;
4. otherwise the resources are applied in order. A resource that resets the modem (the port
   mode) goes first and everything after it is read again. Plain writes of consecutive resources
   (radio, mode and bands, APNs) share one command line with the read-back of those resources;
   writes that need waiting (the SIM, the data call) go on their own. ``settle`` does any
   bookkeeping a resource keeps outside the modem.

CONTRACT: ``desired`` and ``plan`` are pure; a resource whose fields already match returns
no commands, which is what makes a second run report ``ok``. Options are checked with
``validate`` before anything is opened; ``converge`` assumes they were.
"""

from __future__ import annotations

import copy

from ansible_collections.lte.modem.plugins.module_utils._at.framing import AtResult
from ansible_collections.lte.modem.plugins.module_utils._errors import AtCommandError, DeviceStateError, ModemError


class Resource:
    """One managed piece of modem state; subclasses fill in the steps.

    ``argument_spec`` and ``constraints`` are the options of the module that manages this resource
    alone (without the connection options), as AnsibleModule takes them. ``reads`` names the
    catalogue queries whose answers ``current`` needs; ``test_reads`` the test commands that check
    a planned write against what the modem offers. ``chained``: the writes are plain commands that
    may share a line with other resources' writes. ``resets_modem``: applying it restarts the modem
    (or, for the router's own settings, makes the router initialise the modem again): what follows is
    read again. ``transports``: the transports that reach what it manages (None: every one).
    """

    name = 'resource'
    argument_spec = {}
    constraints = {}
    reads = ()
    test_reads = ()
    chained = False
    resets_modem = False
    transports = None

    def validate(self, params):
        """Raise InvalidInputError for a bad option value (nothing has been sent yet)."""

    def fetch(self, modem, params):
        """Reads of something other than the modem's AT port (the router's own settings): ``{name: value}``, merged into the outcomes."""
        return {}

    def queries(self, params):
        """The catalogue queries to ask for ``params`` (``reads`` unless the options change them)."""
        return self.reads

    def read_back(self, change):
        """The queries that read the fields back once ``change`` is written."""
        return self.queries(change.params)

    def tests(self, change):
        """The test queries needed to check ``change`` before it is written (none when nothing is written)."""
        return self.test_reads if change.commands else ()

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
        actual, dummy = self.current(modem.ask(self.read_back(change)), change.params)
        return self.confirm(change, actual)

    def not_applied(self, change, actual):
        """The planned commands whose effect ``actual`` (read back after a refused line) does not show, in order."""
        return list(change.commands) if actual != change.after else []

    def confirm(self, change, actual):
        """Return ``actual`` (the fields read back) if the change took effect, else raise DeviceStateError."""
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
    """The plan for one resource and, once applied, what the modem reads back.

    ``facet`` names it in the result of a module that manages several resources.
    """

    __slots__ = ('resource', 'params', 'before', 'after', 'commands', 'context', 'facet', 'written')

    def __init__(self, resource, params, before, after, commands, context, facet):
        self.resource = resource
        self.params = params
        self.before = before
        self.after = after
        self.commands = commands
        self.context = context
        self.facet = facet
        self.written = []


class Items:
    """The (resource, params[, facet]) items of one module run.

    Items that name their facet (or several items) make a result keyed by facet, and errors that
    name the facet they happened in; a facet of ``list_facets`` holds a list of such items.
    """

    def __init__(self, items, list_facets=()):
        self.items = [(item[0], item[1], item[2] if len(item) > 2 else None) for item in items]
        self.keyed = len(self.items) > 1 or any(facet for dummy, dummy, facet in self.items)
        self.items = [(resource, params, facet or resource.name) for resource, params, facet in self.items]
        self.list_facets = tuple(list_facets)

    def __iter__(self):
        return iter(self.items)

    def skip(self, count):
        """The items after the first ``count``, keyed and named the same way."""
        rest = copy.copy(self)
        rest.items = self.items[count:]
        return rest

    def in_facet(self, step, facet_of, *args):
        """Run ``step(*args)``; a ModemError names the facet ``facet_of()`` when the result is keyed by facet."""
        try:
            return step(*args)
        except ModemError as exc:
            if self.keyed:
                raise exc.in_facet(facet_of()) from None
            raise


def _items(items):
    return items if isinstance(items, Items) else Items(items)


def validate(items):
    """Check the options of every item; InvalidInputError names the option."""
    items = _items(items)
    for resource, params, facet in items:
        items.in_facet(resource.validate, lambda facet=facet: facet, params)


def read(modem, items):
    """Ask every query the items need; return ``{name: Outcome}`` (and what ``fetch`` read elsewhere)."""
    items = _items(items)
    outcomes = modem.ask([name for resource, params, dummy in items for name in resource.queries(params)])
    for resource, params, facet in items:
        outcomes.update(items.in_facet(resource.fetch, lambda facet=facet: facet, modem, params))
    return outcomes


def _plan(resource, params, facet, outcomes):
    before, context = resource.current(outcomes, params)
    after = resource.desired(before, context, params)
    return Change(resource, params, before, after, resource.plan(before, after, context, params), context, facet)


def plan_all(modem, items):
    """Read the resources of every item and plan their changes.

    A planned write that must be checked against what the modem offers asks for its test
    commands first, and is planned again with their answers.
    """
    items = _items(items)
    outcomes = read(modem, items)
    changes = [items.in_facet(_plan, lambda facet=facet: facet, resource, params, facet, outcomes) for resource, params, facet in items]
    tests = [name for change in changes for name in change.resource.tests(change) if name not in outcomes]
    if tests:
        outcomes.update(modem.ask(tests))
        changes = [items.in_facet(_plan, lambda change=change: change.facet, change.resource, change.params, change.facet, outcomes)
                   if change.resource.tests(change) else change for change in changes]
    return changes


def converge(modem, items, check_mode=False, diff=False):
    """Bring every item to its desired state; return the result dict."""
    items = _items(items)
    changes = plan_all(modem, items)
    if not check_mode:
        changes = _apply_all(modem, items, changes)
    return _result(modem, items, changes, check_mode, diff)


def _apply_all(modem, items, changes):
    done = []
    while changes:
        change = changes[0]
        if change.resource.resets_modem and change.commands:
            items.in_facet(_apply_one, lambda: change.facet, modem, [change])
            done.append(change)
            # The reset dropped the data call and may have changed what the modem answers: read the rest again.
            rest = items.skip(len(done))
            changes = plan_all(modem, rest) if rest.items else []
            continue
        group = [change]
        while change.resource.chained and change.commands and len(group) < len(changes):
            following = changes[len(group)]
            if not (following.resource.chained and following.commands and modem.fits_on_line(*_line_of(group + [following]))):
                break
            group.append(following)
        step = _apply_chained if change.resource.chained and change.commands else _apply_one
        items.in_facet(step, lambda: next((change.facet for change in group if not change.written), group[-1].facet), modem, group)
        done.extend(group)
        changes = changes[len(group):]
    return done


def _apply_one(modem, group):
    change = group[0]
    if change.commands:
        change.written = change.resource.apply(modem, change)
        change.after = change.resource.verify(modem, change)
    change.resource.settle(modem, change)


def _line_of(group):
    """(writes, read-back queries) of a group of chained changes."""
    return ([command for change in group for command in change.commands],
            list(dict.fromkeys(name for change in group for name in change.resource.read_back(change))))


def _apply_chained(modem, group):
    """Writes of several resources, and their read-back, on one command line."""
    commands, names = _line_of(group)
    result, outcomes = modem.write_then_read(commands, names)
    if not result.ok:
        # The modem stops at the first write it refuses: read back which resources took effect.
        outcomes = modem.ask(names)
    for change in group:
        actual, dummy = change.resource.current(outcomes, change.params)
        missing = [] if result.ok else change.resource.not_applied(change, actual)
        if missing:
            # The first write that did not take effect is the one the modem refused; it is named as if sent alone.
            raise AtCommandError(AtResult(modem.shown(missing[0]), result.lines, result.final, result.error_type, result.error_code,
                                          result.error_text))
        change.written = list(change.commands)
        change.after = change.resource.confirm(change, actual)
        change.resource.settle(modem, change)


def _result(modem, items, changes, check_mode, diff):
    if items.keyed:
        before = {facet: [] for facet in items.list_facets}
        after = {facet: [] for facet in items.list_facets}
        for change in changes:
            for shown, fields in ((before, change.before), (after, change.after)):
                if change.facet in items.list_facets:
                    shown[change.facet].append(fields)
                else:
                    shown[change.facet] = fields
    else:
        before, after = changes[0].before, changes[0].after
    commands = [command for change in changes for command in (change.commands if check_mode else change.written)]
    result = dict(changed=any(change.commands for change in changes), commands=[modem.shown(command) for command in commands],
                  before=before, after=after)
    for change in changes:
        result.update(change.resource.report(modem, change, check_mode))
    if diff:
        result['diff'] = {'before': before, 'after': after}
    return result
