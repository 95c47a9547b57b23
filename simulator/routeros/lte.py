# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""``/interface lte``: one LTE interface, its settings, and the modem behind it.

The modem may be given as a zero-argument factory: it is then made on first use, so a large fleet
starts without a thousand modems.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable, Iterable

from .channel import ModemChannel
from .menus import Property, PropertyTable, boolean, defaults, integer, internal_id, list_of, names_of, parse_changes

NETWORK_MODES = ("gsm", "3g", "lte", "5g")
# A change of one of these restarts the interface: RouterOS initialises the modem again (modem-init)
REINITIALISING = frozenset({"modem-init", "apn-profiles", "apn", "allow-roaming", "network-mode", "band", "pin"})
# Left out of print while empty, as RouterOS does; the PIN is never printed
HIDDEN_WHEN_EMPTY = ("comment", "modem-init")
NEVER_PRINTED = ("pin",)


def lte_properties(major: int, apn_profile_names: Callable[[], Iterable[str]]) -> PropertyTable:
    """Settable properties of an LTE interface: RouterOS 7 names APN profiles, RouterOS 6 has the APN itself."""
    apn = {"apn-profiles": Property("default", names_of(apn_profile_names))} if major >= 7 else {"apn": Property("internet")}
    return {
        "name": Property(""),
        "mtu": Property("1500", integer(64, 65535)),
        "allow-roaming": Property("false", boolean),
        **apn,
        # RouterOS cannot lock bands on Huawei modems with band= (only AT^SYSCFGEX can): kept, no effect
        "band": Property(""),
        "network-mode": Property("3g,lte", list_of(*NETWORK_MODES)),
        "modem-init": Property(""),
        "pin": Property(""),
        "sms-read": Property("false", boolean),
        "disabled": Property("false", boolean),
        "comment": Property(""),
    }


class LteInterface:  # pylint: disable=too-many-instance-attributes
    """One ``/interface lte`` item: settings, the modem, the AT port the router holds on it."""

    def __init__(self, number: int, name: str, modem: Any, properties: PropertyTable, settings: dict[str, str] | None = None):
        self.number = number
        self.name = name
        self.default_name = name
        self.properties = properties
        self.settings = {key: value for key, value in defaults(properties).items() if key != "name"}
        # the configuration the router starts with (RouterOS' defaults otherwise): stored, nothing restarts
        self.settings.update(parse_changes(properties, {key: value for key, value in (settings or {}).items() if key != "name"}))
        self.connected_since: float | None = None
        self._modem_factory = modem if callable(modem) else None
        self._modem = None if callable(modem) else modem
        self._modem_lock = threading.Lock()
        self._watching = False
        self.channel = ModemChannel(lambda: self.modem, self.init_lines)

    @property
    def id(self) -> str:
        """Internal id."""
        return internal_id(self.number)

    @property
    def modem(self) -> Any:
        """The modem, made now if it was given as a factory."""
        with self._modem_lock:
            if self._modem is None:
                self._modem = self._modem_factory()
            if not self._watching and hasattr(self._modem, "add_observer"):
                self._modem.add_observer(self._on_modem_event)
                self._watching = True
            return self._modem

    @property
    def modem_made(self) -> bool:
        """False while a lazily made modem has not been needed yet."""
        return self._modem is not None

    @property
    def enabled(self) -> bool:
        """Not disabled."""
        return self.settings["disabled"] == "false"

    def init_lines(self) -> list[str]:
        """What RouterOS sends after ``ATE0`` when it initialises the modem: the ``modem-init`` line."""
        return [self.settings["modem-init"]] if self.settings["modem-init"] else []

    def apply(self, changes: dict[str, str]) -> None:
        """``set``: check and store the changes, then restart the interface if one of them needs it."""
        values = parse_changes(self.properties, changes)
        self.name = values.pop("name", self.name) or self.name
        changed = {key for key, value in values.items() if self.settings.get(key) != value}
        self.settings.update(values)
        if not self.enabled:
            self.channel.close()
        elif changed & (REINITIALISING | {"disabled"}):
            self._start(self.channel.restart)

    def _start(self, action: Callable[[], None]) -> None:
        try:
            action()
        except ConnectionError:
            # the modem is rebooting or has no AT port: it is initialised when it comes back
            pass

    def _on_modem_event(self, event: str) -> None:
        # RouterOS takes the new port and initialises the modem as soon as it is back from a reset
        if event == "up" and self.enabled:
            threading.Thread(target=self._start, args=(self.channel.open,), name=f"lte-init-{self.name}", daemon=True).start()

    def close(self) -> None:
        """Release the modem: close the port and stop following its resets."""
        with self._modem_lock:
            if self._watching:
                self._modem.remove_observer(self._on_modem_event)
                self._watching = False
        self.channel.close()

    def note_connected(self, connected: bool) -> None:
        """Remember since when the data session is up (for ``session-uptime``)."""
        if not connected:
            self.connected_since = None
        elif self.connected_since is None:
            self.connected_since = time.monotonic()

    def row(self, running: bool) -> dict[str, str]:
        """The print row."""
        shown = {key: value for key, value in self.settings.items()
                 if key not in NEVER_PRINTED and (value or key not in HIDDEN_WHEN_EMPTY)}
        return {".id": self.id, "name": self.name, "default-name": self.default_name, **shown,
                "running": "true" if running else "false", "inactive": "false"}
