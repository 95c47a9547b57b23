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

from .api_session import ApiSession
from .certs import FFDHE2048_PEM, KeyPair, make_ca, make_server_cert
from .router import SimulatedRouter
from .tcp import ThreadedListener

TLS_MODES = (None, "cert", "anon")
HANDSHAKE_TIMEOUT = 10.0


def _write_temp(directory: str, name: str, data: bytes) -> str:
    path = os.path.join(directory, name)
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as handle:
        handle.write(data)
    return path


def anon_context(directory: str) -> ssl.SSLContext:
    """api-ssl without a certificate: anonymous DH only, TLS 1.2 at most, DH parameters loaded (without them no ADH cipher is offered)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    context.set_ciphers("ADH:@SECLEVEL=0")
    context.load_dh_params(_write_temp(directory, "dhparams.pem", FFDHE2048_PEM))
    return context


def cert_context(certfile: str, keyfile: str) -> ssl.SSLContext:
    """api-ssl with a certificate."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certfile, keyfile)
    return context


class ApiServer:
    """A running API listener; ``.port``, ``.address``, ``.close()``; ``.ca`` in generated-cert mode."""

    def __init__(self, router: SimulatedRouter, host: str, port: int, context: ssl.SSLContext | None, workdir: tempfile.TemporaryDirectory | None):
        self.router = router
        self.context = context
        self.ca: KeyPair | None = None
        self.ca_file: str | None = None
        self._workdir = workdir
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

    def _serve(self, sock: socket.socket, _peer: tuple) -> None:
        if self.context is not None:
            sock.settimeout(HANDSHAKE_TIMEOUT)
            try:
                wrapped = self.context.wrap_socket(sock, server_side=True)
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


def serve_api(  # pylint: disable=too-many-arguments,too-many-positional-arguments
    router: SimulatedRouter, host: str = "127.0.0.1", port: int = 0, tls: str | None = None,
    certfile: str | None = None, keyfile: str | None = None, *, ca: KeyPair | None = None,
) -> ApiServer:
    """Start the API service of ``router``.

    ``tls``: None (plain API), ``"cert"`` (certfile/keyfile, or a certificate for ``host`` signed by ``ca``,
    or by a CA generated here and exposed as ``server.ca``/``server.ca_file``), ``"anon"`` (ADH, no certificate).
    """
    if tls not in TLS_MODES:
        raise ValueError(f"tls must be one of {TLS_MODES}")
    workdir = tempfile.TemporaryDirectory(prefix="routeros-sim-") if tls else None  # pylint: disable=consider-using-with
    context = None
    generated_ca = None
    if tls == "anon":
        context = anon_context(workdir.name)
    elif tls == "cert":
        if certfile is None:
            generated_ca = ca or make_ca()
            pair = make_server_cert(generated_ca, [host, "localhost", re.sub(r"[^a-z0-9-]+", "-", router.identity.lower()) + ".sim.invalid"])
            certfile, keyfile = pair.write(workdir.name, "server")
        context = cert_context(certfile, keyfile or certfile)
    try:
        server = ApiServer(router, host, port, context, workdir)
    except OSError:
        if workdir is not None:
            workdir.cleanup()
        raise
    if generated_ca is not None:
        server.ca = generated_ca
        server.ca_file = _write_temp(workdir.name, "ca.crt", generated_ca.cert_pem)
    return server
