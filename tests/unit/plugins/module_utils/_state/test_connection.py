# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

import json

import pytest

from ansible_collections.lte.modem.plugins.module_utils import _poll as poll
from .checked import converge
from ansible_collections.lte.modem.plugins.module_utils._errors import DeviceStateError, InvalidInputError
from ansible_collections.lte.modem.plugins.module_utils._state.connection import ConnectionResource, dial_command

QRY = 'AT^NDISSTATQRY?'
# ^DHCP? shares the read's line, last, where a refusal (no data call up) costs nothing.
READ = QRY + ';^DHCP?'
DOWN = '^NDISSTATQRY: 0,,,"IPV4",0,,,"IPV6"'
UP4 = '^NDISSTATQRY: 1,,,"IPV4",0,,,"IPV6"'
DHCP = '^DHCP: a3ec5c64,f8ffffff,a1ec5c64,a1ec5c64,0d0c0b0a,0e0c0b0a,150000000,50000000'
SECRET = 's3cr3t-pw'


def params(**options):
    base = dict(state='connected', cid=1, apn=None, ip_type='ipv4', auth=None, apn_username=None, apn_password=None, wait_timeout=5.0)
    base.update(options)
    return base


@pytest.mark.parametrize('options, command', [
    ({}, 'AT^NDISDUP=1,1'),
    ({'apn': 'internet'}, 'AT^NDISDUP=1,1,"internet"'),
    ({'cid': 2, 'apn': 'web', 'apn_username': 'u', 'apn_password': 'p'}, 'AT^NDISDUP=2,1,"web","u","p",2'),
    ({'apn': 'web', 'auth': 'pap', 'apn_username': 'u', 'apn_password': 'p'}, 'AT^NDISDUP=1,1,"web","u","p",1'),
])
def test_dial_command(options, command):
    assert dial_command(params(**options)) == command


@pytest.mark.parametrize('option, value', [
    ('apn', 'inter"net'), ('apn', 'a\rb'), ('apn', 'x' * 100), ('apn_username', 'a\nb'), ('apn_password', 'p\0w'), ('cid', 0), ('cid', 21),
])
def test_validation_names_option_and_sends_nothing(transcript, option, value):
    modem, transport = transcript({})
    with pytest.raises(InvalidInputError) as caught:
        converge(modem, [(ConnectionResource(), params(**{option: value}))])
    assert caught.value.option == option and transport.sent == []
    if option == 'apn_password':
        assert value not in str(caught.value)


def test_connected_and_unchanged_reports_dhcp_from_the_one_read(transcript, ok):
    modem, transport = transcript({QRY: ok(UP4), 'AT^DHCP?': ok(DHCP)})
    result = converge(modem, [(ConnectionResource(), params())])
    assert not result['changed'] and result['dhcp']['address'] == '100.92.236.163'
    assert transport.sent == [READ]


def test_connect_polls_until_up_and_returns_dhcp(transcript, ok):
    modem, transport = transcript({QRY: [ok(DOWN), ok(DOWN), ok(DOWN), ok(UP4)], 'AT^NDISDUP=1,1,"internet"': ok(), 'AT^DHCP?': ok(DHCP)})
    result = converge(modem, [(ConnectionResource(), params(apn='internet'))], diff=True)
    assert result['changed'] and result['commands'] == ['AT^NDISDUP=1,1,"internet"']
    assert result['before'] == {'cid': 1, 'state': 'disconnected', 'families': []}
    assert result['after'] == {'cid': 1, 'state': 'connected', 'families': ['ipv4']}
    assert result['dhcp']['address'] == '100.92.236.163' and result['dhcp']['prefix_length'] == 29
    assert result['dhcp']['dns'] == ['10.11.12.13', '10.11.12.14']


def test_already_connected_is_ok(transcript, ok):
    modem, transport = transcript({QRY: ok(UP4), 'AT^DHCP?': ok(DHCP)})
    result = converge(modem, [(ConnectionResource(), params())], check_mode=True)
    assert not result['changed'] and result['dhcp']['gateway'] == '100.92.236.161'
    assert not any(command.startswith('AT^NDISDUP') for command in transport.sent)


def test_dial_failure_gives_cause_and_checklist_without_password(transcript, ok):
    dial = 'AT^NDISDUP=1,1,"bad","user","%s",2' % SECRET
    modem, dummy = transcript({QRY: [ok(DOWN), ok(DOWN), ok('^NDISSTATQRY: 0,33,,"IPV4",0,,,"IPV6"')], dial: ok()})
    with pytest.raises(DeviceStateError) as caught:
        converge(modem, [(ConnectionResource(), params(apn='bad', apn_username='user', apn_password=SECRET))])
    message = str(caught.value)
    assert 'cause 33 (Requested service option not subscribed)' in message and 'AT^RFSWITCH?' in message
    assert SECRET not in message and SECRET not in json.dumps(caught.value.details())


def test_dial_timeout(transcript, ok, monkeypatch):
    clock = iter(range(0, 1000))
    monkeypatch.setattr(poll.time, 'monotonic', lambda: next(clock))
    modem, dummy = transcript({QRY: ok(DOWN), 'AT^NDISDUP=1,1': ok()})
    with pytest.raises(DeviceStateError, match='did not come up within 5s') as caught:
        converge(modem, [(ConnectionResource(), params())])
    assert 'AT+CFUN?' in str(caught.value)


def test_check_mode_predicts_the_dial(transcript, ok):
    modem, transport = transcript({QRY: ok(DOWN)})
    result = converge(modem, [(ConnectionResource(), params(apn='web', apn_username='u', apn_password=SECRET))], check_mode=True)
    assert result['commands'] == ['AT^NDISDUP=1,1,"web","u",********,2'] and transport.sent == [READ] and result['dhcp'] == {}


def test_disconnect_and_down_context_converged(transcript, ok):
    modem, transport = transcript({QRY: [ok(UP4), ok(DOWN)], 'AT^NDISDUP=1,0': ok()})
    result = converge(modem, [(ConnectionResource(), params(state='disconnected'))])
    assert result['changed'] and result['after']['state'] == 'disconnected' and result['dhcp'] == {}
    transport.sent.clear()
    again = converge(modem, [(ConnectionResource(), params(state='disconnected'))])
    assert not again['changed'] and transport.sent == [READ]


def test_hangup_error_on_down_context_counts_as_converged(transcript, ok):
    # the modem reported a family up, but answers ERROR when asked to hang up: it was already down
    modem, dummy = transcript({QRY: [ok(UP4), ok(DOWN)], 'AT^NDISDUP=1,0': '\r\nERROR\r\n'})
    result = converge(modem, [(ConnectionResource(), params(state='disconnected'))])
    assert result['after']['state'] == 'disconnected'


def test_other_cid_is_not_ours(transcript, ok):
    modem, dummy = transcript({QRY: [ok('^NDISSTATQRY: 2,1,,,"IPV4"'), ok('^NDISSTATQRY: 1,1,,,"IPV4"')], 'AT^NDISDUP=1,1': ok(), 'AT^DHCP?': ok(DHCP)})
    result = converge(modem, [(ConnectionResource(), params())])
    assert result['before']['state'] == 'disconnected' and result['after']['state'] == 'connected'


def test_missing_family_redials(transcript, ok):
    both = '^NDISSTATQRY: 1,,,"IPV4",1,,,"IPV6"'
    modem, dummy = transcript({QRY: [ok(UP4), ok(DOWN), ok(both)], 'AT^NDISDUP=1,0': ok(), 'AT^NDISDUP=1,1': ok(), 'AT^DHCP?': ok(DHCP)})
    result = converge(modem, [(ConnectionResource(), params(ip_type='ipv4v6'))])
    assert result['commands'] == ['AT^NDISDUP=1,0', 'AT^NDISDUP=1,1'] and result['after']['families'] == ['ipv4', 'ipv6']


def test_composes_with_the_apn_resource(transcript, ok):
    """The fleet role defines the context and dials in one converge: one chained read, then the writes in order."""
    from ansible_collections.lte.modem.plugins.module_utils._state.apn import ApnResource

    both = '^NDISSTATQRY: 1,,,"IPV4",1,,,"IPV6"'
    modem, transport = transcript({'AT+CGDCONT?': [ok('+CGDCONT: 1,"IP","old","0.0.0.0",0,0'), ok('+CGDCONT: 1,"IPV4V6","internet","0.0.0.0",0,0')],
                                   'AT+CGDCONT=?': ok('+CGDCONT: (1-11),"IP",,,(0-2),(0-4)', '+CGDCONT: (1-11),"IPV4V6",,,(0-2),(0-4)'),
                                   'AT+CGDCONT=1,"IPV4V6","internet"': ok(), 'AT^NDISDUP=1,1': ok(), QRY: [ok(DOWN), ok(both)], 'AT^DHCP?': ok(DHCP)})
    apn = dict(cid=1, apn='internet', pdp_type='ipv4v6', state='present')
    result = converge(modem, [(ApnResource(), apn), (ConnectionResource(), params(ip_type='ipv4v6'))])
    assert result['commands'] == ['AT+CGDCONT=1,"IPV4V6","internet"', 'AT^NDISDUP=1,1']
    assert result['after']['connection']['families'] == ['ipv4', 'ipv6'] and result['dhcp']['address'] == '100.92.236.163'
    assert transport.sent[:3] == ['AT^NDISSTATQRY?;+CGDCONT?;^DHCP?', 'AT+CGDCONT=?', 'AT+CGDCONT=1,"IPV4V6","internet";+CGDCONT?']
