# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

import pytest

from .checked import converge
from ansible_collections.lte.modem.plugins.module_utils._errors import DeviceStateError, UnsupportedError
from ansible_collections.lte.modem.plugins.module_utils._state.radio import RadioResource

READ = 'AT+CFUN?;^RFSWITCH?'


def params(rf=None, functionality=None):
    return dict(rf=rf, functionality=functionality)


def test_plan_writes_only_what_differs(transcript, ok):
    modem, transport = transcript({READ: [ok('+CFUN: 1', '^RFSWITCH: 0,1'), ok('+CFUN: 1', '^RFSWITCH: 1,1')], 'AT^RFSWITCH=1': ok()})
    result = converge(modem, [(RadioResource(), params(rf=True, functionality='full'))], diff=True)
    assert result['changed'] and result['commands'] == ['AT^RFSWITCH=1']
    assert result['before'] == {'rf': 'off', 'rf_hardware': 'on', 'functionality': 'full'}
    assert result['after'] == {'rf': 'on', 'rf_hardware': 'on', 'functionality': 'full'}
    # The read-back shares the write's command line.
    assert transport.sent == [READ, 'AT^RFSWITCH=1;+CFUN?;^RFSWITCH?']


def test_converged_is_ok(transcript, ok):
    modem, transport = transcript({READ: ok('+CFUN: 1', '^RFSWITCH: 1,1')})
    result = converge(modem, [(RadioResource(), params(rf=True, functionality='full'))])
    assert not result['changed'] and result['commands'] == [] and transport.sent == [READ]


def test_check_mode_predicts_and_sends_no_write(transcript, ok):
    modem, transport = transcript({READ: ok('+CFUN:1', '^RFSWITCH:1,1')})
    result = converge(modem, [(RadioResource(), params(rf=False, functionality='minimum'))], check_mode=True)
    assert result['commands'] == ['AT^RFSWITCH=0', 'AT+CFUN=0'] and result['after']['functionality'] == 'minimum'
    assert transport.sent == [READ]


def test_hardware_switch_off_explains_rfkill(transcript, ok):
    modem, transport = transcript({READ: ok('+CFUN: 1', '^RFSWITCH: 0,0')})
    with pytest.raises(DeviceStateError) as caught:
        converge(modem, [(RadioResource(), params(rf=True))])
    message = str(caught.value)
    assert 'W_DISABLE#' in message and 'rfkill' in message and 'no AT command' in message
    assert transport.sent == [READ]


def test_hardware_switch_off_allows_switching_off(transcript, ok):
    modem, dummy = transcript({READ: [ok('+CFUN: 1', '^RFSWITCH: 1,0'), ok('+CFUN: 1', '^RFSWITCH: 0,0')], 'AT^RFSWITCH=0': ok()})
    assert converge(modem, [(RadioResource(), params(rf=False))])['commands'] == ['AT^RFSWITCH=0']


def test_stick_without_rfswitch(transcript, ok):
    def answers():
        return {'AT+CFUN?': [ok('+CFUN: 1'), ok('+CFUN: 0')], 'AT^RFSWITCH?': '\r\nCOMMAND NOT SUPPORT\r\n', 'AT+CFUN=0': ok()}
    modem, dummy = transcript(answers())
    with pytest.raises(UnsupportedError, match='no software RF switch'):
        converge(modem, [(RadioResource(), params(rf=False))])
    modem, transport = transcript(answers())
    result = converge(modem, [(RadioResource(), params(functionality='minimum'))])
    assert result['commands'] == ['AT+CFUN=0'] and result['after'] == {'rf': None, 'rf_hardware': None, 'functionality': 'minimum'}
    # The modem answers +CFUN? and stops at the query it does not have, which is not asked again.
    assert transport.sent == [READ, 'AT+CFUN=0;+CFUN?']


def test_write_refused_names_command_and_answer(transcript, ok):
    modem, dummy = transcript({READ: ok('+CFUN: 1', '^RFSWITCH: 1,1'), 'AT+CFUN=4': '\r\n+CME ERROR: 50\r\n'})
    with pytest.raises(Exception) as caught:
        converge(modem, [(RadioResource(), params(functionality='offline'))])
    assert 'AT+CFUN=4' in str(caught.value) and '+CME ERROR: 50' in str(caught.value)


def test_verify_detects_a_switch_that_did_not_stick(transcript, ok):
    modem, dummy = transcript({READ: ok('+CFUN: 1', '^RFSWITCH: 1,1'), 'AT^RFSWITCH=0': ok()})
    with pytest.raises(DeviceStateError, match='reads back'):
        converge(modem, [(RadioResource(), params(rf=False))])
