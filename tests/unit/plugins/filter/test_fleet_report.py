# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The fleet_report filter: rows, flags, drift and totals from registered results, and the page template's escaping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.lte.modem.plugins.filter.fleet_report import CSV_FIELDS, fleet_report

TEMPLATES = Path(__file__).resolve().parents[4] / 'roles' / 'fleet_report' / 'templates'


def info(roaming=False, connected=True, operator='Simulated Mobile', **extra):
    """A registered huawei_info result of a modem on LTE."""
    modem = {
        'identity': {'model': 'ME909u-521', 'revision': '12.636.12.01.00'},
        'registration': {'registered': True, 'roaming': roaming, 'operator': {'operator': operator}},
        'signal': {'csq': {'rssi': 20, 'rssi_dbm': -73}, 'hcsq': {'sysmode': 'LTE', 'rssi_dbm': -73, 'rsrp_dbm': -93, 'sinr_db': 5.8}},
        'syscfg': {'current': {'mode_order': ['lte', 'wcdma'], 'lte_bands': ['B3', 'B20'], 'bands': ['ANY'], 'roaming': roaming}},
        'pdp': [{'cid': 1, 'apn': 'internet', 'pdp_type': 'IP'}, {'cid': 2, 'apn': '', 'pdp_type': 'IPV4V6'}],
        'port_mode': {'current': {'mode': 'FF;10,12,16'}},
        'connection': {'connected': connected, 'dhcp': {'address': '10.64.1.2'} if connected else {}},
    }
    return dict({'changed': False, 'failed': False, 'modem': modem, 'notes': []}, **extra)


# Registered results of lte.modem.huawei_modem in check mode.
SYSCFG_DRIFT = {'changed': True, 'before': {'syscfg': {'roaming': False, 'lte_bands': ['all']}},
                'after': {'syscfg': {'roaming': True, 'lte_bands': ['B3']}}}
MODEM_DRIFT = {'changed': True,
               'before': {'syscfg': SYSCFG_DRIFT['before']['syscfg'], 'apns': [{'cid': 1, 'apn': 'internet'}, {'cid': 3, 'state': 'absent'}]},
               'after': {'syscfg': SYSCFG_DRIFT['after']['syscfg'],
                         'apns': [{'cid': 1, 'apn': 'internet'}, {'cid': 3, 'state': 'present', 'apn': 'iot'}]}}
SKIPPED = {'changed': False, 'skipped': True}


def row(outcome, host='router01'):
    return fleet_report({host: outcome})['rows'][0]


def test_a_reachable_host_fills_every_column():
    result = row({'info': info(), 'drift': SKIPPED})
    assert result['status'] == 'ok' and result['flags'] == [] and result['reason'] == ''
    assert result['cells'] == {
        'model': 'ME909u-521', 'firmware': '12.636.12.01.00', 'operator': 'Simulated Mobile', 'registration': 'home',
        'signal': 'LTE RSRP -93 dBm, SINR 5.8 dB', 'mode': 'lte,wcdma; LTE B3 B20; 2G/3G ANY; roaming not allowed',
        'apn': '1: internet (IP); 2: (default) (IPV4V6)', 'port_mode': 'FF;10,12,16', 'connection': 'connected 10.64.1.2',
        'drift': 'not managed',
    }


def test_roaming_disconnected_and_drifted_rows_are_flagged():
    result = row({'info': info(roaming=True, connected=False), 'drift': MODEM_DRIFT})
    assert result['flags'] == ['roaming', 'disconnected', 'drifted']
    assert result['cells']['registration'] == 'roaming' and result['cells']['connection'] == 'disconnected'
    assert result['cells']['drift'] == 'syscfg: roaming false → true, lte_bands all → B3; apns 3: state absent → present, apn none → iot'
    assert [(check['label'], check['state']) for check in result['drift']] == [('syscfg', 'drifted'), ('apns 1', 'in sync'), ('apns 3', 'drifted')]


@pytest.mark.parametrize('drift, text', [(None, 'not checked'), (SKIPPED, 'not managed'),
                                         ({'changed': False, 'before': {'apns': []}, 'after': {'apns': []}}, 'not managed'),
                                         ({'changed': False, 'before': {'syscfg': {}}, 'after': {'syscfg': {}}}, 'in sync'),
                                         ({'changed': True, 'before': {'port_mode': {'mode': 'x'}}, 'after': {'port_mode': {'mode': 'x'}}},
                                          'desired state: would change')])
def test_the_drift_cell_says_what_was_checked(drift, text):
    assert row({'info': info(), 'drift': drift})['cells']['drift'] == text


def test_unreachable_failed_and_missing_hosts_say_why():
    report = fleet_report({
        'router05': {'info': {'unreachable': True, 'changed': False, 'msg': 'Cannot connect to the RouterOS API at 192.0.2.5:8728'}},
        'router06': {'info': {'failed': True, 'msg': "RouterOS at 192.0.2.6 refused the login of user 'admin'"}, 'drift': None},
        'router07': None,
        'router08': {'info': info(), 'drift': {'failed': True, 'facet': 'syscfg', 'msg': 'syscfg: Invalid value for option syscfg.lte_bands'}},
    })
    rows = {entry['host']: entry for entry in report['rows']}
    assert [(entry['host'], entry['status'], entry['flags']) for entry in report['rows']] == [
        ('router05', 'unreachable', ['unreachable']), ('router06', 'failed', ['failed']), ('router07', 'failed', ['failed']),
        ('router08', 'failed', ['failed'])]
    assert rows['router05']['reason'] == 'Cannot connect to the RouterOS API at 192.0.2.5:8728'
    assert rows['router07']['reason'].startswith('no result')
    assert rows['router08']['reason'] == 'syscfg: Invalid value for option syscfg.lte_bands'
    assert rows['router08']['cells']['drift'] == 'syscfg: check failed'
    assert set(rows['router05']['cells'].values()) == {'\u2014'}
    assert [problem['host'] for problem in report['problems']] == ['router05', 'router06', 'router07', 'router08']


def test_totals_count_each_state_once():
    report = fleet_report({
        'a': {'info': info(roaming=True)},
        'b': {'info': info(connected=False), 'drift': SYSCFG_DRIFT},
        'c': {'info': {'unreachable': True, 'msg': 'refused'}},
        'd': {'info': {'failed': True, 'msg': 'login refused'}},
    })
    assert {total['key']: total['count'] for total in report['totals']} == {
        'hosts': 4, 'reachable': 3, 'registered': 2, 'roaming': 1, 'connected': 1, 'drifted': 1, 'failed': 1, 'unreachable': 1}
    assert [total['key'] for total in report['totals']] == ['hosts', 'reachable', 'registered', 'roaming', 'connected', 'drifted',
                                                            'failed', 'unreachable']


def test_csv_values_are_text_that_no_spreadsheet_runs():
    result = row({'info': info(operator='=HYPERLINK("http://example.invalid")')})
    values = dict(zip(CSV_FIELDS, result['csv']))
    assert values['operator'] == '\'=HYPERLINK("http://example.invalid")'
    assert values['rsrp_dbm'] == '-93' and values['sinr_db'] == '5.8' and values['roaming'] == 'false'
    assert values['lte_bands'] == 'B3,B20' and values['ip'] == '10.64.1.2' and values['flags'] == '' and values['reason'] == ''


def test_the_input_must_be_a_dict_of_hosts():
    with pytest.raises(AnsibleFilterError, match='dict of host name'):
        fleet_report(['router01'])
    with pytest.raises(AnsibleFilterError, match='drift must be the result of lte.modem.huawei_modem'):
        fleet_report({'router01': {'info': info(), 'drift': ['syscfg']}})


def test_every_value_on_the_page_is_html_escaped():
    """Operator names and messages come from devices: every {{ }} of the page template ends in `| e`."""
    template = (TEMPLATES / 'html.j2').read_text(encoding='utf-8')
    expressions = re.findall(r'{{(.*?)}}', template, re.S)
    assert expressions
    unescaped = [expression for expression in expressions if not re.search(r'\|\s*e\s*$', expression)]
    assert unescaped == []
