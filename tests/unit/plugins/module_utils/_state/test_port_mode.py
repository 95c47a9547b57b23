# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

import json

import pytest

from ansible_collections.lte.modem.plugins.module_utils import _poll as poll
from .checked import converge
from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError, UnsupportedError
from ansible_collections.lte.modem.plugins.module_utils._state.port_mode import PortModeResource, save_marker, wanted_mode

IMEI = '860000000000001'
TEST_LINES = ['^SETPORT:A1: CDROM', '^SETPORT:A2: SD', '^SETPORT:1: 3G MODEM', '^SETPORT:2: 3G PCUI', '^SETPORT:3: 3G DIAG',
              '^SETPORT:10: 4G MODEM', '^SETPORT:12: 4G PCUI', '^SETPORT:16: NCM']


def answers(ok, setport, **extra):
    base = {
        'AT^SETPORT?': setport if isinstance(setport, list) else ok('^SETPORT:%s' % setport),
        'AT^SETPORT=?': ok(*TEST_LINES),
        'AT+CGSN': ok(IMEI),
        'AT': ok(),
    }
    base.update(extra)
    return base


def params(tmp_path, **options):
    base = dict(mode='FF;10,12', force=False, reset=True, wait_timeout=5.0, state_dir=str(tmp_path))
    base.update(options)
    return base


@pytest.mark.parametrize('mode, expected', [
    ('FF;10,12', 'FF;10,12'),
    ('"ff;10,12"', 'FF;10,12'),
    ('A1,A2;12,10,16,A1,A2', 'A1,A2;12,10,16,A1,A2'),
    (['modem_4g', 'pcui_4g'], 'FF;10,12'),
    (['12', 'ncm'], 'FF;12,16'),
])
def test_mode_forms(mode, expected):
    assert wanted_mode(mode) == expected


@pytest.mark.parametrize('mode', ['10,12', 'FF;', ['pcui_4g', 'pcui_4g'], ['bogus'], [], 'A3;12'])
def test_bad_mode_names_the_option_and_sends_nothing(transcript, ok, tmp_path, mode):
    modem, transport = transcript({})
    with pytest.raises(InvalidInputError) as caught:
        converge(modem, [(PortModeResource(), params(tmp_path, mode=mode))])
    assert caught.value.option == 'mode'
    assert transport.sent == []


def test_lock_out_guard(transcript, ok, tmp_path):
    modem, transport = transcript({})
    with pytest.raises(InvalidInputError, match='PCUI') as caught:
        converge(modem, [(PortModeResource(), params(tmp_path, mode='FF;10,16'))])
    assert caught.value.option == 'mode' and transport.sent == []
    PortModeResource().validate(params(tmp_path, mode='FF;10,16', force=True))


def test_code_not_offered_is_refused_before_any_write(transcript, ok, tmp_path):
    modem, transport = transcript(answers(ok, 'A1,A2;12,16,A1,A2'))
    with pytest.raises(InvalidInputError, match='13'):
        converge(modem, [(PortModeResource(), params(tmp_path, mode='FF;12,13'))])
    assert not any(command.startswith('AT^SETPORT=') and '?' not in command for command in transport.sent)


def test_setport_unsupported(transcript, ok, tmp_path):
    modem, dummy = transcript(answers(ok, ['\r\nERROR\r\n'], **{'AT^SETPORT=?': '\r\nERROR\r\n'}))
    with pytest.raises(UnsupportedError, match='PID-switch'):
        converge(modem, [(PortModeResource(), params(tmp_path))])


def test_write_reset_and_verify(transcript, ok, tmp_path):
    shown = [ok('^SETPORT:A1,A2;12,16,A1,A2'), ok('^SETPORT:FF;10,12')]
    extra = {'AT': ['\r\nERROR\r\n', ok()], 'AT^SETPORT="FF;10,12"': ok(), 'AT^RESET': ok()}
    modem, transport = transcript(answers(ok, shown, **extra))
    result = converge(modem, [(PortModeResource(), params(tmp_path))], diff=True)
    assert result['changed'] and result['commands'] == ['AT^SETPORT="FF;10,12"', 'AT^RESET']
    # The IMEI leads the first read; the ports on offer are asked only because a write is planned.
    assert transport.sent[:3] == ['AT+CGSN;^SETPORT?', 'AT^SETPORT=?', 'AT^SETPORT="FF;10,12"']
    assert result['before'] == {'mode': 'A1,A2;12,16,A1,A2', 'pending_mode': None}
    assert result['after'] == {'mode': 'FF;10,12', 'pending_mode': None}
    assert result['reset_pending'] is False and result['diff']['after']['mode'] == 'FF;10,12'
    assert list(tmp_path.iterdir()) == []


def test_already_in_mode_is_ok(transcript, ok, tmp_path):
    modem, transport = transcript(answers(ok, 'FF;10,12'))
    result = converge(modem, [(PortModeResource(), params(tmp_path))])
    assert not result['changed'] and result['commands'] == []
    assert transport.sent == ['AT+CGSN;^SETPORT?']


def test_pending_marker_makes_second_run_ok(transcript, ok, tmp_path):
    options = params(tmp_path, reset=False)
    modem, transport = transcript(answers(ok, 'A1,A2;12,16,A1,A2', **{'AT^SETPORT="FF;10,12"': ok()}))
    check = converge(modem, [(PortModeResource(), options)], check_mode=True)
    assert check['changed'] and check['reset_pending'] and list(tmp_path.iterdir()) == []
    first = converge(modem, [(PortModeResource(), options)])
    assert first['changed'] and first['reset_pending'] and first['commands'] == ['AT^SETPORT="FF;10,12"']
    marker = json.loads((tmp_path / ('setport-%s.json' % IMEI)).read_text())
    assert marker['written'] == 'FF;10,12' and marker['shown_before'] == 'A1,A2;12,16,A1,A2'
    transport.sent.clear()
    second = converge(modem, [(PortModeResource(), options)])
    assert not second['changed'] and second['reset_pending'] and second['commands'] == []
    assert 'AT^SETPORT="FF;10,12"' not in transport.sent
    # a later run with reset only restarts the modem: the mode is already written
    transport.answers.update({'AT^RESET': ok(), 'AT': ['\r\nERROR\r\n', ok()],
                              'AT^SETPORT?': [ok('^SETPORT:A1,A2;12,16,A1,A2'), ok('^SETPORT:FF;10,12')]})
    third = converge(modem, [(PortModeResource(), params(tmp_path))])
    assert third['commands'] == ['AT^RESET'] and third['after']['mode'] == 'FF;10,12'
    assert list(tmp_path.iterdir()) == []


def test_marker_is_ignored_when_setport_shows_another_value(transcript, ok, tmp_path):
    save_marker(str(tmp_path), IMEI, 'FF;10,12', 'A1,A2;12,16')
    modem, dummy = transcript(answers(ok, 'A1,A2;12,16,A1,A2', **{'AT^SETPORT="FF;10,12"': ok()}))
    result = converge(modem, [(PortModeResource(), params(tmp_path, reset=False))])
    assert result['before']['pending_mode'] is None and result['commands'] == ['AT^SETPORT="FF;10,12"']


def test_writing_the_active_mode_cancels_a_pending_one(transcript, ok, tmp_path):
    save_marker(str(tmp_path), IMEI, 'FF;10,12', 'A1,A2;12,16,A1,A2')
    modem, dummy = transcript(answers(ok, 'A1,A2;12,16,A1,A2',
                                      **{'AT^SETPORT="A1,A2;12,16,A1,A2"': ok()}))
    result = converge(modem, [(PortModeResource(), params(tmp_path, mode='A1,A2;12,16,A1,A2', reset=False))])
    assert result['commands'] == ['AT^SETPORT="A1,A2;12,16,A1,A2"'] and not result['reset_pending']
    assert list(tmp_path.iterdir()) == []


def test_reset_timeout_is_a_clear_error(transcript, ok, tmp_path, monkeypatch):
    clock = iter(range(0, 1000, 3))
    monkeypatch.setattr(poll.time, 'monotonic', lambda: next(clock))
    modem, dummy = transcript(answers(ok, 'A1,A2;12,16,A1,A2',
                                      **{'AT^SETPORT="FF;10,12"': ok(), 'AT^RESET': ok(), 'AT': '\r\nERROR\r\n'}))
    with pytest.raises(Exception, match='did not answer AT within'):
        converge(modem, [(PortModeResource(), params(tmp_path))])
