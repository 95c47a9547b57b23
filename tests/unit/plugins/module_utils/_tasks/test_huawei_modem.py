# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""huawei_modem: every facet in one converge, with as few command lines as the modem allows."""

from __future__ import annotations

import pytest

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.lte.modem.plugins.module_utils import _poll as poll
from ansible_collections.lte.modem.plugins.module_utils._at.commands import is_read_only
from ansible_collections.lte.modem.plugins.module_utils._errors import AtCommandError, InvalidInputError
from ansible_collections.lte.modem.plugins.module_utils._tasks.huawei_modem import FACETS, TASK
from ansible_collections.lte.modem.plugins.module_utils._tasks.registry import task_for
from ansible_collections.lte.modem.plugins.module_utils._state.registry import RESOURCES

from ...conftest import ok

SYSCFG = '^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF'
ROAMING = SYSCFG.replace(',0,1,', ',1,1,')
SYSCFG_WRITE = 'AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,'
UP = '^NDISSTATQRY: 1,,,"IPV4",0,,,"IPV6"'
DOWN = '^NDISSTATQRY: 0,,,"IPV4",0,,,"IPV6"'
DHCP = '^DHCP: a3ec5c64,f8ffffff,a1ec5c64,a1ec5c64,0ab0a8c0,0bb0a8c0,150000000,50000000'
SETPORT_TEST = ['^SETPORT:A1: CDROM', '^SETPORT:A2: SD', '^SETPORT:1: 3G MODEM', '^SETPORT:2: 3G PCUI', '^SETPORT:10: 4G MODEM',
                '^SETPORT:12: 4G PCUI', '^SETPORT:16: NCM']

# What a run that changes nothing reads: every facet on one line, the prefix-less IMEI in front, then
# contexts (possibly none), what some firmware lacks, and ^DHCP? (refused while no call is up) last.
ONE_LINE = 'AT+CGSN;^SETPORT?;+CFUN?;^NDISSTATQRY?;+CGDCONT?;^RFSWITCH?;^SYSCFGEX?;^DHCP?'


@pytest.fixture(autouse=True)
def no_sleep(monkeypatch):
    monkeypatch.setattr(poll.time, 'sleep', lambda seconds: None)


def validated(**given):
    """The options as the action plugin hands them over: checked against the spec, defaults filled in."""
    result = ArgumentSpecValidator(**TASK.validator_kwargs()).validate(dict(device='/dev/ttyUSB2', **given))
    assert not result.error_messages, result.error_messages
    return result.validated_parameters


def modem_answers(**changed):
    answers = {
        'AT+CGSN': ok('861234567890123'),
        'AT^SETPORT?': ok('^SETPORT:A1,A2;12,16,A1,A2'),
        'AT^SETPORT=?': ok(*SETPORT_TEST),
        'AT+CFUN?': ok('+CFUN: 1'),
        'AT^RFSWITCH?': ok('^RFSWITCH: 1,1'),
        'AT^SYSCFGEX?': ok(ROAMING),
        'AT+CGDCONT?': ok('+CGDCONT: 1,"IP","internet","0.0.0.0",0,0'),
        'AT^NDISSTATQRY?': ok(UP),
        'AT^DHCP?': ok(DHCP),
    }
    answers.update(changed)
    return answers


WHOLE = dict(
    port_mode=dict(mode='A1,A2;12,16,A1,A2'),
    radio=dict(rf=True, functionality='full'),
    syscfg=dict(roaming=True),
    apns=[dict(cid=1, apn='internet')],
    connection=dict(state='connected'),
)


def run(transcript, answers, check_mode=False, **given):
    modem, transport = transcript(answers)
    params = validated(**given)
    TASK.validate(params)
    return TASK.run(modem, params, check_mode, True), transport


def test_the_module_is_registered_with_one_facet_per_resource():
    assert task_for('lte.modem.huawei_modem') is TASK
    assert sorted(facet.resource.name for facet in FACETS) == sorted(RESOURCES)
    # The order that cannot harm the modem is the registry's.
    assert [facet.resource.name for facet in FACETS] == list(RESOURCES)


def test_each_facet_takes_the_options_of_its_module():
    for facet in FACETS:
        spec = TASK.argument_spec[facet.name]
        own = task_for('huawei_%s' % facet.resource.name).argument_spec
        assert set(spec['options']) == set(facet.resource.argument_spec) and set(spec['options']) < set(own)
    assert TASK.argument_spec['apns']['options']['cid'] == dict(type='int', required=True)


def test_converged_state_costs_one_command_line(transcript, tmp_path):
    desired = dict(WHOLE)
    desired['port_mode'] = dict(mode='A1,A2;12,16,A1,A2', state_dir=str(tmp_path))
    result, transport = run(transcript, modem_answers(), **desired)
    assert transport.sent == [ONE_LINE]
    assert result['changed'] is False and result['commands'] == []
    assert sorted(result['before']) == ['apns', 'connection', 'port_mode', 'radio', 'syscfg']
    assert result['before']['apns'] == [{'cid': 1, 'state': 'present', 'pdp_type': 'ip', 'apn': 'internet'}]
    assert result['after'] == result['before'] and result['diff'] == {'before': result['before'], 'after': result['after']}
    assert result['dhcp']['address'] == '100.92.236.163' and result['reset_pending'] is False


def test_writes_share_one_line_with_their_read_back(transcript):
    answers = modem_answers(**{
        'AT^RFSWITCH?': [ok('^RFSWITCH: 0,1'), ok('^RFSWITCH: 1,1')],
        'AT^SYSCFGEX?': [ok(SYSCFG), ok(ROAMING)],
        'AT+CGDCONT?': [ok(), ok('+CGDCONT: 1,"IP","internet"')],
        'AT^RFSWITCH=1': ok(), SYSCFG_WRITE: ok(), 'AT+CGDCONT=1,"IP","internet"': ok(),
    })
    given = {name: WHOLE[name] for name in ('radio', 'syscfg', 'apns', 'connection')}
    result, transport = run(transcript, answers, **given)
    assert transport.sent == [
        'AT+CFUN?;^NDISSTATQRY?;+CGDCONT?;^RFSWITCH?;^SYSCFGEX?;^DHCP?',
        'AT^RFSWITCH=1;^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,;+CGDCONT=1,"IP","internet";+CFUN?;^RFSWITCH?;^SYSCFGEX?;+CGDCONT?',
    ]
    assert result['changed'] and result['commands'] == ['AT^RFSWITCH=1', SYSCFG_WRITE, 'AT+CGDCONT=1,"IP","internet"']
    assert result['after']['radio']['rf'] == 'on' and result['after']['syscfg']['roaming'] is True
    assert result['after']['apns'] == [{'cid': 1, 'state': 'present', 'pdp_type': 'ip', 'apn': 'internet'}]


def test_check_mode_predicts_every_facet_and_writes_nothing(transcript):
    answers = modem_answers(**{'AT^SYSCFGEX?': ok(SYSCFG), 'AT^NDISSTATQRY?': ok(DOWN)})
    result, transport = run(transcript, answers, check_mode=True, syscfg=WHOLE['syscfg'], connection=WHOLE['connection'])
    assert result['changed'] and result['commands'] == [SYSCFG_WRITE, 'AT^NDISDUP=1,1']
    assert result['after']['connection']['state'] == 'connected' and result['before']['connection']['state'] == 'disconnected'
    assert transport.sent == ['AT^NDISSTATQRY?;^SYSCFGEX?;^DHCP?']


def test_a_refused_write_names_its_facet_and_the_facets_after_it_stay_untouched(transcript):
    answers = modem_answers(**{
        'AT^RFSWITCH?': [ok('^RFSWITCH: 0,1'), ok('^RFSWITCH: 1,1')],
        'AT^SYSCFGEX?': ok(SYSCFG),
        'AT+CGDCONT?': ok(),
        'AT^NDISSTATQRY?': ok(DOWN),
        'AT^RFSWITCH=1': ok(), SYSCFG_WRITE: '\r\n+CME ERROR: 50\r\n', 'AT+CGDCONT=1,"IP","internet"': ok(),
    })
    given = {name: WHOLE[name] for name in ('radio', 'syscfg', 'apns', 'connection')}
    modem, transport = transcript(answers)
    with pytest.raises(AtCommandError) as caught:
        params = validated(**given)
        TASK.run(modem, params, False, False)
    assert str(caught.value).startswith('syscfg: %s failed: the modem answered +CME ERROR: 50' % SYSCFG_WRITE)
    assert caught.value.details()['facet'] == 'syscfg' and caught.value.details()['command'] == SYSCFG_WRITE
    # The modem stopped at the refused write: the APN write after it never ran, nothing dialled;
    # what came after the failed line only read back which facets took effect.
    failed_line = next(index for index, line in enumerate(transport.sent) if SYSCFG_WRITE[2:] in line)
    assert all(is_read_only(line) for line in transport.sent[failed_line + 1:])
    assert not any('NDISDUP' in line for line in transport.sent)


def test_the_port_mode_reset_comes_first_and_the_rest_is_read_again(transcript, tmp_path):
    answers = modem_answers(**{
        'AT^SETPORT?': [ok('^SETPORT:A1,A2;12,16,A1,A2'), ok('^SETPORT:FF;12,16')],
        'AT^SETPORT="FF;12,16"': ok(), 'AT^RESET': ok(), 'AT': ['\r\nERROR\r\n', ok()],
        'AT^SYSCFGEX?': [ok(SYSCFG), ok(SYSCFG), ok(ROAMING)], SYSCFG_WRITE: ok(),
    })
    result, transport = run(transcript, answers, port_mode=dict(mode='FF;12,16', state_dir=str(tmp_path)), syscfg=WHOLE['syscfg'])
    assert result['commands'] == ['AT^SETPORT="FF;12,16"', 'AT^RESET', SYSCFG_WRITE]
    reset = transport.sent.index('AT^RESET')
    assert 'AT^SYSCFGEX?' in transport.sent[reset + 1:] and transport.sent[-1] == SYSCFG_WRITE + ';^SYSCFGEX?'
    assert result['after']['port_mode']['mode'] == 'FF;12,16' and result['after']['syscfg']['roaming'] is True


@pytest.mark.parametrize('given, option', [
    (dict(syscfg=dict(lte_bands=['B99'])), 'syscfg.lte_bands'),
    (dict(apns=[dict(cid=1, apn='inter"net')]), 'apns.apn'),
    (dict(apns=[dict(cid=1, apn='a'), dict(cid=1, apn='b')]), 'apns.cid'),
    (dict(connection=dict(apn_password='p\nw', apn_username='u')), 'connection.apn_password'),
    (dict(sim=dict(pin='12')), 'sim.pin'),
    (dict(port_mode=dict(mode='FF;10')), 'port_mode.mode'),
], ids=['band', 'apn', 'duplicate-cid', 'password', 'pin', 'port-mode-lock-out'])
def test_bad_input_names_facet_and_option_before_anything_is_sent(given, option):
    with pytest.raises(InvalidInputError) as caught:
        TASK.validate(validated(**given))
    assert caught.value.option == option and 'Nothing was sent' in str(caught.value)
    assert 'p\nw' not in str(caught.value)


@pytest.mark.parametrize('given, message', [
    (dict(radio={}), 'one of the following is required: rf, functionality found in radio'),
    (dict(apns=[dict(apn='internet')]), 'missing required arguments: cid found in apns'),
    (dict(syscfg=dict(roam=True)), 'roam'),
])
def test_the_argument_spec_checks_each_facet(given, message):
    result = ArgumentSpecValidator(**TASK.validator_kwargs()).validate(dict(device='/dev/ttyUSB2', **given))
    assert any(message in error for error in result.error_messages), result.error_messages


def test_a_failure_while_reading_names_the_facet(transcript):
    supported = '^SYSCFGEX: ("00","03"),((3fffffff,"All bands")),(0-2),(0-4),((7fffffffffffffff,"All bands"))'
    answers = modem_answers(**{'AT^SYSCFGEX?': ok(SYSCFG), 'AT^SYSCFGEX=?': ok(supported)})
    with pytest.raises(InvalidInputError) as caught:
        run(transcript, answers, radio=WHOLE['radio'], syscfg=dict(mode_order=['wcdma']))
    assert caught.value.option == 'syscfg.mode_order'


def test_no_facet_sends_nothing(transcript):
    result, transport = run(transcript, {})
    assert transport.sent == [] and result == dict(changed=False, commands=[], before={'apns': []}, after={'apns': []})


def test_writes_that_do_not_fit_on_one_line_take_two(transcript):
    apns = [dict(cid=cid, apn='%d.%s' % (cid, 'a' * 58)) for cid in range(1, 9)]
    answers = modem_answers(**{'AT+CGDCONT?': [ok(), ok(*('+CGDCONT: %d,"IP","%s"' % (apn['cid'], apn['apn']) for apn in apns))]})
    answers.update(('AT+CGDCONT=%d,"IP","%s"' % (apn['cid'], apn['apn']), ok()) for apn in apns)
    result, transport = run(transcript, answers, apns=apns)
    writes = transport.sent[1:]
    assert len(writes) == 2 and all(len(line) <= 512 for line in writes)
    assert [line.count('CGDCONT=') for line in writes] == [6, 2] and all(line.endswith(';+CGDCONT?') for line in writes)
    assert result['after']['apns'] == [dict(apn, state='present', pdp_type='ip') for apn in apns]
