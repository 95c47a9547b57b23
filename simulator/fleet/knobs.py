# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The modem's knobs for routers and fleets, without a list of them here.

* ``NAME=VALUE`` text (``--modem-knob``, per-router specs) is turned into a ``Knobs`` field value by
  the field's declared type, so every field of ``simulator.modem.Knobs`` can be set.
* The knob options of ``python -m simulator modem`` (``--roaming-sim``, ``--sim``, ``--latency`` …)
  are taken from that subcommand itself: its options are recorded, and those its ``knobs_from_args``
  reads are added to the router and fleet subcommands.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from typing import Any, Callable

from ..modem import Knobs
from ..modem import cli as modem_cli

KnobValues = dict[str, Any]


def _flag(value: str) -> bool:
    lowered = value.lower()
    if lowered not in ("yes", "true", "1", "on", "no", "false", "0", "off"):
        raise ValueError(f"{value!r} is not yes/no")
    return lowered in ("yes", "true", "1", "on")


def _names(value: str) -> set[str]:
    return {part for part in value.split(",") if part}


# Declared type of a Knobs field -> how its value is read from text
VALUE_READERS: dict[str, Callable[[str], Any]] = {
    "float": float,
    "int": int,
    "str": str,
    "bool": _flag,
    "bytes": lambda value: value.encode("latin-1"),
    "set": _names,
    "dict": json.loads,
}


def _type_name(declared: Any) -> str:
    text = declared if isinstance(declared, str) else getattr(declared, "__name__", str(declared))
    return text.replace("typing.", "")


def knob_fields() -> dict[str, dataclasses.Field]:
    """The Knobs fields by name."""
    return {field.name: field for field in dataclasses.fields(Knobs)}


def read_knob(name: str, value: str) -> tuple[str, Any]:
    """``("home-network", "no")`` -> ``("home_network", False)``; ValueError for an unknown knob or a bad value."""
    field_name = name.strip().replace("-", "_")
    field = knob_fields().get(field_name)
    if field is None:
        raise ValueError(f"unknown modem knob {name!r} (known: {', '.join(knob_fields())})")
    alternatives = [part.strip() for part in _type_name(field.type).split("|")]
    if "None" in alternatives and value.lower() == "none":
        return field_name, None
    reader = VALUE_READERS.get(alternatives[0])
    if reader is None:
        raise ValueError(f"modem knob {field_name} cannot be set from text")
    try:
        return field_name, reader(value)
    except ValueError as error:
        raise ValueError(f"bad value for modem knob {field_name}: {error}") from None


def read_knob_assignment(text: str) -> tuple[str, Any]:
    """``"sim=pin"`` -> ``("sim", "pin")``."""
    name, equals, value = text.partition("=")
    if not equals:
        raise ValueError(f"{text!r}: expected NAME=VALUE")
    return read_knob(name, value)


def knob_option(text: str) -> tuple[str, Any]:
    """``--modem-knob`` values: as ``read_knob_assignment``, with argparse's error type."""
    try:
        return read_knob_assignment(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def changed_knobs(knobs: Knobs) -> KnobValues:
    """The fields of ``knobs`` that differ from a default ``Knobs()``."""
    default = Knobs()
    return {name: getattr(knobs, name) for name in knob_fields() if getattr(knobs, name) != getattr(default, name)}


def make_knobs(values: KnobValues) -> Knobs:
    """A Knobs instance with these fields set."""
    return Knobs(**values)


def jsonable(value: Any) -> Any:
    """A knob value as JSON can hold it (sets as sorted lists, bytes as text)."""
    converters: dict[type, Callable[[Any], Any]] = {
        set: lambda items: sorted(jsonable(item) for item in items),
        frozenset: lambda items: sorted(jsonable(item) for item in items),
        bytes: lambda data: data.decode("latin-1"),
        dict: lambda table: {str(key): jsonable(item) for key, item in table.items()},
        tuple: lambda items: [jsonable(item) for item in items],
        list: lambda items: [jsonable(item) for item in items],
    }
    return converters.get(type(value), lambda plain: plain)(value)


# --- the modem subcommand's own knob options ----------------------------------------------------

class _OptionRecorder:
    """Stands in for argparse's subparsers and parser while the modem subcommand registers: keeps its options."""

    def __init__(self):
        self.options: list[tuple[tuple[str, ...], dict[str, Any]]] = []

    def add_argument(self, *flags: str, **options: Any) -> None:
        """Keep one option."""
        self.options.append((flags, options))

    def __getattr__(self, _name: str) -> Callable[..., "_OptionRecorder"]:
        # add_parser, add_argument_group, set_defaults …: keep recording into this object
        return lambda *args, **kwargs: self


class _ReadRecorder(argparse.Namespace):
    """A namespace that notes which attributes are read."""

    def __init__(self, values: argparse.Namespace):
        super().__init__(**vars(values))
        object.__setattr__(self, "read", set())

    def __getattribute__(self, name: str) -> Any:
        if not name.startswith("_") and name != "read":
            object.__getattribute__(self, "read").add(name)
        return object.__getattribute__(self, name)


def modem_knob_options() -> list[tuple[tuple[str, ...], dict[str, Any]]]:
    """The options of ``python -m simulator modem`` that set knobs (those its ``knobs_from_args`` reads)."""
    recorder = _OptionRecorder()
    modem_cli.register(recorder)
    scratch = argparse.ArgumentParser(add_help=False)
    destinations = [scratch.add_argument(*flags, **options).dest for flags, options in recorder.options]
    reads = _ReadRecorder(scratch.parse_args([]))
    modem_cli.knobs_from_args(reads)
    return [option for option, dest in zip(recorder.options, destinations) if dest in reads.read]


def add_modem_knob_options(parser: argparse.ArgumentParser) -> None:
    """Add the modem's knob options and ``--modem-knob NAME=VALUE`` to a router or fleet subcommand."""
    group = parser.add_argument_group("modem knobs", "the options of `python -m simulator modem`, for the modem of every router")
    for flags, options in modem_knob_options():
        try:
            group.add_argument(*flags, **options)
        except argparse.ArgumentError:
            # the subcommand has an option of that name already: its own wins
            pass
    group.add_argument("--modem-knob", action="append", default=[], metavar="NAME=VALUE", type=knob_option,
                       help="set any field of simulator.modem.Knobs (repeatable): sets and lists comma-separated, dicts as JSON, 'none' for None")


def knobs_from_args(args: argparse.Namespace) -> KnobValues:
    """The knob values the command line asks for: the modem options, then ``--modem-knob`` (which wins)."""
    return changed_knobs(modem_cli.knobs_from_args(args)) | dict(args.modem_knob)
