# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

import pytest

from ansible_collections.lte.modem.plugins.module_utils._at.commands import is_read_only
from ansible_collections.lte.modem.plugins.module_utils._errors import DeviceStateError, InvalidInputError
from ansible_collections.lte.modem.plugins.module_utils._state.sim import SimResource

from .checked import converge

READ = 'AT+CPIN?;^CPIN?;+CLCK="SC",2;^ICCID?'
PIN = '4711'
ICCID = '^ICCID: 89490200001234567890'


def params(**given):
    return dict(dict(pin=None, pin_lock=None, keep_attempts=1), **given)


def locked(ok, pin_retries=3):
    return ok('+CPIN: SIM PIN', '^CPIN: SIM PIN,%d,10,%d,10,3' % (pin_retries, pin_retries), ICCID)


def ready(ok, lock=1):
    return ok('+CPIN: READY', '^CPIN: READY,,10,3,10,3', ICCID, '+CLCK: %d' % lock)


def test_an_unlocked_sim_is_left_alone(transcript, ok):
    modem, transport = transcript({READ: ready(ok)})
    result = converge(modem, [(SimResource(), params(pin=PIN))])
    assert result['changed'] is False and result['commands'] == [] and transport.sent == [READ]
    assert result['before'] == {'status': 'ready', 'pin_lock': True} and result['iccid'] == '89490200001234567890'


def test_the_pin_is_entered_once_and_never_shown(transcript, ok):
    modem, transport = transcript({
        READ: [locked(ok), ready(ok)],
        'AT+CPIN="4711"': ok(),
        'AT+CPIN?': [ok('+CPIN: SIM PIN'), ok('+CPIN: READY')],
    })
    result = converge(modem, [(SimResource(), params(pin=PIN))], diff=True)
    assert result['changed'] and result['commands'] == ['AT+CPIN=********']
    assert result['diff'] == {'before': {'status': 'sim_pin', 'pin_lock': True}, 'after': {'status': 'ready', 'pin_lock': True}}
    assert transport.sent.count('AT+CPIN="4711"') == 1
    assert PIN not in repr(result) and PIN not in repr(modem.sent)
    assert result['pin_retries'] == 3


def test_check_mode_predicts_the_unlock_and_sends_no_pin(transcript, ok):
    modem, transport = transcript({READ: locked(ok)})
    result = converge(modem, [(SimResource(), params(pin=PIN))], check_mode=True)
    assert result['changed'] and result['after'] == {'status': 'ready', 'pin_lock': True}
    assert transport.sent == [READ]


def test_a_wrong_pin_is_tried_once_and_says_how_many_attempts_are_left(transcript, ok):
    modem, transport = transcript({READ: locked(ok), 'AT+CPIN="4711"': '\r\n+CME ERROR: 16\r\n', 'AT^CPIN?': ok('^CPIN: SIM PIN,2,10,2,10,3')})
    with pytest.raises(DeviceStateError) as caught:
        converge(modem, [(SimResource(), params(pin=PIN))])
    assert '2 attempt(s) left' in str(caught.value) and PIN not in str(caught.value)
    assert transport.sent.count('AT+CPIN="4711"') == 1


def test_the_last_attempts_are_kept(transcript, ok):
    modem, transport = transcript({READ: locked(ok, pin_retries=1)})
    with pytest.raises(DeviceStateError, match='1 PIN attempt.s. left'):
        converge(modem, [(SimResource(), params(pin=PIN))])
    assert transport.sent == [READ]


@pytest.mark.parametrize('answer, message', [
    ('\r\n+CME ERROR: 10\r\n', 'no SIM in the modem'),
    ('\r\n+CPIN: SIM PUK\r\n\r\nOK\r\n', 'never enters a PUK'),
])
def test_a_sim_that_cannot_be_unlocked_says_what_to_do(transcript, ok, answer, message):
    modem, transport = transcript({READ: answer, 'AT+CPIN?': answer})
    with pytest.raises(DeviceStateError, match=message):
        converge(modem, [(SimResource(), params(pin=PIN))])
    assert all(is_read_only(line) for line in transport.sent)


def test_the_pin_lock_is_switched_with_the_pin(transcript, ok):
    modem, transport = transcript({READ: [ready(ok, lock=1), ready(ok, lock=0)], 'AT+CLCK="SC",0,"4711"': ok()})
    result = converge(modem, [(SimResource(), params(pin=PIN, pin_lock=False))])
    assert result['commands'] == ['AT+CLCK="SC",0,********'] and result['after']['pin_lock'] is False


@pytest.mark.parametrize('options, option', [
    (dict(pin='12a4'), 'pin'), (dict(pin='123'), 'pin'), (dict(pin='1234"'), 'pin'), (dict(pin=PIN, keep_attempts=-1), 'keep_attempts'),
])
def test_bad_options_are_refused_before_anything_is_sent(transcript, options, option):
    modem, transport = transcript({})
    with pytest.raises(InvalidInputError) as caught:
        converge(modem, [(SimResource(), params(**options))])
    assert caught.value.option == option and transport.sent == []
    assert options.get('pin', '-') not in str(caught.value)


def test_a_locked_sim_without_a_pin_names_the_option(transcript, ok):
    modem, dummy = transcript({READ: locked(ok)})
    with pytest.raises(InvalidInputError) as caught:
        converge(modem, [(SimResource(), params())])
    assert caught.value.option == 'pin'
