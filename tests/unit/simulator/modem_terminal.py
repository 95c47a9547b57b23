# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A line-oriented AT terminal on a simulator link, and waits that end on an event, not on a clock."""

from __future__ import annotations

import re
import time

from ansible_collections.lte.modem.plugins.module_utils._poll import poll_until

FINAL = re.compile(r"\r\n(OK|ERROR|\+CME ERROR: [^\r]*|\+CMS ERROR: [^\r]*|COMMAND NOT SUPPORT|TOO MANY PARAMETERS|NO CARRIER|CONNECT[^\r]*)\r\n")
# Generous bound for anything the tests wait for: CI machines are loaded. A test never
# waits this long unless it is about to fail.
TIMEOUT = 10.0


def has_final(data: bytes) -> bool:
    """True once the bytes hold a final result code."""
    return bool(FINAL.search(data.decode("latin-1")))


class Terminal:
    """Sends one command and reads until a final result, like a minimal AT client."""

    def __init__(self, link):
        self.link = link

    def raw(self, line: str, timeout: float = TIMEOUT) -> bytes:
        """Everything received up to and including the final result."""
        self.link.write(line.encode("latin-1") + b"\r")
        return self.read_until_final(timeout)

    def read_until_final(self, timeout: float = TIMEOUT) -> bytes:
        """Read until a final result code arrives (or timeout)."""
        return self.until(has_final, timeout=timeout)

    def until(self, expected, data: bytes = b"", timeout: float = TIMEOUT) -> bytes:
        """Read until `expected` (bytes, or a predicate on all bytes so far) holds; returns data plus what was read."""
        done = expected if callable(expected) else (lambda received: expected in received)
        deadline = time.monotonic() + timeout
        while not done(data) and (remaining := deadline - time.monotonic()) > 0:
            data += self.link.read(remaining)
            if self.link.closed:
                data += self.link.read(0)
                break
        return data

    def lines(self, line: str, timeout: float = TIMEOUT) -> list:
        """Non-empty lines of the answer, echo included when echo is on."""
        return [part for part in self.raw(line, timeout).decode("latin-1").split("\r\n") if part]

    def answer(self, line: str, timeout: float = TIMEOUT) -> list:
        """Answer lines without the echo."""
        lines = self.lines(line, timeout)
        if lines and lines[0].startswith(line + "\r"):
            lines[0] = lines[0][len(line) + 1:]
            if not lines[0]:
                lines.pop(0)
        return lines

    def next_bytes(self, line: str) -> bytes:
        """Send a line and return every byte up to its final result.

        Proves that nothing else (a late answer, a stray URC) arrived before it: the
        modem answers in order, so anything pending would come first.
        """
        return self.raw(line)


def wait_for(predicate, timeout: float = TIMEOUT) -> bool:
    """Wait until predicate() is true (the event happened); False after the generous bound."""
    return poll_until(lambda: True if predicate() else None, timeout, 0.01) is True


def wait_reboot(modem, link) -> bool:
    """After AT^RESET: the port goes away first, then the modem comes back up."""
    return link.wait_closed(TIMEOUT) and modem.wait_ready(TIMEOUT)
