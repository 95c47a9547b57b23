# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""AT command lines: what may be sent, how chained commands split, and how long each may take."""

from __future__ import annotations

import re

from ansible_collections.lte.modem.plugins.module_utils._at.tables import (
    COMMAND_TIMEOUTS,
    CONTROL_CHARACTER_NAMES,
    DEFAULT_COMMAND_TIMEOUT,
    ECHO_SETTING,
    MAX_COMMAND_LENGTH,
    READ_ONLY_PATTERNS,
)
from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError

_NAME_PATTERN = re.compile(r'^(?:AT)?([+^&][A-Z0-9]+|[A-Z])', re.IGNORECASE)


def validate_command(command, option='command'):
    """Refuse a command line that must not reach the modem.

    Raises:
        InvalidInputError: naming ``option`` when the command is empty, does not start with AT,
            holds a control or non-ASCII character, or is longer than a modem accepts.
    """
    if not isinstance(command, str) or not command.strip():
        raise InvalidInputError(option, command, 'an AT command is required')
    for position, char in enumerate(command):
        if ord(char) < 0x20 or ord(char) == 0x7F:
            name = CONTROL_CHARACTER_NAMES.get(char, 'control character 0x%02X' % ord(char))
            raise InvalidInputError(option, command, '%s at position %d; send one command line without line breaks' % (name, position))
        if ord(char) > 0x7E:
            raise InvalidInputError(option, command, 'non-ASCII character %r at position %d' % (char, position))
    if not command.upper().startswith('AT'):
        raise InvalidInputError(option, command, 'an AT command starts with "AT"')
    if len(command) > MAX_COMMAND_LENGTH:
        raise InvalidInputError(option, command, 'longer than %d characters' % MAX_COMMAND_LENGTH)
    return command


def split_chained(command):
    """Split ``AT+CGMI;+CGMM`` into its parts, respecting quoted strings."""
    parts, current, quoted = [], [], False
    for char in command:
        if char == '"':
            quoted = not quoted
        if char == ';' and not quoted:
            parts.append(''.join(current))
            current = []
            continue
        current.append(char)
    parts.append(''.join(current))
    return [part.strip() for part in parts if part.strip()]


def command_name(command):
    """Return the command name as answers prefix it: ``AT^SYSCFGEX?`` -> ``^SYSCFGEX``."""
    match = _NAME_PATTERN.match(command.strip())
    return match.group(1).upper() if match else command.strip().upper()


def is_read_only(command):
    """Tell whether every part of a command line only reads (queries, tests, identification)."""
    return all(any(pattern.match(part) for pattern in READ_ONLY_PATTERNS) for part in split_chained(command))


def timeout_for(command, timeout=None):
    """Seconds to wait for the answer to ``command``: ``timeout`` when the task set one, else the
    default, or longer for a command real modems take longer to answer."""
    if timeout is not None:
        return timeout
    for pattern, seconds in COMMAND_TIMEOUTS:
        if pattern.match(command):
            return seconds
    return DEFAULT_COMMAND_TIMEOUT


def changes_echo(command):
    """Whether a successful ``command`` may have turned the port's echo on or off (ATE, ATZ, AT&F)."""
    return any(ECHO_SETTING.match(part) for part in split_chained(command))


def quoted(value):
    """``value`` as an AT string constant: in double quotes, with a backslash and a double quote
    written as the hexadecimal escapes ``\\5C`` and ``\\22`` that V.250 defines for string constants."""
    return '"%s"' % value.replace('\\', '\\5C').replace('"', '\\22')
