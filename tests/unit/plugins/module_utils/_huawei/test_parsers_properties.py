# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Parsers never crash: whatever text a modem (or a broken line) gives, a value or a ParseError.

Inputs are real replies (the parser tests' cases) with fields cut, repeated, emptied or replaced,
and plain random text. Derandomized, so that CI runs the same examples every time.
"""

from __future__ import annotations

import inspect

from hypothesis import given, settings
from hypothesis import strategies as st

from ansible_collections.lte.modem.plugins.module_utils._errors import ParseError
from ansible_collections.lte.modem.plugins.module_utils._huawei import parsers

from .test_parsers import DICT_CASES, ERROR_CASES, NDISSTAT_CASES

PARSERS = {name: func for name, func in inspect.getmembers(parsers, inspect.isfunction) if name.startswith('parse_') and name != 'parse_urc'}
SEEDS = {}
for _case in DICT_CASES + ERROR_CASES:
    SEEDS.setdefault(_case[1].__name__, []).append(list(_case[2]) if not isinstance(_case[2], str) else [_case[2]])
SEEDS.setdefault('parse_ndisstat', []).extend(list(case[1]) for case in NDISSTAT_CASES)
# Characters that matter to the parsers, and what firmware and broken links put in their place.
PIECES = list(',;:"()^+-. 0123456789abcdefABCDEFxX') + ['', '""', ',,', '(', ')', '\ufffd', 'IPV4', 'IPV6', 'OK', '99']
EXAMPLES = settings(derandomize=True, max_examples=400, deadline=None, database=None)


@st.composite
def damaged(draw, seed_lines):
    """A real reply with some of its characters cut, repeated or replaced."""
    lines = list(draw(st.sampled_from(seed_lines)))
    for dummy in range(draw(st.integers(0, 4))):
        index = draw(st.integers(0, max(0, len(lines) - 1)))
        line = lines[index] if lines else ''
        start = draw(st.integers(0, len(line)))
        end = draw(st.integers(start, len(line)))
        replacement = draw(st.sampled_from(['', line[start:end] * 2] + PIECES))
        lines[index:index + 1] = [line[:start] + replacement + line[end:]]
    if draw(st.booleans()):
        lines = lines[:draw(st.integers(0, len(lines)))]
    return lines


@st.composite
def fields_edited(draw, seed_lines):
    """A real reply with comma-separated fields emptied, dropped, repeated or replaced."""
    lines = list(draw(st.sampled_from(seed_lines)))
    if not lines:
        return lines
    index = draw(st.integers(0, len(lines) - 1))
    fields = lines[index].split(',')
    for dummy in range(draw(st.integers(1, 3))):
        position = draw(st.integers(0, len(fields) - 1))
        action = draw(st.sampled_from(['empty', 'drop', 'repeat', 'replace']))
        if action == 'empty':
            fields[position] = ''
        elif action == 'drop' and len(fields) > 1:
            del fields[position]
        elif action == 'repeat':
            fields.insert(position, fields[position])
        else:
            fields[position] = draw(st.sampled_from(PIECES))
    lines[index] = ','.join(fields)
    return lines


def replies(name):
    seeds = SEEDS.get(name) or [['']]
    return st.one_of(damaged(seeds), fields_edited(seeds), st.lists(st.text(max_size=60), max_size=4))


def check(parser, lines):
    try:
        value = parser(lines)
    except ParseError as exc:
        assert exc.lines == [line.strip() for line in lines if line and line.strip()]
        return
    assert isinstance(value, (dict, list, str))


# Replies that crashed a parser once; each must give a value or a ParseError.
KNOWN = [
    ('parse_syscfgex', ['^SYSCFGEX: "00",,0,2,']),
    ('parse_syscfg', ['^SYSCFG:2,0,,1,2']),
    ('parse_syscfgex_test', ['^SYSCFGEX: ("00"),((,"x")),(0-2),(0-4),(())']),
]


def test_replies_that_crashed_once():
    for name, lines in KNOWN:
        check(PARSERS[name], lines)


def test_every_parser_has_real_replies_to_start_from():
    assert sorted(name for name in PARSERS if name not in SEEDS) == []


def make_property(name):
    @EXAMPLES
    @given(lines=replies(name))
    def prop(lines):
        check(PARSERS[name], lines)
    prop.__name__ = 'test_%s_gives_a_value_or_a_parse_error' % name
    return prop


for _name in PARSERS:
    globals()['test_%s_gives_a_value_or_a_parse_error' % _name] = make_property(_name)
