# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Fixtures for the modem emulator tests: fast knobs and a line-oriented terminal on a link."""

from __future__ import annotations

import os
import re
import sys
import time

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from simulator.modem import Knobs, SimulatedModem  # noqa: E402  pylint: disable=wrong-import-position

FINAL = re.compile(r"\r\n(OK|ERROR|\+CME ERROR: [^\r]*|\+CMS ERROR: [^\r]*|COMMAND NOT SUPPORT|TOO MANY PARAMETERS|NO CARRIER|CONNECT[^\r]*)\r\n")


class Terminal:
    """Sends one command and reads until a final result, like a minimal AT client."""

    def __init__(self, link):
        self.link = link

    def raw(self, line: str, timeout: float = 2.0) -> bytes:
        """Everything received up to and including the final result."""
        self.link.write(line.encode("latin-1") + b"\r")
        return self.read_until_final(timeout)

    def read_until_final(self, timeout: float = 2.0) -> bytes:
        """Read until a final result code arrives (or timeout)."""
        deadline = time.monotonic() + timeout
        data = b""
        while time.monotonic() < deadline:
            data += self.link.read(0.05)
            if FINAL.search(data.decode("latin-1")):
                return data
        return data

    def lines(self, line: str, timeout: float = 2.0) -> list:
        """Non-empty lines of the answer, echo included when echo is on."""
        return [part for part in self.raw(line, timeout).decode("latin-1").split("\r\n") if part]

    def answer(self, line: str, timeout: float = 2.0) -> list:
        """Answer lines without the echo."""
        lines = self.lines(line, timeout)
        if lines and lines[0].startswith(line + "\r"):
            lines[0] = lines[0][len(line) + 1:]
            if not lines[0]:
                lines.pop(0)
        return lines

    def drain(self, seconds: float = 0.1) -> bytes:
        """Whatever arrives within the next seconds."""
        deadline = time.monotonic() + seconds
        data = b""
        while time.monotonic() < deadline:
            data += self.link.read(0.02)
        return data


def fast_knobs(**overrides) -> Knobs:
    """Knobs with short delays for tests."""
    values = {"reboot_delay": 0.05, "connect_delay": 0.05}
    values.update(overrides)
    return Knobs(**values)


@pytest.fixture
def make_modem():
    """Factory: make_modem(profile, **knobs) → (modem, terminal); closed after the test."""
    modems = []

    def factory(profile="ME906s-158", state_file=None, seed=1, **knobs):
        modem = SimulatedModem(profile=profile, knobs=fast_knobs(**knobs), state_file=state_file, seed=seed)
        modems.append(modem)
        return modem, Terminal(modem.connect())

    yield factory
    for modem in modems:
        modem.close()
