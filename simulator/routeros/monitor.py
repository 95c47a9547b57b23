# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""``/interface lte monitor`` (RouterOS 7) and ``info`` (RouterOS 6): fields the router gets by asking the modem.

Only read-only commands are sent, on the port the router shares with at-chat, when someone asks.
"""

from __future__ import annotations

from .channel import ModemChannel, is_final
from .session import REGISTRATION_STATUS

_PIN_STATUS = {"READY": "no password required", "SIM PIN": "pin required", "SIM PUK": "puk required"}
_FUNCTIONALITY = {"0": "minimum", "1": "full", "4": "flight-mode", "5": "factory-test", "7": "sim-off"}
_ACCESS_V6 = {"0": "GSM", "2": "3G", "3": "GSM EDGE", "4": "3G HSDPA", "5": "3G HSUPA", "6": "3G HSDPA & HSUPA", "7": "Evolved 3G (LTE)"}
_ACCESS_V7 = {"0": "GSM", "2": "3G", "3": "EDGE", "4": "HSDPA", "5": "HSUPA", "6": "HSPA", "7": "LTE"}
# name, command, answer prefix (None: the answer is a bare line)
_IDENTIFIERS = (("imei", "AT+CGSN", None), ("imsi", "AT+CIMI", None))
_PRODUCT = (("manufacturer", "AT+CGMI"), ("model", "AT+CGMM"), ("revision", "AT+CGMR"))


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


def registration_stat(channel: ModemChannel) -> str | None:
    """The modem's +CREG stat (``"1"`` home, ``"5"`` roaming …), None when it gives none."""
    creg = _fields(_answer(channel.query("AT+CREG?"), "+CREG:"))
    return creg[1] if len(creg) >= 2 else None


class InfoCollector:
    """Builds an info/monitor row for one interface by asking its modem (read-only commands only)."""

    def __init__(self, channel: ModemChannel, v7: bool, operator_override: str | None = None):
        self.channel = channel
        self.v7 = v7
        self.operator_override = operator_override
        self.stat: str | None = None

    def ask(self, command: str) -> list[str]:
        """One polling command, its answer lines."""
        return self.channel.query(command)

    def collect(self) -> dict[str, str]:
        """The whole row; ``stat`` holds the +CREG stat afterwards."""
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
        for key, command in _PRODUCT:
            value = _plain(self.ask(command))
            if value:
                row[key] = value

    def _registration(self, row: dict[str, str]) -> None:
        cops = _fields(_answer(self.ask("AT+COPS?"), "+COPS:"))
        if len(cops) >= 3 and cops[2]:
            row["current-operator"] = self.operator_override or cops[2]
        creg = _fields(_answer(self.ask("AT+CREG?"), "+CREG:"))
        if len(creg) >= 2:
            self.stat = creg[1]
            if self.v7:
                row["registration-status"] = REGISTRATION_STATUS.get(creg[1], creg[1])
            if len(creg) >= 4:
                row["lac"] = str(int(creg[2], 16)) if creg[2] else ""
                row["current-cellid"] = str(int(creg[3], 16)) if creg[3] else ""
        if len(cops) >= 4:
            table = _ACCESS_V7 if self.v7 else _ACCESS_V6
            row["access-technology"] = table.get(cops[3], cops[3])
        identifiers = _IDENTIFIERS + (("iccid" if self.v7 else "uicc", "AT^ICCID?", "^ICCID:"),)
        for key, command, prefix in identifiers:
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
