# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

import pytest

from .checked import converge
from ansible_collections.lte.modem.plugins.module_utils._errors import AtCommandError, DeviceStateError, InvalidInputError
from ansible_collections.lte.modem.plugins.module_utils._state.apn import ApnResource
from ansible_collections.lte.modem.plugins.module_utils._state.options import apn_problem
from ansible_collections.lte.modem.plugins.module_utils._tasks.base import resource_task

READ, TEST = 'AT+CGDCONT?', 'AT+CGDCONT=?'
TEST_V6 = ['+CGDCONT: (1-16),"%s",,,(0-2),(0-3),(0,1)' % pdp_type for pdp_type in ('IP', 'IPV6', 'IPV4V6')]
TEST_V4 = ['+CGDCONT: (1-11),"IP",,,(0-2),(0-3),(0,1)']


def params(**given):
    base = dict(cid=1, apn=None, pdp_type='ip', state='present')
    base.update(given)
    return base


def modem_with(transcript, ok, contexts, after=None, test=None, extra=None):
    test = test or TEST_V6
    answers = {READ: [ok(*contexts), ok(*(contexts if after is None else after))], TEST: ok(*test)}
    answers.update(extra or {})
    return transcript(answers)


PLANS = [
    # (id, contexts, options, expected commands, after)
    ('set-apn', ['+CGDCONT: 1,"IP","","0.0.0.0",0,0'], dict(apn='internet'), ['AT+CGDCONT=1,"IP","internet"'],
     {'cid': 1, 'state': 'present', 'pdp_type': 'ip', 'apn': 'internet'}),
    ('new-context', [], dict(cid=3, apn='m2m.example', pdp_type='ipv4v6'), ['AT+CGDCONT=3,"IPV4V6","m2m.example"'],
     {'cid': 3, 'state': 'present', 'pdp_type': 'ipv4v6', 'apn': 'm2m.example'}),
    ('type-only', ['+CGDCONT: 1,"IPV4V6","internet","0.0.0.0",0,0'], dict(), ['AT+CGDCONT=1,"IP","internet"'],
     {'cid': 1, 'state': 'present', 'pdp_type': 'ip', 'apn': 'internet'}),
    ('absent', ['+CGDCONT: 1,"IP","internet"', '+CGDCONT: 2,"IP","old"'], dict(cid=2, state='absent'), ['AT+CGDCONT=2'],
     {'cid': 2, 'state': 'absent'}),
    # A new context without an apn asks the network for the subscribed default (an empty APN).
    ('new-context-network-default', ['+CGDCONT:1,"IP","internet"'], dict(cid=3), ['AT+CGDCONT=3,"IP",""'],
     {'cid': 3, 'state': 'present', 'pdp_type': 'ip', 'apn': ''}),
]


@pytest.mark.parametrize('contexts, options, commands, after', [case[1:] for case in PLANS], ids=[case[0] for case in PLANS])
def test_plan(transcript, ok, contexts, options, commands, after):
    modem, transport = modem_with(transcript, ok, contexts)
    result = converge(modem, [(ApnResource(), params(**options))], check_mode=True, diff=True)
    assert result['changed'] is True and result['commands'] == commands
    assert result['after'] == after and result['diff']['after'] == after
    # Only an IPv6 type or a high context id is checked against +CGDCONT=?.
    assert transport.sent == [READ] + ([TEST] if after.get('pdp_type', 'ip') != 'ip' else [])


CONVERGED = [
    ('same', ['+CGDCONT: 1,"IP","internet","0.0.0.0",0,0'], dict(apn='internet')),
    ('apn-case-insensitive', ['+CGDCONT: 1,"IP","Internet.Example"'], dict(apn='internet.example')),
    ('apn-omitted-keeps-it', ['+CGDCONT: 1,"IP","internet"'], dict()),
    ('absent-already', ['+CGDCONT: 1,"IP","internet"'], dict(cid=5, state='absent')),
    ('absent-no-contexts', [], dict(state='absent')),
]


@pytest.mark.parametrize('contexts, options', [case[1:] for case in CONVERGED], ids=[case[0] for case in CONVERGED])
def test_converged(transcript, ok, contexts, options):
    modem, transport = modem_with(transcript, ok, contexts)
    result = converge(modem, [(ApnResource(), params(**options))], diff=True)
    assert result['changed'] is False and result['commands'] == []
    assert result['diff']['before'] == result['diff']['after']
    assert transport.sent == [READ]


def test_case_difference_keeps_the_modem_spelling(transcript, ok):
    modem, dummy = modem_with(transcript, ok, ['+CGDCONT: 1,"IP","Internet"'])
    result = converge(modem, [(ApnResource(), params(apn='INTERNET'))])
    assert result['after']['apn'] == 'Internet'


def test_write_and_read_back(transcript, ok):
    write = 'AT+CGDCONT=1,"IPV4V6","internet"'
    modem, transport = modem_with(transcript, ok, [], after=['+CGDCONT: 1,"IPV4V6","internet","0.0.0.0",0,0'], extra={write: ok()})
    result = converge(modem, [(ApnResource(), params(apn='internet', pdp_type='ipv4v6'))])
    # IPv4v6 is checked against what the modem offers; the read-back shares the write's command line.
    assert transport.sent == [READ, TEST, write + ';+CGDCONT?']
    assert result['after'] == {'cid': 1, 'state': 'present', 'pdp_type': 'ipv4v6', 'apn': 'internet'}


def test_context_that_comes_back_fails_verification(transcript, ok):
    contexts = ['+CGDCONT: 1,"IP","internet"']
    modem, dummy = modem_with(transcript, ok, contexts, after=contexts, extra={'AT+CGDCONT=1': ok()})
    with pytest.raises(DeviceStateError):
        converge(modem, [(ApnResource(), params(state='absent'))])


def test_refused_write_names_the_command(transcript, ok):
    write = 'AT+CGDCONT=1,"IP","internet"'
    modem, dummy = modem_with(transcript, ok, [], extra={write: '\r\n+CME ERROR: 50\r\n'})
    with pytest.raises(AtCommandError) as caught:
        converge(modem, [(ApnResource(), params(apn='internet'))])
    assert write in str(caught.value) and '+CME ERROR: 50' in str(caught.value)


@pytest.mark.parametrize('options, option, reason', [
    (dict(cid=12, apn='internet'), 'cid', '1-11'),
    (dict(pdp_type='ipv6', apn='internet'), 'pdp_type', 'IP'),
], ids=['cid-out-of-range', 'pdp-type-not-listed'])
def test_refused_against_the_test_command(transcript, ok, options, option, reason):
    modem, transport = modem_with(transcript, ok, [], test=TEST_V4)
    with pytest.raises(InvalidInputError) as caught:
        converge(modem, [(ApnResource(), params(**options))])
    assert caught.value.option == option and reason in str(caught.value)
    assert transport.sent == [READ, TEST]


def test_ip_on_a_low_context_id_needs_no_test_command(transcript, ok):
    modem, transport = modem_with(transcript, ok, [], after=['+CGDCONT: 1,"IP","internet"'], extra={'AT+CGDCONT=1,"IP","internet"': ok()})
    converge(modem, [(ApnResource(), params(apn='internet'))])
    assert transport.sent == [READ, 'AT+CGDCONT=1,"IP","internet";+CGDCONT?']


def test_test_command_failure_leaves_checks_to_the_modem(transcript, ok):
    modem, dummy = transcript({READ: ok(), TEST: '\r\nERROR\r\n'})
    result = converge(modem, [(ApnResource(), params(cid=20, apn='internet'))], check_mode=True)
    assert result['commands'] == ['AT+CGDCONT=20,"IP","internet"']


BAD_APNS = [
    ('quote', 'inter"net'),
    ('cr', 'internet\r'),
    ('lf', 'internet\nAT+CFUN=0'),
    ('semicolon', 'internet;+CFUN=0'),
    ('nul', 'inter\x00net'),
    ('space', 'my apn'),
    ('non-ascii', 'internét'),
    ('comma', 'a,b'),
    ('underscore', 'm2m_apn'),
    ('too-long', 'a' * 101),
    ('100-chars', 'a.' * 49 + 'ab'),
    ('double-dot', 'internet..example'),
    ('leading-dot', '.internet'),
    ('trailing-dot', 'internet.'),
    ('leading-hyphen', '-internet'),
    ('label-trailing-hyphen', 'internet-.example'),
    ('label-too-long', 'a' * 64 + '.com'),
    ('empty', ''),
    ('blank', '   '),
    ('backslash', 'inter\\net'),
]


@pytest.mark.parametrize('apn', [case[1] for case in BAD_APNS], ids=[case[0] for case in BAD_APNS])
def test_bad_apn_is_refused_before_anything_is_sent(transcript, apn):
    with pytest.raises(InvalidInputError) as caught:
        resource_task(ApnResource()).validate(params(apn=apn))
    assert caught.value.option == 'apn' and caught.value.value == apn
    assert repr(apn) in str(caught.value)
    modem, transport = transcript({})
    with pytest.raises(InvalidInputError):
        converge(modem, [(ApnResource(), params(apn=apn))])
    assert transport.sent == []


@pytest.mark.parametrize('apn', ['internet', 'internet.t-mobile', 'WAP.Vodafone.co.uk', '3gnet', 'a' * 60 + '.' + 'b' * 38, 'a.' * 49 + 'a'])
def test_good_apns(apn):
    assert apn_problem(apn) is None


def test_other_modules_may_pass_only_some_keys(transcript, ok):
    modem, dummy = modem_with(transcript, ok, ['+CGDCONT: 1,"IP","internet"'])
    result = converge(modem, [(ApnResource(), {'apn': 'internet'})])
    assert result['changed'] is False and result['after'] == {'cid': 1, 'state': 'present', 'pdp_type': 'ip', 'apn': 'internet'}
