# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The RouterOS command line as text: ``print detail`` read back into rows, and command lines written.

``print detail`` prints a legend of the flags, then one item per number::

    Flags: X - disabled; R - running
     0  R ;;; uplink
          name="lte1" mtu=1500 allow-roaming=no apn-profiles=default band=""
          network-mode=3g,lte sms-read=no

Text values come in double quotes with RouterOS escapes, others bare; an item wraps between
properties onto indented lines; the flags are letters of the legend before the first property, and
``;;; text`` is the item's comment. RouterOS 6 and 7 differ in the legend's separators and in which
values they quote, so the parser takes either.
"""

from __future__ import annotations

import re

from ansible_collections.lte.modem.plugins.module_utils._transports.routeros_ssh import quote_cli

MASK = '********'
_FLAGS = re.compile(r'^\s*Flags:\s*(?P<legend>.*)$', re.IGNORECASE)
_LEGEND_ENTRY = re.compile(r'(?P<flag>\S)\s+-\s+(?P<name>[A-Za-z][A-Za-z -]*?)\s*(?=[,;]|$)')
_ITEM = re.compile(r'^\s*(?P<number>\d+)(?:\s+(?P<rest>.*))?$')
_PROPERTY = re.compile(r'(?P<key>[a-z][a-z0-9.-]*)=(?P<value>"(?:[^"\\]|\\.)*"|[^\s"]*)')
_ESCAPES = {'"': '"', '\\': '\\', 'n': '\n', 'r': '\r', 't': '\t', '$': '$', '?': '?', '_': ' ', 'a': '\a', 'b': '\b',
            'f': '\f', 'v': '\v'}
_HEX = '0123456789ABCDEF'
# A value that needs no quotes on a command line shown to a person.
_BARE = re.compile(r'^[A-Za-z0-9._:/,+-]+$')
# What the console prints instead of doing a command.
CLI_ERRORS = ('bad command name', 'expected end of command', 'syntax error', 'no such item', 'invalid value', 'input does not match',
              'failure:', 'missing value', 'ambiguous value', 'value of', 'unknown parameter', 'not enough permissions')


def unescape(text):
    """The value of a double-quoted RouterOS string (without its quotes)."""
    out, index = [], 0
    while index < len(text):
        char = text[index]
        if char != '\\' or index + 1 == len(text):
            out.append(char)
            index += 1
            continue
        pair = text[index + 1:index + 3]
        if len(pair) == 2 and all(digit in _HEX for digit in pair.upper()):
            out.append(chr(int(pair, 16)))
            index += 3
        else:
            out.append(_ESCAPES.get(text[index + 1], text[index + 1]))
            index += 2
    return ''.join(out)


def _value(raw):
    return unescape(raw[1:-1]) if raw.startswith('"') else raw


def _legend(line):
    """{flag letter: property} from ``Flags: X - disabled; R - running`` (names lower case, spaces as dashes)."""
    match = _FLAGS.match(line)
    return {entry.group('flag'): entry.group('name').strip().lower().replace(' ', '-') for entry in _LEGEND_ENTRY.finditer(match.group('legend'))}


def _item_head(rest, legend):
    """(flags, comment, properties text) of an item's first line, after its number."""
    flags, text = set(), rest
    while text:
        token = text.split(None, 1)[0]
        if '=' in token or token.startswith(';;;') or not all(char in legend for char in token):
            break
        flags.update(token)
        text = text[len(token):].lstrip()
    if text.startswith(';;;'):
        return flags, text[3:].strip(), ''
    return flags, None, text


def parse_detail(text):
    """The items of ``print detail`` as rows of RouterOS text: ``{'name': 'lte1', 'running': 'true', ...}``.

    Every flag of the legend becomes a property (``true`` when the item shows it, else ``false``);
    a comment becomes ``comment``.
    """
    legend, items = {}, []
    for line in text.replace('\r\n', '\n').replace('\r', '\n').split('\n'):
        if not line.strip():
            continue
        if _FLAGS.match(line):
            legend = _legend(line)
            continue
        item = _ITEM.match(line)
        if item is not None:
            flags, comment, properties = _item_head(item.group('rest') or '', legend)
            items.append({'flags': flags, 'comment': comment, 'text': [properties]})
        elif items:
            items[-1]['text'].append(line.strip())
    rows = []
    for item in items:
        row = {name: 'true' if flag in item['flags'] else 'false' for flag, name in legend.items()}
        if item['comment'] is not None:
            row['comment'] = item['comment']
        row.update((match.group('key'), _value(match.group('value'))) for match in _PROPERTY.finditer(' '.join(item['text'])))
        rows.append(row)
    return rows


def error_of(text):
    """The console's error message in ``text`` (its first line that reads like one), or None."""
    for line in text.replace('\r', '\n').split('\n'):
        if any(needle in line.lower() for needle in CLI_ERRORS):
            return line.strip()
    return None


def cli_value(value):
    """A value for a command line to run: always in double quotes, with RouterOS escapes."""
    return quote_cli(str(value))


def shown_value(value):
    """A value as a command line shown to a person writes it: bare when it can be."""
    return value if _BARE.match(value) else quote_cli(value)


def command_line(menu, verb, target=None, values=(), secrets=(), shown=False):
    """``/interface lte set [find name="lte1"] allow-roaming=yes``; ``values`` are (name, text) pairs.

    ``shown``: the line for results, with secrets masked and values quoted only where needed; else
    the line to run.
    """
    words = ['/' + ' '.join(menu), verb]
    if target is not None:
        words.append('[find name=%s]' % (shown_value(target) if shown else cli_value(target)))
    for name, value in values:
        if shown:
            words.append('%s=%s' % (name, MASK if name in secrets and value else shown_value(value) if value else '""'))
        else:
            words.append('%s=%s' % (name, cli_value(value)))
    return ' '.join(words)
