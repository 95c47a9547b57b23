# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""NDIS data connections: asynchronous set-up, ^NDISSTAT URCs, addresses for ^DHCP/^DHCPV6."""

from __future__ import annotations

import random

from .state import NdisConnection

FAMILIES_BY_PDP_TYPE = {"IP": ("IPV4",), "IPV6": ("IPV6",), "IPV4V6": ("IPV4", "IPV6"), "PPP": ("IPV4",)}


def families_for(profile, pdp_type: str) -> tuple:
    """IP families a context of this type brings up on this device (IPv4-only devices: IPV4)."""
    families = FAMILIES_BY_PDP_TYPE.get(pdp_type.upper(), ("IPV4",))
    if not profile.ipv6:
        return ("IPV4",)
    return families


class DataCalls:
    """Starts, completes, supervises and tears down ^NDISDUP connections of one modem."""

    def __init__(self, modem, seed):
        self.modem = modem
        self._completions = {}
        self._last_failure = None
        rng = random.Random(seed)
        # A /30 point-to-point subnet: network .0, the modem's address .1, the gateway .2.
        network = (10, 64 + rng.randrange(64), rng.randrange(256), rng.randrange(64) * 4)
        self.ipv4 = {
            "address": network[:3] + (network[3] + 1,),
            "netmask": (255, 255, 255, 252),
            "gateway": network[:3] + (network[3] + 2,),
            "dns": ((10, 11, 12, 13), (10, 11, 12, 14)),
        }
        suffix = f"{rng.randrange(0x10000):x}"
        self.ipv6 = {
            "address": f"2001:db8:{suffix}::1",
            "netmask": "ffff:ffff:ffff:ffff::",
            "gateway": f"2001:db8:{suffix}::2",
            "dns": ("2001:db8::53", "2001:db8::54"),
        }

    @property
    def state(self):
        """The modem's state (its attribute may be replaced by tests)."""
        return self.modem.state

    def connection(self, cid: int) -> NdisConnection:
        """The connection record of a cid (created down)."""
        if cid not in self.state.ndis:
            self.state.ndis[cid] = NdisConnection(cid)
        return self.state.ndis[cid]

    def dial(self, cid: int, apn: str):
        """Mark the cid connecting; the result comes after knobs.connect_delay (call after OK was sent)."""
        context = self.state.pdp_contexts.get(cid)
        connection = self.connection(cid)
        connection.status = "connecting"
        connection.apn = apn or (context.apn if context else "")
        connection.families = families_for(self.modem.profile, context.pdp_type if context else "IP")
        connection.cause = None
        self.state.last_dial_cid = cid
        return connection

    def complete_later(self, cid: int):
        """Schedule the end of a dial after knobs.connect_delay (replacing an older pending one)."""
        self._cancel_completion(cid)
        self._completions[cid] = self.modem.schedule(self.modem.knobs.connect_delay, lambda: self.complete(cid))

    def _cancel_completion(self, cid: int):
        timer = self._completions.pop(cid, None)
        if timer is not None:
            timer.cancel()

    def complete(self, cid: int):
        """Scheduled end of a dial: up, or down with a cause; sends ^NDISSTAT per family."""
        with self.modem.lock:
            self._completions.pop(cid, None)
            connection = self.state.ndis.get(cid)
            if connection is None or connection.status != "connecting":
                return
            cause = self.modem.network.data_admission(connection.apn)
            self._last_failure = cause
            if cause is None:
                connection.status = "up"
                connection.up_seconds = 0
            else:
                connection.status, connection.cause = "down", cause
        self.announce(connection)

    def hang_up(self, cid: int) -> bool:
        """Disconnect a cid; False if it was already down (the firmware then answers ERROR)."""
        self._cancel_completion(cid)
        connection = self.state.ndis.get(cid)
        if connection is None or connection.status == "down":
            return False
        connection.status, connection.cause = "down", None
        return True

    def supervise(self):
        """Drop connections whose radio/registration conditions went away (after any change)."""
        dropped = []
        with self.modem.lock:
            for connection in self.state.ndis.values():
                if connection.status != "up":
                    continue
                cause = self.modem.network.data_admission(connection.apn)
                if cause is not None:
                    connection.status, connection.cause = "down", cause
                    self._last_failure = cause
                    dropped.append(connection)
        for connection in dropped:
            self.announce(connection)

    def announce(self, connection: NdisConnection):
        """^NDISSTAT URC, one line per IP family, the family quoted or not per firmware."""
        stat = 1 if connection.status == "up" else 0
        cause = "" if connection.cause is None else str(connection.cause)
        quote = '"' if self.modem.profile.ndis.urc_quoted else ""
        for family in connection.families:
            self.modem.emit_urc(self.modem.profile.format_reply("^NDISSTAT", f"{stat},{cause},,{quote}{family}{quote}"))

    def last_failure_cause(self):
        """SM cause of the last data call that failed to come up or dropped, None after a success."""
        return self._last_failure

    def active(self):
        """The connection that is up, if any."""
        for connection in self.state.ndis.values():
            if connection.status == "up":
                return connection
        return None
