# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The AT protocol: command validation, response framing and the command client.

Framing works on lines, so that the same code serves a byte stream (serial) and a block of
text returned at once (RouterOS at-chat). ``Reply`` consumes lines until a final result
code arrives and separates echo, unsolicited result codes and noise from the answer.
"""

from __future__ import annotations

import re

from ansible_collections.lte.modem.plugins.module_utils._at.tables import (
    ANSWER_ALIASES,
    CME_ERRORS,
    CMS_ERRORS,
    COMMAND_TIMEOUTS,
    CONTROL_CHARACTER_NAMES,
    DEFAULT_COMMAND_TIMEOUT,
    FINAL_RESULT_MEANINGS,
    FINAL_RESULT_PREFIXES,
    FINAL_RESULTS,
    MAX_COMMAND_LENGTH,
    READ_ONLY_PATTERNS,
    URC_LINES,
    URC_PREFIXES,
)
from ansible_collections.lte.modem.plugins.module_utils._errors import (
    AtCommandError,
    InvalidInputError,
)

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


def timeout_for(command, default=None):
    """Return the timeout for a command: the longest of the default and its known duration."""
    timeout = DEFAULT_COMMAND_TIMEOUT if default is None else default
    for pattern, seconds in COMMAND_TIMEOUTS:
        if pattern.match(command):
            return max(timeout, seconds)
    return timeout


def classify_final(line):
    """Return ``(error_type, code, meaning)`` if ``line`` is a final result code, else None."""
    if line in FINAL_RESULTS:
        error_type = FINAL_RESULTS[line]
        return error_type, None, FINAL_RESULT_MEANINGS.get(error_type)
    for prefix, error_type in FINAL_RESULT_PREFIXES.items():
        if line.startswith(prefix):
            if error_type is None:
                return None, None, None
            value = line[len(prefix):].strip()
            table = CME_ERRORS if error_type == 'cme' else CMS_ERRORS
            if value.isdigit():
                code = int(value)
                return error_type, code, table.get(code, 'unknown error code %d' % code)
            # +CMEE=2 prints the text itself; find its number so playbooks can branch on it.
            code = _code_for_text(table, value)
            return error_type, code, value
    return None


def _code_for_text(table, text):
    wanted = _squash(text)
    for code, meaning in table.items():
        if _squash(meaning) == wanted:
            return code
    return None


def _squash(text):
    return re.sub(r'[^a-z0-9]', '', text.lower())


def _is_noise(line):
    return '\ufffd' in line or any(ord(char) < 0x20 for char in line)


class AtResult:
    """The structured result of one command line."""

    __slots__ = ('command', 'lines', 'final', 'error_type', 'error_code', 'error_text', 'urcs', 'noise')

    def __init__(self, command, lines, final, error_type=None, error_code=None, error_text=None, urcs=None, noise=None):
        self.command = command
        self.lines = list(lines)
        self.final = final
        self.error_type = error_type
        self.error_code = error_code
        self.error_text = error_text
        self.urcs = list(urcs or [])
        self.noise = list(noise or [])

    @property
    def ok(self):
        return self.error_type is None

    def raise_for_error(self):
        """Return self when the command succeeded.

        Raises:
            AtCommandError: when the final result is an error.
        """
        if not self.ok:
            raise AtCommandError(self)
        return self

    def as_dict(self):
        data = {
            'command': self.command,
            'lines': self.lines,
            'final': self.final,
            'ok': self.ok,
        }
        if not self.ok:
            data.update(error_type=self.error_type, error_code=self.error_code, error_text=self.error_text)
        return data

    def __repr__(self):
        return 'AtResult(%r, %r, %r)' % (self.command, self.lines, self.final)


class Reply:
    """Frames the answer to one command line, fed one received line at a time."""

    def __init__(self, command):
        self.command = command
        self._answer_prefixes = self._prefixes_answering(command)
        self.restart()

    def restart(self):
        """Forget what was fed, to frame a complete second copy of the same answer."""
        self._received = []
        self._lines = []
        self._urcs = []
        self._noise = []
        self._final = None
        self._seen_echo = False

    @staticmethod
    def _prefixes_answering(command):
        prefixes = []
        for part in split_chained(command):
            name = command_name(part)
            prefixes.append(name + ':')
            prefixes.extend(ANSWER_ALIASES.get(name, ()))
        return tuple(prefix.upper() for prefix in prefixes)

    @property
    def complete(self):
        return self._final is not None

    def raw_text(self):
        """Return everything received so far, for error messages."""
        return '\n'.join(line for line in self._received if line.strip())

    def feed(self, line):
        """Consume one line (without its line ending). Lines after the final result are URCs."""
        self._received.append(line)
        text = line.strip()
        if not text:
            return
        if self.complete:
            self._urcs.append(text)
            return
        if not self._seen_echo and not self._lines and text.upper() == self.command.strip().upper():
            self._seen_echo = True
            return
        final = classify_final(text)
        if final is not None:
            self._final = (text,) + final
            return
        if _is_noise(text):
            self._noise.append(text)
        elif self._is_urc(text):
            self._urcs.append(text)
        else:
            self._lines.append(text)

    def feed_text(self, text):
        """Consume a block of text, splitting it on any line ending."""
        for line in re.split(r'\r\n|\r|\n', text):
            self.feed(line)

    def _is_urc(self, text):
        upper = text.upper()
        if upper.startswith(self._answer_prefixes):
            return False
        return upper in URC_LINES or upper.startswith(URC_PREFIXES)

    def result(self):
        final, error_type, code, meaning = self._final
        return AtResult(self.command, self._lines, final, error_type, code, meaning, self._urcs, self._noise)


class AtClient:
    """Sends validated command lines over a transport and returns ``AtResult`` objects.

    ``history`` records every command line handed to the transport, in order, so that
    modules can report exactly what was sent.
    """

    def __init__(self, transport, timeout=None):
        self.transport = transport
        self.timeout = timeout
        self.history = []

    def run(self, command, timeout=None):
        """Send one command line and return its result, whatever the final result code.

        Raises:
            InvalidInputError: before sending, when the command line is not acceptable.
            AtTimeoutError, TransportError: from the transport.
        """
        validate_command(command)
        reply = Reply(command)
        self.history.append(command)
        self.transport.exchange(command, reply, timeout or timeout_for(command, self.timeout))
        return reply.result()

    def check(self, command, timeout=None):
        """Send one command line and return its result.

        Raises:
            AtCommandError: when the modem answers with an error.
        """
        return self.run(command, timeout).raise_for_error()

    def close(self):
        self.transport.close()
