# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A small threaded TCP listener (one thread per connection) that can be closed with everything it started."""

from __future__ import annotations

import socket
import threading
from typing import Callable


class ThreadedListener:  # pylint: disable=too-many-instance-attributes
    """Accepts connections on host:port and runs ``handler(sock, peer)`` in a thread for each."""

    def __init__(self, host: str, port: int, handler: Callable[[socket.socket, tuple], None], name: str = "listener"):
        self.handler = handler
        self.name = name
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            self._sock.bind((host, port))
        except OSError:
            self._sock.close()
            raise
        self._sock.listen(64)
        self.host, self.port = self._sock.getsockname()[:2]
        self._lock = threading.Lock()
        self._clients: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._closed = threading.Event()
        self._accept_thread = threading.Thread(target=self._accept_loop, name=f"{name}-accept-{self.port}", daemon=True)
        self._accept_thread.start()

    @property
    def address(self) -> tuple[str, int]:
        """(host, port)."""
        return (self.host, self.port)

    def _accept_loop(self) -> None:
        while not self._closed.is_set():
            try:
                client, peer = self._sock.accept()
            except OSError:
                return
            with self._lock:
                if self._closed.is_set():
                    client.close()
                    return
                self._clients.add(client)
                self._threads = [thread for thread in self._threads if thread.is_alive()]
                thread = threading.Thread(target=self._serve, args=(client, peer), name=f"{self.name}-{peer[0]}:{peer[1]}", daemon=True)
                self._threads.append(thread)
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
            try:
                client.close()
            except OSError:
                pass

    def close(self, timeout: float = 5.0) -> None:
        """Stop accepting, close every client connection, wait for the threads."""
        if self._closed.is_set():
            return
        self._closed.set()
        try:
            self._sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._sock.close()
        with self._lock:
            clients = list(self._clients)
            threads = list(self._threads)
        for client in clients:
            try:
                client.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self._accept_thread.join(timeout)
        for thread in threads:
            thread.join(timeout)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
