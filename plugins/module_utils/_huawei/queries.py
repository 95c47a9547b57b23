# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The query catalogue: every read the collection makes, as data.

A query names its command, the parser of its answer, the prefix its answer lines carry (so that
several queries can share one command line), what to ask instead when the modem refuses it
(``fallback``), when its answer counts (``only_if``), and where its value goes in the facts
of ``huawei_info`` (``fact``). Adding a read to ``huawei_info`` is a parser and one entry here.
"""

from __future__ import annotations

import re

from ansible_collections.lte.modem.plugins.module_utils._errors import ModemError
from ansible_collections.lte.modem.plugins.module_utils._huawei import parsers

# A test command (=?) answers with parenthesised lists; the query answers with values.
QUERY_SHAPE = r'%s:\s*[^\s(]'
TEST_SHAPE = r'%s:\s*\('


class Query:
    """One read.

    ``prefix``: the prefix of its answer lines (None: it cannot share a command line). ``shape``: a
    regular expression for queries that share a prefix with another one (``^SYSCFGEX?`` and
    ``^SYSCFGEX=?``). ``fallback``: names of the queries to ask when this one fails. ``only_if``:
    ``(name, predicate)``, its answer counts only when that query answered and the predicate holds for
    its value (the modem refuses it otherwise). ``often_missing``: some firmware lacks the command (it
    goes towards the end of a chained line, where a refusal stops fewer queries).
    ``fact``: ``(subset, place)`` in the facts, where ``place`` is a key, None (merge a dict or take a
    list as the whole subset), or a function returning the dict to merge.
    """

    __slots__ = ('name', 'command', 'parser', 'prefix', 'allow_empty', 'shape', 'fallback', 'only_if', 'often_missing', 'fact')

    def __init__(self, name, command, parser, prefix=None, allow_empty=False, shape=None, fallback=(), only_if=None, often_missing=False,
                 fact=None):
        self.name = name
        self.command = command
        self.parser = parser
        self.prefix = prefix
        self.allow_empty = allow_empty
        self.shape = re.compile(shape, re.IGNORECASE) if shape else None
        self.fallback = tuple(fallback)
        self.only_if = only_if
        self.often_missing = often_missing
        self.fact = fact

    @property
    def subset(self):
        return self.fact[0] if self.fact else None

    def answers(self, line):
        """Whether an answer line of a chained command line belongs to this query."""
        if self.shape is not None:
            return bool(self.shape.match(line))
        return line.upper().startswith(self.prefix.upper())

    def parse(self, lines):
        """The parsed value of this query's answer lines (ModemError when there are none and some are needed)."""
        if not lines and not self.allow_empty:
            raise ModemError('%s answered OK without any information' % self.command, command=self.command)
        return self.parser(lines)


def is_connected(ndis):
    """Whether a ``^NDISSTATQRY`` value shows an IP family connected."""
    return any(family.get('state') == 'connected' for family in ndis.values())


def _cfun_fact(value):
    facts = {'functionality': value['functionality'], 'cfun': value['code']}
    return {key: item for key, item in facts.items() if item is not None}


# often_missing marks what some firmware lacks: ^RFSWITCH on USB sticks, ^SYSCFGEX, +CEREG, ^HCSQ
# and ^SYSINFOEX on 3G-only modems, ^ICCID on some stick firmware.
QUERIES = {query.name: query for query in (
    Query('ati', 'ATI', parsers.parse_ati, fact=('identity', None)),
    Query('fhver', 'AT^FHVER', parsers.parse_fhver, '^FHVER:', fact=('identity', 'firmware')),
    # A bare line: it can only lead a chained line.
    Query('imei', 'AT+CGSN', parsers.parse_plain_value),
    Query('cpin', 'AT+CPIN?', parsers.parse_cpin, '+CPIN:', fact=('sim', None)),
    Query('iccid', 'AT^ICCID?', parsers.parse_iccid, '^ICCID:', often_missing=True, fact=('sim', 'iccid')),
    # ^CPIN: <code>,<times>,<puk>,<pin>,<puk2>,<pin2>: the attempts left.
    Query('cpin_counts', 'AT^CPIN?', parsers.parse_cpin, '^CPIN:'),
    # Whether the SIM asks for its PIN at power-on (the SC facility lock).
    Query('pin_lock', 'AT+CLCK="SC",2', parsers.parse_clck, '+CLCK:'),
    Query('cfun', 'AT+CFUN?', parsers.parse_cfun, '+CFUN:', fact=('radio', _cfun_fact)),
    Query('rfswitch', 'AT^RFSWITCH?', parsers.parse_rfswitch, '^RFSWITCH:', often_missing=True, fact=('radio', 'rf_switch')),
    Query('creg', 'AT+CREG?', parsers.parse_creg, '+CREG:', fact=('registration', 'cs')),
    Query('cgreg', 'AT+CGREG?', parsers.parse_creg, '+CGREG:', fact=('registration', 'ps')),
    Query('cereg', 'AT+CEREG?', parsers.parse_creg, '+CEREG:', often_missing=True, fact=('registration', 'eps')),
    Query('cops', 'AT+COPS?', parsers.parse_cops, '+COPS:', fact=('registration', 'operator')),
    Query('csq', 'AT+CSQ', parsers.parse_csq, '+CSQ:', fact=('signal', 'csq')),
    Query('hcsq', 'AT^HCSQ?', parsers.parse_hcsq, '^HCSQ:', often_missing=True, fact=('signal', 'hcsq')),
    # 3G-only modems have no ^SYSCFGEX: ^SYSCFG answers instead.
    Query('syscfgex', 'AT^SYSCFGEX?', parsers.parse_syscfgex, '^SYSCFGEX:', shape=QUERY_SHAPE % r'\^SYSCFGEX',
          fallback=('syscfg', 'syscfg_test'), often_missing=True, fact=('syscfg', 'current')),
    Query('syscfgex_test', 'AT^SYSCFGEX=?', parsers.parse_syscfgex_test, '^SYSCFGEX:', shape=TEST_SHAPE % r'\^SYSCFGEX',
          often_missing=True, fact=('syscfg', 'supported')),
    Query('syscfg', 'AT^SYSCFG?', parsers.parse_syscfg, '^SYSCFG:', shape=QUERY_SHAPE % r'\^SYSCFG', fact=('syscfg', 'current')),
    # Some 3G sticks (E220) answer AT^SYSCFG=? with nothing but OK.
    Query('syscfg_test', 'AT^SYSCFG=?', parsers.parse_syscfg_test, '^SYSCFG:', allow_empty=True, shape=TEST_SHAPE % r'\^SYSCFG',
          fact=('syscfg', 'supported')),
    Query('cgdcont', 'AT+CGDCONT?', parsers.parse_cgdcont, '+CGDCONT:', allow_empty=True, shape=QUERY_SHAPE % r'\+CGDCONT',
          fact=('pdp', None)),
    Query('cgdcont_test', 'AT+CGDCONT=?', parsers.parse_cgdcont_test, '+CGDCONT:', shape=TEST_SHAPE % r'\+CGDCONT'),
    Query('setport', 'AT^SETPORT?', parsers.parse_setport, '^SETPORT:', shape=r'\^SETPORT:[^:]*$', fact=('port_mode', 'current')),
    Query('setport_test', 'AT^SETPORT=?', parsers.parse_setport_test, '^SETPORT:', shape=r'\^SETPORT:\s*\w+\s*:',
          fact=('port_mode', 'available')),
    Query('ndisstat', 'AT^NDISSTATQRY?', parsers.parse_ndisstat, '^NDISSTAT', fact=('connection', 'ndis')),
    # ^DHCP answers ERROR while no data call is up: its answer counts only when one is.
    Query('dhcp', 'AT^DHCP?', parsers.parse_dhcp, '^DHCP:', only_if=('ndisstat', is_connected), fact=('connection', 'dhcp')),
    Query('sysinfoex', 'AT^SYSINFOEX', parsers.parse_sysinfoex, '^SYSINFOEX:', often_missing=True, fact=('connection', 'system')),
    # The cause of the last refused registration or failed data call (huawei_diagnose asks it only then).
    Query('ceer', 'AT+CEER', parsers.parse_ceer, '+CEER:'),
)}
