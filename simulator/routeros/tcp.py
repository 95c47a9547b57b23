# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Loopback TCP listeners that share one accepting thread; every connection is served in its own thread.

A fleet of a thousand routers has thousands of listening sockets: one selector thread waits on all
of them (an idle fleet costs no CPU and no thread per listener), and a connection gets a thread only
while it is open.
"""

from __future__ import annotations

import ipaddress
import selectors
import socket
import threading
from typing import Callable

LISTEN_BACKLOG = 128
LOOPBACK = ipaddress.ip_network("127.0.0.0/8")

Handler = Callable[[socket.socket, tuple], None]


def check_loopback(host: str) -> None:
    """Refuse to listen anywhere but 127.0.0.0/8: the simulator never serves a real network."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        raise ValueError(f"{host!r} is not a loopback address (the simulator listens on 127.0.0.0/8 only)") from None
    if address not in LOOPBACK:
        raise ValueError(f"{host} is not a loopback address (the simulator listens on 127.0.0.0/8 only)")


class Acceptor:
    """One daemon thread accepting connections for any number of listening sockets."""

    _shared: "Acceptor | None" = None
    _shared_lock = threading.Lock()

    def __init__(self):
        self._selector = selectors.DefaultSelector()
        self._wake_reader, self._wake_writer = socket.socketpair()
        self._wake_reader.setblocking(False)
        self._selector.register(self._wake_reader, selectors.EVENT_READ, None)
        self._thread = threading.Thread(target=self._run, name="routeros-acceptor", daemon=True)
        self._thread.start()

    @classmethod
    def shared(cls) -> "Acceptor":
        """The process-wide acceptor, started on first use."""
        with cls._shared_lock:
            if cls._shared is None:
                cls._shared = cls()
            return cls._shared

    def add(self, sock: socket.socket, on_accept: Callable[[socket.socket, tuple], None]) -> None:
        """Accept connections on a listening socket from now on."""
        sock.setblocking(False)
        self._selector.register(sock, selectors.EVENT_READ, on_accept)
        self._wake()

    def remove(self, sock: socket.socket) -> None:
        """Stop accepting on a socket (before it is closed)."""
        try:
            self._selector.unregister(sock)
        except (KeyError, ValueError):
            pass
        self._wake()

    def _wake(self) -> None:
        # selectors without kernel-side registration (poll) only see a change after a wake-up
        try:
            self._wake_writer.send(b"\0")
        except BlockingIOError:
            pass

    def _run(self) -> None:
        while True:
            for key, dummy in self._selector.select():
                if key.data is None:
                    self._drain_wake()
                else:
                    self._accept(key.fileobj, key.data)

    def _drain_wake(self) -> None:
        try:
            while self._wake_reader.recv(4096):
                pass
        except BlockingIOError:
            pass

    @staticmethod
    def _accept(sock, on_accept) -> None:
        try:
            client, peer = sock.accept()
        except OSError:
            # another wake-up took the connection, or the listener was closed meanwhile
            return
        client.setblocking(True)
        on_accept(client, peer)


class ThreadedListener:
    """Listens on host:port and runs ``handler(sock, peer)`` in a new thread for each connection."""

    def __init__(self, host: str, port: int, handler: Handler, name: str = "listener"):
        check_loopback(host)
        self.handler = handler
        self.name = name
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            self._sock.bind((host, port))
            self._sock.listen(LISTEN_BACKLOG)
        except OSError:
            self._sock.close()
            raise
        self.host, self.port = self._sock.getsockname()[:2]
        self._lock = threading.Lock()
        self._clients: set[socket.socket] = set()
        self._threads: set[threading.Thread] = set()
        self._closed = False
        self._acceptor = Acceptor.shared()
        self._acceptor.add(self._sock, self._start_connection)

    @property
    def address(self) -> tuple[str, int]:
        """(host, port)."""
        return (self.host, self.port)

    def _start_connection(self, client: socket.socket, peer: tuple) -> None:
        with self._lock:
            if self._closed:
                client.close()
                return
            thread = threading.Thread(target=self._serve, args=(client, peer), name=f"{self.name}-{peer[0]}:{peer[1]}", daemon=True)
            self._clients.add(client)
            self._threads.add(thread)
        thread.start()

    def replace(self, old: socket.socket, new: socket.socket) -> None:
        """Track ``new`` instead of ``old`` (a TLS wrapper takes over the connection's file descriptor)."""
        with self._lock:
            self._clients.discard(old)
            self._clients.add(new)

    def _serve(self, client: socket.socket, peer: tuple) -> None:
        try:
            self.handler(client, peer)
        except Exception:  # pylint: disable=broad-exception-caught
            # a broken client must never take the listener down
            pass
        finally:
            with self._lock:
                self._clients.discard(client)
                self._threads.discard(threading.current_thread())
            try:
                client.close()
            except OSError:
                pass

    def close(self, timeout: float = 5.0) -> None:
        """Stop accepting, close every client connection, wait for their threads."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            clients = list(self._clients)
            threads = list(self._threads)
        self._acceptor.remove(self._sock)
        self._sock.close()
        for client in clients:
            try:
                client.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        for thread in threads:
            if thread is not threading.current_thread():
                thread.join(timeout)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
