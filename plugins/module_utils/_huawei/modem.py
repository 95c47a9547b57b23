# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The device service: named queries and writes on one Huawei modem.

Queries whose answers carry their own prefix are chained on one command line
(``AT+CPIN?;+CFUN?;^RFSWITCH?``) and their lines routed back by prefix: one round trip
instead of several, which matters when a round trip is an at-chat call that takes seconds.
If a chained line fails, its queries are asked one by one to find out which one failed.
"""

from __future__ import annotations

import re

from ansible_collections.lte.modem.plugins.module_utils._at.framing import AtResult
from ansible_collections.lte.modem.plugins.module_utils._errors import AtCommandError, ModemError

# Secrets inside command lines: shown as ******** in results, errors and logs.
_SECRET_PATTERNS = (
    re.compile(r'^(AT\+CPIN=)(.*)$', re.IGNORECASE),
    re.compile(r'^(AT\+CLCK=[^,]*,[^,]*,)(.*)$', re.IGNORECASE),
    re.compile(r'^(AT\+CPWD=[^,]*,)(.*)$', re.IGNORECASE),
    re.compile(r'^(AT\^NDISDUP=\s*\d+\s*,\s*1\s*,\s*"[^"]*"\s*,\s*"[^"]*"\s*,)(\s*"[^"]*")(.*)$', re.IGNORECASE),
    re.compile(r'^(AT\^AUTHDATA=\s*\d+\s*,\s*\d+\s*,\s*"[^"]*"\s*,)(\s*"[^"]*")(.*)$', re.IGNORECASE),
    re.compile(r'^(AT\+CGAUTH=\s*\d+\s*,\s*\d+\s*,\s*"[^"]*"\s*,)(\s*"[^"]*")(.*)$', re.IGNORECASE),
)
MAX_CHAIN = 6
MASK = '********'


def redact(command):
    """Return the command line with PINs and passwords masked."""
    for pattern in _SECRET_PATTERNS:
        match = pattern.match(command)
        if match:
            groups = match.groups()
            return groups[0] + MASK + (groups[2] if len(groups) > 2 else '')
    return command


class Query:
    """One read: a command, a parser, and how to recognise its answer lines in a chained answer.

    ``prefix`` is the prefix its answer lines carry (None: the query cannot be chained).
    ``shape`` is a regular expression for queries that share a prefix with another one
    (``^SYSCFGEX?`` and ``^SYSCFGEX=?``), so that both can still share one command line.
    """

    __slots__ = ('name', 'command', 'prefix', 'parser', 'allow_empty', 'shape')

    def __init__(self, name, command, parser, prefix=None, allow_empty=False, shape=None):
        self.name = name
        self.command = command
        self.parser = parser
        self.prefix = prefix
        self.allow_empty = allow_empty
        self.shape = re.compile(shape, re.IGNORECASE) if shape else None

    def answers(self, line):
        if self.shape is not None:
            return bool(self.shape.match(line))
        return line.upper().startswith(self.prefix.upper())

    def parse(self, lines):
        if not lines and not self.allow_empty:
            raise ModemError('%s answered OK without any information' % self.command, command=self.command)
        return self.parser(lines)


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
    """Runs AT commands on one modem and keeps a log of what was sent."""

    def __init__(self, client):
        self.client = client
        self.urcs = []
        self.sent = []

    @property
    def transport(self):
        return self.client.transport

    def run(self, command, timeout=None):
        """Send one command line and return its AtResult (errors included, not raised)."""
        self.sent.append(redact(command))
        result = self.client.run(command, timeout)
        self.urcs.extend(result.urcs)
        return result

    def check(self, command, timeout=None):
        """Send one command line; raise AtCommandError if the modem refuses it."""
        result = self.run(command, timeout)
        if not result.ok:
            raise AtCommandError(_redacted_result(result))
        return result

    def query(self, query):
        """Run one query and return its parsed value (raises ModemError)."""
        return query.parse(self.check(query.command).lines)

    def query_many(self, queries):
        """Run several queries with as few round trips as possible; return {name: Outcome}."""
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
            return Outcome(query, error=AtCommandError(_redacted_result(result)))
        return _parse_outcome(query, result.lines)

    def reconnect(self, wait_timeout):
        """Reopen the transport after the modem reset; return the port or interface reached."""
        return self.transport.reopen(wait_timeout)


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


def _redacted_result(result):
    return AtResult(redact(result.command), result.lines, result.final, result.error_type,
                    result.error_code, result.error_text, result.urcs, result.noise)
