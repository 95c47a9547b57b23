# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The SSH service of a simulated router: exec channels running one CLI command line."""

from __future__ import annotations

import logging
import re
import socket
import threading

import paramiko

from .cli import Cli
from .router import SimulatedRouter
from .tcp import ThreadedListener

SERVER_VERSION = "SSH-2.0-ROSSSH"  # RouterOS sends no version after ROSSSH
_LOGIN_FLAGS = re.compile(r"\+[0-9a-z]*$")
HANDSHAKE_TIMEOUT = 15.0

# paramiko logs every client that drops a connection as an error; keep the simulator quiet
logging.getLogger("paramiko").setLevel(logging.CRITICAL)


class RouterTransport(paramiko.Transport):
    """A paramiko transport that tells when the success reply to a channel request has gone out.

    The exec thread must not send output or close the channel before the client has seen the
    success reply to its exec request, or the client reports "Channel closed".
    """

    MSG_CHANNEL_SUCCESS = 99

    def __init__(self, sock: socket.socket):
        super().__init__(sock)
        self.replies_sent: dict[int, threading.Event] = {}
        self._replies_lock = threading.Lock()

    def reply_event(self, remote_chanid: int) -> threading.Event:
        """The event set once a success reply for that channel was sent."""
        with self._replies_lock:
            return self.replies_sent.setdefault(remote_chanid, threading.Event())

    def _send_user_message(self, data) -> None:
        super()._send_user_message(data)
        raw = data.asbytes()
        if raw[:1] == bytes([self.MSG_CHANNEL_SUCCESS]) and len(raw) >= 5:
            self.reply_event(int.from_bytes(raw[1:5], "big")).set()


def strip_login_flags(username: str) -> str:
    """Console login flags: ``admin+ct511w4098h`` logs in as ``admin``."""
    return _LOGIN_FLAGS.sub("", username)


def public_key_id(key: paramiko.PKey) -> tuple[str, str]:
    """A comparable identity of a public key."""
    return (key.get_name(), key.get_base64())


class RouterSshInterface(paramiko.ServerInterface):
    """Authentication and channel policy: password or public key, exec only."""

    def __init__(self, router: SimulatedRouter, cli: Cli):
        self.router = router
        self.cli = cli
        self.threads: list[threading.Thread] = []

    def get_allowed_auths(self, username: str) -> str:
        return "password,publickey"

    def check_auth_password(self, username: str, password: str) -> int:
        if self.router.check_password(strip_login_flags(username), password):
            return paramiko.AUTH_SUCCESSFUL
        return paramiko.AUTH_FAILED

    def check_auth_publickey(self, username: str, key: paramiko.PKey) -> int:
        keys = self.router.authorized_keys.get(strip_login_flags(username), [])
        if public_key_id(key) in {public_key_id(known) for known in keys}:
            return paramiko.AUTH_SUCCESSFUL
        return paramiko.AUTH_FAILED

    def check_channel_request(self, kind: str, chanid: int) -> int:
        if kind == "session":
            return paramiko.OPEN_SUCCEEDED
        return paramiko.OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED

    def check_channel_pty_request(  # pylint: disable=too-many-arguments,too-many-positional-arguments
        self, channel, term, width, height, pixelwidth, pixelheight, modes,
    ) -> bool:
        return True

    def check_channel_shell_request(self, channel) -> bool:
        # an interactive console is not emulated
        return False

    def check_channel_exec_request(self, channel: paramiko.Channel, command: bytes) -> bool:
        thread = threading.Thread(target=self._run, args=(channel, command), name="ssh-exec", daemon=True)
        self.threads.append(thread)
        thread.start()
        return True

    def _run(self, channel: paramiko.Channel, command: bytes) -> None:
        transport = channel.get_transport()
        if isinstance(transport, RouterTransport):
            transport.reply_event(channel.remote_chanid).wait(HANDSHAKE_TIMEOUT)
        try:
            output = self.cli.run(command.decode("utf-8", "surrogateescape"))
            channel.sendall(output.encode("utf-8", "surrogateescape"))
            # the exit status of a RouterOS exec is not documented; errors are text, status is 0
            channel.send_exit_status(0)
        except (OSError, EOFError, paramiko.SSHException):
            pass
        finally:
            try:
                channel.shutdown_write()
                channel.close()
            except (OSError, EOFError, paramiko.SSHException):
                pass


class SshServer:
    """A running SSH listener: ``.port``, ``.address``, ``.host_key``, ``.close()``."""

    def __init__(self, router: SimulatedRouter, host: str, port: int, host_key: paramiko.PKey):
        self.router = router
        self.host_key = host_key
        self._transports: set[RouterTransport] = set()
        self._lock = threading.Lock()
        self._listener = ThreadedListener(host, port, self._serve, name="ssh")

    @property
    def host(self) -> str:
        """Listening address."""
        return self._listener.host

    @property
    def port(self) -> int:
        """Listening port."""
        return self._listener.port

    @property
    def address(self) -> tuple[str, int]:
        """(host, port)."""
        return self._listener.address

    def known_hosts_line(self) -> str:
        """The OpenSSH known_hosts line for this server."""
        host = self.host if self.port == 22 else f"[{self.host}]:{self.port}"
        return f"{host} {self.host_key.get_name()} {self.host_key.get_base64()}"

    def _serve(self, sock: socket.socket, _peer: tuple) -> None:
        transport = RouterTransport(sock)
        transport.local_version = SERVER_VERSION
        transport.add_server_key(self.host_key)
        with self._lock:
            self._transports.add(transport)
        try:
            transport.start_server(server=RouterSshInterface(self.router, Cli(self.router)))
            transport.join()
        except (paramiko.SSHException, EOFError, OSError):
            pass
        finally:
            with self._lock:
                self._transports.discard(transport)
            transport.close()

    def close(self) -> None:
        """Close every session and stop listening."""
        with self._lock:
            transports = list(self._transports)
        for transport in transports:
            transport.close()
        self._listener.close()

    def __enter__(self) -> "SshServer":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def generate_host_key() -> paramiko.PKey:
    """A fresh ECDSA host key (fast to generate, understood by every paramiko and OpenSSH)."""
    return paramiko.ECDSAKey.generate()


def serve_ssh(router: SimulatedRouter, host: str = "127.0.0.1", port: int = 0, host_key: paramiko.PKey | None = None) -> SshServer:
    """Start the SSH service of ``router``."""
    return SshServer(router, host, port, host_key or generate_host_key())
