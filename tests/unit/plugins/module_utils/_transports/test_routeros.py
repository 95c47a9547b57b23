# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The RouterOS transports on their own: librouteros and paramiko against a simulated router on 127.0.0.x."""

from __future__ import annotations

import pytest

from ansible_collections.lte.modem.plugins.module_utils._errors import (
    InvalidInputError,
    LinkLost,
    TransportError,
    TransportTimeout,
    Unreachable,
    UnsupportedError,
)
from ansible_collections.lte.modem.plugins.module_utils._transports.registry import connection_argument_spec
from ansible_collections.lte.modem.plugins.module_utils._transports import routeros_api
from ansible_collections.lte.modem.plugins.module_utils._transports.routeros_api import RouterOsApiTransport
from ansible_collections.lte.modem.plugins.module_utils._transports.routeros_ssh import (
    RouterOsSshTransport,
    at_chat_command_line,
    parse_at_chat_output,
    quote_cli,
)
from ansible_collections.lte.modem.plugins.module_utils._transports.ssh_host_keys import fingerprint
from simulator.fleet import Fleet

SYSCFGEX = '^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF'


@pytest.fixture(scope='module')
def router(tmp_path_factory):
    fleet = Fleet(1, base_address='127.0.0.40', api_port=0, api_tls_port=0, ssh_port=0, tls='cert', ssh=True,
                  at_chat_wait=0.2, workdir=str(tmp_path_factory.mktemp('router')))
    fleet.start()
    yield fleet
    fleet.stop()


@pytest.fixture
def entry(router):
    entry = router.routers[0]
    yield entry
    entry.router.no_at_chat = False
    entry.router.drop_connection_on = set()
    entry.router.api_silence = False


def options(router, transport, **overrides):
    """Validated-looking options: every connection option at its default, then the router's."""
    params = {name: spec.get('default') for name, spec in connection_argument_spec().items()}
    entry = router.routers[0]
    port = {'routeros_api': entry.api_port, 'routeros_ssh': entry.ssh_port}[transport]
    params.update(transport=transport, hostname=entry.address, port=port, password=router.password, timeout=5.0,
                  known_hosts_file=router.known_hosts_file)
    params.update(overrides)
    return params


TRANSPORTS = {'routeros_api': RouterOsApiTransport, 'routeros_ssh': RouterOsSshTransport}


@pytest.mark.parametrize('name', TRANSPORTS)
def test_at_chat_with_and_without_wait(router, entry, name):
    with TRANSPORTS[name].from_params(options(router, name)) as transport:
        assert transport.request('AT^SYSCFGEX?', False, 5).splitlines() == [SYSCFGEX, 'OK']
        assert transport.request('AT+CGMM', True, 5).splitlines() == ['ME909u-521', 'OK']
        assert transport.reopen(1) == 'lte1'
        assert transport.description.startswith('LTE interface lte1 of router %s' % entry.address)


@pytest.mark.parametrize('name', TRANSPORTS)
def test_missing_interface_and_missing_at_chat(router, entry, name):
    with TRANSPORTS[name].from_params(options(router, name, interface='lte9')) as transport:
        with pytest.raises(TransportError, match="has no LTE interface 'lte9'"):
            transport.request('AT', False, 5)
    entry.router.no_at_chat = True
    with TRANSPORTS[name].from_params(options(router, name)) as transport:
        with pytest.raises(UnsupportedError, match='has no /interface/lte/at-chat'):
            transport.request('AT', False, 5)


@pytest.mark.parametrize('name', TRANSPORTS)
def test_wrong_password_is_refused_not_unreachable(router, name):
    with pytest.raises(TransportError, match="refused the (SSH )?login of user 'admin'") as caught:
        TRANSPORTS[name].from_params(options(router, name, password='wrong'))
    assert not isinstance(caught.value, Unreachable)


@pytest.mark.parametrize('name', TRANSPORTS)
def test_a_router_nobody_answers_for_is_unreachable(router, name):
    with pytest.raises(Unreachable, match='Cannot connect to'):
        TRANSPORTS[name].from_params(options(router, name, hostname='127.0.0.250', timeout=5.0))


@pytest.mark.parametrize('params, option', [
    (dict(hostname=None), 'hostname'),
    (dict(interface='lte1;/system reboot'), 'interface'),
    (dict(interface=''), 'interface'),
])
def test_options_are_checked_before_connecting(router, params, option):
    with pytest.raises(InvalidInputError) as caught:
        RouterOsApiTransport.check_options(options(router, 'routeros_api', **params))
    assert caught.value.option == option


def test_librouteros_is_imported_with_the_transport_module(router, monkeypatch):
    # The controller imports the module once, before Ansible forks its workers: they find librouteros loaded.
    assert routeros_api.librouteros is not None and routeros_api.import_librouteros()[0] is routeros_api.librouteros
    monkeypatch.setattr(routeros_api, 'librouteros', None)
    monkeypatch.setattr(routeros_api, 'LIBROUTEROS_IMPORT_ERROR', 'ModuleNotFoundError: librouteros')
    with pytest.raises(UnsupportedError, match='needs the Python library librouteros'):
        RouterOsApiTransport.from_params(options(router, 'routeros_api'))


def test_dropped_api_connection_is_a_lost_link(router, entry):
    entry.router.drop_connection_on = {'/interface/lte/at-chat'}
    with RouterOsApiTransport.from_params(options(router, 'routeros_api')) as transport:
        with pytest.raises(LinkLost, match='dropped'):
            transport.request('AT+CSQ', False, 5)


def test_silent_api_is_a_timeout(router, entry):
    with RouterOsApiTransport.from_params(options(router, 'routeros_api', timeout=1.0)) as transport:
        entry.router.api_silence = True
        with pytest.raises(TransportTimeout):
            transport.request('AT+CSQ', False, 1)


def test_tls_is_verified_against_the_ca(router, entry):
    params = options(router, 'routeros_api', tls=True, port=entry.api_tls_port, ca_path=router.ca_file)
    with RouterOsApiTransport.from_params(params) as transport:
        assert transport.request('AT', False, 5).split() == ['OK']
    with pytest.raises(TransportError, match='CERTIFICATE_VERIFY_FAILED.*ca_path') as caught:
        RouterOsApiTransport.from_params(dict(params, ca_path=None))
    assert not isinstance(caught.value, Unreachable)


def test_ssh_host_keys_unknown_pinned_and_wrongly_pinned(router, entry, tmp_path):
    empty = tmp_path / 'known_hosts'
    empty.write_text('')
    with pytest.raises(TransportError, match='is not in .*host_key_checking=accept_new'):
        RouterOsSshTransport.from_params(options(router, 'routeros_ssh', known_hosts_file=str(empty)))
    pinned = options(router, 'routeros_ssh', known_hosts_file=str(empty), host_key_fingerprint=fingerprint(entry.host_key))
    with RouterOsSshTransport.from_params(pinned) as transport:
        assert transport.request('AT', False, 5).split() == ['OK']
    with pytest.raises(TransportError, match='not the pinned SHA256:AAAA'):
        RouterOsSshTransport.from_params(dict(pinned, host_key_fingerprint='SHA256:AAAA'))
    learned = tmp_path / 'learned'
    with RouterOsSshTransport.from_params(options(router, 'routeros_ssh', known_hosts_file=str(learned), host_key_checking='accept_new')):
        assert entry.address in learned.read_text()


@pytest.mark.parametrize('command, line', [
    ('AT^SYSCFGEX?', '/interface lte at-chat lte1 input="AT^SYSCFGEX\\?"'),
    ('AT+CGDCONT=1,"IP","a$b"', '/interface lte at-chat lte1 input="AT+CGDCONT=1,\\"IP\\",\\"a\\$b\\""'),
    ('AT\\', '/interface lte at-chat lte1 input="AT\\\\"'),
])
def test_cli_quoting(command, line):
    assert at_chat_command_line('lte1', command, False) == line
    assert at_chat_command_line('lte1', command, True) == line + ' wait=yes'
    assert quote_cli('?') == '"\\?"'


@pytest.mark.parametrize('text, lines', [
    ('  output: ^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF\r\n          OK\r\n', [SYSCFGEX, 'OK', '']),
    ('    output: +CSQ: 20,99\n\nOK', ['+CSQ: 20,99', '', 'OK']),
    ('  output: ', ['']),
    ('bad command name at-chat (line 1 column 16)\n', None),
])
def test_cli_output_layout(text, lines):
    assert parse_at_chat_output(text) == lines
