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

SIM_STATES = ("ready", "pin", "puk", "pin2", "puk2", "absent", "busy", "failure", "wrong")
URC_POSITIONS = ("before", "inside", "after")
REGISTRATION_MODES = ("auto", "searching", "not_searching", "unknown")
RATS = ("LTE", "WCDMA", "GSM")
# Bands the simulated cells use, as masks in the modem's own ^SYSCFGEX encoding:
# LTE band 3 (bit 2), WCDMA band I (0x400000), GSM DCS 1800 (0x80).
DEFAULT_NETWORK_BANDS = {"LTE": 0x4, "WCDMA": 0x400000, "GSM": 0x80}


@dataclass
class Knobs:  # pylint: disable=too-many-instance-attributes
    """Mutable behaviour switches of one SimulatedModem.

    Byte stream: latency, command_latency {prefix: s}, urc_interval, scripted_urcs
    {prefix: [(before|inside|after, line)]}, silent, silent_commands, garbage,
    garbage_commands (None = all), garbage_mode (before|instead), errors {prefix: final} (a line,
    or a command of a chained line, that starts with the prefix is refused with that final result),
    reset_on (answer half, then reset).
    Timing: reboot_delay, reset_grace (^RESET keeps answering that long), connect_delay.
    SIM: sim (ready|pin|puk|pin2|puk2|absent|busy|failure|wrong), pin, puk, pin2, puk2 and
    the retries left on the SIM (pin_retries, puk_retries, pin2_retries, puk2_retries).
    Network: home_network (False: a foreign SIM), coverage (False: no signal at all),
    network_rats (RATs with a cell), network_bands {RAT: mask}, registration
    (auto|searching|not_searching|unknown), reject_cause (registration denied with this
    cause, +CEER reports it), rssi, valid_apns (None: any APN; an empty APN then fails with
    cause 27 unless "" is listed), dial_failure_cause (every data call fails with it).
    Boot values: cfun (+CFUN after every boot), cmee (None: the profile's default).
    Factory NVRAM (used when no state file holds it): rf_software, roaming (None: the
    profile's default), syscfg (the ^SYSCFGEX/^SYSCFG query body, e.g.
    '"03",3FFFFFFF,1,2,80000'), port_mode (^SETPORT composition), pdp_contexts (None: the
    profile's; a tuple of (cid, type, apn), () for none).
    Clock: network_time (epoch seconds, None: now), timezone (quarter hours), dst (hours).
    Hardware: rf_hardware (W_DISABLE#), boot_urcs.
    """

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
    sim: str = "ready"
    pin: str = "1234"
    puk: str = "12345678"
    pin2: str = "5678"
    puk2: str = "87654321"
    pin_retries: int = 3
    puk_retries: int = 10
    pin2_retries: int = 3
    puk2_retries: int = 10
    home_network: bool = True
    coverage: bool = True
    network_rats: tuple = RATS
    network_bands: dict = field(default_factory=lambda: dict(DEFAULT_NETWORK_BANDS))
    registration: str = "auto"
    reject_cause: int | None = None
    rssi: int = 20
    valid_apns: set | None = None
    dial_failure_cause: int | None = None
    cfun: int = 1
    cmee: int | None = None
    rf_software: bool = True
    roaming: bool | None = None
    syscfg: str | None = None
    port_mode: str | None = None
    pdp_contexts: tuple | None = None
    network_time: float | None = None
    timezone: int = 4
    dst: int = 0

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
        for name, allowed in (("sim", SIM_STATES), ("registration", REGISTRATION_MODES), ("garbage_mode", ("before", "instead"))):
            if getattr(self, name) not in allowed:
                raise ValueError(f"{name} must be one of {allowed}, not {getattr(self, name)!r}")
        if self.cfun not in (0, 1, 4):
            raise ValueError(f"cfun must be 0, 1 or 4, not {self.cfun!r}")
        unknown = [rat for rat in self.network_rats if rat not in RATS]
        if unknown:
            raise ValueError(f"network_rats must be taken from {RATS}, not {unknown}")


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
