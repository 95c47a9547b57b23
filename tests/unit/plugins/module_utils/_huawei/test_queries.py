# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The query catalogue: every entry parses a real answer, and shared prefixes never mix answers up."""

from __future__ import annotations

import pytest

from ansible_collections.lte.modem.plugins.module_utils._at.commands import is_read_only
from ansible_collections.lte.modem.plugins.module_utils._huawei.facts import SUBSET_NAMES, SUBSETS
from ansible_collections.lte.modem.plugins.module_utils._huawei.queries import QUERIES

# One real answer per query (as firmware prints it; see the parser tests for every variant).
ANSWERS = {
    'ati': ['Manufacturer: huawei', 'Model: E3372', 'Revision: 22.329.63.00.74', 'IMEI: 861234567890123', '+GCAP: +CGSM,+DS,+ES'],
    'imei': ['861234567890123'],
    'fhver': ['^FHVER:"E3372H-607 22.329.63.00.74,CL2E3372HM Ver.A"'],
    'cpin': ['+CPIN: READY'],
    'iccid': ['^ICCID: 89490200001234567890'],
    'cpin_counts': ['^CPIN: SIM PIN,3,10,3,10,3'],
    'pin_lock': ['+CLCK: 1'],
    'cfun': ['+CFUN: 1'],
    'rfswitch': ['^RFSWITCH: 1,0'],
    'creg': ['+CREG: 2,5,"792D","04947221"'],
    'cgreg': ['+CGREG: 0,1'],
    'cereg': ['+CEREG: 2,1,"2A5B","0F4C2D11",7'],
    'cops': ['+COPS: 0,0,"EE Elisa",7'],
    'csq': ['+CSQ: 20,99'],
    'hcsq': ['^HCSQ:"LTE",48,35,86,14'],
    'syscfgex': ['^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF'],
    'syscfgex_test': ['^SYSCFGEX: ("00","03","02","01","99"),((2000004e80380,"GSM850/GSM900/GSM1800/GSM1900"),(3fffffff,"All Bands")),'
                      '(0-2),(0-4),((800d7,"LTE BC1/LTE BC3"),(7fffffffffffffff,"All Bands"))'],
    'syscfg': ['^SYSCFG:14,2,400380,1,2'],
    'syscfg_test': ['^SYSCFG:(2,13,14,16),(0-3),((400380,"GSM900/GSM1800/WCDMA2100"),(3fffffff,"All bands")),(0-2),(0-4)'],
    'cgdcont': ['+CGDCONT: 1,"IP","internet","0.0.0.0",0,0'],
    'cgdcont_test': ['+CGDCONT: (1-16),"IP",,,(0-2),(0-3),(0,1)'],
    'setport': ['^SETPORT:A1,A2;12,10,16,A1,A2'],
    'setport_test': ['^SETPORT:A1: CDROM', '^SETPORT:12: 4G PCUI'],
    'ndisstat': ['^NDISSTATQRY: 1,,,"IPV4",0,33,,"IPV6"'],
    'dhcp': ['^DHCP: a3ec5c64,f8ffffff,a1ec5c64,a1ec5c64,0ab0a8c0,0bb0a8c0,150000000,50000000'],
    'sysinfoex': ['^SYSINFOEX:2,3,0,1,,6,"LTE",101,"LTE"'],
    'ceer': ['+CEER: 13'],
}


def test_every_query_has_a_real_answer_here():
    assert sorted(ANSWERS) == sorted(QUERIES)


@pytest.mark.parametrize('name', sorted(QUERIES))
def test_each_query_parses_its_answer_and_only_reads(name):
    query = QUERIES[name]
    assert query.parse(ANSWERS[name]) is not None
    assert is_read_only(query.command), query.command


@pytest.mark.parametrize('name', sorted(name for name, query in QUERIES.items() if query.prefix))
def test_in_a_chained_line_each_answer_goes_to_its_own_query(name):
    chainable = [query for query in QUERIES.values() if query.prefix]
    for line in ANSWERS[name]:
        owners = [query.name for query in chainable if query.answers(line)]
        sharing = [other for other in owners if QUERIES[other].prefix.upper() == QUERIES[name].prefix.upper()]
        assert sharing == [name], (line, owners)


def test_fallbacks_and_conditions_name_queries_of_the_catalogue():
    for query in QUERIES.values():
        assert set(query.fallback) <= set(QUERIES), query.name
        if query.only_if:
            assert query.only_if[0] in QUERIES, query.name


def test_subsets_come_from_the_catalogue_in_its_order():
    assert SUBSET_NAMES == ('identity', 'sim', 'radio', 'registration', 'signal', 'syscfg', 'pdp', 'port_mode', 'connection')
    assert SUBSETS['syscfg'] == ['syscfgex', 'syscfgex_test', 'syscfg', 'syscfg_test']
    assert 'cgdcont_test' not in [name for names in SUBSETS.values() for name in names]
