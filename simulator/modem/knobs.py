# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Test knobs: how the emulated modem misbehaves and what world it lives in.

A Knobs instance is mutable at run time; the modem reads it on every command, and an
assignment to a knob makes the modem re-evaluate its registration and data calls at once
(URCs follow). Changes inside a knob's container (``knobs.valid_apns.add(...)``) are seen
at the next command.
Every "prefix" below is matched case-insensitively with startswith against the whole
command line as received (e.g. "AT^SYSCFGEX=" or "AT+COPS=?").
"""

from __future__ import annotations

from dataclasses import dataclass, field

SIM_STATES = ("ready", "pin", "puk", "absent")
URC_POSITIONS = ("before", "inside", "after")


@dataclass
class Knobs:  # pylint: disable=too-many-instance-attributes
    """Mutable behaviour switches of one SimulatedModem (see module docstring)."""

    latency: float = 0.0
    command_latency: dict = field(default_factory=dict)
    urc_interval: float | None = None
    scripted_urcs: dict = field(default_factory=dict)
    silent: bool = False
    silent_commands: set = field(default_factory=set)
    garbage: bytes = b""
    garbage_commands: set | None = None
    garbage_mode: str = "before"
    errors: dict = field(default_factory=dict)
    reset_on: set = field(default_factory=set)
    rf_hardware: bool = True
    reboot_delay: float = 1.0
    reset_grace: float = 0.0
    connect_delay: float = 0.2
    boot_urcs: bool = True
    home_network: bool = True
    valid_apns: set | None = None
    sim: str = "ready"
    pin: str = "1234"
    puk: str = "12345678"
    rssi: int = 20

    def __setattr__(self, name, value):
        super().__setattr__(name, value)
        for listener in self.__dict__.get("_listeners", ()):
            listener(name)

    def add_listener(self, callback):
        """callback(name) after every assignment to a knob (the modem re-evaluates its state)."""
        self.__dict__.setdefault("_listeners", []).append(callback)

    def remove_listener(self, callback):
        """Stop calling callback."""
        listeners = self.__dict__.get("_listeners", [])
        if callback in listeners:
            listeners.remove(callback)

    def __post_init__(self):
        if self.sim not in SIM_STATES:
            raise ValueError(f"sim must be one of {SIM_STATES}, not {self.sim!r}")
        if self.garbage_mode not in ("before", "instead"):
            raise ValueError("garbage_mode must be 'before' or 'instead'")


def matches(prefix: str, line: str) -> bool:
    """Case-insensitive startswith, the matching rule of every knob."""
    return line.upper().startswith(prefix.upper())


def any_match(prefixes, line: str) -> bool:
    """True if any prefix of the collection matches the line."""
    return any(matches(prefix, line) for prefix in prefixes or ())


def best_match(table: dict, line: str):
    """Value of the longest matching prefix in a prefix → value table, or None."""
    found = [prefix for prefix in table or {} if matches(prefix, line)]
    if not found:
        return None
    return table[max(found, key=len)]
