# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The HiLink web API client against the simulated stick's server, and its decisions."""

from __future__ import annotations

import pytest

from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError, Unreachable, UnsupportedError
from ansible_collections.lte.modem.plugins.module_utils._hilink.api import HilinkApi, HilinkError, _parse
from ansible_collections.lte.modem.plugins.module_utils._hilink.task import TASK, firmware_major
from simulator.hilink import HilinkStick, serve_hilink
from simulator.hilink.server import login_hash


@pytest.fixture
def stick():
    made = []

    def start(**options):
        device = HilinkStick(switch_delay=60, **options)
        server = serve_hilink(device, host='127.0.0.6')
        made.append((device, server))
        return device, server
    yield start
    for device, server in made:
        server.close()
        device.close()


def params(server, **options):
    return dict(dict(address=server.host, port=server.port, state='detected', username='admin', password=None, force=False,
                     timeout=5.0), **options)


@pytest.mark.parametrize('version, major', [('22.470.07.00.00', 22), ('21.420.07.00.00', 21), ('', None), ('x.1', None)])
def test_firmware_major(version, major):
    assert firmware_major(version) == major


def test_responses_and_errors_are_parsed():
    assert _parse('<?xml version="1.0"?><response>OK</response>', 'x') == 'OK'
    assert _parse('<response><A>1</A><B/></response>', 'x') == {'A': '1', 'B': ''}
    with pytest.raises(HilinkError) as caught:
        _parse('<error><code>100002</code><message></message></error>', '/api/device/mode')
    assert caught.value.code == 100002 and 'not supported by this firmware' in str(caught.value)


def test_a_post_without_a_token_is_refused_and_with_one_accepted(stick):
    device, server = stick(firmware='21.420.07.00.00')
    assert server.answer('POST', '/api/device/mode', None, None, '<request><mode>1</mode></request>') == (125002, None)
    api = HilinkApi(server.host, server.port)
    assert api.switch_to_serial() == 'OK' and device.switch_requests == 1


def test_the_login_hash_matches_the_servers(stick):
    device, server = stick(password='pw&<1>')
    api = HilinkApi(server.host, server.port)
    with pytest.raises(HilinkError):
        api.information()
    assert api.login('admin', 'pw&<1>') == 'OK'
    assert api.information()['DeviceName'] == 'E3272'
    assert login_hash('admin', 'pw', 'token') != login_hash('admin', 'pw', 'other')


def test_the_task_refuses_new_firmware_before_asking(stick):
    device, server = stick(firmware='22.470.07.00.00')
    with pytest.raises(UnsupportedError) as caught:
        TASK.run(params(server, state='serial'), False)
    assert 'downgrade' in str(caught.value) and device.switch_requests == 0


def test_an_address_that_is_not_a_host_is_refused_before_anything_is_sent():
    with pytest.raises(InvalidInputError):
        TASK.validate(dict(address='http://x/', port=80, timeout=1.0))


def test_no_api_is_unreachable():
    with pytest.raises(Unreachable):
        HilinkApi('127.0.0.6', 9, timeout=1).information()
