# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Every reply variant of reference/huawei-at.md (and the seeds) through the parsers."""

from __future__ import annotations

import json

import pytest

from ansible_collections.lte.modem.plugins.module_utils._errors import ParseError
from ansible_collections.lte.modem.plugins.module_utils._huawei.tables import SM_CAUSES
from ansible_collections.lte.modem.plugins.module_utils._huawei import parsers as p


def subset(result, expected):
    """Return the keys of ``result`` that ``expected`` names (so a case states only what it checks)."""
    return {key: result[key] for key in expected}


# (id, parser, lines, expected keys) -- expected is compared with the same keys of the result
DICT_CASES = [
    # --- ATI (§2.1) ---
    ('ati-me906s-seed000', p.parse_ati,
     ['Manufacturer: Huawei Technologies Co., Ltd.', 'Model: ME906s-158', 'Revision: 11.617.00.00.00', 'IMEI: 861234567890123'],
     {'manufacturer': 'Huawei Technologies Co., Ltd.', 'model': 'ME906s-158', 'revision': '11.617.00.00.00', 'imei': '861234567890123'}),
    ('ati-e3372h-607', p.parse_ati,
     ['Manufacturer: huawei', 'Model: E3372', 'Revision: 22.329.63.00.74', 'IMEI: 866123456789012', '+GCAP: +CGSM,+DS,+ES'],
     {'manufacturer': 'huawei', 'model': 'E3372', 'revision': '22.329.63.00.74', 'imei': '866123456789012',
      'gcap': ['+CGSM', '+DS', '+ES']}),
    ('ati-e1550-gcap-no-space', p.parse_ati, ['Manufacturer:huawei', 'Model:E1550', '+GCAP:+CGSM,+FCLASS,+DS'],
     {'manufacturer': 'huawei', 'model': 'E1550', 'gcap': ['+CGSM', '+FCLASS', '+DS']}),
    # --- +CLCK facility lock status ---
    ('clck-sc-locked', p.parse_clck, ['+CLCK: 1'], {'enabled': True}),
    ('clck-sc-unlocked-per-class', p.parse_clck, ['+CLCK:0,1', '+CLCK:0,2'], {'enabled': False}),
    # --- ^FHVER ---
    ('fhver-e3372h-real', p.parse_fhver, ['^FHVER:"E3372H-607 22.329.63.00.74,CL2E3372HM Ver.A"'],
     {'product': 'E3372H-607', 'software': '22.329.63.00.74', 'hardware': 'CL2E3372HM Ver.A'}),
    ('fhver-hw-doc-space', p.parse_fhver, ['^FHVER: "E1221 11.002.00.00.00,CH1E122XM Ver.A"'],
     {'product': 'E1221', 'software': '11.002.00.00.00', 'hardware': 'CH1E122XM Ver.A'}),
    ('fhver-unquoted', p.parse_fhver, ['^FHVER: E1221 11.002.00.00.00,CH1E122XM Ver.A'],
     {'product': 'E1221', 'software': '11.002.00.00.00', 'hardware': 'CH1E122XM Ver.A'}),
    # --- +CPIN / ^CPIN (§2.3) ---
    ('cpin-ready', p.parse_cpin, ['+CPIN: READY'], {'status': 'READY', 'ready': True, 'state': 'ready'}),
    ('cpin-sim-pin', p.parse_cpin, ['+CPIN: SIM PIN'], {'status': 'SIM PIN', 'ready': False, 'state': 'sim_pin'}),
    ('cpin-quoted-mm', p.parse_cpin, ['+CPIN: "SIM PIN"'], {'status': 'SIM PIN', 'ready': False, 'state': 'sim_pin'}),
    ('cpin-no-space-puk', p.parse_cpin, ['+CPIN:SIM PUK'], {'status': 'SIM PUK', 'ready': False, 'state': 'sim_puk'}),
    ('cpin-ph-net', p.parse_cpin, ['+CPIN: PH-NET PIN'], {'status': 'PH-NET PIN', 'state': 'ph_net_pin'}),
    ('cpin-unknown-status', p.parse_cpin, ['+CPIN: SOMETHING NEW'], {'status': 'SOMETHING NEW', 'ready': False, 'state': None}),
    ('cpin-huawei-retries', p.parse_cpin, ['^CPIN: SIM PIN2,3,10,3,10,3'],
     {'status': 'SIM PIN2', 'ready': False, 'puk_retries': 10, 'pin_retries': 3, 'puk2_retries': 10, 'pin2_retries': 3}),
    ('cpin-huawei-ready-empty-times', p.parse_cpin, ['^CPIN: READY,,10,3,10,3'],
     {'status': 'READY', 'ready': True, 'puk_retries': 10, 'pin_retries': 3}),
    # --- +CFUN (§2.2) ---
    ('cfun-1-seed000', p.parse_cfun, ['+CFUN: 1'], {'code': 1, 'functionality': 'full'}),
    ('cfun-0', p.parse_cfun, ['+CFUN: 0'], {'code': 0, 'functionality': 'minimum'}),
    ('cfun-4-no-space', p.parse_cfun, ['+CFUN:4'], {'code': 4, 'functionality': 'offline'}),
    ('cfun-7', p.parse_cfun, ['+CFUN: 7'], {'code': 7, 'functionality': 'minimum_vodafone'}),
    ('cfun-two-fields-mm', p.parse_cfun, ['+CFUN: 1,0'], {'code': 1, 'functionality': 'full'}),
    ('cfun-19-unknown-mm', p.parse_cfun, ['+CFUN: 19'], {'code': 19, 'functionality': None}),
    # --- ^RFSWITCH (§2.2) ---
    ('rfswitch-on', p.parse_rfswitch, ['^RFSWITCH: 1,1'], {'software': True, 'hardware': True, 'radio_on': True}),
    ('rfswitch-sw-off', p.parse_rfswitch, ['^RFSWITCH:0,1'], {'software': False, 'hardware': True, 'radio_on': False}),
    ('rfswitch-hw-off', p.parse_rfswitch, ['^RFSWITCH: 1,0'], {'software': True, 'hardware': False, 'radio_on': False}),
    ('rfswitch-both-off', p.parse_rfswitch, ['^RFSWITCH: 0,0'], {'software': False, 'hardware': False, 'radio_on': False}),
    ('rfswitch-one-field', p.parse_rfswitch, ['^RFSWITCH: 1'], {'software': True, 'hardware': None, 'radio_on': True}),
    # --- +CSQ (§2.4) ---
    ('csq-e3372h', p.parse_csq, ['+CSQ: 20,99'], {'rssi': 20, 'ber': 99, 'rssi_dbm': -73}),
    ('csq-no-signal-seed000', p.parse_csq, ['+CSQ: 99,99'], {'rssi': 99, 'ber': 99, 'rssi_dbm': None}),
    ('csq-0', p.parse_csq, ['+CSQ:0,0'], {'rssi': 0, 'ber': 0, 'rssi_dbm': -113}),
    ('csq-31', p.parse_csq, ['+CSQ: 31,7'], {'rssi': 31, 'ber': 7, 'rssi_dbm': -51}),
    # --- ^HCSQ (§2.4) ---
    ('hcsq-lte-e3372h', p.parse_hcsq, ['^HCSQ:"LTE",48,35,86,14'],
     {'sysmode': 'LTE', 'rssi_dbm': -73, 'rsrp_dbm': -106, 'sinr_db': -3.0, 'rsrq_db': -13.0, 'raw': [48, 35, 86, 14]}),
    ('hcsq-lte-e3372s', p.parse_hcsq, ['^HCSQ:"LTE",53,45,181,18'],
     {'sysmode': 'LTE', 'rssi_dbm': -68, 'rsrp_dbm': -96, 'sinr_db': 16.0, 'rsrq_db': -11.0}),
    ('hcsq-lte-unquoted-mm', p.parse_hcsq, ['^HCSQ: LTE,33,40,135,11'],
     {'sysmode': 'LTE', 'rssi_dbm': -88, 'rsrp_dbm': -101, 'sinr_db': 6.8, 'rsrq_db': -14.5}),
    ('hcsq-wcdma', p.parse_hcsq, ['^HCSQ:"WCDMA",39,29,45'],
     {'sysmode': 'WCDMA', 'rssi_dbm': -82, 'rscp_dbm': -92, 'ecio_db': -10.0, 'raw': [39, 29, 45]}),
    ('hcsq-gsm', p.parse_hcsq, ['^HCSQ: "GSM",40'], {'sysmode': 'GSM', 'rssi_dbm': -81, 'raw': [40]}),
    ('hcsq-noservice', p.parse_hcsq, ['^HCSQ: "NOSERVICE"'], {'sysmode': 'NOSERVICE', 'raw': []}),
    ('hcsq-unknown-255', p.parse_hcsq, ['^HCSQ: "LTE",255,255,255,255'],
     {'rssi_dbm': None, 'rsrp_dbm': None, 'sinr_db': None, 'rsrq_db': None}),
    ('hcsq-limits', p.parse_hcsq, ['^HCSQ: "LTE",96,97,251,34'],
     {'rssi_dbm': -25, 'rsrp_dbm': -44, 'sinr_db': 30.0, 'rsrq_db': -3.0}),
    ('hcsq-wcdma-ecio-limits', p.parse_hcsq, ['^HCSQ:"WCDMA",0,96,65'], {'rssi_dbm': -121, 'rscp_dbm': -25, 'ecio_db': 0.0}),
    ('hcsq-unknown-sysmode', p.parse_hcsq, ['^HCSQ: "NR",40,50,60'], {'sysmode': 'NR', 'raw': [40, 50, 60]}),
    # --- +CREG / +CGREG / +CEREG (§2.5) ---
    ('creg-query-roaming-e3372h', p.parse_creg, ['+CREG: 2,5,"792D","04947221"'],
     {'n': 2, 'stat': 5, 'status': 'registered_roaming', 'registered': True, 'roaming': True,
      'lac': '792D', 'ci': '04947221', 'act': None, 'technology': None}),
    ('creg-urc-roaming-e3372h', p.parse_creg, ['+CREG: 5,"792D","04947221"'],
     {'n': None, 'stat': 5, 'status': 'registered_roaming', 'registered': True, 'roaming': True,
      'lac': '792D', 'ci': '04947221', 'act': None, 'technology': None}),
    ('creg-query-e160g-unquoted', p.parse_creg, ['+CREG: 2,1,8BE3,2BAF'],
     {'n': 2, 'stat': 1, 'status': 'registered_home', 'registered': True, 'roaming': False, 'lac': '8BE3', 'ci': '2BAF'}),
    ('creg-query-e160g-unregistered', p.parse_creg, ['+CREG: 2,0,00,0'],
     {'n': 2, 'stat': 0, 'status': 'not_registered', 'registered': False, 'lac': '00', 'ci': '0'}),
    ('creg-query-searching-seed000', p.parse_creg, ['+CREG: 0,2'],
     {'n': 0, 'stat': 2, 'status': 'searching', 'registered': False, 'roaming': False, 'lac': None, 'ci': None, 'act': None}),
    ('creg-urc-n1', p.parse_creg, ['+CREG: 3'], {'n': None, 'stat': 3, 'status': 'denied', 'registered': False}),
    ('creg-query-no-space', p.parse_creg, ['+CREG:1,1'], {'n': 1, 'stat': 1, 'registered': True}),
    ('cgreg-query-act', p.parse_creg, ['+CGREG: 2,1,"792D","04947221",7'],
     {'n': 2, 'stat': 1, 'lac': '792D', 'ci': '04947221', 'act': 7, 'technology': 'eutran'}),
    ('cereg-urc-act', p.parse_creg, ['+CEREG: 1,"0024","0F468916",7'],
     {'n': None, 'stat': 1, 'lac': '0024', 'ci': '0F468916', 'act': 7, 'technology': 'eutran'}),
    ('cereg-urc-unquoted-act', p.parse_creg, ['+CEREG: 5,0024,0F468916,2'],
     {'n': None, 'stat': 5, 'lac': '0024', 'ci': '0F468916', 'act': 2, 'technology': 'utran', 'roaming': True}),
    ('cereg-camped-gw', p.parse_creg, ['+CEREG: 2,0'], {'n': 2, 'stat': 0, 'lac': None}),
    ('creg-stat-unknown-code', p.parse_creg, ['+CREG: 0,12'], {'stat': 12, 'status': None, 'registered': False}),
    ('creg-stat-6-sms-only', p.parse_creg, ['+CEREG: 2,6,"792D","04947221",7'],
     {'stat': 6, 'status': 'registered_home_sms_only', 'registered': True, 'roaming': False}),
    ('creg-stat-10', p.parse_creg, ['+CEREG: 10'],
     {'stat': 10, 'status': 'registered_roaming_csfb_not_preferred', 'registered': True, 'roaming': True}),
    ('creg-query-empty-lac', p.parse_creg, ['+CEREG: 2,1,,,7'], {'n': 2, 'stat': 1, 'lac': None, 'ci': None, 'act': 7}),
    # --- +COPS ---
    ('cops-red-bull', p.parse_cops, ['+COPS: 0,0,"Red Bull MOBILE",7'],
     {'mode': 0, 'format': 0, 'operator': 'Red Bull MOBILE', 'act': 7, 'technology': 'eutran'}),
    ('cops-mode-only', p.parse_cops, ['+COPS: 0'], {'mode': 0, 'format': None, 'operator': None, 'act': None, 'technology': None}),
    ('cops-numeric-no-space', p.parse_cops, ['+COPS:1,2,"23205",2'],
     {'mode': 1, 'format': 2, 'operator': '23205', 'act': 2, 'technology': 'utran'}),
    ('cops-comma-in-name', p.parse_cops, ['+COPS: 0,0,"Op, Inc.",0'], {'operator': 'Op, Inc.', 'technology': 'gsm'}),
    ('cops-no-act', p.parse_cops, ['+COPS: 0,0,"A1"'], {'operator': 'A1', 'act': None}),
    # --- ^SYSINFOEX / ^SYSINFO (§2.5) ---
    ('sysinfoex-lte', p.parse_sysinfoex, ['^SYSINFOEX:2,3,0,1,,6,"LTE",101,"LTE"'],
     {'srv_status': 2, 'service_status': 'valid', 'srv_domain': 3, 'service_domain': 'cs_ps', 'roam_status': 0,
      'roaming': False, 'sim_state': 1, 'sim_status': 'valid', 'lock_state': None, 'sysmode': 6, 'sysmode_name': 'LTE',
      'submode': 101, 'submode_name': 'LTE'}),
    ('sysinfoex-e303-unquoted', p.parse_sysinfoex, ['^SYSINFOEX:2,4,5,1,,3,WCDMA,41,HSPA+'],
     {'srv_domain': 4, 'service_domain': 'searching', 'sysmode': 3, 'sysmode_name': 'WCDMA', 'submode': 41, 'submode_name': 'HSPA+'}),
    ('sysinfoex-quoted', p.parse_sysinfoex, ['^SYSINFOEX:2,4,5,1,,3,"WCDMA",41,"HSPA+"'], {'sysmode': 3, 'submode_name': 'HSPA+'}),
    ('sysinfoex-space-lock', p.parse_sysinfoex, ['^SYSINFOEX: 2,4,5,1,0,3,"WCDMA",41,"HSPA+"'], {'lock_state': 0, 'submode': 41}),
    ('sysinfoex-roaming', p.parse_sysinfoex, ['^SYSINFOEX:2,2,1,1,,6,"LTE",101,"LTE"'], {'roaming': True, 'service_domain': 'ps'}),
    ('sysinfoex-names-from-table', p.parse_sysinfoex, ['^SYSINFOEX:0,0,0,255,,0,,0,'],
     {'service_status': 'no_service', 'sim_status': 'absent', 'sysmode_name': 'NO SERVICE', 'submode_name': 'NO SERVICE'}),
    ('sysinfo-5-fields', p.parse_sysinfo, ['^SYSINFO:2,4,5,3,1'],
     {'srv_status': 2, 'srv_domain': 4, 'roam_status': 5, 'sysmode': 3, 'sysmode_name': 'GSM/GPRS', 'sim_state': 1,
      'lock_state': None, 'submode': None}),
    ('sysinfo-7-fields-space', p.parse_sysinfo, ['^SYSINFO: 2,4,5,3,1,0,6'],
     {'lock_state': 0, 'submode': 6, 'submode_name': 'HSUPA'}),
    ('sysinfo-empty-lock', p.parse_sysinfo, ['^SYSINFO:2,1,0,3,1,,3'],
     {'service_domain': 'cs', 'roaming': False, 'lock_state': None, 'submode': 3, 'submode_name': 'EDGE'}),
    ('sysinfo-trailing-commas', p.parse_sysinfo, ['^SYSINFO:2,4,5,3,1,,'], {'lock_state': None, 'submode': None}),
    ('sysinfo-wcdma-roaming', p.parse_sysinfo, ['^SYSINFO:2,3,1,5,1,,4'],
     {'roaming': True, 'sysmode_name': 'WCDMA', 'submode_name': 'WCDMA', 'sim_status': 'valid'}),
    # --- ^SYSCFGEX? (§2.6) ---
    ('syscfgex-seed001-roam-off', p.parse_syscfgex, ['^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF'],
     {'acqorder': '00', 'mode_order': ['auto'], 'band': '3FFFFFFF', 'bands': ['ANY'], 'roam': 0, 'roaming': False,
      'srvdomain': 1, 'service_domain': 'ps_only', 'lteband': '7FFFFFFFFFFFFFFF', 'lte_bands': ['ANY'],
      'fields': ['00', '3FFFFFFF', '0', '1', '7FFFFFFFFFFFFFFF']}),
    ('syscfgex-seed001-roam-on', p.parse_syscfgex, ['^SYSCFGEX: "00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF'],
     {'roam': 1, 'roaming': True, 'fields': ['00', '3FFFFFFF', '1', '1', '7FFFFFFFFFFFFFFF']}),
    ('syscfgex-mm', p.parse_syscfgex, ['^SYSCFGEX: "00",3FFFFFFF,1,2,7FFFFFFFFFFFFFFF'], {'srvdomain': 2, 'service_domain': 'cs_ps'}),
    ('syscfgex-mikrotik-lte-b7', p.parse_syscfgex, ['^SYSCFGEX: "03",3FFFFFFF,0,2,40'],
     {'acqorder': '03', 'mode_order': ['lte'], 'lteband': '40', 'lte_bands': ['B7'], 'fields': ['03', '3FFFFFFF', '0', '2', '40']}),
    ('syscfgex-non-lte-empty-lteband', p.parse_syscfgex, ['^SYSCFGEX: "00",3fffffff,1,2,'],
     {'band': '3fffffff', 'bands': ['ANY'], 'lteband': '', 'lte_bands': [], 'fields': ['00', '3fffffff', '1', '2', '']}),
    ('syscfgex-no-space-order-masks', p.parse_syscfgex, ['^SYSCFGEX:"030201",2000004e80380,2,4,800c5'],
     {'mode_order': ['lte', 'wcdma', 'gsm'],
      'bands': ['GSM1800', 'EGSM900', 'PGSM900', 'GSM850', 'GSM1900', 'WCDMA_B1', 'WCDMA_B2', 'WCDMA_B5', 'WCDMA_B8'],
      'lte_bands': ['B1', 'B3', 'B7', 'B8', 'B20'], 'roaming': None, 'service_domain': 'no_change',
      'fields': ['030201', '2000004e80380', '2', '4', '800c5']}),
    ('syscfgex-0201-four-fields', p.parse_syscfgex, ['^SYSCFGEX: "0201",3fffffff,1,2'],
     {'mode_order': ['wcdma', 'gsm'], 'lteband': '', 'fields': ['0201', '3fffffff', '1', '2', '']}),
    ('syscfgex-800d7', p.parse_syscfgex, ['^SYSCFGEX: "0302",400000,1,2,800d7'],
     {'mode_order': ['lte', 'wcdma'], 'bands': ['WCDMA_B1'], 'lte_bands': ['B1', 'B2', 'B3', 'B5', 'B7', 'B8', 'B20']}),
    # --- ^SYSCFGEX=? (§2.6, routeros.md §3.4) ---
    ('syscfgex-test-mikrotik-one-line', p.parse_syscfgex_test,
     ['^SYSCFGEX: ("00","03","02","01","99"),((2000004e80380,"GSM850/GSM900/GSM1800/GSM1900/WCDMA BCI/WCDMA BCII/WCDMA BCV/WCDMA BCVIII"),'
      '(3fffffff,"All Bands")),(0-2),(0-4),((800d7,"LTE BC1/LTE BC2/LTE BC3/LTE BC5/LTE BC7/LTE BC8/LTE BC20"),(7fffffffffffffff,"All Bands"))'],
     {'acqorders': ['00', '03', '02', '01', '99'],
      'bands': [{'mask': '2000004e80380', 'names': 'GSM850/GSM900/GSM1800/GSM1900/WCDMA BCI/WCDMA BCII/WCDMA BCV/WCDMA BCVIII'},
                {'mask': '3fffffff', 'names': 'All Bands'}],
      'roam': [0, 1, 2], 'srvdomain': [0, 1, 2, 3, 4],
      'lte_bands': [{'mask': '800d7', 'names': 'LTE BC1/LTE BC2/LTE BC3/LTE BC5/LTE BC7/LTE BC8/LTE BC20'},
                    {'mask': '7fffffffffffffff', 'names': 'All Bands'}]}),
    ('syscfgex-test-mikrotik-wrapped', p.parse_syscfgex_test,
     ['^SYSCFGEX: ("00","03","02","01","99"),((2000004e80380,"GSM850/GSM900/GSM1800/GSM1900/WCDMA BCI/WCDMA BCII/WCDMA BCV/WCDMA BCVIII"),',
      '(3fffffff,"All Bands")),(0-2),(0-4),((800d7,"LTE BC1/LTE BC2/LTE',
      'BC3/LTE BC5/LTE BC7/LTE BC8/LTE BC20"),(7fffffffffffffff,"All Bands"))'],
     {'acqorders': ['00', '03', '02', '01', '99'],
      'bands': [{'mask': '2000004e80380', 'names': 'GSM850/GSM900/GSM1800/GSM1900/WCDMA BCI/WCDMA BCII/WCDMA BCV/WCDMA BCVIII'},
                {'mask': '3fffffff', 'names': 'All Bands'}],
      'roam': [0, 1, 2], 'srvdomain': [0, 1, 2, 3, 4],
      'lte_bands': [{'mask': '800d7', 'names': 'LTE BC1/LTE BC2/LTE BC3/LTE BC5/LTE BC7/LTE BC8/LTE BC20'},
                    {'mask': '7fffffffffffffff', 'names': 'All Bands'}]}),
    ('syscfgex-test-mm-combined-orders', p.parse_syscfgex_test,
     ['^SYSCFGEX: ("030201","0302","03","99"),((2000004e80380,"GSM850/GSM900/GSM1800/GSM1900/WCDMA850/WCDMA900/WCDMA1900/WCDMA2100"),'
      '(3fffffff,"All Bands")),(0-3),(0-4),((800c5,"LTE2100/LTE1800/LTE2600/LTE900/LTE800"),(7fffffffffffffff,"All bands"))'],
     {'acqorders': ['030201', '0302', '03', '99'], 'roam': [0, 1, 2, 3],
      'lte_bands': [{'mask': '800c5', 'names': 'LTE2100/LTE1800/LTE2600/LTE900/LTE800'},
                    {'mask': '7fffffffffffffff', 'names': 'All bands'}]}),
    ('syscfgex-test-non-lte-empty-group', p.parse_syscfgex_test,
     ['^SYSCFGEX: ("00","01","02","0102","0201"),((3fffffff,"All Bands"),(2000000400180,"GSM900/GSM1800/WCDMA900/WCDMA2100"),'
      '(6A80000,"GSM850/GSM1900/WCDMA850/AWS/WCDMA1900")),(0-2),(0-4),,'],
     {'acqorders': ['00', '01', '02', '0102', '0201'],
      'bands': [{'mask': '3fffffff', 'names': 'All Bands'}, {'mask': '2000000400180', 'names': 'GSM900/GSM1800/WCDMA900/WCDMA2100'},
                {'mask': '6A80000', 'names': 'GSM850/GSM1900/WCDMA850/AWS/WCDMA1900'}],
      'roam': [0, 1, 2], 'srvdomain': [0, 1, 2, 3, 4], 'lte_bands': []}),
    ('syscfgex-test-no-space', p.parse_syscfgex_test, ['^SYSCFGEX:("03"),((3fffffff,"All Bands")),(0-2),(0-4),((7fffffffffffffff,"All bands"))'],
     {'acqorders': ['03'], 'lte_bands': [{'mask': '7fffffffffffffff', 'names': 'All bands'}]}),
    # --- ^SYSCFG? / =? (§2.6) ---
    ('syscfg-real-14ccde2b', p.parse_syscfg, ['^SYSCFG:14,2,400380,1,2'],
     {'mode': 14, 'mode_name': 'wcdma_only', 'acqorder': 2, 'acqorder_name': 'wcdma_first', 'band': '400380',
      'bands': ['GSM1800', 'EGSM900', 'PGSM900', 'WCDMA_B1'], 'roam': 1, 'roaming': True, 'srvdomain': 2,
      'service_domain': 'cs_ps', 'fields': ['14', '2', '400380', '1', '2']}),
    ('syscfg-mm-space', p.parse_syscfg, ['^SYSCFG: 2,0,400000,0,3'],
     {'mode': 2, 'mode_name': 'auto', 'acqorder': 0, 'bands': ['WCDMA_B1'], 'roaming': False, 'service_domain': 'any'}),
    ('syscfg-any', p.parse_syscfg, ['^SYSCFG:2,2,3FFFFFFF,1,2'], {'band': '3FFFFFFF', 'bands': ['ANY']}),
    ('syscfg-test-mm', p.parse_syscfg_test, ['^SYSCFG:(2,13,14,16),(0-3),((400000,"WCDMA2100")),(0-2),(0-4)'],
     {'modes': [2, 13, 14, 16], 'acqorders': [0, 1, 2, 3], 'bands': [{'mask': '400000', 'names': 'WCDMA2100'}],
      'roam': [0, 1, 2], 'srvdomain': [0, 1, 2, 3, 4], 'assumed': False}),
    ('syscfg-test-several-bands', p.parse_syscfg_test,
     ['^SYSCFG:(2,13,14,16),(0),((2000000400380,"GSM900/GSM1800/WCDMA900/WCDMA2100"),(280000,"GSM850/GSM1900"),(3fffffff,"All bands")),(0-2),(0-4)'],
     {'acqorders': [0], 'bands': [{'mask': '2000000400380', 'names': 'GSM900/GSM1800/WCDMA900/WCDMA2100'},
                                  {'mask': '280000', 'names': 'GSM850/GSM1900'}, {'mask': '3fffffff', 'names': 'All bands'}]}),
    ('syscfg-test-gsm-only', p.parse_syscfg_test, ['^SYSCFG: (13),(0),((3fffffff,"All bands")),(0-2),(0-4)'], {'modes': [13]}),
    ('syscfg-test-empty-e220', p.parse_syscfg_test, [],
     {'modes': [2, 13, 14, 16], 'acqorders': [0, 1, 2, 3], 'bands': [], 'roam': [], 'srvdomain': [], 'assumed': True}),
    ('syscfg-test-mm-default-format', p.parse_syscfg_test, ['^SYSCFG:(2,13,14,16),(0-3),,,'],
     {'modes': [2, 13, 14, 16], 'acqorders': [0, 1, 2, 3], 'bands': [], 'roam': [], 'srvdomain': []}),
    # --- +CGDCONT=? ---
    ('cgdcont-test-dongle', p.parse_cgdcont_test,
     ['+CGDCONT: (1-16),"IP",,,(0-2),(0-4)', '+CGDCONT: (1-16),"IPV6",,,(0-2),(0-4)', '+CGDCONT: (1-16),"IPV4V6",,,(0-2),(0-4)'],
     {'cids': list(range(1, 17)), 'cid_min': 1, 'cid_max': 16, 'pdp_types': ['IP', 'IPV6', 'IPV4V6']}),
    ('cgdcont-test-balong', p.parse_cgdcont_test,
     ['+CGDCONT: (0-31),"%s",,,(0-2),(0-3),(0,1),(0,1),(0-2),(0,1),(0,1)' % pdp for pdp in ('IP', 'IPV6', 'IPV4V6', 'PPP')],
     {'cid_min': 0, 'cid_max': 31, 'pdp_types': ['IP', 'IPV6', 'IPV4V6', 'PPP']}),
    # --- ^SETPORT? (§2.8) ---
    ('setport-e3372s', p.parse_setport, ['^SETPORT:A1,A2;12,10,16,A1,A2'],
     {'first': ['A1', 'A2'], 'rewind': ['12', '10', '16', 'A1', 'A2'], 'mode': 'A1,A2;12,10,16,A1,A2',
      'functions': ['pcui_4g', 'modem_4g', 'ncm', 'cdrom', 'sd']}),
    ('setport-e3131s', p.parse_setport, ['^SETPORT:A1,A2;1,3,2,A1,A2'],
     {'first': ['A1', 'A2'], 'rewind': ['1', '3', '2', 'A1', 'A2'], 'functions': ['modem', 'diag', 'pcui', 'cdrom', 'sd']}),
    ('setport-empty-first', p.parse_setport, ['^SETPORT:;1,2,3,A2'],
     {'first': [], 'rewind': ['1', '2', '3', 'A2'], 'mode': 'FF;1,2,3,A2'}),
    ('setport-hw-doc-space', p.parse_setport, ['^SETPORT: A1;1,12'], {'first': ['A1'], 'rewind': ['1', '12'], 'mode': 'A1;1,12'}),
    ('setport-lower-case-quoted', p.parse_setport, ['^setport:"a1,a2;12,10"'],
     {'first': ['A1', 'A2'], 'rewind': ['12', '10'], 'mode': 'A1,A2;12,10'}),
    ('setport-unknown-code', p.parse_setport, ['^SETPORT:FF;12,99'], {'first': [], 'functions': ['pcui_4g', '99']}),
    # --- ^DHCP (§2.7) ---
    ('dhcp-mm-lower', p.parse_dhcp, ['^DHCP:a3ec5c64,f8ffffff,a1ec5c64,a1ec5c64,2200b10a,74bba80a,236800,236800'],
     {'address': '100.92.236.163', 'netmask': '255.255.255.248', 'gateway': '100.92.236.161', 'dhcp_server': '100.92.236.161',
      'dns': ['10.177.0.34', '10.168.187.116'], 'prefix_length': 29, 'max_rx_bps': 236800, 'max_tx_bps': 236800}),
    ('dhcp-0x-lower', p.parse_dhcp, ['^DHCP:0xa3ec5c64,0xf8ffffff,0xa1ec5c64,0xa1ec5c64,0x2200b10a,0x74bba80a,236800,236800'],
     {'address': '100.92.236.163', 'prefix_length': 29, 'dns': ['10.177.0.34', '10.168.187.116']}),
    ('dhcp-leading-zero-dropped', p.parse_dhcp, ['^DHCP: 1010A0A,FCFFFFFF,2010A0A,2010A0A,0,0,150000000,150000000'],
     {'address': '10.10.1.1', 'netmask': '255.255.255.252', 'prefix_length': 30, 'gateway': '10.10.1.2',
      'dns': ['0.0.0.0', '0.0.0.0'], 'max_rx_bps': 150000000}),
    ('dhcp-upper', p.parse_dhcp, ['^DHCP: CCDB080A,F8FFFFFF,C9DB080A,C9DB080A,E67B59C0,E77B59C0,85600,85600'],
     {'address': '10.8.219.204', 'prefix_length': 29, 'gateway': '10.8.219.201', 'dns': ['192.89.123.230', '192.89.123.231']}),
    ('dhcp-0x-upper', p.parse_dhcp, ['^DHCP: 0xCCDB080A,0xF8FFFFFF,0xC9DB080A,0xC9DB080A,0xE67B59C0,0xE77B59C0,85600,85600'],
     {'address': '10.8.219.204', 'dns': ['192.89.123.230', '192.89.123.231']}),
    ('dhcp-0X-upper', p.parse_dhcp, ['^DHCP: 0XCCDB080A,0XF8FFFFFF,0XC9DB080A,0XC9DB080A,0XE67B59C0,0XE77B59C0,85600,85600'],
     {'address': '10.8.219.204', 'gateway': '10.8.219.201'}),
    ('dhcp-hw-example', p.parse_dhcp, ['^DHCP: 16007e0a,fcffffff,15007e0a,15007e0a,6537480a,64ff480a,7200000,384000'],
     {'address': '10.126.0.22', 'prefix_length': 30, 'gateway': '10.126.0.21', 'dns': ['10.72.55.101', '10.72.255.100'],
      'max_rx_bps': 7200000, 'max_tx_bps': 384000}),
    ('dhcp-no-rates', p.parse_dhcp, ['^DHCP: 1010A0A,FCFFFFFF,2010A0A,2010A0A,0,0'], {'max_rx_bps': None, 'max_tx_bps': None}),
    ('dhcpv6', p.parse_dhcpv6,
     ['^DHCPV6: 2001:db8::1,ffff:ffff:ffff:ffff::,2001:db8::fe,::,2001:4860:4860::8888,::,150000000,50000000'],
     {'address': '2001:db8::1', 'netmask': 'ffff:ffff:ffff:ffff::', 'prefix_length': 64, 'gateway': '2001:db8::fe',
      'dhcp_server': '::', 'dns': ['2001:4860:4860::8888', '::'], 'max_rx_bps': 150000000, 'max_tx_bps': 50000000}),
    ('dhcpv6-unknown', p.parse_dhcpv6, ['^DHCPV6:::,::,::,::,::,::,0,0'], {'address': '::', 'prefix_length': 0}),
    # --- +CMEE / ^CURC ---
    ('cmee-1', p.parse_cmee, ['+CMEE: 1'], {'mode': 1, 'mode_name': 'numeric'}),
    ('cmee-2-no-space', p.parse_cmee, ['+CMEE:2'], {'mode': 2, 'mode_name': 'verbose'}),
    ('curc-1', p.parse_curc, ['^CURC: 1'], {'mode': 1, 'mode_name': 'enabled', 'report_cfg': None, 'reports': None}),
    ('curc-mask', p.parse_curc, ['^CURC: 2,0x0000000000000002'],
     {'mode': 2, 'mode_name': 'custom', 'report_cfg': '0x0000000000000002', 'reports': ['^RSSI']}),
    ('curc-0', p.parse_curc, ['^CURC:0'], {'mode': 0, 'mode_name': 'disabled'}),
    # --- +CEER ---
    ('ceer-cause', p.parse_ceer, ['+CEER: 13'], {'cause': 13, 'report': '13'}),
    ('ceer-cause-name', p.parse_ceer, ['+CEER: 0,NONE'], {'cause': 0, 'report': '0,NONE'}),
    ('ceer-text', p.parse_ceer, ['+CEER: "0 Unknown"'], {'cause': None, 'report': '0 Unknown'}),
    ('ceer-no-space', p.parse_ceer, ['+CEER:33'], {'cause': 33}),
]


@pytest.mark.parametrize('parser, lines, expected', [case[1:] for case in DICT_CASES], ids=[case[0] for case in DICT_CASES])
def test_dict_parsers(parser, lines, expected):
    result = parser(lines)
    assert subset(result, expected) == expected
    json.dumps(result)


# --- ^NDISSTATQRY / ^NDISSTAT (§2.7) ------------------------------------------------------

V4_UP = {'stat': 1, 'state': 'connected', 'error': None, 'error_text': None}
V4_DOWN = {'stat': 0, 'state': 'disconnected', 'error': None, 'error_text': None}
V6_UP = dict(V4_UP)
V6_DOWN = dict(V4_DOWN)

NDISSTAT_CASES = [
    ('old-two-lines', ['^NDISSTATQRY: 1,,,IPV4', '^NDISSTATQRY: 0,33,,IPV6'],
     {'IPV4': V4_UP, 'IPV6': {'stat': 0, 'state': 'disconnected', 'error': 33, 'error_text': 'Requested service option not subscribed'}}),
    ('old-v4-only', ['^NDISSTATQRY: 1,,,IPV4'], {'IPV4': V4_UP}),
    ('old-v6-only', ['^NDISSTATQRY: 0,,,IPV6'], {'IPV6': V6_DOWN}),
    ('new-one-line-quoted-no-space', ['^NDISSTATQRY:0,,,"IPV4",0,33,,"IPV6"'],
     {'IPV4': V4_DOWN, 'IPV6': {'stat': 0, 'state': 'disconnected', 'error': 33, 'error_text': 'Requested service option not subscribed'}}),
    ('new-one-line-quoted-space', ['^NDISSTATQRY: 1,,,"IPV4",1,,,"IPV6"'], {'IPV4': V4_UP, 'IPV6': V6_UP}),
    ('e353-no-family', ['^NDISSTATQry:1'], {'IPV4': V4_UP}),
    ('e353-no-family-down', ['^NDISSTATQry:0'], {'IPV4': V4_DOWN}),
    ('balong-cid-v4', ['^NDISSTATQRY: 1,1,,,"IPV4"'], {'IPV4': dict(V4_UP, cid=1)}),
    ('balong-cid-both', ['^NDISSTATQRY: 1,0,,,"IPV4",1,,,"IPV6"'], {'IPV4': dict(V4_DOWN, cid=1), 'IPV6': dict(V6_UP, cid=1)}),
    ('balong-cid-3', ['^NDISSTATQRY: 3,1,,,"IPV4"'], {'IPV4': dict(V4_UP, cid=3)}),
    ('mbb-cid-query', ['^NDISSTATQRY: 1,0,,"IPV4",0,0,,"IPV6"'],
     {'IPV4': dict(V4_UP, error=0, error_text=SM_CAUSES[0]), 'IPV6': {'stat': 0, 'state': 'disconnected', 'error': 0, 'error_text': SM_CAUSES[0]}}),
    ('urc-v6-up', ['^NDISSTAT: 1,,,"IPV6"'], {'IPV6': V6_UP}),
    ('urc-v4-down-no-space', ['^NDISSTAT:0,,,"IPV4"'], {'IPV4': V4_DOWN}),
    ('urc-seed000-cause-0', ['^NDISSTAT: 0,0,,"IPV4"'], {'IPV4': {'stat': 0, 'state': 'disconnected', 'error': 0, 'error_text': SM_CAUSES[0]}}),
    ('urc-cause-27-two-lines', ['^NDISSTAT: 0,27,,"IPV4"', '^NDISSTAT: 0,27,,"IPV6"'],
     {'IPV4': {'stat': 0, 'state': 'disconnected', 'error': 27, 'error_text': 'Missing or unknown APN'},
      'IPV6': {'stat': 0, 'state': 'disconnected', 'error': 27, 'error_text': 'Missing or unknown APN'}}),
    ('urc-old-unquoted', ['^NDISSTAT: 1,,,IPV4', '^NDISSTAT: 0,,,IPV6'], {'IPV4': V4_UP, 'IPV6': V6_DOWN}),
    ('urc-one-line-both', ['^NDISSTAT: 0,,,"IPV4",1,,,"IPV6"'], {'IPV4': V4_DOWN, 'IPV6': V6_UP}),
    ('urc-multi-ndis-cid', ['^NDISSTAT:2,1,,,"IPV4"'], {'IPV4': dict(V4_UP, cid=2)}),
    ('urc-ndisstatex', ['^NDISSTATEX: 1,1,,,"IPV4"'], {'IPV4': dict(V4_UP, cid=1)}),
    ('connecting-lower-case-family', ['^ndisstatqry: 2,,,"ipv4"'],
     {'IPV4': {'stat': 2, 'state': 'connecting', 'error': None, 'error_text': None}}),
    ('disconnecting', ['^NDISSTATQRY: 3,,,"IPV4"'], {'IPV4': {'stat': 3, 'state': 'disconnecting', 'error': None, 'error_text': None}}),
]


@pytest.mark.parametrize('lines, expected', [case[1:] for case in NDISSTAT_CASES], ids=[case[0] for case in NDISSTAT_CASES])
def test_parse_ndisstat(lines, expected):
    assert p.parse_ndisstat(lines) == expected


# --- Plain values, lists and strings ---------------------------------------------------

VALUE_CASES = [
    ('cgmi-huawei', p.parse_plain_value, (['huawei'],), 'huawei'),
    ('cgmi-ec121', p.parse_plain_value, (['HUAWEI INCORPORATED'],), 'HUAWEI INCORPORATED'),
    ('cgmi-me906s', p.parse_plain_value, (['Huawei Technologies Co., Ltd.'],), 'Huawei Technologies Co., Ltd.'),
    ('cgmi-echoed-prefix', p.parse_plain_value, (['+CGMI: huawei'], '+CGMI'), 'huawei'),
    ('cgmi-echoed-prefix-autodetect', p.parse_plain_value, (['+CGMI: huawei'],), 'huawei'),
    ('cgmm-e1752', p.parse_plain_value, (['E1752'],), 'E1752'),
    ('cgmm-quoted', p.parse_plain_value, (['+CGMM: "E3372"'], '+CGMM'), 'E3372'),
    ('cgmr-e1752', p.parse_plain_value, (['11.126.13.00.00'],), '11.126.13.00.00'),
    ('cgmr-e3372h', p.parse_plain_value, (['22.329.63.00.74'],), '22.329.63.00.74'),
    ('cgsn-imei', p.parse_plain_value, (['866123456789012'],), '866123456789012'),
    ('cimi-no-space-prefix', p.parse_plain_value, (['+CIMI:232011234567890'], '+CIMI'), '232011234567890'),
    ('gsn-prefix-other', p.parse_plain_value, (['+GSN: 866123456789012'], '+GSN'), '866123456789012'),
    ('iccid-huawei', p.parse_iccid, (['^ICCID: 98684000001234567890'],), '98684000001234567890'),
    ('iccid-no-space-quoted', p.parse_iccid, (['^ICCID:"8943108612345678901F"'],), '8943108612345678901F'),
    ('iccid-bare', p.parse_iccid, (['89431086123456789012'],), '89431086123456789012'),
    ('iccid-plus-ccid', p.parse_iccid, (['+CCID: 89431086123456789012'],), '89431086123456789012'),
    ('cgdcont-empty', p.parse_cgdcont, ([],), []),
    ('cgdcont-dongle', p.parse_cgdcont, (['+CGDCONT: 1,"IP","internet","0.0.0.0",0,0'],),
     [{'cid': 1, 'pdp_type': 'IP', 'apn': 'internet', 'address': '0.0.0.0', 'extra': ['0', '0']}]),
    ('cgdcont-several', p.parse_cgdcont,
     (['+CGDCONT: 1,"IPV4V6","web.example","",0,0', '+CGDCONT:2,"IPV6","ims"', '+CGDCONT: 3,"IP","",""'],),
     [{'cid': 1, 'pdp_type': 'IPV4V6', 'apn': 'web.example', 'address': None, 'extra': ['0', '0']},
      {'cid': 2, 'pdp_type': 'IPV6', 'apn': 'ims', 'address': None, 'extra': []},
      {'cid': 3, 'pdp_type': 'IP', 'apn': '', 'address': None, 'extra': []}]),
    ('cgdcont-balong-extra-fields', p.parse_cgdcont, (['+CGDCONT: 1,"IPV4V6","internet.t-mobile","",0,0,0,0,0,0'],),
     [{'cid': 1, 'pdp_type': 'IPV4V6', 'apn': 'internet.t-mobile', 'address': None, 'extra': ['0', '0', '0', '0', '0', '0']}]),
    ('cgdcont-lower-type-comma-apn', p.parse_cgdcont, (['+CGDCONT: 4,"ipv6","a,b"'],),
     [{'cid': 4, 'pdp_type': 'IPV6', 'apn': 'a,b', 'address': None, 'extra': []}]),
    ('setport-test-lte', p.parse_setport_test,
     (['^SETPORT:A1: CDROM', '^SETPORT:A2: SD', '^SETPORT:1: 3G MODEM', '^SETPORT:2: 3G PCUI', '^SETPORT:3: 3G DIAG',
       '^SETPORT:10: 4G MODEM', '^SETPORT:12: 4G PCUI', '^SETPORT:16: NCM'],),
     [{'code': 'A1', 'name': 'CDROM', 'function': 'cdrom'}, {'code': 'A2', 'name': 'SD', 'function': 'sd'},
      {'code': '1', 'name': '3G MODEM', 'function': 'modem'}, {'code': '2', 'name': '3G PCUI', 'function': 'pcui'},
      {'code': '3', 'name': '3G DIAG', 'function': 'diag'}, {'code': '10', 'name': '4G MODEM', 'function': 'modem_4g'},
      {'code': '12', 'name': '4G PCUI', 'function': 'pcui_4g'}, {'code': '16', 'name': 'NCM', 'function': 'ncm'}]),
    ('setport-test-spacing', p.parse_setport_test, (['^SETPORT: a1:CDROM', '^SETPORT:2 : PCUI', '^SETPORT:E:  PC VOICE'],),
     [{'code': 'A1', 'name': 'CDROM', 'function': 'cdrom'}, {'code': '2', 'name': 'PCUI', 'function': 'pcui'},
      {'code': 'E', 'name': 'PC VOICE', 'function': 'pc_voice'}]),
    ('setport-test-unknown-code', p.parse_setport_test, (['^SETPORT:A4: SOMETHING'],),
     [{'code': 'A4', 'name': 'SOMETHING', 'function': None}]),
    ('urc-rssi', p.parse_urc, ('^RSSI:20',), {'name': '^RSSI', 'fields': ['20']}),
    ('urc-hcsq', p.parse_urc, ('^HCSQ:"LTE",48,35,86,14',), {'name': '^HCSQ', 'fields': ['LTE', '48', '35', '86', '14']}),
    ('urc-nwtime', p.parse_urc, ('^NWTIME:18/12/13,06:20:04+28,00',), {'name': '^NWTIME', 'fields': ['18/12/13', '06:20:04+28', '00']}),
    ('urc-creg', p.parse_urc, ('+CREG: 5,"792D","04947221"',), {'name': '+CREG', 'fields': ['5', '792D', '04947221']}),
    ('urc-ring', p.parse_urc, ('RING',), {'name': 'RING', 'fields': []}),
    ('urc-stin-spaces', p.parse_urc, ('^STIN: 7, 0, 0',), {'name': '^STIN', 'fields': ['7', '0', '0']}),
    ('urc-lower-case-name', p.parse_urc, ('^simst:1',), {'name': '^SIMST', 'fields': ['1']}),
    ('decode-le-a3ec5c64', p.decode_le_hex_ipv4, ('a3ec5c64',), '100.92.236.163'),
    ('decode-le-f8ffffff', p.decode_le_hex_ipv4, ('f8ffffff',), '255.255.255.248'),
    ('decode-le-leading-zero', p.decode_le_hex_ipv4, ('1010A0A',), '10.10.1.1'),
    ('decode-le-zero', p.decode_le_hex_ipv4, ('0',), '0.0.0.0'),
    ('decode-le-me936-0x', p.decode_le_hex_ipv4, ('0xda7d0e0a',), '10.14.125.218'),
    ('decode-le-0X', p.decode_le_hex_ipv4, ('0XCCDB080A',), '10.8.219.204'),
    ('encode-le', p.encode_le_hex_ipv4, ('100.92.236.163',), 'a3ec5c64'),
    ('encode-le-padded', p.encode_le_hex_ipv4, ('10.10.1.1',), '01010a0a'),
    ('encode-le-upper', p.encode_le_hex_ipv4, ('255.255.255.248', True), 'F8FFFFFF'),
    ('split-fields-quotes-parens', p.split_fields, ('"a,b",(1,2),,x',), ['"a,b"', '(1,2)', '', 'x']),
    ('unquote', p.unquote, (' "x" ',), 'x'),
]


@pytest.mark.parametrize('func, args, expected', [case[1:] for case in VALUE_CASES], ids=[case[0] for case in VALUE_CASES])
def test_value_parsers(func, args, expected):
    assert func(*args) == expected


@pytest.mark.parametrize('address', ['0.0.0.0', '10.10.1.1', '100.92.236.163', '255.255.255.248', '1.2.3.4'])
def test_le_hex_round_trip(address):
    assert p.decode_le_hex_ipv4(p.encode_le_hex_ipv4(address)) == address


def test_lines_may_be_one_string():
    assert p.parse_csq('\r\n+CSQ: 20,99\r\n')['rssi_dbm'] == -73


def test_blank_lines_and_whitespace_are_ignored():
    assert p.parse_cfun(['', '  +CFUN: 1  ', ''])['functionality'] == 'full'


def test_syscfgex_fields_rewrite_one_field_keeps_others():
    """Seed 001: enabling roaming must resend every other field exactly as the modem printed it."""
    fields = p.parse_syscfgex(['^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF'])['fields']
    fields[2] = '1'
    assert 'AT^SYSCFGEX="%s",%s,%s,%s,%s,,' % tuple(fields) == 'AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,'


def test_parsers_have_docstrings():
    names = [name for name in dir(p) if name.startswith('parse_')]
    assert names
    for name in names:
        doc = getattr(p, name).__doc__
        assert doc and '\n' not in doc.strip(), name


# --- Errors -------------------------------------------------------------------------------

ERROR_CASES = [
    ('ati-nothing', p.parse_ati, ['hello']),
    ('plain-empty', p.parse_plain_value, []),
    ('plain-prefix-only', p.parse_plain_value, ['+CGMI: ']),
    ('fhver-no-prefix', p.parse_fhver, ['E3372H-607']),
    ('fhver-no-version', p.parse_fhver, ['^FHVER:"E3372H"']),
    ('iccid-garbage', p.parse_iccid, ['^ICCID: not-an-iccid']),
    ('iccid-empty', p.parse_iccid, []),
    ('cpin-empty-status', p.parse_cpin, ['+CPIN: ']),
    ('cpin-wrong-prefix', p.parse_cpin, ['+CFUN: 1']),
    ('cfun-text', p.parse_cfun, ['+CFUN: full']),
    ('cfun-none', p.parse_cfun, []),
    ('rfswitch-text', p.parse_rfswitch, ['^RFSWITCH: on,on']),
    ('csq-one-field', p.parse_csq, ['+CSQ: 20']),
    ('csq-text', p.parse_csq, ['+CSQ: x,y']),
    ('hcsq-empty', p.parse_hcsq, ['^HCSQ:']),
    ('hcsq-text-value', p.parse_hcsq, ['^HCSQ:"LTE",a,b,c,d']),
    ('hcsq-unbalanced-quote', p.parse_hcsq, ['^HCSQ:"LTE,48']),
    ('creg-text-stat', p.parse_creg, ['+CREG: 2,x']),
    ('creg-empty', p.parse_creg, ['+CREG:']),
    ('creg-no-line', p.parse_creg, []),
    ('cops-text-mode', p.parse_cops, ['+COPS: auto']),
    ('sysinfoex-short', p.parse_sysinfoex, ['^SYSINFOEX:2,3,0']),
    ('sysinfo-short', p.parse_sysinfo, ['^SYSINFO:2,4']),
    ('syscfgex-short', p.parse_syscfgex, ['^SYSCFGEX: "00",3FFFFFFF']),
    ('syscfgex-bad-order', p.parse_syscfgex, ['^SYSCFGEX: "05",3FFFFFFF,1,2,7FFFFFFFFFFFFFFF']),
    ('syscfgex-odd-order', p.parse_syscfgex, ['^SYSCFGEX: "030",3FFFFFFF,1,2,7FFFFFFFFFFFFFFF']),
    ('syscfgex-bad-mask', p.parse_syscfgex, ['^SYSCFGEX: "00",XYZ,1,2,7FFFFFFFFFFFFFFF']),
    ('syscfgex-bad-roam', p.parse_syscfgex, ['^SYSCFGEX: "00",3FFFFFFF,x,2,7FFFFFFFFFFFFFFF']),
    ('syscfgex-test-unbalanced', p.parse_syscfgex_test, ['^SYSCFGEX: ("00","03"),((3fffffff,"All Bands"),(0-2),(0-4)']),
    ('syscfgex-test-bad-range', p.parse_syscfgex_test, ['^SYSCFGEX: ("00"),((3fffffff,"All Bands")),(a-b),(0-4),']),
    ('syscfgex-test-bad-mask', p.parse_syscfgex_test, ['^SYSCFGEX: ("00"),((zz,"All Bands")),(0-2),(0-4),']),
    ('syscfg-short', p.parse_syscfg, ['^SYSCFG:14,2,400380']),
    ('syscfg-bad-band', p.parse_syscfg, ['^SYSCFG:14,2,40038G,1,2']),
    ('syscfg-test-bad', p.parse_syscfg_test, ['^SYSCFG:(x),(0-3),,,']),
    ('cgdcont-foreign-line', p.parse_cgdcont, ['+CGDCONT: 1,"IP","internet"', 'garbage']),
    ('cgdcont-text-cid', p.parse_cgdcont, ['+CGDCONT: one,"IP","internet"']),
    ('cgdcont-test-no-cids', p.parse_cgdcont_test, ['+CGDCONT: ,"IP"']),
    ('setport-no-semicolon', p.parse_setport, ['^SETPORT:A1,A2']),
    ('setport-empty-rewind', p.parse_setport, ['^SETPORT:A1,A2;']),
    ('setport-test-bad-line', p.parse_setport_test, ['^SETPORT:CDROM']),
    ('ndisstat-text-stat', p.parse_ndisstat, ['^NDISSTATQRY: x,,,IPV4']),
    ('ndisstat-too-many-fields', p.parse_ndisstat, ['^NDISSTATQRY: 1,1,1,1,1,IPV4']),
    ('ndisstat-after-family', p.parse_ndisstat, ['^NDISSTATQRY: 1,,,IPV4,1']),
    ('ndisstat-empty', p.parse_ndisstat, []),
    ('ndisstat-foreign-line', p.parse_ndisstat, ['^DHCP: 0,0,0,0,0,0,0,0']),
    ('dhcp-short', p.parse_dhcp, ['^DHCP: a3ec5c64,f8ffffff']),
    ('dhcp-too-long-hex', p.parse_dhcp, ['^DHCP: a3ec5c6400,f8ffffff,a1ec5c64,a1ec5c64,0,0,1,1']),
    ('dhcp-not-hex', p.parse_dhcp, ['^DHCP: 10.0.0.1,f8ffffff,a1ec5c64,a1ec5c64,0,0,1,1']),
    ('dhcp-bad-rate', p.parse_dhcp, ['^DHCP: a3ec5c64,f8ffffff,a1ec5c64,a1ec5c64,0,0,fast,1']),
    ('dhcpv6-bad-address', p.parse_dhcpv6, ['^DHCPV6: 2001:db8::zz,::,::,::,::,::,0,0']),
    ('cmee-text', p.parse_cmee, ['+CMEE: verbose']),
    ('curc-bad-mask', p.parse_curc, ['^CURC: 2,0xZZ']),
    ('ceer-foreign-line', p.parse_ceer, ['+CSQ: 20,99']),
    ('ceer-unbalanced-quote', p.parse_ceer, ['+CEER: "Lost']),
]


@pytest.mark.parametrize('parser, lines', [case[1:] for case in ERROR_CASES], ids=[case[0] for case in ERROR_CASES])
def test_parse_errors(parser, lines):
    with pytest.raises(ParseError) as info:
        parser(lines)
    assert info.value.details()['response'] == [line.strip() for line in lines if line.strip()]


def test_parse_urc_empty_line_raises():
    with pytest.raises(ParseError):
        p.parse_urc('')


@pytest.mark.parametrize('text', ['', 'xyz', '123456789', '10.0.0.1'])
def test_decode_le_hex_ipv4_rejects(text):
    with pytest.raises(ValueError):
        p.decode_le_hex_ipv4(text)
