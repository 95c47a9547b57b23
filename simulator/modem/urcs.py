# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Unsolicited result codes: periodic noise (^RSSI, ^HCSQ, ^MODE, ^DSFLOWRPT ...) and registration changes."""

from __future__ import annotations

from .commands_network import HANDLERS as NETWORK_HANDLERS
from .commands_network import hcsq_body
from .engine import Context
from .network import RAT_TABLE

REGISTRATION_COMMANDS = (("+CREG", "creg_n"), ("+CGREG", "cgreg_n"), ("+CEREG", "cereg_n"))


class RandomUrcs:
    """Every knobs.urc_interval seconds one of ^RSSI/^HCSQ/^MODE/^DSFLOWRPT/^BOOT/+CREG (seeded RNG).

    One delayed action at a time, and none while the interval is unset.
    """

    def __init__(self, modem, rng):
        self.modem = modem
        self.rng = rng
        self._timer = None

    def arm(self):
        """(Re)start the series after urc_interval changed; stop it when unset."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        interval = self.modem.knobs.urc_interval
        if interval:
            self._timer = self.modem.schedule(interval, self._fire)

    def _fire(self):
        self._timer = None
        if not self.modem.knobs.urc_interval:
            return
        candidates = self._candidates() if self.modem.is_up else []
        if candidates:
            line, periodic = self.rng.choice(candidates)
            self.modem.emit_urc(line, periodic=periodic)
        self.arm()

    def _candidates(self) -> list:
        modem = self.modem
        profile, network, state = modem.profile, modem.network, modem.state
        with modem.lock:
            rssi, dummy = network.signal_csq()
            registration = network.registration()
            candidates = [
                (profile.format_reply("^RSSI", str(rssi)), True),
                (profile.format_reply("^BOOT", "27710117,0,0,0,75"), True),
            ]
            if profile.supports("^HCSQ"):
                candidates.append((profile.format_reply("^HCSQ", hcsq_body(profile, network)), True))
            if registration.rat:
                sys_mode, submode = RAT_TABLE[registration.rat]["sysinfo"]
                candidates.append((profile.format_reply("^MODE", f"{sys_mode},{submode}"), True))
            connection = modem.data_calls.active()
            if connection is not None:
                connection.up_seconds += 2
                connection.tx_bytes += self.rng.randrange(1000, 50000)
                connection.rx_bytes += self.rng.randrange(5000, 500000)
                body = (f"{connection.up_seconds:08X},00000082,00000EA6,{connection.tx_bytes:016X},"
                        f"{connection.rx_bytes:016X},0000BB80,0001F400")
                candidates.append((profile.format_reply("^DSFLOWRPT", body), True))
            if state.creg_n:
                handler = NETWORK_HANDLERS["+CREG"]
                candidates.append((profile.format_reply("+CREG", handler.status_fields(Context(modem, None), state.creg_n)), False))
        return candidates


class RegistrationWatch:
    """Sends +CREG/+CGREG/+CEREG URCs when the registration changes and the URC mode is ≥ 1."""

    def __init__(self, modem):
        self.modem = modem
        self._last = {}

    def forget(self):
        """After a boot: the next check takes a new baseline."""
        self._last = {}

    def check(self):
        """After a command, a knob change or a delayed action: URCs for what changed since the last check."""
        modem = self.modem
        lines = []
        with modem.lock:
            ctx = Context(modem, None)
            for name, attribute in REGISTRATION_COMMANDS:
                if not modem.profile.supports(name):
                    continue
                handler = NETWORK_HANDLERS[name]
                situation = (handler.stat(ctx), modem.network.registration().rat)
                previous = self._last.get(name)
                self._last[name] = situation
                mode = getattr(modem.state, attribute)
                if previous is not None and previous != situation and mode:
                    lines.append(modem.profile.format_reply(name, handler.status_fields(ctx, mode)))
        for line in lines:
            modem.emit_urc(line)
