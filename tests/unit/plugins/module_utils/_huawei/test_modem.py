# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

import pytest

from ansible_collections.lte.modem.plugins.module_utils._at.redaction import redact
from ansible_collections.lte.modem.plugins.module_utils._huawei.facts import gather, resolve_subsets
from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError

ME906S = {
    'ATI': '\r\nManufacturer: Huawei Technologies Co., Ltd.\r\nModel: ME906s-158\r\nRevision: 11.617.00.00.00\r\nIMEI: 861234567890123\r\n\r\nOK\r\n',
    'AT^FHVER': '\r\n^FHVER:"ME906s-158 11.617.00.00.00,ME906S Ver.A"\r\n\r\nOK\r\n',
    'AT+CPIN?': '\r\n+CPIN: READY\r\n\r\nOK\r\n',
    'AT^ICCID?': '\r\n^ICCID: 89490200001234567890\r\n\r\nOK\r\n',
    'AT+CFUN?': '\r\n+CFUN: 1\r\n\r\nOK\r\n',
    'AT^RFSWITCH?': '\r\n^RFSWITCH: 1,0\r\n\r\nOK\r\n',
    'AT+CREG?': '\r\n+CREG: 0,2\r\n\r\nOK\r\n',
}


def test_chained_queries_route_answers_by_prefix(transcript):
    modem, transport = transcript(ME906S)
    names = ['ati', 'fhver', 'cpin', 'iccid', 'cfun', 'rfswitch', 'creg']
    outcomes = modem.ask(names)
    # What some firmware lacks goes to the end of the line.
    assert transport.sent == ['ATI', 'AT^FHVER;+CPIN?;+CFUN?;+CREG?;^ICCID?;^RFSWITCH?']
    assert (outcomes['rfswitch'].value['software'], outcomes['rfswitch'].value['hardware']) == (True, False)
    assert outcomes['creg'].value['stat'] == 2
    assert outcomes['ati'].value['model'] == 'ME906s-158'


def test_a_refused_query_costs_one_more_line_and_is_not_asked_again(transcript, ok):
    # A modem stops a chained line at the first command it refuses and answers that command's error.
    modem, transport = transcript({'AT+CPIN?': ok('+CPIN: READY'), 'AT+CFUN?': ok('+CFUN: 1'), 'AT^RFSWITCH?': ok('^RFSWITCH: 1,1')})
    outcomes = modem.ask(['cpin', 'iccid', 'rfswitch', 'cfun'])
    assert transport.sent == ['AT+CPIN?;+CFUN?;^ICCID?;^RFSWITCH?', 'AT^RFSWITCH?']
    assert outcomes['cpin'].value['state'] == 'ready' and outcomes['cfun'].value['functionality'] == 'full'
    assert outcomes['rfswitch'].value['software'] is True
    assert not outcomes['iccid'].ok and 'COMMAND NOT SUPPORT' in outcomes['iccid'].note()['reason']
    assert outcomes['iccid'].note()['command'] == 'AT^ICCID?'
    transport.sent.clear()
    again = modem.ask(['iccid', 'cfun'])
    assert transport.sent == ['AT+CFUN?'] and not again['iccid'].ok


def test_what_some_firmware_lacks_goes_last_where_a_refusal_costs_nothing(transcript, ok):
    # A USB stick has no ^RFSWITCH.
    modem, transport = transcript({'AT+CPIN?': ok('+CPIN: READY'), 'AT+CFUN?': ok('+CFUN: 1'), 'AT+CREG?': ok('+CREG: 0,1')})
    outcomes = modem.ask(['cpin', 'rfswitch', 'cfun', 'creg'])
    assert transport.sent == ['AT+CPIN?;+CFUN?;+CREG?;^RFSWITCH?']
    assert outcomes['creg'].value['stat'] == 1 and not outcomes['rfswitch'].ok


def test_what_to_ask_instead_shares_the_line_of_the_rest(transcript, ok):
    # A 3G-only stick: no ^SYSCFGEX, ^SYSCFG instead.
    modem, transport = transcript({'AT+CFUN?': ok('+CFUN: 1'), 'AT^SYSCFG?': ok('^SYSCFG:2,0,3FFFFFFF,1,2'), 'AT^SYSCFG=?': ok(),
                                   'AT^RFSWITCH?': ok('^RFSWITCH: 1,1')})
    outcomes = modem.ask(['syscfgex', 'rfswitch', 'cfun'])
    assert transport.sent == ['AT+CFUN?;^SYSCFGEX?;^RFSWITCH?', 'AT^SYSCFG?;^SYSCFG=?;^RFSWITCH?']
    assert outcomes['syscfg'].value['roaming'] is True and not outcomes['syscfgex'].ok and outcomes['rfswitch'].ok


def test_a_query_refused_for_now_is_asked_again(transcript, ok):
    # A SIM that is not ready is a state, not a missing command.
    modem, transport = transcript({'AT+CFUN?': ok('+CFUN: 1'), 'AT^ICCID?': ['\r\n+CME ERROR: 10\r\n', ok('^ICCID: 89490200001234567890')]})
    assert not modem.ask(['cfun', 'iccid'])['iccid'].ok
    assert modem.ask(['iccid'])['iccid'].value == '89490200001234567890'
    assert transport.sent == ['AT+CFUN?;^ICCID?', 'AT^ICCID?']


def test_an_empty_answer_cannot_take_the_blame_for_a_refusal(transcript, ok):
    # ^SYSCFG=? may answer nothing but OK, so it goes last on a line; when that line fails with
    # everything before it answered, whether it was refused is only known by asking it alone.
    modem, transport = transcript({'AT^SYSCFG=?': ok(), 'AT+CFUN?': ok('+CFUN: 1')})
    outcomes = modem.ask(['syscfg_test', 'cfun', 'iccid'])
    assert transport.sent == ['AT+CFUN?;^SYSCFG=?;^ICCID?', 'AT^SYSCFG=?', 'AT^ICCID?']
    assert outcomes['cfun'].ok and not outcomes['iccid'].ok and outcomes['syscfg_test'].ok
    modem, transport = transcript({'AT^SYSCFG=?': '\r\nERROR\r\n', 'AT+CFUN?': ok('+CFUN: 1')})
    outcomes = modem.ask(['syscfg_test', 'cfun'])
    assert transport.sent == ['AT+CFUN?;^SYSCFG=?', 'AT^SYSCFG=?']
    assert outcomes['cfun'].ok and not outcomes['syscfg_test'].ok


def test_a_bare_answer_leads_a_chained_line(transcript, ok):
    modem, transport = transcript({'AT+CGSN': ok('861234567890123'), 'AT^SETPORT?': ok('^SETPORT:A1,A2;12,16,A1,A2')})
    outcomes = modem.ask(['setport', 'imei'])
    assert transport.sent == ['AT+CGSN;^SETPORT?']
    assert outcomes['imei'].value == '861234567890123' and outcomes['setport'].value['mode'] == 'A1,A2;12,16,A1,A2'


def test_write_then_read_shares_one_line(transcript, ok):
    modem, transport = transcript({'AT+CFUN=0': ok(), 'AT+CFUN?': ok('+CFUN: 0'), 'AT^RFSWITCH?': ok('^RFSWITCH: 0,1')})
    result, outcomes = modem.write_then_read(['AT+CFUN=0'], ['cfun', 'rfswitch'])
    assert result.ok and transport.sent == ['AT+CFUN=0;+CFUN?;^RFSWITCH?']
    assert outcomes['cfun'].value['code'] == 0 and outcomes['rfswitch'].value['software'] is False


def test_write_then_read_reports_a_refused_write(transcript, ok):
    modem, dummy = transcript({'AT+CFUN=4': '\r\n+CME ERROR: 50\r\n', 'AT+CFUN?': ok('+CFUN: 1')})
    result, outcomes = modem.write_then_read(['AT+CFUN=4'], ['cfun'])
    assert not result.ok and result.error_code == 50 and outcomes == {}


def test_query_and_test_of_one_command_share_a_line(transcript, ok):
    modem, transport = transcript({
        'AT^SYSCFGEX?;^SYSCFGEX=?': ok(
            '^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF',
            '^SYSCFGEX: ("00","03","02","01","99"),((2000004e80380,"GSM850/GSM900/GSM1800/GSM1900/WCDMA BCI/WCDMA BCII/WCDMA BCV/WCDMA BCVIII"),',
            '(3fffffff,"All Bands")),(0-2),(0-4),((800d7,"LTE BC1/LTE BC2/LTE',
            'BC3/LTE BC5/LTE BC7/LTE BC8/LTE BC20"),(7fffffffffffffff,"All Bands"))'),
    })
    facts, notes = gather(modem, ['syscfg'])
    assert transport.sent == ['AT^SYSCFGEX?;^SYSCFGEX=?']
    assert notes == []
    assert facts['syscfg']['current']['roaming'] is False
    assert facts['syscfg']['supported']['roam'] == [0, 1, 2]
    assert len(facts['syscfg']['supported']['lte_bands']) == 2


def test_3g_modem_falls_back_to_syscfg(transcript, ok):
    # The modem lacks ^SYSCFGEX, so its test form is not asked again.
    modem, transport = transcript({
        'AT^SYSCFG?;^SYSCFG=?': ok('^SYSCFG:14,2,400380,1,2', '^SYSCFG:(2,13,14,16),(0-3),((400380,"GSM900/GSM1800/WCDMA2100")),(0-2),(0-4)'),
    })
    facts, notes = gather(modem, ['syscfg'])
    assert facts['syscfg']['command'] == '^SYSCFG'
    assert facts['syscfg']['current']['roaming'] is True
    assert notes == []
    assert transport.sent == ['AT^SYSCFGEX?;^SYSCFGEX=?', 'AT^SYSCFG?;^SYSCFG=?']


def test_unsupported_parts_become_notes(transcript, ok):
    modem, dummy = transcript({'AT+CFUN?': ok('+CFUN: 1'), 'AT^RFSWITCH?': '\r\nERROR\r\n'})
    facts, notes = gather(modem, ['radio'])
    assert facts['radio'] == {'functionality': 'full', 'cfun': 1, 'radio_on': True}
    assert [note['command'] for note in notes] == ['AT^RFSWITCH?']


def test_dhcp_counts_only_when_connected(transcript, ok):
    # ^DHCP? goes last on the line: while no data call is up the modem refuses it, and nothing else is lost.
    modem, transport = transcript({
        'AT^NDISSTATQRY?': [ok('^NDISSTATQRY: 1,,,"IPV4",0,,,"IPV6"'), ok('^NDISSTATQRY: 0,,,"IPV4",0,,,"IPV6"')],
        'AT^SYSINFOEX': ok('^SYSINFOEX:2,3,0,1,,6,"LTE",101,"LTE"'),
        'AT^DHCP?': [ok('^DHCP: a3ec5c64,f8ffffff,a1ec5c64,a1ec5c64,0ab0a8c0,0bb0a8c0,150000000,50000000'), '\r\nERROR\r\n'],
    })
    facts, dummy = gather(modem, ['connection'])
    assert facts['connection']['connected'] is True
    assert facts['connection']['dhcp']['address'] == '100.92.236.163'
    assert transport.sent == ['AT^NDISSTATQRY?;^SYSINFOEX;^DHCP?']
    facts, notes = gather(modem, ['connection'])
    assert facts['connection']['connected'] is False and 'dhcp' not in facts['connection'] and notes == []
    assert facts['connection']['system']


def test_a_refused_line_drops_a_query_whose_condition_is_false(transcript, ok):
    # A 3G stick without ^SYSINFOEX: the refusal ends the line, and ^DHCP? is not asked again while no call is up.
    modem, transport = transcript({'AT^NDISSTATQRY?': ok('^NDISSTATQRY: 0,,,"IPV4"')})
    facts, notes = gather(modem, ['connection'])
    assert transport.sent == ['AT^NDISSTATQRY?;^SYSINFOEX;^DHCP?']
    assert facts['connection']['connected'] is False and 'dhcp' not in facts['connection']
    assert [note['command'] for note in notes] == ['AT^SYSINFOEX']


@pytest.mark.parametrize('requested, expected', [
    (['all'], list(resolve_subsets(['all']))),
    (['radio', 'sim'], ['sim', 'radio']),
    (['all', '!port_mode', '!pdp'], ['identity', 'sim', 'radio', 'registration', 'signal', 'syscfg', 'connection']),
    (['!identity'], ['sim', 'radio', 'registration', 'signal', 'syscfg', 'pdp', 'port_mode', 'connection']),
    (['!all'], []),
    (['!all', 'radio'], ['radio']),
])
def test_resolve_subsets(requested, expected):
    assert resolve_subsets(requested) == expected


def test_nothing_gathered_sends_nothing(transcript):
    modem, transport = transcript({})
    assert gather(modem, resolve_subsets(['!all'])) == ({}, []) and transport.sent == []


def test_resolve_subsets_names_the_option():
    with pytest.raises(InvalidInputError) as info:
        resolve_subsets(['radio', 'bogus'])
    assert 'gather_subset' in str(info.value) and 'bogus' in str(info.value)


@pytest.mark.parametrize('command, shown', [
    ('AT+CPIN="1234"', 'AT+CPIN=********'),
    ('AT+CPIN="12345678","1234"', 'AT+CPIN=********'),
    ('AT^NDISDUP=1,1,"internet","user","s3cret",2', 'AT^NDISDUP=1,1,"internet","user",********,2'),
    ('AT^NDISDUP=1,1,"internet"', 'AT^NDISDUP=1,1,"internet"'),
    ('AT+CLCK="SC",0,"1234"', 'AT+CLCK="SC",0,********'),
    ('AT^SYSCFGEX?', 'AT^SYSCFGEX?'),
])
def test_redact(command, shown):
    assert redact(command) == shown
