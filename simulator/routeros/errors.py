# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Errors of the simulated router, as RouterOS reports them: one or more traps with a message and a category."""

from __future__ import annotations

CATEGORY_MISSING = 0
CATEGORY_ARGUMENT = 1
CATEGORY_INTERRUPTED = 2
CATEGORY_GENERAL = 4
MODEM_GONE = "failure: modem not responding"


class CommandError(Exception):
    """A command failed: one or more traps (message, category) as RouterOS would send them."""

    def __init__(self, *traps: tuple[str, int | None]):
        super().__init__(", ".join(message for message, dummy in traps))
        self.traps = list(traps)

    @classmethod
    def no_such_command(cls, component: str) -> "CommandError":
        """The two-trap reply for an unknown menu or command."""
        # an unknown menu or command gives two traps, then !done
        return cls((f"no such command or directory ({component})", CATEGORY_MISSING), ("no such command prefix", None))

    @classmethod
    def no_such_item(cls) -> "CommandError":
        """An item reference (id, name, number) that matches nothing."""
        return cls(("no such item", None))

    @classmethod
    def unknown_parameter(cls) -> "CommandError":
        """An argument the command does not take."""
        return cls(("unknown parameter", None))

    @classmethod
    def invalid_value(cls, message: str) -> "CommandError":
        """An argument value the command refuses."""
        return cls((message, CATEGORY_ARGUMENT))

    @classmethod
    def failure(cls, message: str) -> "CommandError":
        """A general failure (``failure: …``)."""
        return cls((message, CATEGORY_GENERAL))
