# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A simulated MikroTik router: configuration, LTE interfaces backed by simulated modems, fault knobs.

The router model is shared by the API server (``api_session``) and the SSH CLI (``cli``); it knows
nothing about either wire format.
"""

from __future__ import annotations

import re
import threading
import time
from typing import Any

from .apn import ApnProfiles
from .channel import text_lines
from .errors import CATEGORY_GENERAL, MODEM_GONE, CommandError
from .lte import LteInterface, lte_properties
from .menus import boolean, find_item
from .monitor import InfoCollector, registration_stat
from .session import Session, SessionFacts, accepted_apns, session_of

_COPS_NAME = re.compile(r'(\+COPS: *\d+ *, *\d+ *, *")([^"]*)(")')
_RAW_TRIM = re.compile(r"^[\r\n]+|[\r\n]+$")
LOGIN_STYLES = ("plain", "legacy", "pre643")


def format_uptime(seconds: float) -> str:
    """RouterOS duration: ``4d15h20m38s``."""
    seconds = int(seconds)
    parts = []
    for unit, size in (("w", 604800), ("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            parts.append(f"{seconds // size}{unit}")
            seconds %= size
    parts.append(f"{seconds}s")
    return "".join(parts)


def parse_bool(name: str, value: str) -> str:
    """An API/CLI boolean to RouterOS' returned form (it accepts yes/true/no/false and returns true/false)."""
    return boolean(name, value)


class SimulatedRouter:  # pylint: disable=too-many-instance-attributes
    """A MikroTik router with LTE interfaces. Fault knobs are plain attributes, mutable at runtime.

    ``lte`` maps interface names to modems, or to zero-argument functions that make the modem on first use.
    """

    def __init__(  # pylint: disable=too-many-arguments
        self,
        identity: str = "MikroTik",
        version: str = "7.15.3 (stable)",
        board_name: str = "RB953GS-5HnT",
        users: dict[str, str] | None = None,
        lte: dict[str, Any] | None = None,
        *,
        login_style: str = "plain",
        empty_replies: bool = True,
        at_chat_wait: float = 3.0,
        at_chat_latency: float = 0.0,
        first_chunk_timeout: float | None = None,
        output_separator: str = "\r\n",
        keep_empty_lines: bool | None = None,
        routerboard: bool = True,
        authorized_keys: dict[str, list[Any]] | None = None,
        lte_settings: dict[str, str] | None = None,
    ):
        if login_style not in LOGIN_STYLES:
            raise ValueError(f"login_style must be one of {LOGIN_STYLES}")
        self.identity = identity
        self.version = version
        self.board_name = board_name
        self.users = dict(users if users is not None else {"admin": "secret"})
        self.authorized_keys = dict(authorized_keys or {})
        self.login_style = login_style
        self.empty_replies = empty_replies
        self.at_chat_wait = at_chat_wait
        self.at_chat_latency = at_chat_latency
        # how long at-chat without wait waits for the modem's first chunk (None: as long as wait=yes lasts)
        self.first_chunk_timeout = first_chunk_timeout
        self.output_separator = output_separator
        # RouterOS 6 kept the modem frame's empty line inside the value, 7 shows none
        self.keep_empty_lines = self.major < 7 if keep_empty_lines is None else keep_empty_lines
        self.routerboard = routerboard
        self.apn = ApnProfiles()
        self.lte_properties = lte_properties(self.major, self.apn.names)
        # lte_settings: what every LTE interface is configured with at start ({"allow-roaming": "yes"}); RouterOS' defaults otherwise
        self.interfaces = [LteInterface(number, name, modem, self.lte_properties, lte_settings)
                           for number, (name, modem) in enumerate((lte or {}).items(), start=1)]
        self.started = time.monotonic()
        self.log: list[str] = []
        self.cli_log: list[str] = []
        self._log_lock = threading.Lock()
        # fault knobs
        self.drop_connection_on: set[str] = set()
        self.api_silence = False
        self.malformed_reply: str | bool | None = None
        self.non_ascii_output: str | None = None
        self.no_at_chat = False
        self.missing_interface = False

    # --- facts -------------------------------------------------------------------------------

    @property
    def major(self) -> int:
        """RouterOS major version (6 or 7)."""
        return int(self.version.split(".", 1)[0])

    @property
    def v7(self) -> bool:
        """True for RouterOS 7 and later."""
        return self.major >= 7

    def record(self, entry: str) -> None:
        """Append an entry to the API log (already redacted)."""
        with self._log_lock:
            self.log.append(entry)

    def check_password(self, user: str, password: str) -> bool:
        """True when the user exists and the password matches."""
        return user in self.users and self.users[user] == password

    def close(self) -> None:
        """Close the modem ports the router holds."""
        for lte in self.interfaces:
            lte.close()

    # --- LTE -----------------------------------------------------------------------------------

    def lte_interfaces(self) -> list[LteInterface]:
        """The LTE interfaces the router shows (none with missing_interface)."""
        return [] if self.missing_interface else self.interfaces

    def find_lte(self, ref: str, positions: bool = False) -> LteInterface:
        """An interface by internal id (``*1``) or name, or (``positions``) 0-based print position; ``no such item`` otherwise."""
        return find_item(self.lte_interfaces(), ref, positions)

    def format_output(self, raw: bytes) -> str:
        """at-chat ``output`` value from the raw modem bytes (no leading/trailing CR LF: ``AT`` gives exactly ``OK``)."""
        text = raw.decode("utf-8", "surrogateescape")
        if self.non_ascii_output:
            text = _COPS_NAME.sub(lambda match: match.group(1) + self.non_ascii_output + match.group(3), text)
        if self.keep_empty_lines:
            return _RAW_TRIM.sub("", text)
        return self.output_separator.join(text_lines(text.encode("utf-8", "surrogateescape")))

    def at_chat(self, lte: LteInterface, data: bytes, wait: bool) -> str:
        """Run at-chat on an interface and return the output value."""
        if self.at_chat_latency:
            time.sleep(self.at_chat_latency)
        try:
            seconds = self.at_chat_wait if wait or self.first_chunk_timeout is None else self.first_chunk_timeout
            return self.format_output(lte.channel.chat(data, wait, seconds))
        except ConnectionError as error:
            # the real router's answer while the modem is gone (rebooting, no AT port) is not documented
            raise CommandError((MODEM_GONE, CATEGORY_GENERAL)) from error

    def dial_apn(self, lte: LteInterface) -> str | None:
        """The APN the router dials: the first APN profile's (RouterOS 7) or the interface's own (6); None without one."""
        if not self.v7:
            return lte.settings.get("apn")
        names = [name for name in lte.settings.get("apn-profiles", "").split(",") if name]
        profile = self.apn.get(names[0]) if names else None
        return profile.apn if profile is not None else None

    def session(self, lte: LteInterface) -> Session:
        """The router's data session on an interface, asking the modem for its registration."""
        return self._session(lte, self._registration(lte))

    @staticmethod
    def _registration(lte: LteInterface) -> str | None:
        if not lte.enabled:
            return None
        try:
            return registration_stat(lte.channel)
        except ConnectionError:
            return None

    def _session(self, lte: LteInterface, stat: str | None) -> Session:
        facts = SessionFacts(lte.enabled, stat, lte.settings["allow-roaming"] == "true", self.dial_apn(lte), accepted_apns(lte.modem))
        session = session_of(facts)
        lte.note_connected(session.connected)
        return session

    def lte_row(self, lte: LteInterface) -> dict[str, str]:
        """The ``/interface lte print`` row; ``running`` while the router's data session is up."""
        return lte.row(running=self.session(lte).connected)

    def lte_info(self, lte: LteInterface) -> dict[str, str]:
        """The info (6) / monitor (7) row for an interface."""
        collector = InfoCollector(lte.channel, self.v7, self.non_ascii_output)
        try:
            fields = collector.collect()
        except ConnectionError as error:
            raise CommandError((MODEM_GONE, CATEGORY_GENERAL)) from error
        if not self.v7:
            return fields
        session = self._session(lte, collector.stat)
        row = {"status": session.status, **fields}
        if lte.connected_since is not None:
            row["session-uptime"] = format_uptime(time.monotonic() - lte.connected_since)
        return row

    def set_lte(self, lte: LteInterface, changes: dict[str, str]) -> None:
        """``/interface lte set``: store the settings; a change that restarts the interface initialises the modem again."""
        lte.apply(changes)

    # --- other menus ---------------------------------------------------------------------------

    def resource_row(self) -> dict[str, str]:
        """The /system/resource row."""
        return {
            "uptime": format_uptime(time.monotonic() - self.started),
            "version": self.version,
            "build-time": "2024-08-09 07:08:17" if self.v7 else "Feb/11/2015 13:24:13",
            "factory-software": "6.44.6",
            "free-memory": "36741120",
            "total-memory": "134217728",
            "cpu": "MIPS 74Kc V5.0",
            "cpu-count": "1",
            "cpu-frequency": "720",
            "cpu-load": "3",
            "free-hdd-space": "116649984",
            "total-hdd-space": "134217728",
            "write-sect-since-reboot": "1070",
            "write-sect-total": "8926",
            "bad-blocks": "0",
            "architecture-name": "mipsbe",
            "board-name": self.board_name,
            "platform": "MikroTik",
        }

    def routerboard_row(self) -> dict[str, str]:
        """The /system/routerboard row."""
        if not self.routerboard:
            # CHR/x86 have no routerboard menu
            raise CommandError.no_such_command("routerboard")
        firmware = self.version.split(" ", 1)[0]
        return {
            "routerboard": "true",
            "board-name": self.board_name,
            "model": self.board_name,
            "revision": "r2",
            "serial-number": "8B2A0A7C5D1E",
            "firmware-type": "qca9550L",
            "factory-firmware": "6.44.6",
            "current-firmware": firmware,
            "upgrade-firmware": firmware,
        }

    def identity_row(self) -> dict[str, str]:
        """The /system/identity row."""
        return {"name": self.identity}
