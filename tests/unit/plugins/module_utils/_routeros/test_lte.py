# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""RouterosLte, the router's own LTE settings, over the API and the CLI of a simulated router on 127.0.0.x."""

from __future__ import annotations

import pytest

from ansible_collections.lte.modem.plugins.module_utils._errors import RouterCommandError, UnsupportedError
from ansible_collections.lte.modem.plugins.module_utils._routeros.lte import masked_init, open_router
from ansible_collections.lte.modem.plugins.module_utils._transports.registry import connection_argument_spec, open_transport
from simulator.fleet import Fleet

PASSWORD = 'pa$$ "w?rd'
TRANSPORTS = ('routeros_api', 'routeros_ssh')


@pytest.fixture(scope='module')
def routers(tmp_path_factory):
    """A RouterOS 7 router (allow-roaming=no, as RouterOS ships) and a RouterOS 6 one, API and SSH each."""
    fleets = {}
    for name, address, options in (('7', '127.0.0.44', {}), ('6', '127.0.0.45', {'version': '6.39.2'})):
        fleet = Fleet(1, base_address=address, api_port=0, ssh_port=0, ssh=True, at_chat_wait=0.2, allow_roaming=False,
                      workdir=str(tmp_path_factory.mktemp('router%s' % name)), router_options=options)
        fleets[name] = fleet.start()
    yield fleets
    for fleet in fleets.values():
        fleet.stop()


def params(fleet, transport, **overrides):
    entry = fleet.routers[0]
    values = {name: spec.get('default') for name, spec in connection_argument_spec().items()}
    values.update(transport=transport, hostname=entry.address, password=fleet.password, timeout=5.0, known_hosts_file=fleet.known_hosts_file,
                  port=entry.api_port if transport == 'routeros_api' else entry.ssh_port)
    values.update(overrides)
    return values


@pytest.fixture
def router(routers):
    """Factory: ``router('routeros_api', '7')`` -> (RouterosLte, the simulated router); the RouterOS 7 router is reset afterwards."""
    opened = []

    def start(transport, version='7', **overrides):
        values = params(routers[version], transport, **overrides)
        transport_object = open_transport(values)
        opened.append(transport_object)
        return open_router(transport_object, values), routers[version].routers[0].router

    yield start
    for transport in opened:
        transport.close()
    simulated = routers['7'].routers[0].router
    for profile in list(simulated.apn.items[1:]):
        simulated.apn.remove(profile)
    simulated.interfaces[0].apply({'allow-roaming': 'no', 'apn-profiles': 'default', 'modem-init': ''})


@pytest.mark.parametrize('transport', TRANSPORTS)
def test_read_add_set_and_read_back(router, transport):
    lte, simulated = router(transport)
    settings = lte.read(running=True)
    assert settings.interface == {'name': 'lte1', 'allow_roaming': False, 'apn_profiles': ['default'], 'modem_init': '', 'band': '',
                                  'network_mode': ['3g', 'lte'], 'disabled': False, 'running': True}
    assert settings.profiles == [{'name': 'default', 'apn': 'internet', 'authentication': 'none', 'user': '', 'password': '',
                                  'ip_type': 'auto', 'use_network_apn': True, 'default': True}]
    shown = lte.add_profile({'name': 'm2m', 'apn': 'm2m.example', 'authentication': 'chap', 'user': 'fleet', 'password': PASSWORD})
    assert shown == '/interface lte apn add name=m2m apn=m2m.example authentication=chap user=fleet password=********'
    assert lte.set_interface(settings, {'allow_roaming': True, 'apn_profiles': ['m2m']}) == (
        '/interface lte set [find name=lte1] allow-roaming=yes apn-profiles=m2m')
    settings = lte.read()
    assert 'running' not in settings.interface and settings.interface['allow_roaming'] is True
    assert settings.profile('m2m') == {'name': 'm2m', 'apn': 'm2m.example', 'authentication': 'chap', 'user': 'fleet', 'password': '********',
                                       'ip_type': 'auto', 'use_network_apn': True, 'default': False}
    assert settings.password_matches('m2m', PASSWORD) and not settings.password_matches('m2m', 'other')
    lte.set_profile(settings, 'm2m', {'password': 'other', 'ip_type': 'ipv4'})
    settings = lte.read()
    assert settings.password_matches('m2m', 'other') and settings.profile('m2m')['ip_type'] == 'ipv4'
    assert lte.wrote and all(PASSWORD not in line for line in lte.sent + simulated.log + simulated.cli_log)


@pytest.mark.parametrize('transport', TRANSPORTS)
def test_refusals_are_the_collections_errors(router, transport):
    lte, dummy = router(transport)
    settings = lte.read()
    with pytest.raises(RouterCommandError, match='refused .*input does not match any value of apn-profiles'):
        lte.set_interface(settings, {'apn_profiles': ['nope']})
    with pytest.raises(RouterCommandError, match='has no APN profile'):
        lte.set_profile(settings, 'nope', {'apn': 'x'})
    missing, dummy = router(transport, interface='lte9')
    with pytest.raises(RouterCommandError, match=r"has no LTE interface 'lte9' \(its LTE interfaces: lte1\)"):
        missing.read()


def test_internal_ids_work_over_the_api_only(router):
    lte, dummy = router('routeros_api', interface='*1')
    assert lte.read().interface['name'] == 'lte1'
    lte, dummy = router('routeros_ssh', interface='*1')
    with pytest.raises(UnsupportedError, match='name the LTE interface'):
        lte.read()


@pytest.mark.parametrize('transport', TRANSPORTS)
def test_routeros6_has_no_apn_profiles(router, transport):
    lte, dummy = router(transport, version='6')
    settings = lte.read()
    assert settings.profiles is None and settings.interface['apn'] == 'internet' and 'apn_profiles' not in settings.interface
    with pytest.raises(UnsupportedError, match=r'has no /interface.lte.apn'):
        lte.menus.print(('interface', 'lte', 'apn'))


@pytest.mark.parametrize('line, shown', [
    ('AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,', 'AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,'),
    ('AT+CPIN="1234"', 'AT+CPIN=********'),
    ('ATE0;+CGAUTH=1,1,"user","secret";^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,',
     'ATE0;+CGAUTH=1,1,"user",********;^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,'),
    ('', ''),
])
def test_secrets_in_modem_init_are_masked(line, shown):
    assert masked_init(line) == shown


def test_a_serial_port_has_no_router():
    assert open_router(object(), {'interface': 'lte1'}) is None
