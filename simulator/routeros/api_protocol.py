# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""RouterOS API wire protocol: word length codec, sentence reader and writer."""

from __future__ import annotations

import socket
from typing import Iterable

# Words are handled as ``str`` decoded from UTF-8 with ``surrogateescape``, so that any byte
# sequence (also non-UTF-8 modem output) survives a decode/encode round trip unchanged.
WIRE_ENCODING = "utf-8"
WIRE_ERRORS = "surrogateescape"

MAX_LENGTH = 0xFFFFFFFF


class ApiProtocolError(Exception):
    """The peer sent something that is not a valid API sentence."""


class ApiConnectionClosed(Exception):
    """The peer closed the connection."""


def encode_length(length: int) -> bytes:
    """Encode a word length: 1 to 4 bytes with 0x80/0xC0/0xE0 markers, or 0xF0 and 4 bytes, most significant first."""
    if length < 0 or length > MAX_LENGTH:
        raise ValueError(f"word length out of range: {length}")
    if length < 0x80:
        return bytes([length])
    if length < 0x4000:
        return (length | 0x8000).to_bytes(2, "big")
    if length < 0x200000:
        return (length | 0xC00000).to_bytes(3, "big")
    if length < 0x10000000:
        return (length | 0xE0000000).to_bytes(4, "big")
    return b"\xf0" + length.to_bytes(4, "big")


def length_size(first: int) -> int:
    """Number of bytes of a length prefix, from its first byte; refuses control bytes (>= 0xF8)."""
    if first < 0x80:
        return 1
    if first < 0xC0:
        return 2
    if first < 0xE0:
        return 3
    if first < 0xF0:
        return 4
    if first < 0xF8:
        return 5
    # RouterOS reserves first bytes >= 0xF8 as control bytes; a reader cannot go on after one
    raise ApiProtocolError(f"reserved control byte 0x{first:02X}")


def decode_length(prefix: bytes) -> int:
    """Decode a complete length prefix (as many bytes as ``length_size`` says)."""
    size = length_size(prefix[0])
    if len(prefix) != size:
        raise ApiProtocolError(f"length prefix needs {size} bytes, got {len(prefix)}")
    if size == 1:
        return prefix[0]
    if size == 5:
        return int.from_bytes(prefix[1:], "big")
    masks = {2: 0x3F, 3: 0x1F, 4: 0x0F}
    return int.from_bytes(bytes([prefix[0] & masks[size]]) + prefix[1:], "big")


def to_bytes(word: str | bytes) -> bytes:
    """A word as wire bytes."""
    if isinstance(word, bytes):
        return word
    return word.encode(WIRE_ENCODING, WIRE_ERRORS)


def encode_word(word: str | bytes) -> bytes:
    """Length prefix plus the word's bytes."""
    data = to_bytes(word)
    return encode_length(len(data)) + data


def encode_sentence(words: Iterable[str | bytes]) -> bytes:
    """A sentence: its words, then the empty word."""
    return b"".join(encode_word(word) for word in words) + b"\x00"


class SentenceReader:
    """Reads sentences from a socket by parsing length prefixes (never by scanning for 0x00: 256 is encoded 81 00)."""

    def __init__(self, sock: socket.socket, max_word: int = 16 * 1024 * 1024):
        self.sock = sock
        self.max_word = max_word

    def _read_exact(self, count: int) -> bytes:
        chunks = []
        while count:
            chunk = self.sock.recv(min(count, 65536))
            if not chunk:
                raise ApiConnectionClosed("peer closed the connection")
            chunks.append(chunk)
            count -= len(chunk)
        return b"".join(chunks)

    def read_word(self) -> bytes:
        """One word as bytes (b"" for the sentence terminator)."""
        first = self._read_exact(1)
        size = length_size(first[0])
        prefix = first + (self._read_exact(size - 1) if size > 1 else b"")
        length = decode_length(prefix)
        if length > self.max_word:
            raise ApiProtocolError(f"word of {length} bytes is too long")
        return self._read_exact(length) if length else b""

    def read_sentence(self) -> list[str]:
        """Words until the empty word; may return [] for an empty sentence (RouterOS ignores those)."""
        words = []
        while True:
            word = self.read_word()
            if not word:
                return words
            words.append(word.decode(WIRE_ENCODING, WIRE_ERRORS))


def write_sentence(sock: socket.socket, words: Iterable[str | bytes]) -> None:
    """Send one sentence."""
    sock.sendall(encode_sentence(words))


def split_attribute(word: str) -> tuple[str, str]:
    """``=name=value`` -> (name, value); the value may contain ``=`` (split at the second ``=`` only)."""
    body = word[1:]
    name, dummy, value = body.partition("=")
    return name, value
