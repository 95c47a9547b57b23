# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Items of RouterOS menus: settable properties as tables (default and value check), and item lookup.

Values are kept as RouterOS returns them over the API: booleans as ``true``/``false`` (it accepts
yes/true/no/false), numbers and lists as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Protocol, Sequence, TypeVar

from .errors import CommandError

Parser = Callable[[str, str], str]


def text(_name: str, value: str) -> str:
    """Any text."""
    return value


def boolean(name: str, value: str) -> str:
    """yes/true/no/false, stored as true/false."""
    lowered = value.lower()
    if lowered in ("yes", "true"):
        return "true"
    if lowered in ("no", "false"):
        return "false"
    raise CommandError.invalid_value(f"value of {name} must be yes or no")


def one_of(*choices: str) -> Parser:
    """One of fixed words."""
    def parse(name: str, value: str) -> str:
        if value not in choices:
            raise CommandError.invalid_value(f"invalid value for argument {name}")
        return value
    return parse


def list_of(*choices: str) -> Parser:
    """A comma-separated list of fixed words (may be empty)."""
    def parse(name: str, value: str) -> str:
        if any(part not in choices for part in value.split(",") if part):
            raise CommandError.invalid_value(f"invalid value for argument {name}")
        return value
    return parse


def integer(low: int, high: int) -> Parser:
    """A whole number in a range."""
    def parse(name: str, value: str) -> str:
        if not value.isdigit() or not low <= int(value) <= high:
            raise CommandError.invalid_value(f"value of {name} out of range ({low}..{high})")
        return str(int(value))
    return parse


def names_of(known: Callable[[], Iterable[str]]) -> Parser:
    """A comma-separated list of names of other items (``apn-profiles=default,work``)."""
    def parse(name: str, value: str) -> str:
        names = set(known())
        if any(part not in names for part in value.split(",") if part):
            raise CommandError.invalid_value(f"input does not match any value of {name}")
        return value
    return parse


@dataclass(frozen=True)
class Property:
    """A settable property: its default and how a new value is checked."""

    default: str
    parse: Parser = text


PropertyTable = dict[str, Property]


def defaults(table: PropertyTable) -> dict[str, str]:
    """Every property at its default."""
    return {name: prop.default for name, prop in table.items()}


def parse_changes(table: PropertyTable, changes: dict[str, str]) -> dict[str, str]:
    """Checked new values; ``unknown parameter`` for a property the table lacks."""
    if set(changes) - set(table):
        raise CommandError.unknown_parameter()
    return {name: table[name].parse(name, value) for name, value in changes.items()}


class Item(Protocol):  # pylint: disable=too-few-public-methods
    """A menu item: internal id and name."""

    id: str
    name: str


ItemT = TypeVar("ItemT", bound=Item)


def internal_id(number: int) -> str:
    """RouterOS internal id: ``*`` and upper-case hex (``*1``, ``*1A``)."""
    return f"*{number:X}"


def find_item(items: Sequence[ItemT], ref: str, positions: bool = False) -> ItemT:
    """An item by internal id (``*1``, any case), name, or, with ``positions``, 0-based print position."""
    if positions and ref.isdigit() and int(ref) < len(items):
        return items[int(ref)]
    for item in items:
        if ref in (item.id, item.name) or ref.upper() == item.id:
            return item
    raise CommandError.no_such_item()
