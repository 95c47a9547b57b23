# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""huawei_diagnose's task: options, what fix applies through the engine, check mode, and its documentation."""

from __future__ import annotations

import pytest
import yaml

from ansible_collections.lte.modem.plugins.module_utils._at.commands import is_read_only
from ansible_collections.lte.modem.plugins.module_utils._errors import DeviceStateError, InvalidInputError
from ansible_collections.lte.modem.plugins.module_utils._huawei import diagnosis
from ansible_collections.lte.modem.plugins.module_utils._tasks.huawei_diagnose import TASK
from ansible_collections.lte.modem.plugins.module_utils._tasks.runner import execute
from ansible_collections.lte.modem.plugins.modules import huawei_diagnose

from .._huawei.test_diagnosis import HEALTHY, ModemTranscript

RF_OFF = {'AT^RFSWITCH?': ['^RFSWITCH: 0,1'], 'AT+CFUN?': ['+CFUN: 0'], 'AT+CSQ': ['+CSQ: 99,99'], 'AT^HCSQ?': ['^HCSQ:"NOSERVICE"'],
          'AT+CREG?': ['+CREG: 0,0'], 'AT+CGREG?': ['+CGREG: 0,0'], 'AT+CEREG?': ['+CEREG: 0,0'],
          'AT^SYSCFGEX?': ['^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF']}


def params(**given):
    values = {name: spec.get('default') for name, spec in TASK.argument_spec.items()}
    values.update(device='/dev/ttyUSB2', timeout=1.0, **given)
    return values


def run(changes, check_mode=False, diff=False, **given):
    transport = ModemTranscript(dict(HEALTHY, **changes))
    result = execute(TASK, params(**given), check_mode=check_mode, diff=diff, transport_factory=lambda params: transport)
    return result, transport


@pytest.mark.parametrize('option, value', [('apn', 'bad;apn'), ('cid', 0), ('wait_timeout', 0)])
def test_bad_options_are_refused_before_anything_is_sent(option, value):
    with pytest.raises(InvalidInputError) as caught:
        run({}, **{option: value})
    assert caught.value.option == option


def test_without_fix_it_only_reads():
    result, transport = run(RF_OFF)
    assert not result['changed'] and not result['healthy']
    assert [finding['id'] for finding in result['findings']][:2] == ['cfun_not_full', 'rf_software_off']
    assert 'findings_before' not in result and 'writes' not in result
    assert all(is_read_only(line) for line in transport.sent)
    assert result['commands'] == transport.sent


def test_fix_in_check_mode_predicts_one_radio_write_per_setting_and_sends_none():
    result, transport = run(RF_OFF, check_mode=True, diff=True, fix=True, apn='internet')
    assert result['changed']
    # one resource per kind, in the order that cannot harm a modem: the radio, then the APN
    assert result['writes'] == ['AT^RFSWITCH=1', 'AT+CFUN=1', 'AT+CGDCONT=1,"IP","internet"']
    assert [item['id'] for item in result['fixed']] == ['cfun_not_full', 'rf_software_off', 'apn_wrong']
    assert result['diff']['before']['radio'] == {'rf': 'off', 'rf_hardware': 'on', 'functionality': 'minimum'}
    assert result['diff']['after']['radio'] == {'rf': 'on', 'rf_hardware': 'on', 'functionality': 'full'}
    assert result['findings'] == result['findings_before']
    assert all(is_read_only(line) for line in transport.sent)


def test_fix_leaves_the_radio_alone_while_the_hardware_switch_is_off():
    result, transport = run(dict(RF_OFF, **{'AT^RFSWITCH?': ['^RFSWITCH: 0,0']}), fix=True)
    assert not result['changed'] and result['writes'] == [] and result['fixed'] == []
    assert all(is_read_only(line) for line in transport.sent)


def test_a_fix_the_modem_does_not_take_fails_with_the_findings_before():
    changes = dict(RF_OFF, **{'AT^RFSWITCH=1': [], 'AT+CFUN=1': []})
    with pytest.raises(DeviceStateError) as caught:
        run(changes, fix=True)
    details = caught.value.details()
    assert [finding['id'] for finding in details['findings_before']][:2] == ['cfun_not_full', 'rf_software_off']
    assert details['changed'] is True and any(line.startswith('AT^RFSWITCH=1;') for line in details['commands'])


def test_the_documentation_names_every_finding_and_step():
    returned = yaml.safe_load(huawei_diagnose.RETURN)['findings']['contains']
    ids = [item.strip() for item in returned['id']['description'].split('one of', 1)[1].rstrip('.').split(',')]
    assert ids == list(diagnosis.CHECK_IDS)
    steps = list(dict.fromkeys(check.step for check in diagnosis.CHECKS))
    assert returned['check']['description'] == 'The step of the checklist (%s).' % ', '.join(steps)
    options = yaml.safe_load(huawei_diagnose.DOCUMENTATION)['options']
    assert sorted(options) == sorted(name for name in TASK.argument_spec if name in ('apn', 'cid', 'fix', 'wait_timeout'))
