# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The router's own data connection on an LTE interface, worked out when someone asks (print, monitor).

RouterOS dials the modem itself with the APN of the interface's first APN profile (RouterOS 6: the
interface's ``apn``). Whether that session is up follows from what the modem reports and from the
router's settings, checked in this order:

* the modem must be registered, home (+CREG stat 1) or roaming (stat 5);
* a router with ``allow-roaming=no`` does not bring the session up while the modem is roaming,
  whatever the modem itself allows (some modems register but carry no data then);
* the profile must exist and the network must accept its APN.

The session is emulated on the router side: it sends no dial to the modem's AT port (the modem's
command log and its own ^NDISSTATQRY state are left to the user's commands).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

HOME, ROAMING = "1", "5"
REGISTRATION_STATUS = {"0": "not registered", "1": "registered", "2": "searching", "3": "denied", "4": "unknown", "5": "roaming"}


@dataclass(frozen=True)
class SessionFacts:
    """What decides the session: the modem's registration, the router's settings, the network's APNs."""

    enabled: bool
    stat: str | None
    allow_roaming: bool
    apn: str | None
    accepted_apns: frozenset[str] | None

    @property
    def registered(self) -> bool:
        """Home or roaming."""
        return self.stat in (HOME, ROAMING)


# (reason, test): the first test that holds keeps the session down, with that reason
BLOCKERS: tuple[tuple[str, Callable[[SessionFacts], bool]], ...] = (
    ("interface disabled", lambda facts: not facts.enabled),
    ("not registered", lambda facts: not facts.registered),
    ("roaming not allowed", lambda facts: facts.stat == ROAMING and not facts.allow_roaming),
    ("no APN profile", lambda facts: facts.apn is None),
    ("APN refused by the network", lambda facts: facts.accepted_apns is not None and (facts.apn or "").lower() not in facts.accepted_apns),
)


@dataclass(frozen=True)
class Session:
    """The outcome: ``status`` as monitor shows it, and why the session is down (None when connected)."""

    status: str
    registration_status: str
    blocked_by: str | None

    @property
    def connected(self) -> bool:
        """True when the data session is up."""
        return self.blocked_by is None


def session_of(facts: SessionFacts) -> Session:
    """Apply the rules to the facts."""
    blocked_by = next((reason for reason, test in BLOCKERS if test(facts)), None)
    status = "connected" if blocked_by is None else "registered" if facts.registered else "searching"
    return Session(status, REGISTRATION_STATUS.get(facts.stat or "", "unknown"), blocked_by)


def accepted_apns(modem) -> frozenset[str] | None:
    """The APNs the modem's network accepts (lower case), None for any: the ``valid_apns`` knob."""
    valid = getattr(getattr(modem, "knobs", None), "valid_apns", None)
    return None if valid is None else frozenset(name.lower() for name in valid)
