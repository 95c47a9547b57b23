# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The router side of an LTE interface: the modem's AT port as RouterOS owns it, and the interface's settings."""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any

FINAL_RESULTS = ("OK", "ERROR", "NO CARRIER", "NO DIALTONE", "BUSY", "NO ANSWER", "COMMAND NOT SUPPORT", "TOO MANY PARAMETERS")
FINAL_PREFIXES = ("+CME ERROR", "+CMS ERROR")

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

    RouterOS owns the port and runs it with echo off: the first use sends ``ATE0``
    and drains the answer. Calls are serialised, as on a router where every user shares one port.
    """

    def __init__(self, modem: Any, chunk_gap: float = 0.05):
        self.modem = modem
        self.chunk_gap = chunk_gap
        self.lock = threading.Lock()
        self._link: Any = None

    @property
    def link(self) -> Any:
        """The open link, (re)opened and initialised on demand."""
        if self._link is None or getattr(self._link, "closed", False):
            self._link = self.modem.connect()
            self._link.write(b"ATE0\r")
            self._read_until_final(2.0)
        return self._link

    def close(self) -> None:
        """Close the modem link."""
        with self.lock:
            if self._link is not None and not getattr(self._link, "closed", False):
                self._link.close()
            self._link = None

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

        ``wait=yes`` always collects for the whole wait time; without it only the first chunk is
        returned (a slow or multi-part answer is cut, or empty when nothing came in time).
        """
        data = data.split(b"\x00", 1)[0]  # the input is NUL-terminated on the router
        with self.lock:
            link = self.link
            self._drain()
            link.write(data + b"\r")
            if wait:
                return self._read_for(wait_seconds)
            return self._read_first_chunk(wait_seconds)

    def query(self, command: str, timeout: float = 2.0) -> list[str]:
        """RouterOS' own polling: one command, its answer lines up to the final result code."""
        with self.lock:
            link = self.link
            self._drain()
            link.write(command.encode("ascii") + b"\r")
            return text_lines(self._read_until_final(timeout))


@dataclass
class LteInterface:
    """One ``/interface lte`` item and the modem behind it."""

    number: int
    name: str
    modem: Any
    settings: dict[str, str] = field(default_factory=dict)
    channel: ModemChannel = field(init=False)

    DEFAULTS = {
        "mtu": "1500",
        "allow-roaming": "false",
        "apn-profiles": "default",
        "band": "",
        "network-mode": "3g,lte",
        "modem-init": "",
        "pin": "",
        "sms-read": "false",
        "disabled": "false",
        "comment": "",
    }
    BOOLEANS = ("allow-roaming", "sms-read", "disabled")

    def __post_init__(self) -> None:
        self.channel = ModemChannel(self.modem)
        self.settings = {**self.DEFAULTS, **self.settings}
        self.default_name = self.name

    @property
    def id(self) -> str:
        """Internal id: ``*`` and upper-case hex."""
        return f"*{self.number:X}"

    def row(self) -> dict[str, str]:
        """The print row; ``comment`` only when set, as RouterOS does."""
        disabled = self.settings["disabled"] == "true"
        running = not disabled and getattr(self.modem, "is_up", True) and getattr(self.modem, "has_at_port", True)
        row = {
            ".id": self.id,
            "name": self.name,
            "default-name": self.default_name,
            **{key: value for key, value in self.settings.items() if key not in ("comment", "pin")},
            "running": "true" if running else "false",
            "inactive": "false",
        }
        if self.settings.get("comment"):
            row["comment"] = self.settings["comment"]
        return row


# ----------------------------------------------------------------------------------------------
# info / monitor: fields derived by asking the modem, as RouterOS polls it.

_PIN_STATUS = {"READY": "no password required", "SIM PIN": "pin required", "SIM PUK": "puk required"}
_FUNCTIONALITY = {"0": "minimum", "1": "full", "4": "flight-mode", "5": "factory-test", "7": "sim-off"}
_ACCESS_V6 = {"0": "GSM", "2": "3G", "3": "GSM EDGE", "4": "3G HSDPA", "5": "3G HSUPA", "6": "3G HSDPA & HSUPA", "7": "Evolved 3G (LTE)"}
_ACCESS_V7 = {"0": "GSM", "2": "3G", "3": "EDGE", "4": "HSDPA", "5": "HSUPA", "6": "HSPA", "7": "LTE"}
_REGISTRATION = {"0": "not registered", "1": "registered", "2": "searching", "3": "denied", "4": "unknown", "5": "roaming"}


def _answer(lines: list[str], prefix: str) -> str | None:
    for line in lines:
        if line.startswith(prefix):
            return line[len(prefix):].strip()
    return None


def _plain(lines: list[str]) -> str | None:
    body = [line.strip() for line in lines if not is_final(line) and not line.startswith(("^", "+"))]
    return body[0] if body else None


def _fields(text: str | None) -> list[str]:
    return [part.strip().strip('"') for part in text.split(",")] if text else []


class InfoCollector:
    """Builds an info/monitor row for one interface by asking its modem (read-only commands only)."""

    def __init__(self, lte: LteInterface, v7: bool, operator_override: str | None = None):
        self.lte = lte
        self.v7 = v7
        self.operator_override = operator_override

    def ask(self, command: str) -> list[str]:
        """One polling command, its answer lines."""
        return self.lte.channel.query(command)

    def collect(self) -> dict[str, str]:
        """The whole row."""
        row: dict[str, str] = {}
        self._identity(row)
        self._registration(row)
        self._signal(row)
        return row

    def _identity(self, row: dict[str, str]) -> None:
        pin = _answer(self.ask("AT+CPIN?"), "+CPIN:")
        if pin is not None:
            row["pin-status"] = _PIN_STATUS.get(pin, pin.lower())
        cfun = _fields(_answer(self.ask("AT+CFUN?"), "+CFUN:"))
        if cfun:
            row["functionality"] = _FUNCTIONALITY.get(cfun[0], cfun[0])
        for key, command in (("manufacturer", "AT+CGMI"), ("model", "AT+CGMM"), ("revision", "AT+CGMR")):
            value = _plain(self.ask(command))
            if value:
                row[key] = value

    def _registration(self, row: dict[str, str]) -> None:
        cops = _fields(_answer(self.ask("AT+COPS?"), "+COPS:"))
        if len(cops) >= 3 and cops[2]:
            row["current-operator"] = self.operator_override or cops[2]
        creg = _fields(_answer(self.ask("AT+CREG?"), "+CREG:"))
        if len(creg) >= 2:
            if self.v7:
                row["registration-status"] = _REGISTRATION.get(creg[1], creg[1])
            if len(creg) >= 4:
                row["lac"] = str(int(creg[2], 16)) if creg[2] else ""
                row["current-cellid"] = str(int(creg[3], 16)) if creg[3] else ""
        if len(cops) >= 4:
            table = _ACCESS_V7 if self.v7 else _ACCESS_V6
            row["access-technology"] = table.get(cops[3], cops[3])
        if self.v7 and len(creg) >= 2:
            row["status"] = "connected" if creg[1] in ("1", "5") else "searching"
        for key, command, prefix in (("imei", "AT+CGSN", None), ("imsi", "AT+CIMI", None), ("iccid" if self.v7 else "uicc", "AT^ICCID?", "^ICCID:")):
            lines = self.ask(command)
            value = _answer(lines, prefix) if prefix else _plain(lines)
            if value:
                row[key] = value.strip('"')

    def _signal(self, row: dict[str, str]) -> None:
        csq = _fields(_answer(self.ask("AT+CSQ"), "+CSQ:"))
        if csq and csq[0].isdigit() and csq[0] != "99":
            row["rssi"] = str(-113 + 2 * int(csq[0]))
        hcsq = _fields(_answer(self.ask("AT^HCSQ?"), "^HCSQ:"))
        if len(hcsq) >= 5 and hcsq[0] == "LTE" and all(part.isdigit() for part in hcsq[1:5]):
            rssi, rsrp, sinr, rsrq = (int(part) for part in hcsq[1:5])
            row["rssi"] = str(-120 + rssi)
            row["rsrp"] = str(-140 + rsrp)
            row["rsrq"] = f"{round(-19.5 + rsrq * 0.5, 1):g}"
            row["sinr"] = f"{round(-20 + sinr * 0.2, 1):g}"
