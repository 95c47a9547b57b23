# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Listeners of the RouterOS emulator: loopback only, one accepting thread for all, a thread per open connection."""

import socket
import threading

import pytest

from simulator.routeros.tcp import ThreadedListener

TIMEOUT = 30


def echo_once(sock, _peer):
    sock.sendall(sock.recv(16))


@pytest.mark.parametrize("host", ["0.0.0.0", "10.1.2.3", "::1", "localhost"])
def test_refuses_anything_but_loopback(host):
    with pytest.raises(ValueError, match="loopback"):
        ThreadedListener(host, 0, echo_once)


def test_many_listeners_share_one_accepting_thread():
    first = ThreadedListener("127.0.0.1", 0, echo_once)  # starts the shared acceptor, if no test did
    before = set(threading.enumerate())
    listeners = [ThreadedListener(f"127.0.5.{last}", 0, echo_once) for last in range(1, 101)]
    try:
        # Threads of earlier tests may end meanwhile (a count would see that); none may start here.
        started = [thread.name for thread in threading.enumerate() if thread not in before]
        assert started == []
        for listener in listeners[::20]:
            with socket.create_connection(listener.address, timeout=TIMEOUT) as client:
                client.sendall(b"ping")
                assert client.recv(16) == b"ping"
    finally:
        for listener in listeners + [first]:
            listener.close()


def test_close_refuses_new_connections_and_ends_open_ones():
    started = threading.Event()

    def hold(sock, _peer):
        started.set()
        sock.recv(1)

    listener = ThreadedListener("127.0.0.1", 0, hold)
    client = socket.create_connection(listener.address, timeout=TIMEOUT)
    assert started.wait(TIMEOUT)
    listener.close()
    with client:
        assert client.recv(1) == b""
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(listener.address, timeout=TIMEOUT)
