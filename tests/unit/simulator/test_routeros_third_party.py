# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The independent RouterOS-api package (routeros_api, which tags every command) against the emulator."""

import pytest
import routeros_api
from routeros_api.exceptions import RouterOsApiCommunicationError

from simulator.modem import SimulatedModem
from simulator.routeros import SimulatedRouter, serve_api

SYSCFGEX = '^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF'
TIMEOUT = 30


@pytest.fixture(name="server")
def fixture_server():
    router = SimulatedRouter(lte={"lte1": SimulatedModem(profile="ME909u-521", seed=1)}, at_chat_wait=0.2, first_chunk_timeout=TIMEOUT)
    with serve_api(router) as server:
        yield server
    router.close()


def pool(server, **kwargs):
    api_pool = routeros_api.RouterOsApiPool(server.host, username="admin", password="secret", port=server.port, **kwargs)
    api_pool.set_timeout(TIMEOUT)
    return api_pool


@pytest.mark.parametrize("plaintext_login", [True, False])
def test_at_chat_with_routeros_api(server, plaintext_login):
    api_pool = pool(server, plaintext_login=plaintext_login)
    if not plaintext_login:
        # its MD5 path sends a bare /login first; a 6.43+ router refuses the response
        with pytest.raises(RouterOsApiCommunicationError):
            api_pool.get_api()
        return
    api = api_pool.get_api()
    lte = api.get_binary_resource("/interface/lte")
    response = lte.call("at-chat", {"numbers": b"lte1", "input": b"AT^SYSCFGEX?", "wait": b"yes"})
    assert [dict(row) for row in response] == [{"output": (SYSCFGEX + "\r\nOK").encode()}]
    rows = api.get_resource("/interface/lte").get()
    assert rows[0]["name"] == "lte1" and rows[0]["id"] == "*1"
    with pytest.raises(RouterOsApiCommunicationError, match="no such item"):
        lte.call("at-chat", {".id": b"*9", "input": b"AT"})
    api_pool.disconnect()


def test_legacy_login_with_routeros_api():
    router = SimulatedRouter(lte={"lte1": SimulatedModem(profile="ME909u-521", seed=1)}, at_chat_wait=0.2, login_style="pre643")
    with serve_api(router) as server:
        api = pool(server, plaintext_login=False).get_api()
        assert api.get_resource("/system/identity").get()[0]["name"] == "MikroTik"
