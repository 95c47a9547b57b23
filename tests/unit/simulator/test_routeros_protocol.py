# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Word length codec and sentence framing against exact byte vectors of the RouterOS API."""

import socket

import pytest

from simulator.routeros.api_protocol import (
    ApiConnectionClosed,
    ApiProtocolError,
    SentenceReader,
    decode_length,
    encode_length,
    encode_sentence,
    split_attribute,
    write_sentence,
)
from simulator.routeros.api_session import md5_response

LENGTHS = [
    (0, "00"), (5, "05"), (127, "7F"),
    (128, "80 80"), (130, "80 82"), (256, "81 00"), (16383, "BF FF"),
    (16384, "C0 40 00"), (2097140, "DF FF F4"), (2097151, "DF FF FF"),
    (2097152, "E0 20 00 00"), (268435440, "EF FF FF F0"), (268435455, "EF FF FF FF"),
    (268435456, "F0 10 00 00 00"),
]

SENTENCES = [
    (["/login", "=name=admin", "=password=secret"], 37,
     "06 2f 6c 6f 67 69 6e 0b 3d 6e 61 6d 65 3d 61 64 6d 69 6e 10 3d 70 61 73 73 77 6f 72 64 3d 73 65 63 72 65 74 00"),
    (["!done"], 7, "05 21 64 6f 6e 65 00"),
    (["!trap", "=message=invalid user name or password (6)"], 50,
     "05 21 74 72 61 70 2a 3d 6d 65 73 73 61 67 65 3d 69 6e 76 61 6c 69 64 20 75 73 65 72 20"
     " 6e 61 6d 65 20 6f 72 20 70 61 73 73 77 6f 72 64 20 28 36 29 00"),
    (["/login"], 8, "06 2f 6c 6f 67 69 6e 00"),
    (["!done", "=ret=93b438ec9b80057c06dd9fe67d56aa9a"], 45,
     "05 21 64 6f 6e 65 25 3d 72 65 74 3d 39 33 62 34 33 38 65 63 39 62 38 30 30 35 37 63 30"
     " 36 64 64 39 66 65 36 37 64 35 36 61 61 39 61 00"),
    (["/login", "=name=admin", "=response=00e134102a9d330dd7b1849fedfea3cb57"], 65,
     "06 2f 6c 6f 67 69 6e 0b 3d 6e 61 6d 65 3d 61 64 6d 69 6e 2c 3d 72 65 73 70 6f 6e 73 65"
     " 3d 30 30 65 31 33 34 31 30 32 61 39 64 33 33 30 64 64 37 62 31 38 34 39 66 65 64 66 65"
     " 61 33 63 62 35 37 00"),
    (["/interface/lte/at-chat", "=.id=*1", "=input=AT^SYSCFGEX?", "=wait=yes"], 62,
     "16 2f 69 6e 74 65 72 66 61 63 65 2f 6c 74 65 2f 61 74 2d 63 68 61 74 07 3d 2e 69 64 3d"
     " 2a 31 13 3d 69 6e 70 75 74 3d 41 54 5e 53 59 53 43 46 47 45 58 3f 09 3d 77 61 69 74 3d"
     " 79 65 73 00"),
    (["!re", '=output=^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF\r\n\r\nOK'], 65,
     "03 21 72 65 3b 3d 6f 75 74 70 75 74 3d 5e 53 59 53 43 46 47 45 58 3a 20 22 30 30 22 2c"
     " 33 46 46 46 46 46 46 46 2c 30 2c 31 2c 37 46 46 46 46 46 46 46 46 46 46 46 46 46 46 46"
     " 0d 0a 0d 0a 4f 4b 00"),
    (["/interface/lte/print", "=.proplist=.id,name,running"], 50,
     "14 2f 69 6e 74 65 72 66 61 63 65 2f 6c 74 65 2f 70 72 69 6e 74 1b 3d 2e 70 72 6f 70 6c"
     " 69 73 74 3d 2e 69 64 2c 6e 61 6d 65 2c 72 75 6e 6e 69 6e 67 00"),
    (["!re", "=.id=*1", "=name=lte1", "=running=true"], 38,
     "03 21 72 65 07 3d 2e 69 64 3d 2a 31 0a 3d 6e 61 6d 65 3d 6c 74 65 31 0d 3d 72 75 6e 6e"
     " 69 6e 67 3d 74 72 75 65 00"),
    (["!empty"], 8, "06 21 65 6d 70 74 79 00"),
    (["!trap", "=category=0", "=message=no such command or directory (aasasa)"], 66,
     "05 21 74 72 61 70 0b 3d 63 61 74 65 67 6f 72 79 3d 30 2e 3d 6d 65 73 73 61 67 65 3d 6e"
     " 6f 20 73 75 63 68 20 63 6f 6d 6d 61 6e 64 20 6f 72 20 64 69 72 65 63 74 6f 72 79 20 28"
     " 61 61 73 61 73 61 29 00"),
    (["!trap", "=message=no such command prefix"], 39,
     "05 21 74 72 61 70 1f 3d 6d 65 73 73 61 67 65 3d 6e 6f 20 73 75 63 68 20 63 6f 6d 6d 61"
     " 6e 64 20 70 72 65 66 69 78 00"),
    (["!trap", "=category=2", "=message=interrupted", ".tag=2"], 47,
     "05 21 74 72 61 70 0b 3d 63 61 74 65 67 6f 72 79 3d 32 14 3d 6d 65 73 73 61 67 65 3d 69"
     " 6e 74 65 72 72 75 70 74 65 64 06 2e 74 61 67 3d 32 00"),
    (["!fatal", "session terminated on request"], 38,
     "06 21 66 61 74 61 6c 1d 73 65 73 73 69 6f 6e 20 74 65 72 6d 69 6e 61 74 65 64 20 6f 6e"
     " 20 72 65 71 75 65 73 74 00"),
]


@pytest.mark.parametrize("length, hex_bytes", LENGTHS)
def test_length_vectors(length, hex_bytes):
    assert encode_length(length) == bytes.fromhex(hex_bytes)
    assert decode_length(bytes.fromhex(hex_bytes)) == length


@pytest.mark.parametrize("first", [0xF8, 0xF9, 0xFE, 0xFF])
def test_control_bytes_are_refused(first):
    with pytest.raises(ApiProtocolError):
        decode_length(bytes([first]))


@pytest.mark.parametrize("words, size, hex_bytes", SENTENCES)
def test_sentence_vectors(words, size, hex_bytes):
    data = encode_sentence(words)
    assert data == bytes.fromhex(hex_bytes)
    assert len(data) == size


def _pair():
    left, right = socket.socketpair()
    left.settimeout(5)
    right.settimeout(5)
    return left, right


@pytest.mark.parametrize("words, size, hex_bytes", SENTENCES)
def test_reader_parses_vectors(words, size, hex_bytes):
    del size
    left, right = _pair()
    with left, right:
        left.sendall(bytes.fromhex(hex_bytes))
        assert SentenceReader(right).read_sentence() == words


def test_reader_parses_lengths_containing_zero_bytes():
    # 256 -> 81 00: a reader that scans for 0x00 would split this word
    word = "=input=" + "A" * 249
    left, right = _pair()
    with left, right:
        write_sentence(left, ["/x", word])
        write_sentence(left, ["/y"])
        reader = SentenceReader(right)
        assert reader.read_sentence() == ["/x", word]
        assert reader.read_sentence() == ["/y"]


def test_reader_long_and_five_byte_words():
    left, right = _pair()
    with left, right:
        left.sendall(b"\xf0\x00\x00\x00\x03abc\x00" + encode_sentence(["x" * 20000]))
        reader = SentenceReader(right)
        assert reader.read_sentence() == ["abc"]
        assert reader.read_sentence() == ["x" * 20000]


def test_reader_refuses_control_byte_and_reports_close():
    left, right = _pair()
    with left, right:
        left.sendall(b"\x03abc\xf8")
        with pytest.raises(ApiProtocolError):
            SentenceReader(right).read_sentence()
    left, right = _pair()
    with right:
        left.sendall(b"\x05ab")
        left.close()
        with pytest.raises(ApiConnectionClosed):
            SentenceReader(right).read_sentence()


def test_non_ascii_bytes_round_trip():
    left, right = _pair()
    with left, right:
        left.sendall(encode_sentence(["=output=Telef\u00f3nica".encode("utf-8"), b"=raw=\xff\xfe"]))
        words = SentenceReader(right).read_sentence()
        assert encode_sentence(words) == encode_sentence(["=output=Telef\u00f3nica".encode("utf-8"), b"=raw=\xff\xfe"])


def test_attribute_split_at_second_equals():
    assert split_attribute("=name=iu=c3Eeg") == ("name", "iu=c3Eeg")
    assert split_attribute("=comment=") == ("comment", "")


def test_md5_login_vectors():
    # vectors from MikroTik's API manual example and from go-routeros' tests
    assert md5_response("", "93b438ec9b80057c06dd9fe67d56aa9a") == "00e134102a9d330dd7b1849fedfea3cb57"
    assert md5_response("passTest", "abc123") == "0021277bff9ac7caf06aa608e46616d47f"
