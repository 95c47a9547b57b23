# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""``/interface lte apn``: the APN profiles of RouterOS 7, which LTE interfaces name in ``apn-profiles``.

A router always has the ``default`` profile (APN ``internet``); it can be changed but not removed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from .errors import CommandError
from .menus import Property, PropertyTable, boolean, defaults, find_item, integer, internal_id, one_of, parse_changes

DEFAULT_PROFILE = "default"

APN_PROPERTIES: PropertyTable = {
    "name": Property(""),
    "apn": Property(""),
    "authentication": Property("none", one_of("none", "pap", "chap")),
    "user": Property(""),
    "password": Property(""),
    "ip-type": Property("auto", one_of("auto", "ipv4", "ipv6", "ipv4-ipv6")),
    # used only with MBIM modems (RouterOS 7): the network tells the APN
    "use-network-apn": Property("true", boolean),
    "add-default-route": Property("true", boolean),
    "default-route-distance": Property("2", integer(1, 255)),
    "use-peer-dns": Property("true", boolean),
    "passthrough-interface": Property(""),
    "passthrough-mac": Property("00:00:00:00:00:00"),
    "comment": Property(""),
}
HIDDEN_WHEN_EMPTY = ("comment", "user", "password")


@dataclass
class ApnProfile:
    """One profile: its internal id and settings."""

    number: int
    settings: dict[str, str] = field(default_factory=dict)
    default: bool = False

    @property
    def id(self) -> str:
        """Internal id (``*1``)."""
        return internal_id(self.number)

    @property
    def name(self) -> str:
        """The profile's name."""
        return self.settings["name"]

    @property
    def apn(self) -> str:
        """The access point name it dials."""
        return self.settings["apn"]

    def row(self) -> dict[str, str]:
        """The print row; empty comment, user and password are left out, as RouterOS prints them."""
        shown = {key: value for key, value in self.settings.items() if value or key not in HIDDEN_WHEN_EMPTY}
        return {".id": self.id, **shown, "default": "true" if self.default else "false"}


class ApnProfiles:
    """The profile table of one router."""

    def __init__(self):
        self._lock = threading.Lock()
        self._numbers = 1
        self.items = [ApnProfile(1, {**defaults(APN_PROPERTIES), "name": DEFAULT_PROFILE, "apn": "internet"}, default=True)]

    def names(self) -> list[str]:
        """Profile names in print order."""
        return [profile.name for profile in self.items]

    def find(self, ref: str, positions: bool = False) -> ApnProfile:
        """A profile by id, name or (``positions``) print position."""
        return find_item(self.items, ref, positions)

    def get(self, name: str) -> ApnProfile | None:
        """The profile of that name, or None."""
        return next((profile for profile in self.items if profile.name == name), None)

    def add(self, changes: dict[str, str]) -> str:
        """``add``: a new profile; returns its internal id."""
        values = parse_changes(APN_PROPERTIES, changes)
        if not values.get("name"):
            raise CommandError.invalid_value("missing value(s) of argument(s) name")
        with self._lock:
            self._check_unique(values["name"])
            self._numbers += 1
            profile = ApnProfile(self._numbers, {**defaults(APN_PROPERTIES), **values})
            self.items.append(profile)
        return profile.id

    def set(self, profile: ApnProfile, changes: dict[str, str]) -> None:
        """``set``: change some properties of a profile."""
        values = parse_changes(APN_PROPERTIES, changes)
        with self._lock:
            if values.get("name", profile.name) != profile.name:
                self._check_unique(values["name"])
            profile.settings.update(values)

    def remove(self, profile: ApnProfile) -> None:
        """``remove``; the default profile stays."""
        if profile.default:
            raise CommandError.failure("failure: can not remove default profile")
        with self._lock:
            self.items.remove(profile)

    def rows(self) -> list[dict[str, str]]:
        """Print rows."""
        return [profile.row() for profile in self.items]

    def _check_unique(self, name: str) -> None:
        if self.get(name) is not None:
            raise CommandError.failure("failure: profile with the same name already exists")
