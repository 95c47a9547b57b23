# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Command engine: one command line in, info blocks + final result + after-actions out."""

from __future__ import annotations

from dataclasses import dataclass, field

from .knobs import best_match
from .syntax import EXEC, READ, SET, TEST, SyntaxFault, parse_line

# SIM state → CME error of the commands refused while the SIM is not usable (the firmware's
# command table marks the few commands allowed while PIN-locked, such as +CPIN, +CFUN, +CREG).
SIM_GATE_ERRORS = {"pin": 11, "puk": 12, "absent": 10, "blocked": 13, "busy": 14, "failure": 13, "wrong": 15}


class AtFault(Exception):
    """A sub-command failed; kind selects how the final result is printed."""

    def __init__(self, kind: str, code: int | None = None):
        super().__init__(kind, code)
        self.kind = kind
        self.code = code

    @classmethod
    def cme(cls, code: int):
        """+CME ERROR: <code> (or ERROR / text per +CMEE)."""
        return cls("cme", code)

    @classmethod
    def error(cls):
        """Plain ERROR whatever +CMEE says."""
        return cls("error")


BAD_PARAMETER = 50


@dataclass
class Response:
    """What the engine produced for one command line."""

    blocks: list
    final: str
    actions: list = field(default_factory=list)


class Context:  # pylint: disable=too-many-instance-attributes
    """What a command handler may use while it runs (the modem lock is held)."""

    def __init__(self, modem, link):
        self.modem = modem
        self.link = link
        self.profile = modem.profile
        self.state = modem.state
        self.knobs = modem.knobs
        self.network = modem.network
        self.identity = modem.identity
        self.success_final = "OK"
        self.actions = []

    def reply(self, name: str, body: str) -> str:
        """Format `name: body` in the profile's style."""
        return self.profile.format_reply(name, body)

    def after(self, action):
        """Run action() once the final result has been written to the port."""
        self.actions.append(action)


class Command:  # pylint: disable=too-few-public-methods
    """Base of every command handler. Subclasses define exec_/read/test/set_ methods."""

    max_params = 0
    sim_gated = False

    def handle(self, ctx: Context, cmd):
        """Dispatch on the operation; an operation the command lacks answers ERROR."""
        method = {EXEC: "exec_", READ: "read", TEST: "test", SET: "set_"}[cmd.op]
        handler = getattr(self, method, None)
        if handler is None:
            raise AtFault.error()
        if cmd.op == SET:
            params = cmd.params
            if len(params) > self.max_params:
                raise AtFault("too_many")
            return handler(ctx, params) or []
        return handler(ctx) or []


def int_param(param, allowed, default=None) -> int:
    """Decimal parameter that must be in allowed (an iterable); empty → default or CME 50."""
    if param is None or param.empty:
        if default is None:
            raise AtFault.cme(BAD_PARAMETER)
        return default
    text = param.value
    if param.quoted or not text.isdigit() or int(text) not in allowed:
        raise AtFault.cme(BAD_PARAMETER)
    return int(text)


def hex_param(param, default=None) -> int:
    """Hexadecimal mask parameter; empty → default or CME 50."""
    if param is None or param.empty:
        if default is None:
            raise AtFault.cme(BAD_PARAMETER)
        return default
    text = param.value
    if text.lower().startswith("0x"):
        text = text[2:]
    try:
        return int(text, 16)
    except ValueError:
        raise AtFault.cme(BAD_PARAMETER) from None


def string_param(param, max_length=99) -> str:
    """Quoted string parameter (unquoted tolerated) of at most max_length bytes."""
    if param is None or param.empty:
        return ""
    if len(param.value) > max_length:
        raise AtFault.cme(BAD_PARAMETER)
    return param.value


class CommandEngine:
    """Parses a line, applies SIM gating and dispatches to the handler table."""

    def __init__(self, modem, handlers: dict):
        self.modem = modem
        self.handlers = handlers

    def execute(self, line: str, link) -> Response:
        """Run every sub-command of the line, stopping at the first error (its error is the final result)."""
        ctx = Context(self.modem, link)
        override = best_match(self.modem.knobs.errors, line)
        if override is not None:
            return Response([], override)
        try:
            commands = parse_line(line)
        except SyntaxFault:
            return Response([], "ERROR")
        blocks = []
        for cmd in commands:
            # A refusal knob may name a command of a chained line too: the commands before it ran.
            refused = best_match(self.modem.knobs.errors, cmd.text)
            if refused is not None:
                return Response(blocks, refused, ctx.actions)
            try:
                blocks.append(self._run(ctx, cmd))
            except AtFault as fault:
                return Response(blocks, self.format_fault(fault), ctx.actions)
        return Response(blocks, ctx.success_final, ctx.actions)

    def _run(self, ctx: Context, cmd) -> list:
        handler = self._handler_for(cmd.name)
        if handler is None or not ctx.profile.supports(cmd.name):
            raise AtFault("not_supported")
        gated = handler.sim_gated or cmd.key in ctx.profile.sim_gated_extra
        if gated and not ctx.state.sim_usable:
            raise AtFault.cme(SIM_GATE_ERRORS[ctx.state.sim_status])
        try:
            return list(handler.handle(ctx, cmd))
        except SyntaxFault:
            raise AtFault.error() from None

    def _handler_for(self, name: str):
        if name[0] == "S" and name[1:].isdigit():
            return self.handlers.get("S")
        return self.handlers.get(name)

    def format_fault(self, fault: AtFault) -> str:
        """Final result text of a fault: ERROR, +CME ERROR: <n> or <text> per +CMEE, or the profile's unknown-command reply."""
        profile, state = self.modem.profile, self.modem.state
        if fault.kind == "cme":
            if state.cmee == 0:
                return "ERROR"
            if state.cmee == 1:
                return f"+CME ERROR: {fault.code}"
            return f"+CME ERROR: {profile.cme_texts.get(fault.code, str(fault.code))}"
        return {
            "not_supported": profile.unknown_command_reply,
            "too_many": "TOO MANY PARAMETERS",
            "no_carrier": "NO CARRIER",
        }.get(fault.kind, "ERROR")
