# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""librouteros against the RouterOS API emulator: login styles, at-chat, traps, faults."""

import queue
import socket
import threading
import time

import librouteros
import pytest
from librouteros.exceptions import ConnectionClosed, FatalError, MultiTrapError, ProtocolError, TrapError
from librouteros.login import token

from simulator.modem import SimulatedModem
from simulator.routeros import SimulatedRouter, serve_api
from simulator.routeros.api_protocol import SentenceReader, encode_sentence

TIMEOUT = 30
WAIT = 0.2
SYSCFGEX = '^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF'


class ChunkedLink:
    """A stand-in AT port whose answers come in parts; the parts the modem holds wait for the test to release them."""

    def __init__(self, modem):
        self.modem = modem
        self.incoming = queue.Queue()
        self.closed = False
        self.echo = True
        self.pending = b""

    def write(self, data):
        self.pending += data
        while b"\r" in self.pending:
            line, self.pending = self.pending.split(b"\r", 1)
            command = line.decode()
            self.modem.command_log.append(command)
            if self.echo:
                self.incoming.put(line + b"\r")
            if command.upper() == "ATE0":
                self.echo = False
            parts = self.modem.answers.get(command.upper(), ["OK"] if command.upper() == "ATE0" else ["ERROR"])
            held = len(parts) if self.modem.held_from is None else self.modem.held_from
            for part in parts[:held]:
                self._send(part)
            if parts[held:]:
                threading.Thread(target=self._send_when_released, args=(parts[held:], self.modem.release), daemon=True).start()
            else:
                self.modem.answer_sent()

    def _send(self, part):
        self.incoming.put(b"\r\n" + part.encode() + b"\r\n")

    def _send_when_released(self, parts, release):
        if release.wait(TIMEOUT):
            for part in parts:
                self._send(part)
            self.modem.answer_sent()

    def read(self, timeout):
        try:
            return self.incoming.get(timeout=max(timeout, 0.0001))
        except queue.Empty:
            return b""

    def close(self):
        self.closed = True


class ChunkedModem:
    """Minimal modem stand-in: fixed answers, sent at once up to part ``held_from``; the rest waits for ``release``."""

    def __init__(self, held_from=None):
        self.command_log = []
        self.held_from = held_from
        self.release = threading.Event()
        self.answers = {"AT": ["OK"], "AT^SYSCFGEX?": [SYSCFGEX, "OK"], "AT+COPS?": ['+COPS: 0,0,"Telef\u00f3nica",7', "OK"]}
        self.answered = threading.Condition()
        self.answers_done = 0

    def answer_sent(self):
        with self.answered:
            self.answers_done += 1
            self.answered.notify_all()

    def wait_answers(self, count):
        """Block until ``count`` answers were sent completely."""
        with self.answered:
            return self.answered.wait_for(lambda: self.answers_done >= count, TIMEOUT)

    def connect(self):
        return ChunkedLink(self)


@pytest.fixture(name="modem")
def fixture_modem():
    return SimulatedModem(profile="ME909u-521", seed=1)


@pytest.fixture(name="router")
def fixture_router(modem):
    router = SimulatedRouter(lte={"lte1": modem}, at_chat_wait=WAIT, first_chunk_timeout=TIMEOUT)
    yield router
    router.close()


@pytest.fixture(name="server")
def fixture_server(router):
    with serve_api(router) as server:
        yield server


def connect(server, **kwargs):
    kwargs.setdefault("timeout", TIMEOUT)
    return librouteros.connect(server.host, "admin", "secret", port=server.port, **kwargs)


def at_chat(api, **kwargs):
    return tuple(api("/interface/lte/at-chat", **kwargs))


def test_plain_login_and_lte_print(server, router):
    api = connect(server)
    rows = tuple(api("/interface/lte/print"))
    assert rows[0][".id"] == "*1" and rows[0]["name"] == "lte1" and rows[0]["running"] is True
    assert rows[0]["allow-roaming"] is False
    assert tuple(api("/interface/lte/print", **{".proplist": ".id,name,running"})) == ({".id": "*1", "name": "lte1", "running": True},)
    assert router.log[0] == "/login =name=admin =password=<redacted>"
    api.close()


def test_failed_login_is_a_trap(server):
    with pytest.raises(TrapError) as caught:
        librouteros.connect(server.host, "admin", "wrong", port=server.port, timeout=TIMEOUT)
    assert str(caught.value) == "invalid user name or password (6)"
    assert caught.value.category is None


@pytest.mark.parametrize("style", ["legacy", "pre643"])
def test_token_login(router, style):
    router.login_style = style
    with serve_api(router) as server:
        api = connect(server, login_method=token)
        assert tuple(api("/system/identity/print")) == ({"name": "MikroTik"},)
        with pytest.raises(TrapError, match="cannot log in"):
            librouteros.connect(server.host, "admin", "bad", port=server.port, timeout=TIMEOUT, login_method=token)
    assert "=response=<redacted>" in router.log[1]


def test_token_login_refused_on_plain_router(server):
    with pytest.raises(TrapError, match=r"invalid user name or password \(6\)"):
        connect(server, login_method=token)


def test_pre643_plain_login_then_not_logged_in(router):
    router.login_style = "pre643"
    with serve_api(router) as server:
        api = connect(server)  # the plain login "succeeds" with =ret= on a pre-6.43 router
        with pytest.raises(FatalError, match="not logged in"):
            tuple(api("/system/resource/print"))


def test_at_chat_by_id_and_number(server, modem):
    api = connect(server)
    assert at_chat(api, **{".id": "*1", "input": "AT^SYSCFGEX?", "wait": True}) == ({"output": SYSCFGEX + "\r\nOK"},)
    assert at_chat(api, **{".id": "lte1", "input": "AT"}) == ({"output": "OK"},)
    assert at_chat(api, number="lte1", input="AT") == ({"output": "OK"},)
    assert at_chat(api, number=0, input="AT") == ({"output": "OK"},)
    assert modem.command_log == ["ATE0", "AT^SYSCFGEX?", "AT", "AT", "AT"]


def test_modem_error_stays_in_output(server):
    api = connect(server)
    output = at_chat(api, number="lte1", input="AT+NOPE")[0]["output"]
    assert output.endswith("ERROR") or output == "COMMAND NOT SUPPORT"
    assert at_chat(api, number="lte1", input="AT")[0]["output"] == "OK"


def test_wait_yes_collects_the_whole_slow_answer(router, server, modem):
    router.at_chat_wait = 1.0
    modem.knobs.latency = 0.1
    api = connect(server)
    started = time.monotonic()
    assert at_chat(api, number="lte1", input="AT^SYSCFGEX?", wait=True) == ({"output": SYSCFGEX + "\r\nOK"},)
    assert time.monotonic() - started >= 1.0  # real routers always wait the full time


def test_without_wait_a_very_slow_answer_is_empty(router, server, modem):
    router.first_chunk_timeout = WAIT
    api = connect(server)
    at_chat(api, number="lte1", input="AT")
    modem.knobs.latency = 1.0
    assert at_chat(api, number="lte1", input="AT^SYSCFGEX?") == ({"output": ""},)


def test_without_wait_only_the_first_chunk():
    modem = ChunkedModem(held_from=1)  # the first line of an answer comes, the rest waits
    router = SimulatedRouter(lte={"lte1": modem}, at_chat_wait=WAIT, first_chunk_timeout=TIMEOUT)
    with serve_api(router) as server:
        api = connect(server)
        assert at_chat(api, number="lte1", input="AT^SYSCFGEX?") == ({"output": SYSCFGEX},)
        # the cut-off rest arrives later and is drained before the next call
        modem.release.set()
        assert modem.wait_answers(2)  # ATE0 and AT^SYSCFGEX?
        modem.held_from = None
        assert at_chat(api, number="lte1", input="AT^SYSCFGEX?", wait=True) == ({"output": SYSCFGEX + "\r\nOK"},)
        # an answer that has not begun when the first-chunk timeout ends is empty
        router.first_chunk_timeout = WAIT
        modem.held_from, modem.release = 0, threading.Event()
        assert at_chat(api, number="lte1", input="AT") == ({"output": ""},)
        modem.release.set()
    router.close()


def test_at_chat_latency_knob(router, server):
    router.at_chat_latency = 0.3
    api = connect(server)
    started = time.monotonic()
    at_chat(api, number="lte1", input="AT")
    assert time.monotonic() - started >= 0.3


def test_traps(server):
    api = connect(server)
    with pytest.raises(TrapError, match="no such item"):
        at_chat(api, **{".id": "*7", "input": "AT"})
    with pytest.raises(TrapError, match="unknown parameter"):
        at_chat(api, number="lte1", imput="AT")
    with pytest.raises(MultiTrapError) as caught:
        tuple(api("/ip/aasasa/p"))
    assert str(caught.value) == "no such command or directory (aasasa), no such command prefix"
    assert tuple(api("/system/identity/print")) == ({"name": "MikroTik"},)


def test_no_at_chat_and_routerboard_missing(router, server):
    router.no_at_chat = True
    router.routerboard = False
    api = connect(server)
    with pytest.raises(MultiTrapError, match=r"no such command or directory \(at-chat\), no such command prefix"):
        at_chat(api, number="lte1", input="AT")
    with pytest.raises(MultiTrapError, match=r"\(routerboard\)"):
        tuple(api("/system/routerboard/print"))


def test_missing_interface_and_empty_reply(router, server):
    router.missing_interface = True
    api = connect(server)
    assert not tuple(api("/interface/lte/print"))
    with pytest.raises(TrapError, match="no such item"):
        at_chat(api, **{".id": "lte1", "input": "AT"})


def test_quit_is_fatal(server):
    api = connect(server)
    with pytest.raises(FatalError, match="session terminated on request"):
        tuple(api("/quit"))


def test_set_and_queries(server):
    api = connect(server)
    tuple(api("/interface/lte/set", **{".id": "lte1", "allow-roaming": True, "modem-init": 'AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,'}))
    row = tuple(api("/interface/lte/print"))[0]
    assert row["allow-roaming"] is True and row["modem-init"].startswith("AT^SYSCFGEX=")
    assert len(tuple(api.rawCmd("/interface/lte/print", "?name=lte1"))) == 1
    assert not tuple(api.rawCmd("/interface/lte/print", "?name=lte2"))
    assert len(tuple(api.rawCmd("/interface/lte/print", "?name=lte2", "?name=lte1", "?#|"))) == 1
    assert tuple(api("/interface/lte/apn/print"))[0]["apn"] == "internet"
    assert tuple(api("/system/resource/print"))[0]["version"] == "7.15.3 (stable)"


def test_monitor_asks_the_modem(router, server, modem):
    router.non_ascii_output = "Telef\u00f3nica"
    api = connect(server, encoding="UTF-8")
    row = tuple(api("/interface/lte/monitor", numbers="lte1", once=True))[0]
    assert row["model"] == "ME909u-521" and row["pin-status"] == "no password required"
    assert isinstance(row["rssi"], int) and row["access-technology"] == "LTE"
    assert row["current-operator"] == "Telef\u00f3nica"
    assert "AT+CGMM" in modem.command_log and not any("=" in command for command in modem.command_log)


def test_non_ascii_output_passes_as_utf8(router, server):
    router.non_ascii_output = "Telef\u00f3nica M\u00f3viles"
    ascii_api = connect(server)
    assert at_chat(ascii_api, number="lte1", input="AT+COPS?")[0]["output"].startswith('+COPS: 0,0,"Telefnica Mviles"')
    ascii_api.close()
    utf8_api = connect(server, encoding="UTF-8")
    assert '"Telef\u00f3nica M\u00f3viles"' in at_chat(utf8_api, number="lte1", input="AT+COPS?")[0]["output"]


def test_drop_connection_mid_reply(router, server, modem):
    router.drop_connection_on = {"/interface/lte/at-chat"}
    api = connect(server)
    with pytest.raises(ConnectionClosed):
        at_chat(api, number="lte1", input="AT")
    assert modem.command_log[-1] == "AT"  # the modem got the command, the reply was lost


def test_api_silence_times_out(router, server):
    api = connect(server, timeout=0.5)
    router.api_silence = True
    with pytest.raises(TimeoutError):
        at_chat(api, number="lte1", input="AT")


@pytest.mark.parametrize("mode, error", [
    (True, ValueError), ("control-byte", ProtocolError), ("empty-sentence", IndexError),
    ("trap-without-message", TypeError), ("fatal-without-word", IndexError),
])
def test_malformed_replies(router, server, mode, error):
    api = connect(server)
    router.malformed_reply = mode
    with pytest.raises(error):
        at_chat(api, number="lte1", input="AT")


def raw_session(server):
    sock = socket.create_connection((server.host, server.port), timeout=TIMEOUT)
    return sock, SentenceReader(sock)


def test_raw_not_logged_in_then_closed(server):
    sock, reader = raw_session(server)
    with sock:
        sock.sendall(encode_sentence(["/interface/lte/print"]))
        assert reader.read_sentence() == ["!fatal", "not logged in"]
        assert sock.recv(1) == b""


def test_raw_tags_empty_and_bare_login(server):
    sock, reader = raw_session(server)
    with sock:
        sock.sendall(b"\x00" + encode_sentence(["/login"]))  # the empty sentence is ignored
        done = reader.read_sentence()
        assert done[0] == "!done" and len(done[1]) == len("=ret=") + 32
        sock.sendall(encode_sentence(["/login", "=name=admin", "=password=secret", ".tag=a"]))
        assert reader.read_sentence() == ["!done", ".tag=a"]
        sock.sendall(encode_sentence(["/interface/lte/print", "?name=none", ".tag=7"]))
        assert reader.read_sentence() == ["!empty", ".tag=7"]
        assert reader.read_sentence() == ["!done", ".tag=7"]
        sock.sendall(encode_sentence(["/interface/lte/print", "=.proplist=comment"]))
        assert reader.read_sentence() == ["!re"]
        assert reader.read_sentence() == ["!done"]
        sock.sendall(encode_sentence(["/nope/x", ".tag=9"]))
        assert reader.read_sentence() == ["!trap", "=category=0", "=message=no such command or directory (nope)", ".tag=9"]
        assert reader.read_sentence() == ["!trap", "=message=no such command prefix", ".tag=9"]
        assert reader.read_sentence() == ["!done", ".tag=9"]
        sock.sendall(encode_sentence(["/quit"]))
        assert reader.read_sentence() == ["!fatal", "session terminated on request"]


def test_without_empty_replies_and_v6_info(modem):
    router = SimulatedRouter(version="6.39.2", lte={"lte1": modem}, at_chat_wait=WAIT, empty_replies=False)
    with serve_api(router) as server:
        sock, reader = raw_session(server)
        with sock:
            sock.sendall(encode_sentence(["/login", "=name=admin", "=password=secret"]))
            assert reader.read_sentence() == ["!done"]
            sock.sendall(encode_sentence(["/interface/lte/print", "?name=none"]))
            assert reader.read_sentence() == ["!done"]
            sock.sendall(encode_sentence(["/interface/lte/at-chat", "=number=lte1", "=input=AT^SYSCFGEX?", "=wait=yes"]))
            # on RouterOS 6 the frame's empty line stays inside the value
            assert reader.read_sentence() == ["!re", "=output=" + SYSCFGEX + "\r\n\r\nOK"]
            assert reader.read_sentence() == ["!done"]
            sock.sendall(encode_sentence(["/interface/lte/info", "=number=lte1", "=once="]))
            assert reader.read_sentence()[0] == "!re"
            assert reader.read_sentence() == ["!done"]
            sock.sendall(encode_sentence(["/interface/lte/monitor", "=numbers=lte1", "=once="]))
            assert reader.read_sentence() == ["!trap", "=category=0", "=message=no such command or directory (monitor)"]
    router.close()


def test_streaming_monitor_until_cancel(server):
    sock, reader = raw_session(server)
    with sock:
        sock.sendall(encode_sentence(["/login", "=name=admin", "=password=secret"]))
        assert reader.read_sentence() == ["!done"]
        sock.sendall(encode_sentence(["/interface/lte/monitor", "=numbers=lte1", ".tag=2"]))
        assert reader.read_sentence()[0] == "!re"
        sock.sendall(encode_sentence(["/cancel", "=tag=2", ".tag=7"]))
        sentences = []
        while ["!done", ".tag=7"] not in sentences and len(sentences) < 10:
            sentences.append(reader.read_sentence())
        assert ["!trap", "=category=2", "=message=interrupted", ".tag=2"] in sentences
        assert ["!done", ".tag=2"] in sentences and ["!done", ".tag=7"] in sentences


def test_concurrent_sessions_share_the_port(server, modem):
    results = []

    def worker():
        api = connect(server)
        results.append(at_chat(api, number="lte1", input="AT^SYSCFGEX?")[0]["output"])

    threads = [threading.Thread(target=worker) for dummy in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert results == [SYSCFGEX + "\r\nOK"] * 4
    assert modem.command_log.count("ATE0") == 1


def test_modem_reboot_is_a_trap_then_recovers(router, server, modem):
    modem.knobs.reboot_delay = 2.0  # long enough for the next call to find the modem away, even on a loaded machine
    api = connect(server)
    assert at_chat(api, number="lte1", input="AT^RESET") == ({"output": "OK"},)
    with pytest.raises(TrapError, match="failure: modem not responding"):
        at_chat(api, number="lte1", input="AT")
    # the router takes the new port and initialises the modem as soon as it is back
    assert modem.wait_ready(TIMEOUT) and router.interfaces[0].channel.wait_initialised(2, TIMEOUT)
    assert at_chat(api, number="lte1", input="AT") == ({"output": "OK"},)
    assert modem.command_log.count("ATE0") == 2  # the router turns echo off again on the new port


def test_secrets_are_redacted_in_logs(router, server):
    api = connect(server)
    tuple(api("/interface/lte/set", **{".id": "lte1", "pin": "1234"}))
    assert router.log[-1] == "/interface/lte/set =.id=lte1 =pin=<redacted>"
    assert "1234" not in " ".join(router.log)
