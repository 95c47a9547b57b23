# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Splitting an AT command line into sub-commands and parameters (chained with ";", names case-insensitive)."""

from __future__ import annotations

from dataclasses import dataclass

EXEC, READ, TEST, SET = "exec", "read", "test", "set"
_SUFFIX = {EXEC: "", READ: "?", TEST: "=?", SET: "="}


class SyntaxFault(Exception):
    """The line is not a well-formed AT command."""


@dataclass(frozen=True)
class Param:
    """One comma-separated parameter: raw text, and its value with quotes removed."""

    raw: str
    quoted: bool

    @property
    def value(self) -> str:
        """Text without the surrounding quotes."""
        return self.raw[1:-1] if self.quoted else self.raw.strip()

    @property
    def empty(self) -> bool:
        """An omitted parameter (``,,``)."""
        return not self.quoted and not self.raw.strip()


@dataclass(frozen=True)
class SubCommand:
    """One command of a (possibly chained) line: name like "+CGDCONT", "^RESET", "I", "D"."""

    name: str
    op: str
    argument: str = ""

    @property
    def params(self) -> list:
        """Parameters of a SET command."""
        return split_params(self.argument) if self.op == SET else []

    @property
    def key(self) -> str:
        """Name plus operation suffix, e.g. "^SYSCFGEX=?"."""
        return self.name + _SUFFIX[self.op]

    @property
    def text(self) -> str:
        """The command as it would stand alone on a line: "AT^SYSCFGEX=\"03\",..."."""
        return "AT" + self.key + self.argument


def split_params(text: str) -> list:
    """Split on commas outside double quotes."""
    if text == "":
        return []
    params, current, quoted = [], [], False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == "," and not quoted:
            params.append(_make_param("".join(current)))
            current = []
        else:
            current.append(char)
    if quoted:
        raise SyntaxFault("unterminated string")
    params.append(_make_param("".join(current)))
    return params


def _make_param(raw: str) -> Param:
    stripped = raw.strip()
    if len(stripped) >= 2 and stripped.startswith('"') and stripped.endswith('"'):
        return Param(stripped, True)
    if '"' in stripped:
        raise SyntaxFault("stray quote")
    return Param(raw, False)


def parse_line(line: str) -> list:
    """Sub-commands of one line that starts with AT; raises SyntaxFault."""
    if len(line) < 2 or line[:2].upper() != "AT":
        raise SyntaxFault("no AT prefix")
    text, position, commands = line[2:], 0, []
    while position < len(text):
        char = text[position]
        if char in " ;":
            position += 1
        elif char in "+^":
            position = _parse_extended(text, position, commands)
        elif char == "&":
            position = _parse_basic(text, position + 1, commands, "&")
        elif char.isalpha():
            position = _parse_basic(text, position, commands, "")
        else:
            raise SyntaxFault(f"unexpected {char!r}")
    return commands


def _parse_extended(text: str, position: int, commands: list) -> int:
    end = position + 1
    while end < len(text) and (text[end].isalnum() or text[end] in "_"):
        end += 1
    name = text[position:end].upper()
    if len(name) < 2:
        raise SyntaxFault("empty command name")
    rest = text[end:]
    if rest.startswith("=?"):
        commands.append(SubCommand(name, TEST))
        return end + 2
    if rest.startswith("?"):
        commands.append(SubCommand(name, READ))
        return end + 1
    if rest.startswith("="):
        stop = _end_of_argument(text, end + 1)
        commands.append(SubCommand(name, SET, text[end + 1:stop]))
        return stop
    commands.append(SubCommand(name, EXEC))
    return end


def _end_of_argument(text: str, position: int) -> int:
    quoted = False
    while position < len(text):
        if text[position] == '"':
            quoted = not quoted
        elif text[position] == ";" and not quoted:
            return position
        position += 1
    return position


def _parse_basic(text: str, position: int, commands: list, prefix: str) -> int:
    letter = text[position].upper() if position < len(text) else ""
    if not letter.isalpha():
        raise SyntaxFault("bad basic command")
    name = prefix + letter
    position += 1
    if name == "D":
        # the dial string takes the rest of the line
        commands.append(SubCommand("D", SET, text[position:].strip()))
        return len(text)
    if name == "S":
        end = position
        while end < len(text) and text[end].isdigit():
            end += 1
        register = text[position:end]
        if text[end:end + 1] == "?":
            commands.append(SubCommand("S" + register, READ))
            return end + 1
        if text[end:end + 1] == "=":
            value_end = end + 1
            while value_end < len(text) and text[value_end].isdigit():
                value_end += 1
            commands.append(SubCommand("S" + register, SET, text[end + 1:value_end]))
            return value_end
        raise SyntaxFault("bad S register command")
    end = position
    while end < len(text) and text[end].isdigit():
        end += 1
    digits = text[position:end]
    commands.append(SubCommand(name, SET if digits else EXEC, digits))
    return end
