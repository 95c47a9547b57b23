# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The RouterOS command line as a one-shot SSH exec sees it: parsing, escapes, output layout."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from .apn import APN_PROPERTIES
from .errors import CommandError
from .menus import find_item
from .router import SimulatedRouter

CRLF = "\r\n"
VALUE_INDENT = 10  # "  output: ": the label is right-aligned after two spaces

# RouterOS scripting's constant escape sequences inside "…"; \XX (two upper-case hex digits, one byte) is handled separately
ESCAPES = {'"': b'"', "\\": b"\\", "n": b"\n", "r": b"\r", "t": b"\t", "$": b"$", "?": b"?", "_": b" ",
           "a": b"\x07", "b": b"\x08", "f": b"\x0c", "v": b"\x0b"}
HEX_DIGITS = "0123456789ABCDEF"
NAME_STOP = set(' \t=;"[]$')
QUOTE_TRIGGERS = set(' "\\;=$?[]{}')
SIGNAL_UNITS = {"rssi": "dBm", "rsrp": "dBm", "rsrq": "dB", "sinr": "dB"}
# print detail (RouterOS 7): text properties are always quoted, the others only when empty or holding special
# characters; items wrap between properties at the console width, continuing under the first property
TEXT_PROPERTIES = frozenset({"name", "default-name", "modem-init", "apn", "user", "password"})
DETAIL_WIDTH = 80
_PUT_FIELD = re.compile(r'^\s*:put\s+\(\s*\[(?P<inner>.*)\]\s*->\s*"(?P<field>[\w-]+)"\s*\)\s*$')
_PUT_VALUE = re.compile(r"^\s*:put\s+\[(?P<inner>.*)\]\s*$")
_SECRET_ARGUMENT = re.compile(r'\b(pin|password)=("(?:\\.|[^"\\])*"|\S*)')
_FIND = re.compile(r'^\s*find(?:\s+where)?(?:\s+(?P<key>[\w-]+)\s*=\s*(?:"(?P<quoted>[^"]*)"|(?P<bare>\S+)))?\s*$')


class CliError(Exception):
    """An error the console prints instead of a result."""


class MenuChange(Exception):
    """A line naming only a menu: the console changes its current menu and prints nothing."""


def syntax_error(column: int) -> CliError:
    """The console's syntax error for a column (1-based)."""
    return CliError(f"syntax error (line 1 column {column})")


@dataclass
class Token:
    """A word of the command line: ``name`` alone, ``name=value``, ``"quoted"`` or ``[find …]``."""

    name: str
    column: int
    value: bytes | None = None
    kind: str = "word"  # word | quoted | find | separator

    @property
    def text(self) -> str:
        """The value as text (hex escapes that are not UTF-8 survive as surrogates)."""
        return (self.value or b"").decode("utf-8", "surrogateescape")


class Tokenizer:  # pylint: disable=too-few-public-methods
    """Splits one command line into tokens, unescaping quoted strings as the RouterOS console does."""

    def __init__(self, line: str):
        self.line = line
        self.pos = 0

    def tokens(self) -> list[Token]:
        """All tokens of the line."""
        tokens = []
        while True:
            while self.pos < len(self.line) and self.line[self.pos] in " \t":
                self.pos += 1
            if self.pos >= len(self.line):
                return tokens
            tokens.append(self._token())

    def _token(self) -> Token:
        char, column = self.line[self.pos], self.pos + 1
        if char == ";":
            self.pos += 1
            return Token(";", column, kind="separator")
        if char == "[":
            return Token("find", column, self._bracket().encode(), kind="find")
        if char == '"':
            return Token("", column, self._quoted(), kind="quoted")
        if char in "$]=":
            raise syntax_error(column)
        start = self.pos
        while self.pos < len(self.line) and self.line[self.pos] not in NAME_STOP:
            self.pos += 1
        name = self.line[start:self.pos]
        if self.pos < len(self.line) and self.line[self.pos] == "=":
            self.pos += 1
            return Token(name, column, self._value())
        if self.pos < len(self.line) and self.line[self.pos] in '"$]':
            raise syntax_error(self.pos + 1)
        return Token(name, column)

    def _value(self) -> bytes:
        if self.pos < len(self.line) and self.line[self.pos] == '"':
            return self._quoted()
        value = bytearray()
        while self.pos < len(self.line) and self.line[self.pos] not in " \t;":
            char = self.line[self.pos]
            if char in '"$[]':
                raise syntax_error(self.pos + 1)
            if char == "\\":
                value += self._escape()
                continue
            value += char.encode("utf-8", "surrogateescape")
            self.pos += 1
        return bytes(value)

    def _quoted(self) -> bytes:
        self.pos += 1
        value = bytearray()
        while self.pos < len(self.line):
            char = self.line[self.pos]
            if char == '"':
                self.pos += 1
                if self.pos < len(self.line) and self.line[self.pos] not in " \t;]":
                    raise syntax_error(self.pos + 1)
                return bytes(value)
            if char == "\\":
                value += self._escape()
                continue
            if char == "$":
                # "$" inside quotes still starts a variable in RouterOS; none exist in a one-shot exec
                raise syntax_error(self.pos + 1)
            value += char.encode("utf-8", "surrogateescape")
            self.pos += 1
        raise syntax_error(len(self.line) + 1)

    def _escape(self) -> bytes:
        pair = self.line[self.pos + 1:self.pos + 3]
        if len(pair) == 2 and all(char in HEX_DIGITS for char in pair):
            self.pos += 3
            return bytes([int(pair, 16)])
        if pair[:1] in ESCAPES:
            self.pos += 2
            return ESCAPES[pair[:1]]
        raise syntax_error(self.pos + 1)

    def _bracket(self) -> str:
        start = self.pos
        self.pos += 1
        in_quotes = False
        while self.pos < len(self.line):
            char = self.line[self.pos]
            if char == "\\" and in_quotes:
                self.pos += 2
                continue
            if char == '"':
                in_quotes = not in_quotes
            elif char == "]" and not in_quotes:
                self.pos += 1
                return self.line[start + 1:self.pos - 1]
            self.pos += 1
        raise syntax_error(len(self.line) + 1)


def layout(fields: list[tuple[str, str]]) -> str:
    """Right-aligned ``label: value`` lines; multi-line values continue at the value column, as the console prints them."""
    if not fields:
        return ""
    width = max(len(label) for label, dummy in fields) + 2
    lines = []
    for label, value in fields:
        parts = value.split(CRLF) if value else [""]
        lines.append(f"{label:>{width}}: {parts[0]}".rstrip(" ") if parts[0] else f"{label:>{width}}: ")
        lines.extend(" " * (width + 2) + part for part in parts[1:])
    return CRLF.join(lines) + CRLF


def cli_value(value: str) -> str:
    """A value as the console prints it (booleans as yes/no)."""
    return {"true": "yes", "false": "no"}.get(value, value)


def quoted(value: str) -> str:
    """A value as print shows it: bare, or quoted with ``"`` and ``\\`` escaped when empty or holding special characters."""
    if value and not set(value) & QUOTE_TRIGGERS:
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def properties_text(row: dict[str, str], skip: tuple[str, ...]) -> str:
    """``key=value`` pairs of a print row (booleans as yes/no)."""
    return " ".join(f"{key}={quoted(cli_value(value))}" for key, value in row.items() if key not in skip)


def detail_value(key: str, value: str) -> str:
    """A value as ``print detail`` shows it: text properties always in quotes."""
    value = cli_value(value)
    if key in TEXT_PROPERTIES:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return quoted(value)


def detail_item(index: int, flags: str, flag_width: int, row: dict[str, str], skip: tuple[str, ...]) -> list[str]:
    """One item of ``print detail``: number, flags, ``;;; comment`` on a line of its own, then the properties, wrapped."""
    prefix = f"{index:>2} {flags:<{flag_width}} "
    indent = " " * len(prefix)
    lines = []
    current, start = prefix, prefix
    if row.get("comment"):
        lines.append(f"{prefix};;; {row['comment']}")
        current = start = indent
    for key, value in row.items():
        if key in skip or key == "comment":
            continue
        word = f"{key}={detail_value(key, value)}"
        if current != start and len(current) + len(word) > DETAIL_WIDTH:
            lines.append(current)
            current = start = indent
        current += word + " "
    lines.append(current)
    return lines


@dataclass
class Command:
    """A CLI command: positional item allowed, named arguments, flags, handler."""

    handler: Callable[["Cli", "Invocation"], str]
    named: frozenset[str] = frozenset()
    flags: frozenset[str] = frozenset()
    item: bool = False
    versions: tuple[int, ...] = (6, 7)
    menu: str = "lte"


@dataclass
class Invocation:
    """Parsed arguments of one command."""

    item: Token | None = None
    named: dict[str, Token] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    menu: str = "lte"

    def settings(self) -> dict[str, str]:
        """The named arguments as text."""
        return {name: token.text for name, token in self.named.items()}


# The items of a menu, and the row a [find key=value] filter looks at (running needs the modem: only when asked)
MENU_ITEMS: dict[str, Callable[[SimulatedRouter], list[Any]]] = {
    "lte": lambda router: router.lte_interfaces(),
    "apn": lambda router: router.apn.items,
}
FIND_ROWS: dict[str, Callable[[SimulatedRouter, Any, str], dict[str, str]]] = {
    "lte": lambda router, lte, key: router.lte_row(lte) if key == "running" else lte.row(running=False),
    "apn": lambda router, profile, key: profile.row(),
}


PRINT_FLAGS = frozenset({"detail", "without-paging", "terse", "brief", "as-value"})


class Cli:  # pylint: disable=too-few-public-methods
    """Runs command lines against a router, returning what the console prints (CR LF line ends)."""

    def __init__(self, router: SimulatedRouter):
        self.router = router
        self.commands: dict[tuple[str, ...], Command] = {
            ("interface", "lte", "at-chat"): Command(Cli._at_chat, frozenset({"input", "wait", "numbers", "number"}), frozenset({"as-value"}), True),
            ("interface", "lte", "print"): Command(Cli._lte_print, flags=PRINT_FLAGS),
            ("interface", "lte", "set"): Command(Cli._lte_set, frozenset(router.lte_properties) | {"numbers"}, item=True),
            ("interface", "lte", "info"): Command(Cli._lte_info, frozenset({"numbers"}), frozenset({"once"}), True, (6,)),
            ("interface", "lte", "monitor"): Command(Cli._lte_info, frozenset({"numbers"}), frozenset({"once"}), True, (7,)),
            ("interface", "lte", "apn", "print"): Command(Cli._apn_print, flags=PRINT_FLAGS, versions=(7,), menu="apn"),
            ("interface", "lte", "apn", "add"): Command(Cli._apn_add, frozenset(APN_PROPERTIES), versions=(7,), menu="apn"),
            ("interface", "lte", "apn", "set"): Command(Cli._apn_set, frozenset(APN_PROPERTIES) | {"numbers"}, item=True, versions=(7,), menu="apn"),
            ("interface", "lte", "apn", "remove"): Command(Cli._apn_remove, frozenset({"numbers"}), item=True, versions=(7,), menu="apn"),
            ("system", "resource", "print"): Command(lambda cli, inv: layout(list(cli.router.resource_row().items())), flags=PRINT_FLAGS),
            ("system", "identity", "print"): Command(lambda cli, inv: layout([("name", cli.router.identity)]), flags=PRINT_FLAGS),
            ("system", "routerboard", "print"): Command(Cli._routerboard_print, flags=PRINT_FLAGS),
        }

    # --- entry point ---------------------------------------------------------------------------

    def run(self, line: str) -> str:
        """Run one exec command line and return what the console prints."""
        self.router.cli_log.append(_SECRET_ARGUMENT.sub(r"\1=<redacted>", line))
        for pattern, raw in ((_PUT_FIELD, True), (_PUT_VALUE, False)):
            match = pattern.match(line)
            if match:
                return self._put(match, raw)
        try:
            output = []
            for tokens in self._statements(Tokenizer(line).tokens()):
                output.append(self._execute(tokens))
            return "".join(output)
        except CliError as error:
            return str(error) + CRLF

    @staticmethod
    def _statements(tokens: list[Token]) -> list[list[Token]]:
        statements: list[list[Token]] = [[]]
        for token in tokens:
            if token.kind == "separator":
                statements.append([])
            else:
                statements[-1].append(token)
        return [statement for statement in statements if statement]

    def _put(self, match: re.Match, raw_field: bool) -> str:
        """``:put ([<cmd> as-value]->"output")`` prints the raw value; ``:put [<cmd> as-value]`` prints ``output=…``."""
        inner = match.group("inner").strip()
        try:
            tokens = Tokenizer(inner).tokens()
            command, invocation = self._parse(tokens)
            if "as-value" not in invocation.flags or command.handler is not Cli._at_chat:
                raise CliError("expected end of command (line 1 column 1)")
            value = self._chat_value(invocation)
        except CliError as error:
            return str(error) + CRLF
        if raw_field:
            return (value if match.group("field") == "output" else "") + CRLF
        return f"output={value}" + CRLF

    def _execute(self, tokens: list[Token]) -> str:
        try:
            command, invocation = self._parse(tokens)
        except MenuChange:
            return ""
        try:
            return command.handler(self, invocation)
        except CommandError as error:
            return "".join(message + CRLF for message, dummy in error.traps[:1])

    # --- parsing -------------------------------------------------------------------------------

    def _path_parts(self, tokens: list[Token]) -> tuple[list[tuple[str, int]], int]:
        """Menu words with their columns, and how many tokens they used (up to a complete command)."""
        parts: list[tuple[str, int]] = []
        used = 0
        for token in tokens:
            if token.kind != "word" or token.value is not None:
                break
            name = token.name[1:] if token.name.startswith("/") and not parts else token.name
            column = token.column + len(token.name) - len(name)
            if "/" in name and not self.router.v7:
                # RouterOS 6 accepts only space-separated paths; /interface/lte/at-chat is 7.x syntax
                raise CliError(f"bad command name {name} (line 1 column {column})")
            for piece in name.split("/"):
                parts.append((piece, column))
                column += len(piece) + 1
            used += 1
            if tuple(part for part, dummy in parts) in self.commands:
                break
        return parts, used

    def _parse(self, tokens: list[Token]) -> tuple[Command, Invocation]:
        parts, used = self._path_parts(tokens)
        path: tuple[str, ...] = ()
        available = {key for key, command in self.commands.items() if self.router.major in command.versions}
        if self.router.no_at_chat:
            available.discard(("interface", "lte", "at-chat"))
        for part, column in parts:
            path += (part,)
            if path not in {key[:len(path)] for key in available}:
                raise CliError(f"bad command name {part} (line 1 column {column})")
        if path not in available:
            if used == len(tokens):
                raise MenuChange()
            # a menu followed by something that is neither a menu nor a command
            raise CliError(f"bad command name {tokens[used].name or tokens[used].text} (line 1 column {tokens[used].column})")
        command = self.commands[path]
        return command, self._arguments(command, tokens[used:])

    @staticmethod
    def _arguments(command: Command, tokens: list[Token]) -> Invocation:
        invocation = Invocation(menu=command.menu)
        for token in tokens:
            if token.kind == "find" or token.kind == "quoted" or (token.value is None and token.name not in command.flags):
                if not command.item or invocation.item is not None:
                    raise CliError(f"expected end of command (line 1 column {token.column})")
                invocation.item = token
            elif token.value is None:
                invocation.flags.add(token.name)
            elif token.name in ("number", "numbers") and command.item:
                invocation.item = token
            elif token.name in command.named:
                invocation.named[token.name] = token
            else:
                raise CliError(f"expected end of command (line 1 column {token.column})")
        return invocation

    # --- items ---------------------------------------------------------------------------------

    def _items(self, invocation: Invocation) -> list[Any]:
        token = invocation.item
        if token is None:
            raise CliError("missing value(s) of argument(s) numbers")
        if token.kind == "find":
            return self._find(token, invocation.menu)
        ref = token.text if token.value is not None else token.name
        if ref.isdigit():
            # item numbers refer to the last print in the same console session; a one-shot exec has none
            raise CommandError.no_such_item()
        return [find_item(MENU_ITEMS[invocation.menu](self.router), ref)]

    def _find(self, token: Token, menu: str) -> list[Any]:
        match = _FIND.match(token.text)
        if not match:
            raise CliError(f"syntax error (line 1 column {token.column + 1})")
        key = match.group("key")
        wanted = match.group("quoted") if match.group("quoted") is not None else match.group("bare")
        items = MENU_ITEMS[menu](self.router)
        if key:
            items = [item for item in items if cli_value(FIND_ROWS[menu](self.router, item, key).get(key, "")) == cli_value(wanted)]
        return items

    # --- commands ------------------------------------------------------------------------------

    def _chat_value(self, invocation: Invocation) -> str:
        items = self._items(invocation)
        if not items:
            raise CommandError(("no such item", None))
        if "input" not in invocation.named:
            raise CliError("missing value(s) of argument(s) input")
        wait = invocation.named.get("wait")
        wait_yes = wait is not None and wait.text.lower() in ("yes", "true")
        return self.router.at_chat(items[0], invocation.named["input"].value or b"", wait_yes)

    def _at_chat(self, invocation: Invocation) -> str:
        value = self._chat_value(invocation)
        if self.router.keep_empty_lines:
            # RouterOS 6.39.2 printed the raw value, the empty line and "OK" at column 0 included
            return "  output: " + value.replace("\n", "\r\n").replace("\r\r\n", "\r\n") + CRLF
        lines = [line for line in re.split(r"\r\n|\n|\r", value) if line]
        return layout([("output", CRLF.join(lines))])

    def _lte_print(self, invocation: Invocation) -> str:
        detail = "detail" in invocation.flags
        lines = ["Flags: X - disabled; R - running " if detail else "Flags: X - disabled, R - running"]
        for index, lte in enumerate(self.router.lte_interfaces()):
            row = self.router.lte_row(lte)
            flag = "X" if row["disabled"] == "true" else "R" if row["running"] == "true" else " "
            if detail:
                lines.extend(detail_item(index, flag, 1, row, (".id", "running", "disabled", "inactive")))
            else:
                lines.append(f"{index:>2} {flag} {properties_text(row, ('.id', 'running', 'disabled', 'inactive', 'default-name'))}")
        return CRLF.join(lines) + CRLF

    def _lte_set(self, invocation: Invocation) -> str:
        for lte in self._items(invocation):
            self.router.set_lte(lte, invocation.settings())
        return ""

    def _lte_info(self, invocation: Invocation) -> str:
        # without "once" the console would stream until interrupted; an exec prints one block
        items = self._items(invocation)
        if not items:
            raise CommandError.no_such_item()
        row = self.router.lte_info(items[0])
        return layout([(key, value + SIGNAL_UNITS.get(key, "")) for key, value in row.items()])

    def _apn_print(self, invocation: Invocation) -> str:
        detail = "detail" in invocation.flags
        lines = ["Flags: * - default " if detail else "Flags: * - default"]
        for index, row in enumerate(self.router.apn.rows()):
            flag = "*" if row["default"] == "true" else " "
            if detail:
                lines.extend(detail_item(index, flag, 1, row, (".id", "default")))
            else:
                lines.append(f"{index:>2} {flag} {properties_text(row, ('.id', 'default'))}")
        return CRLF.join(lines) + CRLF

    def _apn_add(self, invocation: Invocation) -> str:
        self.router.apn.add(invocation.settings())
        return ""

    def _apn_set(self, invocation: Invocation) -> str:
        for profile in self._items(invocation):
            self.router.apn.set(profile, invocation.settings())
        return ""

    def _apn_remove(self, invocation: Invocation) -> str:
        for profile in self._items(invocation):
            self.router.apn.remove(profile)
        return ""

    def _routerboard_print(self, _invocation: Invocation) -> str:
        try:
            row = self.router.routerboard_row()
        except CommandError as error:
            raise CliError("bad command name routerboard (line 1 column 9)") from error
        return layout([(key, cli_value(value)) for key, value in row.items()])
