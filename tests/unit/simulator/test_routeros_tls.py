# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""api-ssl emulation: certificate mode and anonymous-DH mode, with librouteros."""

import ssl

import librouteros
import pytest
from cryptography import x509

from simulator.routeros import SimulatedRouter, api_server, make_ca, make_server_cert, serve_api

TIMEOUT = 30


@pytest.fixture(name="router")
def fixture_router():
    return SimulatedRouter(lte={})


def hostname_wrapper(context, host):
    # what community.routeros does when the hostname is checked: pass server_hostname itself
    def wrap(sock, **_kwargs):
        return context.wrap_socket(sock, server_hostname=host)
    return wrap


def test_cert_mode_verifies_against_generated_ca(router):
    with serve_api(router, tls="cert") as server:
        context = ssl.create_default_context(cafile=server.ca_file)
        api = librouteros.connect(server.host, "admin", "secret", port=server.port, timeout=TIMEOUT,
                                  ssl_wrapper=hostname_wrapper(context, server.host))
        assert tuple(api("/system/identity/print")) == ({"name": "MikroTik"},)
        api.close()


def test_cert_mode_refuses_unknown_ca_and_force_no_cert(router):
    with serve_api(router, tls="cert") as server:
        with pytest.raises(ssl.SSLCertVerificationError):
            librouteros.connect(server.host, "admin", "secret", port=server.port, timeout=TIMEOUT,
                                ssl_wrapper=hostname_wrapper(ssl.create_default_context(), server.host))
        context = ssl.create_default_context()
        context.check_hostname = False
        context.set_ciphers("ADH:@SECLEVEL=0")
        with pytest.raises(ssl.SSLError):
            librouteros.connect(server.host, "admin", "secret", port=server.port, timeout=TIMEOUT, ssl_wrapper=context.wrap_socket)


def test_cert_mode_with_own_files(router, tmp_path):
    ca = make_ca()
    certfile, keyfile = make_server_cert(ca, ["127.0.0.1", "router.example"]).write(str(tmp_path), "server")
    ca_file, dummy = ca.write(str(tmp_path), "ca")
    with serve_api(router, tls="cert", certfile=certfile, keyfile=keyfile) as server:
        context = ssl.create_default_context(cafile=ca_file)
        api = librouteros.connect(server.host, "admin", "secret", port=server.port, timeout=TIMEOUT,
                                  ssl_wrapper=hostname_wrapper(context, "router.example"))
        assert tuple(api("/system/identity/print")) == ({"name": "MikroTik"},)


def test_server_certificate_has_ip_and_dns_san():
    ca = make_ca()
    cert = make_server_cert(ca, ["127.0.0.7", "router07.sim.invalid"]).cert
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert [str(ip) for ip in san.get_values_for_type(x509.IPAddress)] == ["127.0.0.7"]
    assert san.get_values_for_type(x509.DNSName) == ["router07.sim.invalid"]
    assert cert.issuer == ca.cert.subject


def test_anon_mode_with_force_no_cert_context(router):
    with serve_api(router, tls="anon") as server:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.set_ciphers("ADH:@SECLEVEL=0")
        api = librouteros.connect(server.host, "admin", "secret", port=server.port, timeout=TIMEOUT, ssl_wrapper=context.wrap_socket)
        sock = api.protocol.transport.sock
        assert sock.version() == "TLSv1.2" and sock.cipher()[0].startswith("ADH-")
        assert tuple(api("/system/identity/print")) == ({"name": "MikroTik"},)


def test_anon_mode_refuses_default_client(router):
    context = ssl.create_default_context()
    context.check_hostname = False  # community.routeros with validate_cert_hostname=false
    with serve_api(router, tls="anon") as server:
        with pytest.raises(ssl.SSLError, match="HANDSHAKE_FAILURE|handshake failure"):
            librouteros.connect(server.host, "admin", "secret", port=server.port, timeout=TIMEOUT, ssl_wrapper=context.wrap_socket)


def test_certificate_is_made_on_the_first_connection(router, monkeypatch, tmp_path):
    made = []
    real = api_server.make_server_cert
    monkeypatch.setattr(api_server, "make_server_cert", lambda *args: made.append(args) or real(*args))
    ca = make_ca()
    with serve_api(router, "127.0.0.9", tls="cert", ca=ca) as server:
        assert not made and server.ca is None  # a fleet of routers starts without a certificate each
        ca_file = ca.write(str(tmp_path), "ca")[0]
        context = ssl.create_default_context(cafile=ca_file)
        for dummy in range(2):
            api = librouteros.connect(server.host, "admin", "secret", port=server.port, timeout=TIMEOUT,
                                      ssl_wrapper=hostname_wrapper(context, "127.0.0.9"))
            api.close()
    assert len(made) == 1 and "127.0.0.9" in made[0][1]
