# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The API service (8728) and api-ssl (8729) of a simulated router."""

from __future__ import annotations

import os
import re
import socket
import ssl
import tempfile
import threading
from typing import Callable

from .api_session import ApiSession
from .certs import FFDHE2048_PEM, KeyPair, make_ca, make_server_cert
from .router import SimulatedRouter
from .tcp import ThreadedListener

TLS_MODES = (None, "cert", "anon")
HANDSHAKE_TIMEOUT = 10.0

ContextFactory = Callable[[], ssl.SSLContext]


def _write_temp(directory: str, name: str, data: bytes) -> str:
    path = os.path.join(directory, name)
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as handle:
        handle.write(data)
    return path


def anon_context() -> ssl.SSLContext:
    """api-ssl without a certificate: anonymous DH only, TLS 1.2 at most, DH parameters loaded (without them no ADH cipher is offered)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    context.set_ciphers("ADH:@SECLEVEL=0")
    with tempfile.TemporaryDirectory(prefix="routeros-sim-") as directory:
        context.load_dh_params(_write_temp(directory, "dhparams.pem", FFDHE2048_PEM))
    return context


def cert_context(certfile: str, keyfile: str) -> ssl.SSLContext:
    """api-ssl with a certificate."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certfile, keyfile)
    return context


def signed_cert_context(ca: KeyPair, names: list[str]) -> ssl.SSLContext:
    """api-ssl with a fresh certificate for ``names`` signed by ``ca`` (the key files live only while they are loaded)."""
    pair = make_server_cert(ca, names)
    with tempfile.TemporaryDirectory(prefix="routeros-sim-") as directory:
        return cert_context(*pair.write(directory, "server"))


class LazyContext:  # pylint: disable=too-few-public-methods
    """A TLS context made on the first connection: a large fleet starts without making a certificate per router."""

    def __init__(self, factory: ContextFactory):
        self._factory = factory
        self._context: ssl.SSLContext | None = None
        self._lock = threading.Lock()

    def get(self) -> ssl.SSLContext:
        """The context, made now if this is the first call."""
        with self._lock:
            if self._context is None:
                self._context = self._factory()
            return self._context


class ApiServer:
    """A running API listener; ``.port``, ``.address``, ``.close()``; ``.ca``/``.ca_file`` when it generated its own CA."""

    def __init__(self, router: SimulatedRouter, host: str, port: int, context: ContextFactory | None = None):
        self.router = router
        self.tls = context is not None
        self.ca: KeyPair | None = None
        self.ca_file: str | None = None
        self._context = LazyContext(context) if context is not None else None
        self._workdir: tempfile.TemporaryDirectory | None = None
        self._listener = ThreadedListener(host, port, self._serve, name="api-ssl" if context else "api")

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

    def keep_ca(self, ca: KeyPair) -> None:
        """Expose a CA generated for this server as ``.ca`` and ``.ca_file`` (removed on close)."""
        self._workdir = tempfile.TemporaryDirectory(prefix="routeros-sim-")  # pylint: disable=consider-using-with
        self.ca = ca
        self.ca_file = _write_temp(self._workdir.name, "ca.crt", ca.cert_pem)

    def _serve(self, sock: socket.socket, _peer: tuple) -> None:
        if self._context is not None:
            sock.settimeout(HANDSHAKE_TIMEOUT)
            try:
                wrapped = self._context.get().wrap_socket(sock, server_side=True)
            except (ssl.SSLError, OSError):
                return
            self._listener.replace(sock, wrapped)
            sock = wrapped
            sock.settimeout(None)
        ApiSession(self.router, sock).run()

    def close(self) -> None:
        """Stop listening, close every connection, remove generated files."""
        self._listener.close()
        if self._workdir is not None:
            self._workdir.cleanup()
            self._workdir = None

    def __enter__(self) -> "ApiServer":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def server_names(router: SimulatedRouter, host: str) -> list[str]:
    """SubjectAltName entries of a router's certificate: its address, localhost and a name from its identity."""
    return [host, "localhost", re.sub(r"[^a-z0-9-]+", "-", router.identity.lower()) + ".sim.invalid"]


def serve_api(  # pylint: disable=too-many-arguments,too-many-positional-arguments
    router: SimulatedRouter, host: str = "127.0.0.1", port: int = 0, tls: str | None = None,
    certfile: str | None = None, keyfile: str | None = None, *, ca: KeyPair | None = None,
) -> ApiServer:
    """Start the API service of ``router``.

    ``tls``: None (plain API), ``"cert"`` (certfile/keyfile, or a certificate for ``host`` signed by ``ca``,
    or by a CA generated here and exposed as ``server.ca``/``server.ca_file``), ``"anon"`` (ADH, no certificate).
    The TLS context is made on the first connection.
    """
    if tls not in TLS_MODES:
        raise ValueError(f"tls must be one of {TLS_MODES}")
    signing_ca = (ca or make_ca()) if tls == "cert" and certfile is None else None
    factories: dict[str | None, ContextFactory | None] = {
        None: None,
        "anon": anon_context,
        "cert": (lambda: cert_context(certfile, keyfile or certfile)) if certfile else (lambda: signed_cert_context(signing_ca, server_names(router, host))),
    }
    server = ApiServer(router, host, port, factories[tls])
    if signing_ca is not None and ca is None:
        server.keep_ca(signing_ca)
    return server
