# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The modem service: named queries and writes on one Huawei modem.

Queries whose answers carry their own prefix are chained on one command line
(``AT+CPIN?;+CFUN?;^RFSWITCH?``) and their lines routed back by prefix: one round trip
instead of several, which matters when a round trip is an at-chat call that takes seconds.
If a chained line fails, its queries are asked one by one to find out which one failed.
"""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._errors import AtCommandError, ModemError
from ansible_collections.lte.modem.plugins.module_utils._huawei.queries import QUERIES

MAX_CHAIN = 6


class Outcome:
    """What a query gave: ``value`` when it worked, else ``error`` (a ModemError)."""

    __slots__ = ('query', 'value', 'error')

    def __init__(self, query, value=None, error=None):
        self.query = query
        self.value = value
        self.error = error

    @property
    def ok(self):
        return self.error is None

    def note(self):
        details = self.error.details() if self.error else {}
        return {'command': self.query.command, 'reason': str(self.error), 'response': details.get('response')}


def value_of(outcomes, name, default=None):
    """The parsed value of query ``name`` if it was asked and worked, else ``default``."""
    outcome = outcomes.get(name)
    return outcome.value if outcome is not None and outcome.ok else default


class HuaweiModem:
    """One modem, reached through an AT client."""

    def __init__(self, client):
        self.client = client

    @property
    def sent(self):
        """Every command line sent so far, secrets masked."""
        return self.client.sent

    @property
    def urcs(self):
        """Unsolicited result codes received so far."""
        return self.client.urcs

    @property
    def device(self):
        """The AT port in use, for a modem on a serial port (it can change after a reset), else None."""
        return getattr(self.client.transport, 'device', None)

    def shown(self, command):
        """How ``command`` appears in results (secrets masked)."""
        return self.client.shown(command)

    def run(self, command, timeout=None):
        """Send one command line and return its AtResult (errors included, not raised)."""
        return self.client.run(command, timeout)

    def check(self, command, timeout=None):
        """Send one command line; raise AtCommandError if the modem refuses it."""
        return self.client.check(command, timeout)

    def ask(self, names):
        """Run the catalogue queries ``names`` in as few round trips as possible; return {name: Outcome}.

        A query that fails is replaced by its fallbacks, and a query that is only worth asking once
        another one answered (``only_if``) waits for it, in one more round.
        """
        queries = [QUERIES[name] for name in dict.fromkeys(names)]
        requested = {query.name for query in queries}
        deferred = [query for query in queries if query.only_if and query.only_if[0] in requested]
        outcomes = self._run_batches([query for query in queries if query not in deferred])
        more = [QUERIES[name] for query in queries if query.name in outcomes and not outcomes[query.name].ok
                for name in query.fallback if name not in outcomes]
        more += [query for query in deferred if _condition_holds(query, outcomes)]
        if more:
            outcomes.update(self._run_batches(list(dict.fromkeys(more))))
        return outcomes

    def _run_batches(self, queries):
        outcomes = {}
        for batch in _batches(queries):
            if len(batch) == 1:
                outcomes[batch[0].name] = self._single(batch[0])
                continue
            result = self.run(_chain(batch))
            if not result.ok:
                for query in batch:
                    outcomes[query.name] = self._single(query)
                continue
            routed = _route(batch, result.lines)
            for query in batch:
                outcomes[query.name] = _parse_outcome(query, routed[query.name])
        return outcomes

    def _single(self, query):
        result = self.run(query.command)
        if not result.ok:
            return Outcome(query, error=AtCommandError(result))
        return _parse_outcome(query, result.lines)

    def reconnect(self, wait_timeout):
        """Reopen the transport after the modem reset; return the port or interface reached."""
        return self.client.transport.reopen(wait_timeout)


def _condition_holds(query, outcomes):
    name, predicate = query.only_if
    outcome = outcomes.get(name)
    return bool(outcome is not None and outcome.ok and predicate(outcome.value))


def _parse_outcome(query, lines):
    try:
        return Outcome(query, value=query.parse(lines))
    except ModemError as exc:
        return Outcome(query, error=exc)


def _batches(queries):
    """Group chainable queries; two queries with the same answer prefix never share a line."""
    batches, current = [], []
    for query in queries:
        if query.prefix is None:
            batches.append([query])
            continue
        if len(current) >= MAX_CHAIN or any(_ambiguous(query, other) for other in current):
            batches.append(current)
            current = []
        current.append(query)
    if current:
        batches.append(current)
    return batches


def _ambiguous(one, other):
    return one.prefix.upper() == other.prefix.upper() and (one.shape is None or other.shape is None)


def _chain(batch):
    first, rest = batch[0].command, [query.command[2:] for query in batch[1:]]
    return ';'.join([first] + rest)


def _route(batch, lines):
    routed, owner = {query.name: [] for query in batch}, None
    for line in lines:
        owner = next((query for query in batch if query.answers(line)), owner)
        # A line no query claims continues the previous answer (RouterOS wraps long lines).
        if owner is not None:
            routed[owner.name].append(line)
    return routed
