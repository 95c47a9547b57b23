# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The routeros subset of huawei_info: the router's settings beside the modem's, and a note for each disagreement."""

from __future__ import annotations

import pytest

from ansible_collections.lte.modem.plugins.module_utils._routeros.facts import init_roaming, registration_of, routeros_facts
from ansible_collections.lte.modem.plugins.module_utils._routeros.lte import RouterSettings

DEFAULT = {'name': 'default', 'apn': 'internet', 'authentication': 'none', 'user': '', 'password': '', 'ip_type': 'auto',
           'use_network_apn': True, 'default': True}
M2M = dict(DEFAULT, name='m2m', apn='M2M.example', default=False, password='********')


def settings(allow_roaming=False, profiles=('default',), modem_init='', apn=None):
    interface = {'name': 'lte1', 'allow_roaming': allow_roaming, 'modem_init': modem_init, 'band': '', 'network_mode': ['3g', 'lte'],
                 'disabled': False, 'running': False}
    if apn is not None:  # RouterOS 6
        return RouterSettings(dict(interface, apn=apn), None, {}, [], {})
    return RouterSettings(dict(interface, apn_profiles=list(profiles)), [DEFAULT, M2M], {}, [], {'m2m': 'secret'})


def syscfg(roaming):
    return {'roam': int(roaming), 'roaming': roaming}


def contexts(apn):
    return [{'cid': 1, 'pdp_type': 'IP', 'apn': apn}, {'cid': 2, 'pdp_type': 'IP', 'apn': 'ims'}]


def test_the_modem_roams_but_the_router_does_not_allow_it():
    facts, notes = routeros_facts(settings(), syscfg(True), contexts('internet'))
    assert facts['compared'] == {
        'roaming': {'routeros': False, 'modem': True, 'agree': False, 'registration': None},
        'apn': {'routeros': 'internet', 'profile': 'default', 'modem': 'internet', 'cid': 1, 'agree': True},
    }
    assert facts['apn_profiles'][1]['password'] == '********' and 'secret' not in repr(facts)
    (note,) = notes
    assert note['subset'] == 'routeros' and note['response'] == ['allow-roaming=no', 'roam field 1']
    assert note['reason'].startswith("The modem allows roaming (its roam field 1) but the router's LTE interface lte1 has allow-roaming=no")


def test_the_router_allows_roaming_but_the_modem_does_not():
    for registration in (None, 'not registered', 'roaming'):
        dummy, notes = routeros_facts(settings(allow_roaming=True), syscfg(False), contexts('internet'), registration)
        assert [note['response'] for note in notes] == [['allow-roaming=yes', 'roam field 0']]
        assert 'a foreign SIM gets no service' in notes[0]['reason']
    # registered at home, the modem's roam field does not matter
    facts, notes = routeros_facts(settings(allow_roaming=True), syscfg(False), contexts('internet'), 'home')
    assert facts['compared']['roaming']['agree'] is False and notes == []


@pytest.mark.parametrize('stats, registration', [
    ([], None), ([(1, False)], 'home'), ([(1, False), (5, True)], 'roaming'), ([(3, False), (2, False)], 'not registered'),
])
def test_registration_from_the_domains(stats, registration):
    domains = [{'stat': stat, 'registered': stat in (1, 5), 'roaming': roaming} for stat, roaming in stats] + [None]
    assert registration_of(domains) == registration


def test_the_router_dials_another_apn_than_the_modems_context():
    facts, notes = routeros_facts(settings(allow_roaming=True, profiles=('m2m', 'default')), syscfg(True), contexts('internet'))
    assert facts['compared']['apn'] == {'routeros': 'M2M.example', 'profile': 'm2m', 'modem': 'internet', 'cid': 1, 'agree': False}
    assert [note['reason'] for note in notes] == ["The router dials the APN M2M.example (profile m2m) but the modem's context 1 "
                                                  "(+CGDCONT) has internet."]
    # APNs are compared without case
    facts, notes = routeros_facts(settings(allow_roaming=True, profiles=('m2m',)), syscfg(True), contexts('m2m.EXAMPLE'))
    assert facts['compared']['apn']['agree'] is True and notes == []


def test_unknown_sides_are_not_disagreements():
    facts, notes = routeros_facts(settings(), None, None)
    assert facts['compared']['roaming']['agree'] is None and facts['compared']['apn']['agree'] is None and notes == []
    facts, notes = routeros_facts(settings(allow_roaming=True), syscfg(True), [{'cid': 1, 'pdp_type': 'IP', 'apn': ''}])
    assert facts['compared']['apn']['agree'] is None and notes == []


def test_routeros6_dials_the_interfaces_own_apn():
    facts, notes = routeros_facts(settings(allow_roaming=True, apn='internet.v6'), syscfg(True), contexts('internet'))
    assert 'apn_profiles' not in facts and facts['compared']['apn']['profile'] is None
    assert "(the interface's apn)" in notes[0]['reason']


def test_a_modem_init_that_turns_roaming_off_is_noted():
    line = 'AT^SYSCFGEX="00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF,,'
    facts, notes = routeros_facts(settings(allow_roaming=True, modem_init=line), syscfg(True), contexts('internet'))
    assert facts['compared']['modem_init_roaming'] == {'routeros': False, 'modem': True, 'agree': False}
    assert 'the next initialisation undoes it' in notes[0]['reason'] and notes[0]['response'][0] == 'modem-init=' + line


@pytest.mark.parametrize('line, roaming', [
    ('AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,', True),
    ('ATE0;^SYSCFGEX="03",3FFFFFFF,0,4,40,,', False),
    ('AT^SYSCFGEX="99",3FFFFFFF,2,4,7FFFFFFFFFFFFFFF,,', None),
    ('AT^SYSCFG=2,0,3FFFFFFF,1,2', True),
    ('AT+CGDCONT=1,"IP","internet"', None),
    ('', None),
])
def test_roaming_written_by_modem_init(line, roaming):
    assert init_roaming(line) is roaming
