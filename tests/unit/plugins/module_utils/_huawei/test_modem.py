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
    'AT^FHVER;+CPIN?;^ICCID?;+CFUN?;^RFSWITCH?;+CREG?': (
        '\r\n^FHVER:"ME906s-158 11.617.00.00.00,ME906S Ver.A"\r\n\r\n+CPIN: READY\r\n\r\n^ICCID: 89490200001234567890\r\n'
        '\r\n+CFUN: 1\r\n\r\n^RFSWITCH: 1,0\r\n\r\n+CREG: 0,2\r\n\r\nOK\r\n'),
}


def test_chained_queries_route_answers_by_prefix(transcript):
    modem, transport = transcript(ME906S)
    names = ['ati', 'fhver', 'cpin', 'iccid', 'cfun', 'rfswitch', 'creg']
    outcomes = modem.ask(names)
    assert transport.sent == ['ATI', 'AT^FHVER;+CPIN?;^ICCID?;+CFUN?;^RFSWITCH?;+CREG?']
    assert (outcomes['rfswitch'].value['software'], outcomes['rfswitch'].value['hardware']) == (True, False)
    assert outcomes['creg'].value['stat'] == 2
    assert outcomes['ati'].value['model'] == 'ME906s-158'


def test_failed_chain_falls_back_to_single_queries(transcript, ok):
    modem, transport = transcript({
        'AT+CFUN?;^RFSWITCH?': '\r\nCOMMAND NOT SUPPORT\r\n',
        'AT+CFUN?': ok('+CFUN: 1'),
    })
    outcomes = modem.ask(['cfun', 'rfswitch'])
    assert transport.sent == ['AT+CFUN?;^RFSWITCH?', 'AT+CFUN?', 'AT^RFSWITCH?']
    assert outcomes['cfun'].value['functionality'] == 'full'
    assert not outcomes['rfswitch'].ok
    assert 'COMMAND NOT SUPPORT' in outcomes['rfswitch'].note()['reason']


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
    modem, transport = transcript({
        'AT^SYSCFG?;^SYSCFG=?': ok('^SYSCFG:14,2,400380,1,2', '^SYSCFG:(2,13,14,16),(0-3),((400380,"GSM900/GSM1800/WCDMA2100")),(0-2),(0-4)'),
    })
    facts, notes = gather(modem, ['syscfg'])
    assert facts['syscfg']['command'] == '^SYSCFG'
    assert facts['syscfg']['current']['roaming'] is True
    assert notes == []
    assert transport.sent[-1] == 'AT^SYSCFG?;^SYSCFG=?'


def test_unsupported_parts_become_notes(transcript, ok):
    modem, dummy = transcript({'AT+CFUN?;^RFSWITCH?': '\r\nERROR\r\n', 'AT+CFUN?': ok('+CFUN: 1'), 'AT^RFSWITCH?': '\r\nERROR\r\n'})
    facts, notes = gather(modem, ['radio'])
    assert facts['radio'] == {'functionality': 'full', 'cfun': 1, 'radio_on': True}
    assert [note['command'] for note in notes] == ['AT^RFSWITCH?']


def test_dhcp_is_read_only_when_connected(transcript, ok):
    modem, transport = transcript({
        'AT^NDISSTATQRY?;^SYSINFOEX': ok('^NDISSTATQRY: 1,,,"IPV4",0,,,"IPV6"', '^SYSINFOEX:2,3,0,1,,6,"LTE",101,"LTE"'),
        'AT^DHCP?': ok('^DHCP: a3ec5c64,f8ffffff,a1ec5c64,a1ec5c64,0ab0a8c0,0bb0a8c0,150000000,50000000'),
    })
    facts, dummy = gather(modem, ['connection'])
    assert facts['connection']['connected'] is True
    assert facts['connection']['dhcp']['address'] == '100.92.236.163'
    assert transport.sent == ['AT^NDISSTATQRY?;^SYSINFOEX', 'AT^DHCP?']


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
