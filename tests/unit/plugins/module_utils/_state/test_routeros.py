# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The routeros resource: allow-roaming and an APN profile, idempotent, check mode, diff, passwords never shown."""

from __future__ import annotations

import copy

import pytest

from .checked import converge
from ansible_collections.lte.modem.plugins.module_utils._errors import DeviceStateError, InvalidInputError, UnsupportedError
from ansible_collections.lte.modem.plugins.module_utils._routeros.lte import MASK, RouterSettings, shown_write
from ansible_collections.lte.modem.plugins.module_utils._state import engine
from ansible_collections.lte.modem.plugins.module_utils._state.registry import RESOURCES
from ansible_collections.lte.modem.plugins.module_utils._tasks.base import check_transport

ROUTEROS = RESOURCES['routeros']
SECRET = 'S3cret "pw"'
SYSCFG_READ = 'AT^SYSCFGEX?'


class FakeRouter:
    """RouterosLte's surface, on a dict: the interface's fields, the profiles, their passwords; ``ignore``: writes do nothing."""

    def __init__(self, allow_roaming=False, profiles=None, v6=False, ignore=False):
        self.interface = {'name': 'lte1', 'allow_roaming': allow_roaming, 'modem_init': '', 'band': '', 'network_mode': ['3g', 'lte'],
                          'disabled': False}
        if v6:
            self.interface['apn'] = 'internet'
        else:
            self.interface['apn_profiles'] = ['default']
        self.profiles = None if v6 else {'default': {'apn': 'internet', 'authentication': 'none', 'user': '', 'password': '', 'ip_type': 'auto'}}
        self.profiles = self.profiles if profiles is None else profiles
        self.ignore = ignore
        self.writes = []
        self.wrote = False

    def read(self, running=False):
        profiles = None
        if self.profiles is not None:
            profiles = [dict(values, name=name, password=MASK if values['password'] else '') for name, values in self.profiles.items()]
        passwords = {name: values['password'] for name, values in (self.profiles or {}).items()}
        return RouterSettings(copy.deepcopy(self.interface), profiles, {'name': 'lte1'}, [{'name': name} for name in self.profiles or ()],
                              passwords)

    def _write(self, menu, verb, target, values, apply):
        self.writes.append(shown_write(menu, verb, target, values))
        self.wrote = True
        if not self.ignore:
            apply()
        return self.writes[-1]

    def add_profile(self, values):
        fields = dict({'apn': '', 'authentication': 'none', 'user': '', 'password': '', 'ip_type': 'auto'}, **values)
        return self._write(('interface', 'lte', 'apn'), 'add', None, values, lambda: self.profiles.update({fields.pop('name'): fields}))

    def set_profile(self, settings, name, values):
        return self._write(('interface', 'lte', 'apn'), 'set', name, values, lambda: self.profiles[name].update(values))

    def set_interface(self, settings, values):
        return self._write(('interface', 'lte'), 'set', 'lte1', values, lambda: self.interface.update(values))


@pytest.fixture
def modem(transcript, ok):
    """Factory: a transcript modem (roaming off in ^SYSCFGEX) behind a FakeRouter; returns (modem, router, transport)."""
    def start(router=None):
        modem, transport = transcript({SYSCFG_READ: ok('^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF')})
        modem.router = router or FakeRouter()
        return modem, modem.router, transport
    return start


def options(allow_roaming=None, **profile):
    values = {'allow_roaming': allow_roaming, 'apn_profile': None}
    if profile:
        values['apn_profile'] = dict({'apn': None, 'authentication': None, 'user': None, 'password': None, 'ip_type': None, 'use': True}, **profile)
    return values


def test_allow_roaming_check_mode_then_change_then_ok(modem):
    modem, router, transport = modem()
    predicted = converge(modem, [(ROUTEROS, options(allow_roaming=True))], check_mode=True, diff=True)
    assert predicted['changed'] and predicted['commands'] == ['/interface lte set [find name=lte1] allow-roaming=yes']
    assert predicted['diff'] == {'before': {'interface': 'lte1', 'allow_roaming': False, 'apn_profiles': ['default']},
                                 'after': {'interface': 'lte1', 'allow_roaming': True, 'apn_profiles': ['default']}}
    assert router.writes == [] and transport.sent == []
    result = converge(modem, [(ROUTEROS, options(allow_roaming=True))])
    assert result['changed'] and result['after'] == predicted['after'] and router.writes == predicted['commands']
    again = converge(modem, [(ROUTEROS, options(allow_roaming=True))])
    assert not again['changed'] and again['commands'] == [] and len(router.writes) == 1


def test_a_new_profile_is_added_before_the_interface_uses_it(modem):
    modem, router, dummy = modem()
    wanted = options(name='m2m', apn='m2m.example', authentication='chap', user='fleet', password=SECRET, ip_type='ipv4')
    result = converge(modem, [(ROUTEROS, wanted)], diff=True)
    assert result['commands'] == [
        '/interface lte apn add name=m2m apn=m2m.example authentication=chap user=fleet password=******** ip-type=ipv4',
        '/interface lte set [find name=lte1] apn-profiles=m2m',
    ]
    assert result['before']['apn_profile'] == {'name': 'm2m', 'present': False, 'apn': None, 'authentication': None, 'user': None,
                                               'password': None, 'ip_type': None}
    assert result['after']['apn_profile'] == {'name': 'm2m', 'present': True, 'apn': 'm2m.example', 'authentication': 'chap',
                                              'user': 'fleet', 'password': MASK, 'ip_type': 'ipv4'}
    assert SECRET not in repr(result) and router.profiles['m2m']['password'] == SECRET
    assert not converge(modem, [(ROUTEROS, wanted)])['changed']


def test_only_the_password_differs(modem):
    modem, router, dummy = modem(FakeRouter(profiles={'m2m': {'apn': 'm2m.example', 'authentication': 'pap', 'user': 'fleet', 'password': 'old',
                                                              'ip_type': 'auto'}}))
    result = converge(modem, [(ROUTEROS, options(name='m2m', password=SECRET, use=False))], diff=True)
    assert result['changed'] and result['commands'] == ['/interface lte apn set [find name=m2m] password=********']
    assert result['diff']['before'] == result['diff']['after'] and SECRET not in repr(result)
    assert not converge(modem, [(ROUTEROS, options(name='m2m', password=SECRET, use=False))])['changed']


def test_a_profile_to_create_needs_its_apn(modem):
    modem, router, dummy = modem()
    with pytest.raises(InvalidInputError, match=r"option apn_profile\.apn: None \(the router has no APN profile 'm2m': give its apn"):
        converge(modem, [(ROUTEROS, options(name='m2m'))])
    assert router.writes == []


@pytest.mark.parametrize('profile, option', [
    ({'name': 'bad"name', 'apn': 'x'}, 'apn_profile.name'),
    ({'name': 'a,b', 'apn': 'x'}, 'apn_profile.name'),
    ({'name': ' padded', 'apn': 'x'}, 'apn_profile.name'),
    ({'name': 'm2m', 'apn': 'bad apn;'}, 'apn_profile.apn'),
    ({'name': 'm2m', 'user': 'line\nbreak'}, 'apn_profile.user'),
    ({'name': 'm2m', 'password': 'nul\x00'}, 'apn_profile.password'),
    ({'name': 'm2m', 'authentication': 'none', 'user': 'fleet'}, 'apn_profile.authentication'),
])
def test_bad_input_is_refused_before_anything_is_read(modem, profile, option):
    modem, router, transport = modem()
    with pytest.raises(InvalidInputError) as caught:
        converge(modem, [(ROUTEROS, options(**profile))])
    assert caught.value.option == option and router.writes == [] and transport.sent == []
    assert 'nul\x00' not in str(caught.value)


def test_in_a_facet_the_option_is_named_with_it(modem):
    modem, dummy, dummy = modem()
    items = engine.Items([(ROUTEROS, options(name='a;b', apn='x'), 'routeros')])
    with pytest.raises(InvalidInputError, match=r'option routeros\.apn_profile\.name'):
        engine.validate(items)


def test_a_change_the_router_does_not_keep_fails(modem):
    modem, dummy, dummy = modem(FakeRouter(ignore=True))
    with pytest.raises(DeviceStateError, match='reads back'):
        converge(modem, [(ROUTEROS, options(allow_roaming=True))])


def test_routeros6_takes_allow_roaming_but_has_no_profiles(modem):
    modem, router, dummy = modem(FakeRouter(v6=True))
    assert converge(modem, [(ROUTEROS, options(allow_roaming=True))])['after']['apn_profiles'] is None
    with pytest.raises(UnsupportedError, match='RouterOS 6'):
        converge(modem, [(ROUTEROS, options(name='m2m', apn='x'))])


def test_the_modem_is_read_again_after_the_router_changed(modem, ok):
    # allow-roaming makes RouterOS initialise the modem again (its modem-init): syscfg is planned on a fresh read.
    modem, router, transport = modem()
    transport.answers.update({SYSCFG_READ: [ok('^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF'), ok('^SYSCFGEX: "00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF')]})
    syscfg = {'roaming': True, 'mode_order': None, 'bands': None, 'lte_bands': None, 'service_domain': None}
    result = converge(modem, [(ROUTEROS, options(allow_roaming=True)), (RESOURCES['syscfg'], syscfg)])
    assert transport.sent == [SYSCFG_READ, SYSCFG_READ]
    assert result['commands'] == ['/interface lte set [find name=lte1] allow-roaming=yes']
    assert result['before']['syscfg']['roaming'] is True and result['after']['syscfg']['roaming'] is True


def test_a_serial_port_has_no_router(modem):
    modem, dummy, dummy = modem()
    modem.router = None
    with pytest.raises(UnsupportedError, match='serial port has no router'):
        converge(modem, [(ROUTEROS, options(allow_roaming=True))])
    with pytest.raises(InvalidInputError, match=r"option transport: 'serial' \(routeros: the settings of the MikroTik router"):
        check_transport(ROUTEROS, {'transport': 'serial'})
    check_transport(ROUTEROS, {'transport': 'routeros_ssh'})
    check_transport(RESOURCES['syscfg'], {'transport': 'serial'})
