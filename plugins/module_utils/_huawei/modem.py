# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The modem service: named queries and writes on one Huawei modem.

Queries whose answers carry their own prefix are chained on one command line
(``AT+CPIN?;+CFUN?;^RFSWITCH?``) and their lines routed back by prefix: one round trip
instead of several, which matters when a round trip is an at-chat call that takes seconds. One
query whose answer has no prefix (``AT+CGSN``) may lead the line: the lines before the first
prefixed one are its answer.

A modem stops a chained line at the first command it refuses and answers that command's error:
the queries before it have their answers, the refused one is the one without, and the rest is
asked again on one more line. So a query the modem does not support costs one more command line,
and it is remembered for the rest of the run.
"""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._at.commands import command_name
from ansible_collections.lte.modem.plugins.module_utils._at.framing import AtResult
from ansible_collections.lte.modem.plugins.module_utils._at.tables import MAX_COMMAND_LENGTH
from ansible_collections.lte.modem.plugins.module_utils._errors import AtCommandError, ModemError
from ansible_collections.lte.modem.plugins.module_utils._huawei.queries import QUERIES

MAX_CHAIN = 16
# Errors that say the modem (or its firmware) does not have a command at all, as opposed to one that
# cannot answer now (SIM locked, not connected): such a query is not asked again in the same run.
ABSENT_COMMAND_ERRORS = frozenset((('not_supported', None), ('too_many_parameters', None), ('cme', 4)))


class Outcome:
    """What a query gave: ``value`` when it worked, else ``error`` (a ModemError); ``lines``: the modem's own lines.

    The lines are the query's answer, or the final result it was refused with.
    """

    __slots__ = ('query', 'value', 'error', 'lines')

    def __init__(self, query, value=None, error=None, lines=()):
        self.query = query
        self.value = value
        self.error = error
        self.lines = list(lines)

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
    """One modem, reached through an AT client.

    ``router``: the settings of the MikroTik router the modem sits behind (a ``RouterosLte``), None
    on a serial port. The modem service never uses it; the tasks and resources that manage RouterOS's
    own LTE settings find it here.
    """

    def __init__(self, client, router=None):
        self.client = client
        self.router = router
        self._absent = {}

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

        A query that fails is replaced by its fallbacks, in one more round. A query that is only
        worth asking when another one's answer says so (``only_if``: ``^DHCP?`` while a data call is
        up) shares their line, at its end, where a refusal costs nothing; its outcome is left out
        when that other answer says it does not count.
        """
        queries = [QUERIES[name] for name in dict.fromkeys(names)]
        outcomes = self._run_batches(queries)
        for query in queries:
            if query.only_if and query.only_if[0] in outcomes and not _condition_holds(query, outcomes):
                outcomes.pop(query.name, None)
        more = [QUERIES[name] for query in queries if query.name in outcomes and not outcomes[query.name].ok
                for name in query.fallback if name not in outcomes]
        if more:
            outcomes.update(self._run_batches(list(dict.fromkeys(more))))
        return outcomes

    def fits_on_line(self, commands, names):
        """Whether the writes ``commands`` and the queries ``names`` fit on one command line."""
        return len(_chain(list(commands) + [QUERIES[name].command for name in names])) <= MAX_COMMAND_LENGTH

    def write_then_read(self, commands, names):
        """Send the write ``commands`` and then the queries ``names`` on one command line; return (AtResult, {name: Outcome}).

        The outcomes are empty when the line failed (the modem stops at the first command it refuses).
        """
        queries = [QUERIES[name] for name in names if name not in self._absent]
        result = self.run(_chain(list(commands) + [query.command for query in queries]))
        if not result.ok:
            return result, {}
        routed = _route(queries, result.lines)
        outcomes = {name: self._absent[name] for name in names if name in self._absent}
        outcomes.update((query.name, _parse_outcome(query, routed[query.name])) for query in queries)
        return result, outcomes

    def _run_batches(self, queries):
        outcomes = {query.name: self._absent[query.name] for query in queries if query.name in self._absent}
        for batch in _batches([query for query in queries if query.name not in outcomes]):
            outcomes.update(self._run_chain(batch))
        return outcomes

    def _run_chain(self, batch):
        if len(batch) == 1:
            return {batch[0].name: self._single(batch[0])}
        result = self.run(_chain([query.command for query in batch]))
        routed = _route(batch, result.lines)
        if result.ok:
            return {query.name: _parse_outcome(query, routed[query.name]) for query in batch}
        outcomes = {}
        for index, query in enumerate(batch):
            if routed[query.name]:
                outcomes[query.name] = _parse_outcome(query, routed[query.name])
                continue
            if query.allow_empty:
                # An empty answer is a valid one: whether this query or a later one was refused is
                # not known; ask it alone, and the rest again.
                outcomes[query.name] = self._single(query)
                rest = batch[index + 1:]
            else:
                outcomes[query.name] = self._refused(query, result)
                rest = batch[index + 1:]
                if query.name in self._absent:
                    # A command the modem lacks lacks its test form (=?) too.
                    outcomes.update((other.name, self._refused(other, result)) for other in rest if _same_command(other, query))
                    rest = [other for other in rest if other.name not in outcomes]
                # What to ask instead shares the line of the rest.
                rest += [QUERIES[name] for name in query.fallback if name not in outcomes]
            # A query whose answer would not count is not asked again.
            rest = [other for other in rest if not (other.only_if and other.only_if[0] in outcomes and not _condition_holds(other, outcomes))]
            outcomes.update(self._run_batches(rest))
            return outcomes
        return outcomes

    def _single(self, query):
        result = self.run(query.command)
        if not result.ok:
            return self._refused(query, result)
        return _parse_outcome(query, result.lines)

    def _refused(self, query, result):
        refused = AtResult(query.command, [], result.final, result.error_type, result.error_code, result.error_text)
        outcome = Outcome(query, error=AtCommandError(refused), lines=[result.final] if result.final else [])
        # A query refused in some states is not taken for missing.
        if (result.error_type, result.error_code) in ABSENT_COMMAND_ERRORS and not query.only_if:
            self._absent[query.name] = outcome
        return outcome

    def reconnect(self, wait_timeout):
        """Reopen the transport after the modem reset; return the port or interface reached."""
        return self.client.transport.reopen(wait_timeout)


def _same_command(one, other):
    return command_name(one.command) == command_name(other.command)


def _condition_holds(query, outcomes):
    name, predicate = query.only_if
    outcome = outcomes.get(name)
    return bool(outcome is not None and outcome.ok and predicate(outcome.value))


def _parse_outcome(query, lines):
    try:
        return Outcome(query, value=query.parse(lines), lines=lines)
    except ModemError as exc:
        return Outcome(query, error=exc, lines=lines)


def _batches(queries):
    """Group chainable queries; two queries with the same answer prefix never share a line.

    A query whose answer has no prefix leads a line of its own (its answer is whatever comes before
    the first prefixed line); one that is not an extended command (``ATI``) stays alone.
    """
    batches, current = [], []
    for query in queries:
        if query.prefix is None:
            if query.command[2:3] in '+^':
                batches.append([query])
            else:
                batches.insert(0, [query])
            continue
        if len(current) >= MAX_CHAIN or any(_ambiguous(query, other) for other in current):
            batches.append(current)
            current = []
        current.append(query)
    if current:
        batches.append(current)
    return _lead(batches)


def _lead(batches):
    """Put each lone extended query without a prefix at the front of a line of prefixed queries."""
    leaders = [batch for batch in batches if len(batch) == 1 and batch[0].prefix is None and batch[0].command[2:3] in '+^']
    chains = [batch for batch in batches if batch[0].prefix is not None and len(batch) < MAX_CHAIN]
    for leader, chain in zip(leaders, chains):
        batches.remove(leader)
        chain.insert(0, leader[0])
    return [sorted(batch, key=_place_on_line) for batch in batches]


def _place_on_line(query):
    """Where a query goes on its line: a refusal ends the line, so what may be refused goes towards the end.

    First the queries every modem answers, then those that may answer nothing (so that a refusal is
    pinned on the right query), those some firmware lacks, and last those refused in some states
    (whose refusal then costs nothing).
    """
    return (query.only_if is not None, query.often_missing, query.allow_empty)


def _ambiguous(one, other):
    if one.prefix is None or other.prefix is None:
        return False
    return one.prefix.upper() == other.prefix.upper() and (one.shape is None or other.shape is None)


def _chain(commands):
    """``AT+CSQ``, ``AT^HCSQ?`` -> ``AT+CSQ;^HCSQ?``."""
    return ';'.join([commands[0]] + [command[2:] for command in commands[1:]])


def _route(batch, lines):
    leader = batch[0] if batch and batch[0].prefix is None else None
    routed, owner = {query.name: [] for query in batch}, leader
    for line in lines:
        owner = next((query for query in batch if query.prefix is not None and query.answers(line)), owner)
        # A line no query claims continues the previous answer (RouterOS wraps long lines).
        if owner is not None:
            routed[owner.name].append(line)
    return routed
