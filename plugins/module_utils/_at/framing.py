# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""Response framing: the lines received for one command line -> an AtResult.

Framing works on lines, so that the same code serves a byte stream (serial) and a block of
text returned at once (RouterOS at-chat). ``Reply`` consumes lines until a final result
code arrives and separates echo, unsolicited result codes and noise from the answer.
"""

from __future__ import annotations

import re

from ansible_collections.lte.modem.plugins.module_utils._at.commands import command_name, split_chained
from ansible_collections.lte.modem.plugins.module_utils._at.tables import (
    ANSWER_ALIASES,
    CME_ERRORS,
    CMS_ERRORS,
    FINAL_RESULT_MEANINGS,
    FINAL_RESULT_PREFIXES,
    FINAL_RESULTS,
    URC_LINES,
    URC_PREFIXES,
)
from ansible_collections.lte.modem.plugins.module_utils._errors import AtCommandError


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


def is_urc(text):
    """Whether a line is one a modem sends on its own (``^RSSI:20``, ``RING``)."""
    upper = text.upper()
    return upper in URC_LINES or upper.startswith(URC_PREFIXES)


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
    """Frames the answer to one command line, fed one received line at a time.

    With ``expect_echo`` (the port echoes commands), lines before the echo of this command belong
    to something earlier: an unsolicited result code is kept as one, anything else (a late answer,
    a stray final result) is set aside and never taken for this answer.
    """

    def __init__(self, command, expect_echo=False):
        self.command = command
        self.expect_echo = expect_echo
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

    @property
    def echoed(self):
        """Whether the echo of this command was seen."""
        return self._seen_echo

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
        if self.expect_echo and not self._seen_echo:
            (self._urcs if self._is_urc(text) else self._noise).append(text)
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

    def feed_block(self, text):
        """Consume the whole text one request returned.

        A final result followed by more answer lines in the same block ended an earlier answer
        (the rest of a command that timed out): framing starts again after it.
        """
        for line in re.split(r'\r\n|\r|\n', text):
            stripped = line.strip()
            if self.complete and stripped and not self._is_urc(stripped):
                stale = self._received + [line]
                self.restart()
                self._noise.extend(item.strip() for item in stale[:-1] if item.strip())
            self.feed(line)

    def _is_urc(self, text):
        return not text.upper().startswith(self._answer_prefixes) and is_urc(text)

    def result(self, shown=None):
        """The AtResult, its command shown as ``shown`` (the line with its secrets masked)."""
        final, error_type, code, meaning = self._final
        return AtResult(shown or self.command, self._lines, final, error_type, code, meaning, self._urcs, self._noise)
