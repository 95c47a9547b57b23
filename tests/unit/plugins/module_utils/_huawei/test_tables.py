# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Device tables and the helpers that work on them (reference/huawei-at.md §2, §4)."""

from __future__ import annotations

import pytest

from ansible_collections.lte.modem.plugins.module_utils._huawei import tables as t


TABLE_CASES = [
    ('cfun-0', t.CFUN_NAMES, 0, 'minimum'),
    ('cfun-1', t.CFUN_NAMES, 1, 'full'),
    ('cfun-4', t.CFUN_NAMES, 4, 'offline'),
    ('cfun-5', t.CFUN_NAMES, 5, 'ftm'),
    ('cfun-6', t.CFUN_NAMES, 6, 'reset'),
    ('cfun-7', t.CFUN_NAMES, 7, 'minimum_vodafone'),
    ('cfun-code-full', t.CFUN_CODES, 'full', 1),
    ('cfun-code-offline', t.CFUN_CODES, 'offline', 4),
    ('cpin-ready', t.CPIN_STATES, 'READY', 'ready'),
    ('cpin-ph-netsub-puk', t.CPIN_STATES, 'PH-NETSUB PUK', 'ph_netsub_puk'),
    ('reg-0', t.REGISTRATION_STATES, 0, ('not_registered', False, False)),
    ('reg-1', t.REGISTRATION_STATES, 1, ('registered_home', True, False)),
    ('reg-2', t.REGISTRATION_STATES, 2, ('searching', False, False)),
    ('reg-3', t.REGISTRATION_STATES, 3, ('denied', False, False)),
    ('reg-4', t.REGISTRATION_STATES, 4, ('unknown', False, False)),
    ('reg-5', t.REGISTRATION_STATES, 5, ('registered_roaming', True, True)),
    ('reg-8', t.REGISTRATION_STATES, 8, ('emergency_only', False, False)),
    ('reg-11', t.REGISTRATION_STATES, 11, ('attached_rlos', False, False)),
    ('act-0', t.ACCESS_TECHNOLOGIES, 0, 'gsm'),
    ('act-2', t.ACCESS_TECHNOLOGIES, 2, 'utran'),
    ('act-7', t.ACCESS_TECHNOLOGIES, 7, 'eutran'),
    ('sysinfoex-6', t.SYSINFOEX_SYSMODES, 6, 'LTE'),
    ('sysinfoex-sub-101', t.SYSINFOEX_SUBMODES, 101, 'LTE'),
    ('sysinfoex-sub-46', t.SYSINFOEX_SUBMODES, 46, 'DC-HSPA+'),
    ('sysinfo-15', t.SYSINFO_SYSMODES, 15, 'TD-SCDMA'),
    ('sysinfo-sub-17', t.SYSINFO_SUBMODES, 17, 'HSPA+(64QAM)'),
    ('rat-01', t.SYSCFGEX_RATS, '01', 'gsm'),
    ('rat-02', t.SYSCFGEX_RATS, '02', 'wcdma'),
    ('rat-03', t.SYSCFGEX_RATS, '03', 'lte'),
    ('rat-04', t.SYSCFGEX_RATS, '04', 'cdma'),
    ('rat-07', t.SYSCFGEX_RATS, '07', 'evdo'),
    ('rat-08', t.SYSCFGEX_RATS, '08', 'nr'),
    ('rat-00', t.SYSCFGEX_RATS, '00', 'auto'),
    ('rat-99', t.SYSCFGEX_RATS, '99', 'no_change'),
    ('srvdomain-0', t.SERVICE_DOMAINS, 0, 'cs_only'),
    ('srvdomain-1', t.SERVICE_DOMAINS, 1, 'ps_only'),
    ('srvdomain-2', t.SERVICE_DOMAINS, 2, 'cs_ps'),
    ('srvdomain-3', t.SERVICE_DOMAINS, 3, 'any'),
    ('srvdomain-4', t.SERVICE_DOMAINS, 4, 'no_change'),
    ('srvdomain-code', t.SERVICE_DOMAIN_CODES, 'ps_only', 1),
    ('roam-2', t.ROAM_VALUES, 2, 'no_change'),
    ('syscfg-mode-13', t.SYSCFG_MODES, 13, 'gsm_only'),
    ('syscfg-mode-14', t.SYSCFG_MODES, 14, 'wcdma_only'),
    ('syscfg-acq-2', t.SYSCFG_ACQORDERS, 2, 'wcdma_first'),
    ('setport-12', t.SETPORT_FUNCTIONS, '12', 'pcui_4g'),
    ('setport-16', t.SETPORT_FUNCTIONS, '16', 'ncm'),
    ('setport-a1', t.SETPORT_FUNCTIONS, 'A1', 'cdrom'),
    ('setport-label-12', t.SETPORT_LABELS, '12', '4G PCUI'),
    ('ndis-0', t.NDIS_STATES, 0, 'disconnected'),
    ('ndis-1', t.NDIS_STATES, 1, 'connected'),
    ('ndis-2', t.NDIS_STATES, 2, 'connecting'),
    ('ndis-3', t.NDIS_STATES, 3, 'disconnecting'),
    ('sm-27', t.SM_CAUSES, 27, 'Missing or unknown APN'),
    ('sm-33', t.SM_CAUSES, 33, 'Requested service option not subscribed'),
    ('sm-36', t.SM_CAUSES, 36, 'Regular deactivation'),
    ('curc-bit-1', t.CURC_REPORT_BITS, 1, '^RSSI'),
]


@pytest.mark.parametrize('table, key, expected', [case[1:] for case in TABLE_CASES], ids=[case[0] for case in TABLE_CASES])
def test_tables(table, key, expected):
    assert table[key] == expected


@pytest.mark.parametrize('cause', [8, 26, 27, 29, 30, 31, 32, 33, 34, 36, 38, 111])
def test_sm_causes_cover_ndisstat_errors(cause):
    assert t.SM_CAUSES[cause]


def test_port_code_sets():
    assert t.PCUI_PORT_CODES == frozenset(('2', '12'))
    assert t.AT_CAPABLE_PORT_CODES == frozenset(('1', '2', '10', '12'))
    assert t.PCUI_PORT_CODES <= t.AT_CAPABLE_PORT_CODES <= set(t.SETPORT_FUNCTIONS)


def test_reverse_tables_are_complete():
    for forward, reverse in ((t.CFUN_NAMES, t.CFUN_CODES), (t.SYSCFGEX_RATS, t.SYSCFGEX_RAT_CODES),
                             (t.SERVICE_DOMAINS, t.SERVICE_DOMAIN_CODES), (t.SETPORT_FUNCTIONS, t.SETPORT_CODES),
                             (t.SYSCFG_MODES, t.SYSCFG_MODE_CODES)):
        assert len(forward) == len(reverse)
        assert all(forward[reverse[name]] == name for name in reverse)


def test_gsm_umts_bits_are_single_and_below_or_above_special_masks():
    for name, mask in t.GSM_UMTS_BANDS.items():
        assert bin(mask).count('1') == 1, name
        assert mask not in (t.GSM_UMTS_BAND_ANY, t.GSM_UMTS_BAND_NO_CHANGE)


GSM_UMTS_MASK_CASES = [
    ('any', 0x3FFFFFFF, ['ANY']),
    ('no-change', 0x40000000, ['NO_CHANGE']),
    ('none', 0, []),
    ('wcdma-2100', 0x400000, ['WCDMA_B1']),
    ('syscfg-400380', 0x400380, ['GSM1800', 'EGSM900', 'PGSM900', 'WCDMA_B1']),
    ('worked-check-2000004e80380', 0x2000004E80380,
     ['GSM1800', 'EGSM900', 'PGSM900', 'GSM850', 'GSM1900', 'WCDMA_B1', 'WCDMA_B2', 'WCDMA_B5', 'WCDMA_B8']),
    ('b7-r900', 0x110000, ['WCDMA_B7', 'RGSM900']),
    ('b9-b19-b11', 0x3004000000000000, ['WCDMA_B9', 'WCDMA_B19', 'WCDMA_B11']),
    ('b3-b4-b6', 0xB000000, ['WCDMA_B3', 'WCDMA_B4', 'WCDMA_B6']),
    ('unnamed-bit', 0x1, ['BIT0']),
]


@pytest.mark.parametrize('mask, names', [case[1:] for case in GSM_UMTS_MASK_CASES], ids=[case[0] for case in GSM_UMTS_MASK_CASES])
def test_gsm_umts_mask_round_trip(mask, names):
    assert t.gsm_umts_mask_to_names(mask) == names
    assert t.gsm_umts_names_to_mask(names) == mask


def test_gsm_umts_names_case_insensitive():
    assert t.gsm_umts_names_to_mask(['gsm1800', 'wcdma_b1', 'any']) == 0x3FFFFFFF
    assert t.gsm_umts_names_to_mask(['wcdma_b8', 'egsm900']) == 0x2000000000100


@pytest.mark.parametrize('names', [['B1'], ['GSM900'], ['WCDMA_B10'], ['bit'], ['']])
def test_gsm_umts_unknown_names(names):
    with pytest.raises(ValueError):
        t.gsm_umts_names_to_mask(names)


LTE_MASK_CASES = [
    ('any', 0x7FFFFFFFFFFFFFFF, ['ANY']),
    ('no-change', 0x40000000, ['NO_CHANGE']),
    ('b1', 0x1, ['B1']),
    ('b3', 0x4, ['B3']),
    ('b7-mikrotik-40', 0x40, ['B7']),
    ('b20', 0x80000, ['B20']),
    ('b28', 0x8000000, ['B28']),
    ('b38', 0x2000000000, ['B38']),
    ('b40', 0x8000000000, ['B40']),
    ('800c5', 0x800C5, ['B1', 'B3', 'B7', 'B8', 'B20']),
    ('800d7', 0x800D7, ['B1', 'B2', 'B3', 'B5', 'B7', 'B8', 'B20']),
    ('b64', 0x8000000000000000, ['B64']),
    ('none', 0, []),
]


@pytest.mark.parametrize('mask, names', [case[1:] for case in LTE_MASK_CASES], ids=[case[0] for case in LTE_MASK_CASES])
def test_lte_mask_round_trip(mask, names):
    assert t.lte_mask_to_names(mask) == names
    assert t.lte_names_to_mask(names) == mask


def test_lte_names_accept_numbers_and_case():
    assert t.lte_names_to_mask([1, '3', 'b20', 'B7']) == 0x80045
    assert t.lte_names_to_mask(['any']) == t.LTE_BAND_ANY


@pytest.mark.parametrize('name', ['B0', 'B65', 'LTE1', 'x', -1, 'B'])
def test_lte_unknown_names(name):
    with pytest.raises(ValueError):
        t.lte_names_to_mask([name])


@pytest.mark.parametrize('number', [0, 65])
def test_lte_band_name_range(number):
    with pytest.raises(ValueError):
        t.lte_band_name(number)


ACQORDER_CASES = [
    ('auto', '00', ['auto']),
    ('no-change', '99', ['no_change']),
    ('lte-only', '03', ['lte']),
    ('prefer-lte', '030201', ['lte', 'wcdma', 'gsm']),
    ('lte-wcdma', '0302', ['lte', 'wcdma']),
    ('prefer-umts', '0201', ['wcdma', 'gsm']),
    ('gsm-wcdma', '0102', ['gsm', 'wcdma']),
    ('nr-lte', '0803', ['nr', 'lte']),
    ('cdma-evdo', '0407', ['cdma', 'evdo']),
]


@pytest.mark.parametrize('acqorder, mode_order', [case[1:] for case in ACQORDER_CASES], ids=[case[0] for case in ACQORDER_CASES])
def test_acqorder_round_trip(acqorder, mode_order):
    assert t.acqorder_to_mode_order(acqorder) == mode_order
    assert t.mode_order_to_acqorder(mode_order) == acqorder


def test_acqorder_quoted_and_mode_case():
    assert t.acqorder_to_mode_order('"0302"') == ['lte', 'wcdma']
    assert t.mode_order_to_acqorder(['LTE', ' Wcdma ']) == '0302'


@pytest.mark.parametrize('acqorder', ['', '0', '030', '05', '0305', 'ab'])
def test_acqorder_invalid(acqorder):
    with pytest.raises(ValueError):
        t.acqorder_to_mode_order(acqorder)


@pytest.mark.parametrize('mode_order', [[], ['umts'], ['lte', 'lte'], ['auto', 'lte'], ['lte', 'no_change']])
def test_mode_order_invalid(mode_order):
    with pytest.raises(ValueError):
        t.mode_order_to_acqorder(mode_order)


PORT_MODE_CASES = [
    ('e3372s', 'A1,A2;12,10,16,A1,A2', ['A1', 'A2'], ['12', '10', '16', 'A1', 'A2'], 'A1,A2;12,10,16,A1,A2'),
    ('ff-lower', 'ff;1,2,3,a2', [], ['1', '2', '3', 'A2'], 'FF;1,2,3,A2'),
    ('empty-first', ';12,16', [], ['12', '16'], 'FF;12,16'),
    ('quoted-names', '"FF;pcui_4g,modem_4g,ncm"', [], ['12', '10', '16'], 'FF;12,10,16'),
    ('spaces', ' A1 ; 12 , 10 ', ['A1'], ['12', '10'], 'A1;12,10'),
]


@pytest.mark.parametrize('text, first, rewind, formatted', [case[1:] for case in PORT_MODE_CASES], ids=[case[0] for case in PORT_MODE_CASES])
def test_port_mode(text, first, rewind, formatted):
    assert t.normalize_port_mode(text) == (first, rewind)
    assert t.format_port_mode(first, rewind) == formatted


@pytest.mark.parametrize('text', ['12,10', 'A1;', 'A3;12', 'FF;12,12', 'FF;12,99', 'A1;1;2'])
def test_port_mode_invalid(text):
    with pytest.raises(ValueError):
        t.normalize_port_mode(text)


def test_setport_code_and_function():
    assert t.setport_code('pcui_4g') == '12'
    assert t.setport_code('a1') == 'A1'
    assert t.setport_function('a2') == 'sd'
    assert t.setport_function('99') == '99'
    with pytest.raises(ValueError):
        t.setport_code('serial')


HCSQ_VALUE_CASES = [
    ('rssi-0', 'rssi_dbm', 0, -121),
    ('rssi-48', 'rssi_dbm', 48, -73),
    ('rssi-96', 'rssi_dbm', 96, -25),
    ('rssi-97', 'rssi_dbm', 97, None),
    ('rssi-255', 'rssi_dbm', 255, None),
    ('rsrp-0', 'rsrp_dbm', 0, -141),
    ('rsrp-97', 'rsrp_dbm', 97, -44),
    ('rsrp-98', 'rsrp_dbm', 98, None),
    ('sinr-0', 'sinr_db', 0, -20.2),
    ('sinr-1', 'sinr_db', 1, -20.0),
    ('sinr-251', 'sinr_db', 251, 30.0),
    ('sinr-255', 'sinr_db', 255, None),
    ('rsrq-0', 'rsrq_db', 0, -20.0),
    ('rsrq-34', 'rsrq_db', 34, -3.0),
    ('rsrq-35', 'rsrq_db', 35, None),
    ('ecio-0', 'ecio_db', 0, -32.5),
    ('ecio-65', 'ecio_db', 65, 0.0),
    ('ecio-66', 'ecio_db', 66, None),
    ('rscp-29', 'rscp_dbm', 29, -92),
]


@pytest.mark.parametrize('key, raw, expected', [case[1:] for case in HCSQ_VALUE_CASES], ids=[case[0] for case in HCSQ_VALUE_CASES])
def test_decode_hcsq_value(key, raw, expected):
    assert t.decode_hcsq_value(key, raw) == expected


@pytest.mark.parametrize('raw, expected', [(0, -113), (1, -111), (2, -109), (30, -53), (31, -51), (99, None)])
def test_csq_rssi_dbm(raw, expected):
    assert t.csq_rssi_dbm(raw) == expected


@pytest.mark.parametrize('text, expected', [('3FFFFFFF', 0x3FFFFFFF), ('0x40', 0x40), ('"7fffffffffffffff"', t.LTE_BAND_ANY), ('', None)])
def test_parse_hex_mask(text, expected):
    assert t.parse_hex_mask(text) == expected


def test_parse_hex_mask_invalid_and_format():
    with pytest.raises(ValueError):
        t.parse_hex_mask('xyz')
    assert t.format_hex_mask(0x2000004E80380) == '2000004E80380'


def test_curc_mask_to_reports():
    assert t.curc_mask_to_reports(0x400003) == ['^MODE', '^RSSI', '^DSFLOWRPT']
    assert t.curc_mask_to_reports(0x80) == ['BIT7']
