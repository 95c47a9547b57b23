# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""One RouterOS API connection: login, command dispatch, replies, fault injection."""

from __future__ import annotations

import hashlib
import secrets
import select
import socket
from dataclasses import dataclass, field
from typing import Callable, TypeVar, Union

from .api_protocol import ApiConnectionClosed, ApiProtocolError, SentenceReader, encode_sentence, split_attribute
from .apn import APN_PROPERTIES
from .errors import CATEGORY_ARGUMENT, CATEGORY_INTERRUPTED, CommandError
from .queries import matches
from .router import SimulatedRouter, parse_bool

PRINT_ARGS = frozenset({".proplist", "detail", "without-paging", "terse", "brief", "follow", "follow-only", "interval"})
ITEM_ARGS = frozenset({".id", "number", "numbers"})
VERB_ALIASES = {"getall": "print"}
REDACTED_ATTRIBUTES = ("=password=", "=response=", "=pin=")
MALFORMED_MODES = ("bad-word", "control-byte", "empty-sentence", "trap-without-message", "fatal-without-word")
STREAM_INTERVAL = 1.0
# Real menus that are not emulated: they make "no such command or directory (X)" name the right X
OTHER_MENUS = ("/ip/address", "/ip/service", "/ip/route", "/ip/dns", "/user", "/tool", "/log", "/file", "/certificate",
               "/system/clock", "/system/package", "/system/script", "/system/scheduler", "/system/logging",
               "/interface/ethernet", "/interface/lte/settings", "/interface/lte/esim")
ItemT = TypeVar("ItemT")


@dataclass
class Request:
    """A parsed client sentence."""

    command: str
    attributes: dict[str, str] = field(default_factory=dict)
    queries: list[str] = field(default_factory=list)
    tag: str = ""
    stray: list[str] = field(default_factory=list)

    @classmethod
    def parse(cls, words: list[str]) -> "Request":
        """Split a sentence into command, attributes, queries and tag."""
        request = cls(words[0])
        for word in words[1:]:
            if word.startswith("="):
                name, value = split_attribute(word)
                request.attributes[name] = value
            elif word.startswith("?"):
                request.queries.append(word)
            elif word.startswith(".tag="):
                request.tag = word[len(".tag="):]
            else:
                request.stray.append(word)
        return request

    @property
    def path(self) -> str:
        """The command path with verb aliases resolved (getall is print)."""
        head, dummy, verb = self.command.rpartition("/")
        return f"{head}/{VERB_ALIASES.get(verb, verb)}"


def redact(words: list[str]) -> str:
    """A log line for a sentence, with secrets removed."""
    shown = []
    for word in words:
        for prefix in REDACTED_ATTRIBUTES:
            if word.startswith(prefix):
                word = prefix + "<redacted>"
        shown.append(word)
    return " ".join(shown)


def md5_response(password: str, challenge_hex: str) -> str:
    """The pre-6.43 login response: "00" + hex(md5(0x00 ‖ password ‖ unhexlify(challenge)))."""
    digest = hashlib.md5(b"\x00" + password.encode("utf-8") + bytes.fromhex(challenge_hex), usedforsecurity=False)
    return "00" + digest.hexdigest()


class Reply:
    """Sentences answering one request."""

    def __init__(self, tag: str = ""):
        self.tag = tag
        self.sentences: list[list[str]] = []

    def add(self, reply_word: str, attributes: dict[str, str] | None = None) -> None:
        """Append a sentence (with the request's tag, if any)."""
        words = [reply_word] + [f"={key}={value}" for key, value in (attributes or {}).items()]
        if self.tag:
            # the tag comes back only when the request carried a non-empty one
            words.append(f".tag={self.tag}")
        self.sentences.append(words)

    def trap(self, error: CommandError) -> None:
        """Append the error's traps, then !done (RouterOS always ends a reply with !done, also after !trap)."""
        for message, category in error.traps:
            self.add("!trap", ({"category": str(category)} if category is not None else {}) | {"message": message})
        self.add("!done")

    def encode(self) -> bytes:
        """All sentences as wire bytes."""
        return b"".join(encode_sentence(words) for words in self.sentences)


Result = Union[Reply, list[dict[str, str]], None]


class ApiSession:  # pylint: disable=too-few-public-methods
    """Serves one API connection until it is closed."""

    def __init__(self, router: SimulatedRouter, sock: socket.socket):
        self.router = router
        self.sock = sock
        self.reader = SentenceReader(sock)
        self.user: str | None = None
        self.challenge: str | None = None
        self.open = True
        self.handlers: dict[str, tuple[Callable[[Request], Result], frozenset[str]]] = {
            "/login": (self._login, frozenset({"name", "password", "response"})),
            "/quit": (self._quit, frozenset()),
            "/cancel": (self._cancel, frozenset({"tag"})),
            "/interface/lte/print": (self._lte_print, PRINT_ARGS),
            "/interface/lte/at-chat": (self._at_chat, ITEM_ARGS | {"input", "wait"}),
            "/interface/lte/set": (self._lte_set, ITEM_ARGS | set(router.lte_properties)),
            "/interface/print": (self._interface_print, PRINT_ARGS),
            "/system/resource/print": (lambda request: [self.router.resource_row()], PRINT_ARGS),
            "/system/routerboard/print": (lambda request: [self.router.routerboard_row()], PRINT_ARGS),
            "/system/identity/print": (lambda request: [self.router.identity_row()], PRINT_ARGS),
            "/system/identity/set": (self._identity_set, frozenset({"name"})),
        }
        # RouterOS 6 has /interface lte info, 7 moved it to /interface lte monitor; APN profiles are 7's
        if router.v7:
            self.handlers["/interface/lte/monitor"] = (self._info, ITEM_ARGS | {"once", "duration", "interval"})
            self.handlers.update({
                "/interface/lte/apn/print": (lambda request: self.router.apn.rows(), PRINT_ARGS),
                "/interface/lte/apn/add": (self._apn_add, frozenset(APN_PROPERTIES)),
                "/interface/lte/apn/set": (self._apn_set, ITEM_ARGS | set(APN_PROPERTIES)),
                "/interface/lte/apn/remove": (self._apn_remove, ITEM_ARGS),
            })
        else:
            self.handlers["/interface/lte/info"] = (self._info, ITEM_ARGS | {"once", "duration", "interval"})

    # --- connection ----------------------------------------------------------------------------

    def run(self) -> None:
        """Read and answer sentences until the connection ends."""
        try:
            while self.open:
                words = self.reader.read_sentence()
                if words:  # RouterOS ignores empty sentences
                    self._handle(words)
        except (ApiConnectionClosed, ApiProtocolError, OSError):
            pass
        finally:
            self.close()

    def close(self) -> None:
        """Close the connection."""
        self.open = False
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()

    def _send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def _fatal(self, word: str) -> None:
        # !fatal is followed by one bare word (no =message=), then the router closes the socket
        self._send(encode_sentence(["!fatal", word]))
        self.close()

    # --- dispatch ------------------------------------------------------------------------------

    def _handle(self, words: list[str]) -> None:
        self.router.record(redact(words))
        if self.router.api_silence:
            return
        request = Request.parse(words)
        if self.user is None and request.command not in ("/login", "/quit"):
            self._fatal("not logged in")
            return
        result: Result
        try:
            handler, allowed = self._lookup(request)
            if set(request.attributes) - allowed or request.stray:
                raise CommandError(("unknown parameter", None))
            result = handler(request)
        except CommandError as error:
            result = Reply(request.tag)
            result.trap(error)
        if isinstance(result, list):
            result = self._print_reply(request, result)
        if result is not None and self.open:
            self._deliver(request, result)

    def _lookup(self, request: Request):
        entry = self.handlers.get(request.path)
        if entry is None or (self.router.no_at_chat and request.path == "/interface/lte/at-chat"):
            raise CommandError.no_such_command(self._unknown_component(request.path))
        return entry

    def _unknown_component(self, path: str) -> str:
        known = set()
        for command in list(self.handlers) + [menu + "/" for menu in OTHER_MENUS]:
            if self.router.no_at_chat and command.endswith("/at-chat"):
                continue
            parts = command.split("/")
            known.update("/".join(parts[:index]) for index in range(2, len(parts) + 1))
        parts = path.split("/")
        for index in range(2, len(parts) + 1):
            if "/".join(parts[:index]) not in known:
                return parts[index - 1]
        return parts[-1]

    def _print_reply(self, request: Request, rows: list[dict[str, str]]) -> Reply:
        """print-style results: queries, .proplist, !empty (7.18+) or bare !done."""
        reply = Reply(request.tag)
        rows = [row for row in rows if matches(request.queries, row)]
        proplist = request.attributes.get(".proplist")
        if proplist is not None:
            names = [name for name in proplist.split(",") if name]
            rows = [{name: row[name] for name in names if name in row} for row in rows]
        for row in rows:
            reply.add("!re", row)
        if not rows and self.router.empty_replies:
            reply.add("!empty")
        reply.add("!done")
        return reply

    def _deliver(self, request: Request, reply: Reply) -> None:
        data = reply.encode()
        if request.path in self.router.drop_connection_on:
            self._send(data[:max(1, len(data) // 2)])
            self.close()
            return
        mode = self.router.malformed_reply
        if mode and request.command != "/login":
            self._send_malformed("bad-word" if mode is True else str(mode), reply)
            return
        self._send(data)

    def _send_malformed(self, mode: str, reply: Reply) -> None:
        if mode == "control-byte":
            self._send(b"\xf8" + reply.encode())
        elif mode == "empty-sentence":
            self._send(b"\x00" + reply.encode())
        elif mode == "trap-without-message":
            self._send(encode_sentence(["!trap", "=category=2"]) + encode_sentence(["!done"]))
        elif mode == "fatal-without-word":
            self._send(encode_sentence(["!fatal"]))
            self.close()
        else:
            first = reply.sentences[0]
            first.insert(1, "=broken")
            self._send(reply.encode())

    # --- commands ------------------------------------------------------------------------------

    def _login(self, request: Request) -> Reply:
        reply = Reply(request.tag)
        attributes = request.attributes
        name = attributes.get("name")
        if name is None or ("password" not in attributes and "response" not in attributes):
            # a bare /login still answers with an MD5 challenge, even on 7.x
            self.challenge = secrets.token_hex(16)
            reply.add("!done", {"ret": self.challenge})
        elif "password" in attributes:
            if self.router.login_style == "pre643":
                # a pre-6.43 router answers the plain form with a challenge and stays logged out
                self.challenge = secrets.token_hex(16)
                reply.add("!done", {"ret": self.challenge})
            elif self.router.check_password(name, attributes["password"]):
                self.user = name
                reply.add("!done")
            else:
                reply.trap(CommandError(("invalid user name or password (6)", None)))
        else:
            self._login_response(reply, name, attributes["response"])
        return reply

    def _login_response(self, reply: Reply, name: str, response: str) -> None:
        if self.router.login_style == "plain":
            # the MD5 method is gone since 6.45.1: the response is refused
            reply.trap(CommandError(("invalid user name or password (6)", None)))
            return
        password = self.router.users.get(name)
        challenge, self.challenge = self.challenge, None
        if password is not None and challenge and secrets.compare_digest(md5_response(password, challenge), response.lower()):
            self.user = name
            reply.add("!done")
        else:
            reply.trap(CommandError(("cannot log in", None)))

    def _quit(self, _request: Request) -> None:
        self._fatal("session terminated on request")

    @staticmethod
    def _cancel(request: Request) -> Reply:
        # commands run one at a time here, so nothing is left to interrupt
        return _done(request)

    @staticmethod
    def _target(request: Request, find: Callable[[str, bool], ItemT]) -> ItemT:
        """The item a command names: ``.id`` (id or name), or ``number``/``numbers`` (also a print position)."""
        attributes = request.attributes
        if ".id" in attributes:
            return find(attributes[".id"], False)
        for key in ("number", "numbers"):
            if key in attributes:
                return find(attributes[key].split(",")[0], True)
        raise CommandError(("missing value(s) of argument(s) number", CATEGORY_ARGUMENT))

    def _lte_print(self, request: Request) -> list[dict[str, str]]:
        # running needs the modem's registration: asked only when the reply shows it or a query tests it
        proplist = request.attributes.get(".proplist")
        if proplist is not None and "running" not in proplist.split(",") and not any("running" in query for query in request.queries):
            return [lte.row(running=False) for lte in self.router.lte_interfaces()]
        return [self.router.lte_row(lte) for lte in self.router.lte_interfaces()]

    def _interface_print(self, request: Request) -> list[dict[str, str]]:
        keys = (".id", "name", "default-name", "mtu", "running", "disabled")
        return [{key: row[key] for key in keys} | {"type": "lte"} for row in self._lte_print(request)]

    def _apn_add(self, request: Request) -> Reply:
        reply = Reply(request.tag)
        reply.add("!done", {"ret": self.router.apn.add(request.attributes)})
        return reply

    def _apn_set(self, request: Request) -> Reply:
        profile = self._target(request, self.router.apn.find)
        self.router.apn.set(profile, _settings(request))
        return _done(request)

    def _apn_remove(self, request: Request) -> Reply:
        self.router.apn.remove(self._target(request, self.router.apn.find))
        return _done(request)

    def _at_chat(self, request: Request) -> Reply:
        lte = self._target(request, self.router.find_lte)
        if "input" not in request.attributes:
            raise CommandError(("missing value(s) of argument(s) input", CATEGORY_ARGUMENT))
        wait = parse_bool("wait", request.attributes.get("wait", "no")) == "true"
        # no CLI escaping over the API: the value goes to the modem as it is
        data = request.attributes["input"].encode("utf-8", "surrogateescape")
        reply = Reply(request.tag)
        reply.add("!re", {"output": self.router.at_chat(lte, data, wait)})
        reply.add("!done")
        return reply

    def _lte_set(self, request: Request) -> Reply:
        lte = self._target(request, self.router.find_lte)
        self.router.set_lte(lte, _settings(request))
        return _done(request)

    def _identity_set(self, request: Request) -> Reply:
        if "name" in request.attributes:
            self.router.identity = request.attributes["name"]
        return _done(request)

    def _info(self, request: Request) -> Reply | None:
        lte = self._target(request, self.router.find_lte)
        reply = Reply(request.tag)
        reply.add("!re", self.router.lte_info(lte))
        if "once" in request.attributes:
            reply.add("!done")
            return reply
        # without "once" the command streams until it is cancelled (or the client goes away)
        self._send(reply.encode())
        while self.open and not self._readable(STREAM_INTERVAL):
            row = Reply(request.tag)
            row.add("!re", self.router.lte_info(lte))
            self._send(row.encode())
        interrupted = Reply(request.tag)
        interrupted.trap(CommandError(("interrupted", CATEGORY_INTERRUPTED)))
        return interrupted

    def _readable(self, timeout: float) -> bool:
        pending = getattr(self.sock, "pending", None)
        if pending is not None and pending():
            return True
        try:
            ready, dummy, dummy = select.select([self.sock], [], [], timeout)
        except (OSError, ValueError):
            self.open = False
            return True
        return bool(ready)


def _done(request: Request) -> Reply:
    reply = Reply(request.tag)
    reply.add("!done")
    return reply


def _settings(request: Request) -> dict[str, str]:
    """The attributes of a ``set`` that are settings (the item reference left out)."""
    return {key: value for key, value in request.attributes.items() if key not in ITEM_ARGS}
