# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Expose a SimulatedModem port on a pty (serve_pty) or on loopback TCP (serve_tcp).

Both follow the modem through AT^RESET: the port vanishes while it reboots and comes
back afterwards (a new /dev/pts/N, like a ttyUSB number changing after ^RESET), or not at
all when the new USB composition has no AT port.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import select
import socket
import threading
import tty

POLL_SECONDS = 0.05
LOOPBACK_NAMES = ("localhost",)


def require_loopback(host: str):
    """The simulator only ever listens on loopback addresses."""
    if host in LOOPBACK_NAMES:
        return
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(f"the simulator listens on loopback addresses only, not {host!r}")


class _Pump:
    """Two daemon threads moving bytes between a modem link and an endpoint until stopped."""

    def __init__(self, link, name):
        self.link = link
        self._stopped = threading.Event()
        self._threads = [
            threading.Thread(target=self._inbound, name=f"{name}-in", daemon=True),
            threading.Thread(target=self._outbound, name=f"{name}-out", daemon=True),
        ]

    def start(self):
        """Start both threads."""
        for thread in self._threads:
            thread.start()

    def stop(self):
        """Stop both threads and wait for them (not from inside one of them)."""
        self._stopped.set()
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join(timeout=2)

    def _inbound(self):
        while not self._stopped.is_set():
            data = self.receive()
            if data is None:
                self.on_end_of_input()
                return
            if data:
                self.link.write(data)

    def _outbound(self):
        while not self._stopped.is_set():
            data = self.link.read(POLL_SECONDS)
            if data:
                self.send(data)
            elif self.link.closed:
                return

    def receive(self):
        """Bytes from the client, b"" when idle, None at end of input."""
        raise NotImplementedError

    def send(self, data: bytes):
        """Bytes to the client."""
        raise NotImplementedError

    def on_end_of_input(self):
        """The client went away."""


class _PtyPump(_Pump):
    """Pump for a pty master; the slave stays open in the server, so clients may close and reopen."""

    def __init__(self, link, master_fd):
        super().__init__(link, "modem-pty")
        self.master_fd = master_fd

    def receive(self):
        readable, dummy, dummy = select.select([self.master_fd], [], [], POLL_SECONDS)
        if not readable:
            return b""
        try:
            return os.read(self.master_fd, 4096)
        except OSError:
            return b""

    def send(self, data):
        try:
            os.write(self.master_fd, data)
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EIO):
                raise  # a full input queue with nobody reading drops the bytes, like a real port


class _Pty:  # pylint: disable=too-few-public-methods
    """One allocated pseudo-terminal: master and slave fds, slave in raw mode."""

    def __init__(self):
        self.master_fd, self.slave_fd = os.openpty()
        tty.setraw(self.slave_fd)
        os.set_blocking(self.master_fd, False)
        self.path = os.ttyname(self.slave_fd)

    def close(self):
        """Release both fds (a client still holding the slave sees the port die)."""
        for descriptor in (self.master_fd, self.slave_fd):
            try:
                os.close(descriptor)
            except OSError:
                pass


class PtyServer:  # pylint: disable=too-many-instance-attributes
    """serve_pty() result: .path (current /dev/pts/N or None), .link_path, .close()."""

    def __init__(self, modem, link_path=None, function=None):
        self.modem = modem
        self.link_path = link_path
        self.function = function
        self._lock = threading.Lock()
        self._closed = False
        self._pty = None
        self._pump = None
        self._spare = None
        self._listeners = []
        modem.add_observer(self._on_modem_event)
        with self._lock:
            self._open(_Pty())

    @property
    def path(self):
        """Current pty path, None while the modem reboots or when it has no AT port."""
        pty = self._pty
        return pty.path if pty else None

    def add_path_listener(self, callback):
        """callback(path_or_None) whenever the pty is torn down or re-created."""
        self._listeners.append(callback)

    def close(self):
        """Tear down the pty and the symlink; the modem keeps running."""
        self.modem.remove_observer(self._on_modem_event)
        with self._lock:
            self._closed = True
            self._teardown()
            if self._spare:
                self._spare.close()
                self._spare = None

    def _open(self, pty):
        try:
            link = self.modem.connect(self.function)
        except ConnectionError:
            pty.close()  # locked out: no AT port in the composition
            return
        self._pty = pty
        self._pump = _PtyPump(link, pty.master_fd)
        self._pump.start()
        self._update_symlink(pty.path)

    def _teardown(self):
        if self._pump:
            self._pump.stop()
            self._pump.link.close()
            self._pump = None
        if self._pty:
            self._pty.close()
            self._pty = None
        self._update_symlink(None)

    def _on_modem_event(self, event):
        with self._lock:
            if self._closed:
                return
            if event == "down":
                self._spare = _Pty()  # allocated before the old one is freed: the number changes
                self._teardown()
            elif event == "up":
                spare, self._spare = self._spare or _Pty(), None
                self._open(spare)
            path = self.path
        for callback in list(self._listeners):
            callback(path)

    def _update_symlink(self, target):
        if not self.link_path:
            return
        if os.path.lexists(self.link_path):
            os.unlink(self.link_path)
        if target:
            temporary = f"{self.link_path}.{os.getpid()}.tmp"
            os.symlink(target, temporary)
            os.replace(temporary, self.link_path)


class _SocketPump(_Pump):
    """Pump for one TCP connection."""

    def __init__(self, link, connection, on_end):
        super().__init__(link, "modem-tcp")
        self.connection = connection
        self.connection.settimeout(POLL_SECONDS)
        self._on_end = on_end

    def receive(self):
        try:
            data = self.connection.recv(4096)
        except socket.timeout:
            return b""
        except OSError:
            return None
        return data if data else None

    def send(self, data):
        try:
            self.connection.sendall(data)
        except OSError:
            self._stopped.set()

    def on_end_of_input(self):
        self._on_end(self)

    def _outbound(self):
        super()._outbound()
        if self.link.closed:
            self._on_end(self)


class TcpServer:
    """serve_tcp() result: .port, .address, .close(); one modem link per TCP connection."""

    def __init__(self, modem, host="127.0.0.1", port=0):
        require_loopback(host)
        self.modem = modem
        self.host = host
        self._lock = threading.Lock()
        self._closed = False
        self._pumps = []
        self._listener = None
        self.port = port
        self._listen()
        if not modem.has_at_port:
            self._stop_listening()
        modem.add_observer(self._on_modem_event)

    @property
    def address(self):
        """(host, port) the server accepts connections on."""
        return (self.host, self.port)

    def close(self):
        """Stop listening and close every connection."""
        self.modem.remove_observer(self._on_modem_event)
        with self._lock:
            self._closed = True
            self._stop_listening()
            pumps, self._pumps = self._pumps, []
        for pump in pumps:
            self._finish(pump)

    def _listen(self):
        listener = socket.socket(socket.AF_INET6 if ":" in self.host else socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, self.port))
        listener.listen(8)
        listener.settimeout(POLL_SECONDS)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept_loop, args=(listener,), name="modem-tcp-accept", daemon=True).start()

    def _stop_listening(self):
        if self._listener is not None:
            try:
                self._listener.shutdown(socket.SHUT_RDWR)  # stops listening now, even while accept() polls
            except OSError:
                pass
            self._listener.close()
            self._listener = None

    def _accept_loop(self, listener):
        while True:
            try:
                connection, dummy = listener.accept()
            except socket.timeout:
                continue
            except OSError:
                return  # listener closed
            try:
                link = self.modem.connect()
            except ConnectionError:
                connection.close()
                continue
            pump = _SocketPump(link, connection, self._ended)
            with self._lock:
                if self._closed:
                    link.close()
                    connection.close()
                    return
                self._pumps.append(pump)
            pump.start()

    def _ended(self, pump):
        with self._lock:
            if pump not in self._pumps:
                return
            self._pumps.remove(pump)
        threading.Thread(target=self._finish, args=(pump,), daemon=True).start()

    @staticmethod
    def _finish(pump):
        pump.stop()
        pump.link.close()
        try:
            pump.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        pump.connection.close()

    def _on_modem_event(self, event):
        with self._lock:
            if self._closed:
                return
            if event == "down":
                self._stop_listening()  # new connects are refused while the modem reboots
                pumps, self._pumps = self._pumps, []
            else:
                pumps = []
                if self.modem.has_at_port and self._listener is None:
                    self._listen()
        for pump in pumps:
            self._finish(pump)


def serve_pty(modem, link_path=None, function=None) -> PtyServer:
    """Serve the modem's AT port (or the given function: "pcui", "modem", "diag", "gps") on a pty."""
    return PtyServer(modem, link_path=link_path, function=function)


def serve_tcp(modem, host="127.0.0.1", port=0) -> TcpServer:
    """Serve the modem's AT port on a loopback TCP port (pyserial socket://host:port)."""
    return TcpServer(modem, host=host, port=port)
