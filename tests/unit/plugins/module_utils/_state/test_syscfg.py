# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

import pytest

from .checked import converge
from ansible_collections.lte.modem.plugins.module_utils._errors import AtCommandError, InvalidInputError, UnsupportedError
from ansible_collections.lte.modem.plugins.module_utils._state.syscfg import SyscfgResource
from ansible_collections.lte.modem.plugins.module_utils._tasks.base import resource_task

READ, TEST = 'AT^SYSCFGEX?', 'AT^SYSCFGEX=?'
FALLBACK = ('AT^SYSCFG?', 'AT^SYSCFG=?')
# ME909u-521 as in seed 001 and the MikroTik documentation (huawei-at.md §2.6)
ME909U_TEST = ('^SYSCFGEX: ("00","03","02","01","99"),((2000004e80380,"GSM850/GSM900/GSM1800/GSM1900/WCDMA BCI/WCDMA BCII/WCDMA BCV/WCDMA BCVIII"),'
               '(3fffffff,"All Bands")),(0-2),(0-4),((800d7,"LTE BC1/LTE BC2/LTE BC3/LTE BC5/LTE BC7/LTE BC8/LTE BC20"),(7fffffffffffffff,"All Bands"))')
SEED_001 = '^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF'
COMBINED_TEST = ('^SYSCFGEX: ("00","03","02","01","030201","0302","0201","99"),((2000000400380,"GSM900/GSM1800/WCDMA BCI/WCDMA BCVIII"),'
                 '(3fffffff,"All bands")),(0-3),(0-5),((800c5,"LTE BC1/LTE BC3/LTE BC7/LTE BC8/LTE BC20"),(7fffffffffffffff,"All bands"))')
E3531_TEST = '^SYSCFG:(2,13,14,16),(0-3),((2000000680380,"GSM850/GSM900/GSM1800/GSM1900/WCDMA900/WCDMA2100"),(3fffffff,"All bands")),(0-2),(0-4)'


def params(**given):
    base = dict(roaming=None, mode_order=None, bands=None, lte_bands=None, service_domain=None)
    base.update(given)
    return base


def ex_modem(transcript, ok, current, test=ME909U_TEST, after=None, extra=None):
    answers = {READ: [ok(current), ok(after or current)], TEST: ok(test), FALLBACK[0]: '\r\nERROR\r\n', FALLBACK[1]: '\r\nERROR\r\n'}
    answers.update(extra or {})
    return transcript(answers)


PLANS = [
    # (id, current line, options, expected write)
    ('seed-001-roaming', SEED_001, dict(roaming=True), 'AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,'),
    ('roaming-off', '^SYSCFGEX: "00",3FFFFFFF,1,2,7FFFFFFFFFFFFFFF', dict(roaming=False), 'AT^SYSCFGEX="00",3FFFFFFF,0,2,7FFFFFFFFFFFFFFF,,'),
    ('mode-lte-only', SEED_001, dict(mode_order=['lte']), 'AT^SYSCFGEX="03",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF,,'),
    ('mode-case-insensitive', SEED_001, dict(mode_order=['WCDMA']), 'AT^SYSCFGEX="02",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF,,'),
    ('bands', SEED_001, dict(bands=['GSM1800', 'wcdma_b1']), 'AT^SYSCFGEX="00",400080,0,1,7FFFFFFFFFFFFFFF,,'),
    ('lte-bands', SEED_001, dict(lte_bands=['B3', 20, 'b1']), 'AT^SYSCFGEX="00",3FFFFFFF,0,1,80005,,'),
    ('lte-bands-all', '^SYSCFGEX: "00",3FFFFFFF,0,1,80005', dict(lte_bands=['all']), 'AT^SYSCFGEX="00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF,,'),
    ('service-domain', SEED_001, dict(service_domain='cs_ps'), 'AT^SYSCFGEX="00",3FFFFFFF,0,2,7FFFFFFFFFFFFFFF,,'),
    ('combined', SEED_001, dict(roaming=True, mode_order=['lte'], lte_bands=['B20'], service_domain='cs_ps'),
     'AT^SYSCFGEX="03",3FFFFFFF,1,2,80000,,'),
    # Balong stick firmware: lower-case hex, no space after the colon; untouched fields stay lower-case.
    ('keeps-lower-case-hex', '^SYSCFGEX:"00",3fffffff,0,2,800c5', dict(roaming=True), 'AT^SYSCFGEX="00",3fffffff,1,2,800c5,,'),
    ('odd-spacing', '^SYSCFGEX:  "00" , 3fffffff ,0, 2 ,7fffffffffffffff', dict(roaming=True), 'AT^SYSCFGEX="00",3fffffff,1,2,7fffffffffffffff,,'),
    ('non-lte-empty-lteband', '^SYSCFGEX: "00",3fffffff,0,2,', dict(roaming=True), 'AT^SYSCFGEX="00",3fffffff,1,2,,,'),
]


@pytest.mark.parametrize('current, options, write', [case[1:] for case in PLANS], ids=[case[0] for case in PLANS])
def test_plan_rewrites_only_what_differs(transcript, ok, current, options, write):
    test = COMBINED_TEST if 'c5' in current or current.endswith(',') else ME909U_TEST
    modem, transport = ex_modem(transcript, ok, current, test)
    result = converge(modem, [(SyscfgResource(), params(**options))], check_mode=True, diff=True)
    assert result['changed'] is True
    assert result['commands'] == [write]
    assert not [command for command in transport.sent if '=' in command and not command.endswith('=?')]
    assert result['diff'] == {'before': result['before'], 'after': result['after']}
    for key, value in options.items():
        if key == 'roaming':
            assert result['after'][key] is value


def test_seed_001_write_and_read_back(transcript, ok):
    write = 'AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,'
    modem, transport = ex_modem(transcript, ok, SEED_001, after='^SYSCFGEX: "00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF', extra={write: ok()})
    result = converge(modem, [(SyscfgResource(), params(roaming=True))], diff=True)
    assert result['commands'] == [write]
    # The read-back shares the write's command line.
    assert transport.sent == [READ, write + ';^SYSCFGEX?']
    assert result['before'] == {'roaming': False, 'mode_order': ['auto'], 'bands': ['all'], 'lte_bands': ['all'], 'service_domain': 'ps_only'}
    assert result['after'] == dict(result['before'], roaming=True)


@pytest.mark.parametrize('options', [
    dict(roaming=False), dict(mode_order=['auto']), dict(bands=['all']), dict(lte_bands=['ALL']), dict(service_domain='ps_only'),
    dict(roaming=False, mode_order=['auto'], bands=['all'], lte_bands=['all'], service_domain='ps_only'),
], ids=['roaming', 'mode_order', 'bands', 'lte_bands', 'service_domain', 'all'])
def test_converged_sends_no_write(transcript, ok, options):
    modem, transport = ex_modem(transcript, ok, SEED_001)
    result = converge(modem, [(SyscfgResource(), params(**options))])
    assert result['changed'] is False and result['commands'] == []
    assert READ in transport.sent and all(command.endswith('?') for command in transport.sent)


def test_band_names_are_canonical_so_the_second_run_is_ok(transcript, ok):
    modem, dummy = ex_modem(transcript, ok, '^SYSCFGEX: "03",3FFFFFFF,1,2,80004')
    result = converge(modem, [(SyscfgResource(), params(lte_bands=['20', 'b3']))])
    assert result['changed'] is False and result['before']['lte_bands'] == ['B3', 'B20']


def test_failed_write_names_the_command_and_quotes_the_answer(transcript, ok):
    write = 'AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,'
    modem, dummy = ex_modem(transcript, ok, SEED_001, extra={write: '\r\n+CME ERROR: 50\r\n'})
    with pytest.raises(AtCommandError) as caught:
        converge(modem, [(SyscfgResource(), params(roaming=True))])
    assert write in str(caught.value) and '+CME ERROR: 50' in str(caught.value)
    assert caught.value.details()['response'] == ['+CME ERROR: 50']


INVALID = [
    # (id, options, option named, words in the reason)
    ('mode-unknown', dict(mode_order=['5g']), 'mode_order', 'unknown RAT'),
    ('mode-auto-combined', dict(mode_order=['auto', 'lte']), 'mode_order', 'cannot be combined'),
    ('mode-no-change', dict(mode_order=['no_change']), 'mode_order', 'not a desired state'),
    ('mode-duplicate', dict(mode_order=['lte', 'lte']), 'mode_order', 'only once'),
    ('mode-empty', dict(mode_order=[]), 'mode_order', 'unknown RAT'),
    ('mode-not-listed', dict(mode_order=['lte', 'wcdma']), 'mode_order', '[auto]; [lte]; [wcdma]; [gsm]'),
    ('bands-unknown', dict(bands=['GSM450']), 'bands', 'unknown GSM/UMTS band'),
    ('bands-unsupported', dict(bands=['WCDMA_B4']), 'bands', 'All Bands'),
    ('bands-empty', dict(bands=[]), 'bands', 'at least one band'),
    ('bands-all-and-more', dict(bands=['all', 'GSM1800']), 'bands', 'cannot be combined'),
    ('bands-no-change', dict(bands=['no_change']), 'bands', 'not a desired state'),
    ('lte-unknown', dict(lte_bands=['B99']), 'lte_bands', 'unknown LTE band'),
    ('lte-unsupported', dict(lte_bands=['B28']), 'lte_bands', 'LTE BC20'),
    ('srvdomain-cs-only-with-lte', dict(service_domain='cs_only'), 'service_domain', 'ps_only or cs_ps'),
    ('srvdomain-any-with-lte-only', dict(mode_order=['lte'], service_domain='any'), 'service_domain', 'refuses'),
]


@pytest.mark.parametrize('options, option, reason', [case[1:] for case in INVALID], ids=[case[0] for case in INVALID])
def test_invalid_requests_are_refused_before_writing(transcript, ok, options, option, reason):
    modem, transport = ex_modem(transcript, ok, SEED_001)
    with pytest.raises(InvalidInputError) as caught:
        converge(modem, [(SyscfgResource(), params(**options))])
    assert caught.value.option == option
    assert reason in str(caught.value) and 'Nothing was sent' in str(caught.value)
    assert all(command.endswith('?') for command in transport.sent)


def test_mode_order_that_drops_lte_allows_cs_only(transcript, ok):
    modem, dummy = ex_modem(transcript, ok, SEED_001)
    result = converge(modem, [(SyscfgResource(), params(mode_order=['wcdma'], service_domain='cs_only'))], check_mode=True)
    assert result['commands'] == ['AT^SYSCFGEX="02",3FFFFFFF,0,0,7FFFFFFFFFFFFFFF,,']


def test_srvdomain_range_comes_from_the_test_command(transcript, ok):
    narrow = ME909U_TEST.replace('(0-2),(0-4)', '(0-1),(1)')
    modem, transport = ex_modem(transcript, ok, '^SYSCFGEX: "00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF', test=narrow)
    with pytest.raises(InvalidInputError) as caught:
        converge(modem, [(SyscfgResource(), params(roaming=False, service_domain='cs_ps'))])
    assert caught.value.option == 'service_domain'
    assert transport.sent == [READ, TEST]


def test_a_roaming_change_alone_asks_no_test_command(transcript, ok):
    write = 'AT^SYSCFGEX="00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF,,'
    modem, transport = ex_modem(transcript, ok, '^SYSCFGEX: "00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF', after=SEED_001, extra={write: ok()})
    result = converge(modem, [(SyscfgResource(), params(roaming=False))])
    assert result['after']['roaming'] is False
    assert transport.sent == [READ, write + ';^SYSCFGEX?']


def test_combined_orders_listed_by_the_modem_are_accepted(transcript, ok):
    modem, dummy = ex_modem(transcript, ok, '^SYSCFGEX:"00",3fffffff,1,2,800c5', test=COMBINED_TEST)
    result = converge(modem, [(SyscfgResource(), params(mode_order=['lte', 'wcdma', 'gsm']))], check_mode=True)
    assert result['commands'] == ['AT^SYSCFGEX="030201",3fffffff,1,2,800c5,,']
    assert result['after']['mode_order'] == ['lte', 'wcdma', 'gsm']


def test_lte_bands_refused_on_a_modem_without_lte(transcript, ok):
    test = COMBINED_TEST.split(',((800c5', maxsplit=1)[0] + ','
    modem, dummy = ex_modem(transcript, ok, '^SYSCFGEX: "00",3fffffff,0,2,', test=test)
    with pytest.raises(InvalidInputError) as caught:
        converge(modem, [(SyscfgResource(), params(lte_bands=['B3']))])
    assert caught.value.option == 'lte_bands' and 'no LTE' in str(caught.value)


def test_validate_refuses_bad_names_before_anything_is_opened():
    with pytest.raises(InvalidInputError) as caught:
        resource_task(SyscfgResource()).validate(params(lte_bands=['B3', 'X']))
    assert caught.value.option == 'lte_bands'


# --- ^SYSCFG fallback (3G-only E3531) ------------------------------------------------------


def e3531(transcript, ok, current, after=None, extra=None):
    answers = {READ: '\r\nERROR\r\n', TEST: '\r\nERROR\r\n',
               FALLBACK[0]: [ok(current), ok(after or current)], FALLBACK[1]: ok(E3531_TEST)}
    answers.update(extra or {})
    return transcript(answers)


SYSCFG_PLANS = [
    ('roaming', '^SYSCFG:2,0,3FFFFFFF,1,2', dict(roaming=False), 'AT^SYSCFG=2,0,3FFFFFFF,0,2'),
    ('wcdma-first', '^SYSCFG:2,0,3FFFFFFF,1,2', dict(mode_order=['wcdma', 'gsm']), 'AT^SYSCFG=2,2,3FFFFFFF,1,2'),
    ('gsm-only', '^SYSCFG:2,0,3FFFFFFF,1,2', dict(mode_order=['gsm']), 'AT^SYSCFG=13,1,3FFFFFFF,1,2'),
    ('auto-from-wcdma-only', '^SYSCFG:14,2,400380,1,2', dict(mode_order=['auto']), 'AT^SYSCFG=2,0,400380,1,2'),
    ('bands', '^SYSCFG:2,0,3fffffff,1,2', dict(bands=['WCDMA_B1', 'GSM1800']), 'AT^SYSCFG=2,0,400080,1,2'),
    ('service-domain-cs-only', '^SYSCFG: 2,0,3FFFFFFF,1,2', dict(service_domain='cs_only'), 'AT^SYSCFG=2,0,3FFFFFFF,1,0'),
]


@pytest.mark.parametrize('current, options, write', [case[1:] for case in SYSCFG_PLANS], ids=[case[0] for case in SYSCFG_PLANS])
def test_syscfg_fallback(transcript, ok, current, options, write):
    modem, transport = e3531(transcript, ok, current)
    result = converge(modem, [(SyscfgResource(), params(**options))], check_mode=True)
    assert result['commands'] == [write]
    assert result['before']['lte_bands'] is None
    assert all(command.endswith('?') for command in transport.sent)


def test_syscfg_fallback_single_rat_mode_reads_as_converged(transcript, ok):
    modem, dummy = e3531(transcript, ok, '^SYSCFG:14,2,400380,1,2')
    result = converge(modem, [(SyscfgResource(), params(mode_order=['wcdma']))])
    assert result['changed'] is False and result['before']['mode_order'] == ['wcdma']


def test_syscfg_fallback_write_and_verify(transcript, ok):
    write = 'AT^SYSCFG=2,0,3FFFFFFF,0,2'
    modem, transport = e3531(transcript, ok, '^SYSCFG:2,0,3FFFFFFF,1,2', after='^SYSCFG:2,0,3FFFFFFF,0,2', extra={write: ok()})
    result = converge(modem, [(SyscfgResource(), params(roaming=False))])
    assert result['after']['roaming'] is False
    assert transport.sent[-1] == write + ';^SYSCFG?'


@pytest.mark.parametrize('options, option', [
    (dict(lte_bands=['B3']), 'lte_bands'),
    (dict(mode_order=['lte']), 'mode_order'),
    (dict(mode_order=['gsm', 'wcdma', 'lte']), 'mode_order'),
    (dict(bands=['GSM1900', 'WCDMA_B4']), 'bands'),
], ids=['lte-bands', 'lte-mode', 'three-rats', 'unsupported-band'])
def test_syscfg_fallback_refuses(transcript, ok, options, option):
    modem, transport = e3531(transcript, ok, '^SYSCFG:2,0,3FFFFFFF,1,2')
    with pytest.raises(InvalidInputError) as caught:
        converge(modem, [(SyscfgResource(), params(**options))])
    assert caught.value.option == option
    assert all(command.endswith('?') for command in transport.sent)


def test_neither_command_is_reported(transcript):
    modem, dummy = transcript({})
    with pytest.raises(UnsupportedError) as caught:
        converge(modem, [(SyscfgResource(), params(roaming=True))])
    assert 'AT^SYSCFGEX?' in str(caught.value) and 'AT^SYSCFG?' in str(caught.value)
