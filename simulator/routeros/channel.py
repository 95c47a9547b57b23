# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The modem's AT port as RouterOS owns it: one port shared by the router's own commands and at-chat."""

from __future__ import annotations

import re
import threading
import time
from typing import Any, Callable

FINAL_RESULTS = ("OK", "ERROR", "NO CARRIER", "NO DIALTONE", "BUSY", "NO ANSWER", "COMMAND NOT SUPPORT", "TOO MANY PARAMETERS")
FINAL_PREFIXES = ("+CME ERROR", "+CMS ERROR")
INIT_TIMEOUT = 2.0
QUERY_TIMEOUT = 2.0

_LINE_SPLIT = re.compile(r"\r\n|\n|\r")


def is_final(line: str) -> bool:
    """True for a final result code line."""
    line = line.strip()
    return line in FINAL_RESULTS or line.startswith(FINAL_PREFIXES)


def text_lines(data: bytes) -> list[str]:
    """Non-empty lines of raw modem bytes (decoded losslessly)."""
    text = data.decode("utf-8", "surrogateescape")
    return [line for line in _LINE_SPLIT.split(text) if line.strip()]


class ModemChannel:
    """The AT port RouterOS keeps open for one LTE interface.

    Opening the port initialises the modem as RouterOS does: echo off (``ATE0``), then the interface's
    ``modem-init`` line, if any. The port is opened on first use, again after the modem came back from
    a reset (the old port is gone), and when the interface is enabled. Calls are serialised: RouterOS'
    own polling and every at-chat user share the one port.
    """

    def __init__(self, modem: Callable[[], Any], init_lines: Callable[[], list[str]], chunk_gap: float = 0.05):
        self._modem = modem
        self._init_lines = init_lines
        self.chunk_gap = chunk_gap
        self.lock = threading.Lock()
        self._initialised = threading.Condition(self.lock)
        self.initialisations = 0
        self._link: Any = None

    @property
    def is_open(self) -> bool:
        """True while the router holds an open port."""
        return self._link is not None and not getattr(self._link, "closed", False)

    @property
    def link(self) -> Any:
        """The open link, opened and initialised on demand (call with ``lock`` held)."""
        if not self.is_open:
            self._link = self._modem().connect()
            self._initialise()
        return self._link

    def open(self) -> None:
        """Open and initialise the port now, unless it is open already (the modem may be unavailable: ConnectionError)."""
        with self.lock:
            dummy = self.link

    def restart(self) -> None:
        """Initialise the modem now: again on the open port, or by opening it (ConnectionError while it is unavailable)."""
        with self.lock:
            if self.is_open:
                self._initialise()
            else:
                dummy = self.link

    def wait_initialised(self, count: int, timeout: float) -> bool:
        """Block until the port was initialised ``count`` times in all; False on timeout."""
        with self._initialised:
            return self._initialised.wait_for(lambda: self.initialisations >= count, timeout)

    def close(self) -> None:
        """Close the modem link."""
        with self.lock:
            if self.is_open:
                self._link.close()
            self._link = None

    def _initialise(self) -> None:
        for line in ["ATE0", *self._init_lines()]:
            self._drain()
            self._link.write(line.encode("utf-8", "surrogateescape") + b"\r")
            self._read_until_final(INIT_TIMEOUT)
        self.initialisations += 1
        self._initialised.notify_all()

    def _drain(self) -> None:
        # RouterOS reads the port all the time, so URCs that arrived between two calls are not
        # returned by the next at-chat.
        while self._link.read(0.001):
            pass

    def _read_until_final(self, timeout: float) -> bytes:
        deadline = time.monotonic() + timeout
        data = b""
        while (remaining := deadline - time.monotonic()) > 0:
            data += self._link.read(remaining)
            if any(is_final(line) for line in text_lines(data)):
                break
        return data

    def _read_for(self, seconds: float) -> bytes:
        deadline = time.monotonic() + seconds
        data = b""
        while (remaining := deadline - time.monotonic()) > 0:
            data += self._link.read(remaining)
        return data

    def _read_first_chunk(self, first_timeout: float) -> bytes:
        data = self._link.read(first_timeout)
        if not data:
            return b""
        while chunk := self._link.read(self.chunk_gap):
            data += chunk
        return data

    def chat(self, data: bytes, wait: bool, wait_seconds: float) -> bytes:
        """What at-chat sends (the input, then CR) and the raw bytes it collects.

        ``wait=yes`` always collects for ``wait_seconds``; without it only the first chunk is returned,
        if it comes within ``wait_seconds`` (a slow or multi-part answer is cut, or empty).
        """
        data = data.split(b"\x00", 1)[0]  # the input is NUL-terminated on the router
        with self.lock:
            link = self.link
            self._drain()
            link.write(data + b"\r")
            if wait:
                return self._read_for(wait_seconds)
            return self._read_first_chunk(wait_seconds)

    def query(self, command: str, timeout: float = QUERY_TIMEOUT) -> list[str]:
        """RouterOS' own polling: one command, its answer lines up to the final result code."""
        with self.lock:
            link = self.link
            self._drain()
            link.write(command.encode("ascii") + b"\r")
            return text_lines(self._read_until_final(timeout))
