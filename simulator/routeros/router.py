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

from .lte import InfoCollector, LteInterface, text_lines

ROUTER_ERROR_CATEGORY_MISSING = 0
ROUTER_ERROR_CATEGORY_ARGUMENT = 1
ROUTER_ERROR_CATEGORY_GENERAL = 4
MODEM_GONE = "failure: modem not responding"

_COPS_NAME = re.compile(r'(\+COPS: *\d+ *, *\d+ *, *")([^"]*)(")')
_RAW_TRIM = re.compile(r"^[\r\n]+|[\r\n]+$")
LOGIN_STYLES = ("plain", "legacy", "pre643")


class CommandError(Exception):
    """A command failed: one or more traps (message, category) as RouterOS would send them."""

    def __init__(self, *traps: tuple[str, int | None]):
        super().__init__(", ".join(message for message, dummy in traps))
        self.traps = list(traps)

    @classmethod
    def no_such_command(cls, component: str) -> "CommandError":
        """The two-trap reply for an unknown menu or command."""
        # an unknown menu or command gives two traps, then !done
        return cls((f"no such command or directory ({component})", ROUTER_ERROR_CATEGORY_MISSING), ("no such command prefix", None))


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
    lowered = value.lower()
    if lowered in ("yes", "true"):
        return "true"
    if lowered in ("no", "false"):
        return "false"
    raise CommandError((f"value of {name} must be yes or no", ROUTER_ERROR_CATEGORY_ARGUMENT))


class SimulatedRouter:  # pylint: disable=too-many-instance-attributes
    """A MikroTik router with LTE interfaces. Fault knobs are plain attributes, mutable at runtime."""

    SETTABLE_LTE = ("allow-roaming", "modem-init", "apn-profiles", "band", "network-mode", "mtu", "comment", "disabled", "pin", "sms-read", "name")

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
        output_separator: str = "\r\n",
        keep_empty_lines: bool | None = None,
        routerboard: bool = True,
        authorized_keys: dict[str, list[Any]] | None = None,
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
        self.output_separator = output_separator
        # RouterOS 6 kept the modem frame's empty line inside the value, 7 shows none
        self.keep_empty_lines = self.major < 7 if keep_empty_lines is None else keep_empty_lines
        self.routerboard = routerboard
        self.interfaces = [LteInterface(number, name, modem) for number, (name, modem) in enumerate((lte or {}).items(), start=1)]
        self.apn_profiles = [{".id": "*1", "name": "default", "apn": "internet", "authentication": "none", "ip-type": "auto",
                              "add-default-route": "true", "default-route-distance": "2", "use-peer-dns": "true",
                              "use-network-apn": "true", "passthrough-interface": "", "passthrough-mac": "00:00:00:00:00:00",
                              "default": "true"}]
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
            lte.channel.close()

    # --- LTE -----------------------------------------------------------------------------------

    def lte_interfaces(self) -> list[LteInterface]:
        """The LTE interfaces the router shows (none with missing_interface)."""
        return [] if self.missing_interface else self.interfaces

    def find_lte(self, ref: str) -> LteInterface:
        """An item by internal id (``*1``), name, or (CLI) print number; ``no such item`` otherwise."""
        for lte in self.lte_interfaces():
            if ref in (lte.id, lte.name) or ref.upper() == lte.id:
                return lte
        raise CommandError(("no such item", None))

    def find_lte_by_number(self, number: str) -> LteInterface:
        """``number``/``numbers`` take a name, an id or a 0-based print position."""
        interfaces = self.lte_interfaces()
        if number.isdigit() and int(number) < len(interfaces):
            return interfaces[int(number)]
        return self.find_lte(number)

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
            return self.format_output(lte.channel.chat(data, wait, self.at_chat_wait))
        except ConnectionError as error:
            # the real router's answer while the modem is gone (rebooting, no AT port) is not documented
            raise CommandError((MODEM_GONE, ROUTER_ERROR_CATEGORY_GENERAL)) from error

    def lte_info(self, lte: LteInterface) -> dict[str, str]:
        """The info/monitor row for an interface."""
        try:
            return InfoCollector(lte, self.v7, self.non_ascii_output).collect()
        except ConnectionError as error:
            raise CommandError((MODEM_GONE, ROUTER_ERROR_CATEGORY_GENERAL)) from error

    def set_lte(self, lte: LteInterface, changes: dict[str, str]) -> None:
        """Store settings (``/interface lte set``); values are only kept, not sent to the modem."""
        for key, value in changes.items():
            if key not in self.SETTABLE_LTE:
                raise CommandError(("unknown parameter", None))
            if key in LteInterface.BOOLEANS:
                value = parse_bool(key, value)
            if key == "name":
                lte.name = value
            else:
                lte.settings[key] = value

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
