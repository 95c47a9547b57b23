# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The NO CARRIER checks on real replies: each cause alone is found first, with its evidence and remedy."""

from __future__ import annotations

import pytest

from ansible_collections.lte.modem.plugins.module_utils._at.client import AtClient
from ansible_collections.lte.modem.plugins.module_utils._huawei import diagnosis
from ansible_collections.lte.modem.plugins.module_utils._huawei.facts import SUBSET_NAMES, gather
from ansible_collections.lte.modem.plugins.module_utils._huawei.modem import HuaweiModem
from ansible_collections.lte.modem.plugins.module_utils._huawei.queries import QUERIES

from ...conftest import TranscriptTransport

# The ME909u-521 of a MikroTik router (its ^SYSCFGEX=? as RouterOS's manual prints it), registered at home on LTE.
ME909U_TEST = ('^SYSCFGEX: ("00","03","02","01","99"),((2000004e80380,"GSM850/GSM900/GSM1800/GSM1900/WCDMA BCI/WCDMA BCII/WCDMA '
               'BCV/WCDMA BCVIII"),(3fffffff,"All Bands")),(0-2),(0-4),((800d7,"LTE BC1/LTE BC2/LTE BC3/LTE BC5/LTE BC7/LTE BC8/LTE '
               'BC20"),(7fffffffffffffff,"All Bands"))')
HEALTHY = {
    'AT+CFUN?': ['+CFUN: 1'],
    'AT+CREG?': ['+CREG: 0,1'],
    'AT+CGREG?': ['+CGREG: 0,1'],
    'AT+CEREG?': ['+CEREG: 0,1'],
    'AT^SYSCFGEX?': ['^SYSCFGEX: "00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF'],
    'AT^SYSCFGEX=?': [ME909U_TEST],
    'AT+CGDCONT?': ['+CGDCONT: 1,"IP","internet.t-mobile","0.0.0.0",0,0'],
    'AT^NDISSTATQRY?': ['^NDISSTATQRY: 0,,,IPV4', '^NDISSTATQRY: 0,,,IPV6'],
    'AT+CPIN?': ['+CPIN: READY'],
    'AT^CPIN?': ['^CPIN: READY,,10,3,10,3'],
    'AT+CSQ': ['+CSQ: 20,99'],
    'AT^HCSQ?': ['^HCSQ:"LTE",53,45,181,18'],
    'AT^RFSWITCH?': ['^RFSWITCH: 1,1'],
    'AT^SETPORT?': ['^SETPORT:A1,A2;12,10,16,A1,A2'],
    'AT^SETPORT=?': ['^SETPORT:A1: CDROM', '^SETPORT:10: 4G MODEM', '^SETPORT:12: 4G PCUI', '^SETPORT:16: NCM'],
}
NOT_SUPPORTED = 'COMMAND NOT SUPPORT'


class ModemTranscript(TranscriptTransport):
    """Answers a chained line as a modem does: each command's lines in turn, and the first error ends the line."""

    def request(self, line, wait, timeout):
        self.sent.append(line)
        parts = [part if index == 0 else 'AT' + part for index, part in enumerate(line.split(';'))]
        text = ''
        for part in parts:
            answer = self.answers.get(part, NOT_SUPPORTED)
            if isinstance(answer, str):
                return text + '\r\n%s\r\n' % answer
            text += ''.join('\r\n%s\r\n' % item for item in answer)
        return text + '\r\nOK\r\n'


def read(changes=(), **options):
    """Readings of a modem that answers like HEALTHY except for ``changes`` (a dict; a string answer is a final error)."""
    answers = dict(HEALTHY, **dict(changes))
    transport = ModemTranscript({command: answer for command, answer in answers.items() if answer is not None})
    modem = HuaweiModem(AtClient(transport, timeout=1.0))
    options = dict({'cid': 1, 'apn': None, 'interface': 'lte1', 'transport': 'serial'}, **options)
    return diagnosis.read(modem, options, {'routeros': options.pop('routeros', None)}), transport


def diagnose(changes=(), **options):
    readings, transport = read(changes, **options)
    findings, steps = diagnosis.diagnose(readings)
    return [finding.as_dict() for finding in findings], steps, transport


def test_a_healthy_modem_costs_one_round_trip_and_only_reads():
    findings, steps, transport = diagnose()
    assert [finding['id'] for finding in findings] == ['not_connected']
    assert findings[0]['severity'] == 'info'
    assert len(transport.sent) == 1
    assert all(step['status'] != 'skipped' for step in steps if step['check'] != 'roaming')


# Each cause alone, as real firmware answers: the first finding, its evidence and the raw command of its remedy.
CAUSES = [
    ('sim_missing', {'AT+CPIN?': '+CME ERROR: 10', 'AT^CPIN?': '+CME ERROR: 10', 'AT+CSQ': '+CME ERROR: 10', 'AT^HCSQ?': '+CME ERROR: 10',
                     'AT+CREG?': ['+CREG: 0,0'], 'AT+CGREG?': ['+CGREG: 0,0'], 'AT+CEREG?': ['+CEREG: 0,0']},
     ['+CME ERROR: 10'], None),
    ('sim_pin', {'AT+CPIN?': ['+CPIN: SIM PIN'], 'AT^CPIN?': ['^CPIN: SIM PIN,3,10,3,10,3'], 'AT+CSQ': '+CME ERROR: SIM PIN required',
                 'AT^HCSQ?': '+CME ERROR: SIM PIN required', 'AT+CREG?': ['+CREG: 0,0'], 'AT+CGREG?': ['+CGREG: 0,0'], 'AT+CEREG?': ['+CEREG: 0,0']},
     ['+CPIN: SIM PIN', '^CPIN: SIM PIN,3,10,3,10,3'], 'AT+CPIN="<PIN>"'),
    ('sim_puk', {'AT+CPIN?': ['+CPIN: SIM PUK'], 'AT^CPIN?': ['^CPIN: SIM PUK,10,10,0,10,3'], 'AT+CSQ': '+CME ERROR: 12',
                 'AT^HCSQ?': '+CME ERROR: 12', 'AT+CREG?': ['+CREG: 0,0'], 'AT+CGREG?': ['+CGREG: 0,0'], 'AT+CEREG?': ['+CEREG: 0,0']},
     ['+CPIN: SIM PUK', '^CPIN: SIM PUK,10,10,0,10,3'], 'AT+CPIN="<PUK>","<new PIN>"'),
    ('sim_unusable', {'AT+CPIN?': '+CME ERROR: 13', 'AT^CPIN?': '+CME ERROR: 13', 'AT+CSQ': '+CME ERROR: 13', 'AT^HCSQ?': '+CME ERROR: 13',
                      'AT+CREG?': ['+CREG: 0,0'], 'AT+CGREG?': ['+CGREG: 0,0'], 'AT+CEREG?': ['+CEREG: 0,0']},
     ['+CME ERROR: 13'], None),
    ('sim_busy', {'AT+CPIN?': '+CME ERROR: 14', 'AT^CPIN?': '+CME ERROR: 14'}, ['+CME ERROR: 14'], None),
    ('cfun_not_full', {'AT+CFUN?': ['+CFUN: 4'], 'AT+CSQ': ['+CSQ: 99,99'], 'AT^HCSQ?': ['^HCSQ:"NOSERVICE"'],
                       'AT+CREG?': ['+CREG: 0,0'], 'AT+CGREG?': ['+CGREG: 0,0'], 'AT+CEREG?': ['+CEREG: 0,0']},
     ['+CFUN: 4'], 'AT+CFUN=1'),
    # The ME906s of the NO CARRIER report: software switch off...
    ('rf_software_off', {'AT^RFSWITCH?': ['^RFSWITCH: 0,1'], 'AT+CSQ': ['+CSQ: 99,99'], 'AT^HCSQ?': ['^HCSQ: "NOSERVICE"'],
                         'AT+CREG?': ['+CREG: 0,2'], 'AT+CGREG?': ['+CGREG: 0,2'], 'AT+CEREG?': ['+CEREG: 0,2']},
     ['^RFSWITCH: 0,1'], 'AT^RFSWITCH=1'),
    # ...or the laptop's W_DISABLE# pin low: +CSQ: 99,99 and +CREG: 0,2 as in the report.
    ('rf_hardware_off', {'AT^RFSWITCH?': ['^RFSWITCH: 1,0'], 'AT+CSQ': ['+CSQ: 99,99'], 'AT^HCSQ?': ['^HCSQ: "NOSERVICE"'],
                         'AT+CREG?': ['+CREG: 0,2'], 'AT+CGREG?': ['+CGREG: 0,2'], 'AT+CEREG?': ['+CEREG: 0,2']},
     ['^RFSWITCH: 1,0'], None),
    ('mode_without_band', {'AT^SYSCFGEX?': ['^SYSCFGEX: "03",3FFFFFFF,1,1,8000000'], 'AT+CSQ': ['+CSQ: 99,99'], 'AT^HCSQ?': ['^HCSQ: LTE,255,255,255,255'],
                           'AT+CREG?': ['+CREG: 0,2'], 'AT+CGREG?': ['+CGREG: 0,2'], 'AT+CEREG?': ['+CEREG: 0,2']},
     ['^SYSCFGEX: "03",3FFFFFFF,1,1,8000000', ME909U_TEST], 'AT^SYSCFGEX="99",3FFFFFFF,2,4,7FFFFFFFFFFFFFFF,,'),
    ('unsupported_bands', {'AT^SYSCFGEX?': ['^SYSCFGEX: "00",3FFFFFFF,1,1,8080000']},
     ['^SYSCFGEX: "00",3FFFFFFF,1,1,8080000', ME909U_TEST], 'AT^SYSCFGEX="99",3FFFFFFF,2,4,7FFFFFFFFFFFFFFF,,'),
    ('bands_restricted', {'AT^SYSCFGEX?': ['^SYSCFGEX: "03",3FFFFFFF,1,1,80000'], 'AT+CSQ': ['+CSQ: 99,99'], 'AT^HCSQ?': ['^HCSQ:"NOSERVICE"'],
                          'AT+CREG?': ['+CREG: 0,2'], 'AT+CGREG?': ['+CGREG: 0,2'], 'AT+CEREG?': ['+CEREG: 0,2']},
     ['^SYSCFGEX: "03",3FFFFFFF,1,1,80000', ME909U_TEST, '+CSQ: 99,99', '^HCSQ:"NOSERVICE"'], 'AT^SYSCFGEX="00",3FFFFFFF,2,4,7FFFFFFFFFFFFFFF,,'),
    # The MikroTik field report: a foreign SIM, the roam field off; the fix keeps every other field.
    ('roaming_off', {'AT^SYSCFGEX?': ['^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF'], 'AT+CREG?': ['+CREG: 0,3'],
                     'AT+CGREG?': ['+CGREG: 0,3'], 'AT+CEREG?': ['+CEREG: 0,3'], 'AT+CEER': ['+CEER: 13']},
     ['^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF', '+CREG: 0,3', '+CGREG: 0,3', '+CEREG: 0,3', '+CEER: 13'],
     'AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,'),
    ('no_signal', {'AT+CSQ': ['+CSQ: 99,99'], 'AT^HCSQ?': ['^HCSQ:"NOSERVICE"'],
                   'AT+CREG?': ['+CREG: 0,2'], 'AT+CGREG?': ['+CGREG: 0,2'], 'AT+CEREG?': ['+CEREG: 0,2']},
     ['+CSQ: 99,99', '^HCSQ:"NOSERVICE"'], None),
    # E3372h-607: RSRP -106 dBm, SINR -3.0 dB.
    ('weak_signal', {'AT^HCSQ?': ['^HCSQ:"LTE",48,35,86,14']}, ['^HCSQ:"LTE",48,35,86,14', '+CSQ: 20,99'], None),
    ('registration_denied', {'AT+CREG?': ['+CREG: 0,3'], 'AT+CGREG?': ['+CGREG: 0,3'], 'AT+CEREG?': ['+CEREG: 0,3'], 'AT+CEER': ['+CEER: 7']},
     ['+CREG: 0,3', '+CGREG: 0,3', '+CEREG: 0,3', '+CEER: 7'], None),
    ('registration_searching', {'AT+CREG?': ['+CREG: 0,2'], 'AT+CGREG?': ['+CGREG: 0,2'], 'AT+CEREG?': ['+CEREG: 0,2']},
     ['+CREG: 0,2', '+CGREG: 0,2', '+CEREG: 0,2'], None),
    ('not_registered', {'AT+CREG?': ['+CREG: 0,0'], 'AT+CGREG?': ['+CGREG: 0,0'], 'AT+CEREG?': ['+CEREG: 0,0']},
     ['+CREG: 0,0', '+CGREG: 0,0', '+CEREG: 0,0'], 'AT+COPS=0'),
    ('apn_missing', {'AT+CGDCONT?': []}, ['AT+CGDCONT? -> OK'], 'AT+CGDCONT=1,"IP","<APN of the SIM>"'),
    ('no_network_port', {'AT^SETPORT?': ['^SETPORT:FF;10,12']}, ['^SETPORT:FF;10,12'], 'AT^SETPORT="FF;10,12,16"'),
    ('dial_failed', {'AT^NDISSTATQRY?': ['^NDISSTATQRY: 0,33,,IPV4', '^NDISSTATQRY: 0,,,IPV6'], 'AT+CEER': ['+CEER: 33']},
     ['^NDISSTATQRY: 0,33,,IPV4', '^NDISSTATQRY: 0,,,IPV6', '+CEER: 33'], 'AT+CGDCONT=1,"IP","<APN of the SIM>"'),
    ('dhcp_missing', {'AT^NDISSTATQRY?': ['^NDISSTATQRY: 1,,,IPV4', '^NDISSTATQRY: 0,,,IPV6'], 'AT^DHCP?': 'ERROR'},
     ['^NDISSTATQRY: 1,,,IPV4', '^NDISSTATQRY: 0,,,IPV6', 'ERROR'], 'AT^NDISDUP=1,1'),
]


@pytest.mark.parametrize('cause, changes, evidence, command', CAUSES, ids=[case[0] for case in CAUSES])
def test_each_cause_alone_is_named_first(cause, changes, evidence, command):
    findings, steps, transport = diagnose(changes)
    first = findings[0]
    assert first['id'] == cause, [finding['id'] for finding in findings]
    assert first['evidence'] == evidence
    assert first['remedy']['command'] == command
    assert first['severity'] in diagnosis.UNHEALTHY
    assert [finding['id'] for finding in findings].count(cause) == 1


def test_an_unexpected_apn_is_named_with_the_one_expected_and_fix_may_set_it():
    findings, steps, transport = diagnose(apn='internet')
    first = findings[0]
    assert first['id'] == 'apn_wrong'
    assert first['cause'] == 'Context 1 asks for the APN internet.t-mobile, not internet.'
    assert first['remedy']['task'] == {'lte.modem.huawei_apn': {'cid': 1, 'apn': 'internet', 'pdp_type': 'ip'}}
    assert first['remedy']['command'] == 'AT+CGDCONT=1,"IP","internet"'
    assert first['remedy']['fix'] is True
    # APNs are case-insensitive
    assert diagnose(apn='Internet.T-Mobile')[0][0]['id'] == 'not_connected'


def test_a_missing_context_is_fixable_only_when_the_apn_is_known():
    assert diagnose({'AT+CGDCONT?': []})[0][0]['remedy']['fix'] is False
    findings = diagnose({'AT+CGDCONT?': []}, apn='internet', cid=1)[0]
    assert findings[0]['remedy']['fix'] is True


def test_radio_remedies_are_not_applied_while_the_hardware_switch_is_off():
    changes = {'AT^RFSWITCH?': ['^RFSWITCH: 0,0'], 'AT+CFUN?': ['+CFUN: 0'], 'AT+CSQ': ['+CSQ: 99,99'], 'AT^HCSQ?': ['^HCSQ:"NOSERVICE"']}
    findings, steps, transport = diagnose(changes)
    ids = [finding['id'] for finding in findings]
    assert ids[:4] == ['cfun_not_full', 'rf_software_off', 'rf_hardware_off', 'no_signal']
    assert [finding['remedy']['fix'] for finding in findings[:3]] == [False, False, False]


def test_a_denied_registration_for_another_reason_does_not_blame_roaming():
    changes = {'AT^SYSCFGEX?': ['^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF'], 'AT+CREG?': ['+CREG: 0,3'], 'AT+CGREG?': ['+CGREG: 0,3'],
               'AT+CEREG?': ['+CEREG: 0,3'], 'AT+CEER': ['+CEER: 3']}
    findings = diagnose(changes)[0]
    assert findings[0]['id'] == 'registration_denied'
    assert findings[0]['cause'] == 'The network denies registration (stat 3, reject cause 3 (Illegal MS)).'


def test_follow_up_reads_only_when_they_explain_something():
    healthy = diagnose()[2].sent
    assert not any('+CEER' in line or '^DHCP' in line for line in healthy)
    denied = diagnose({'AT+CREG?': ['+CREG: 0,3'], 'AT+CEER': ['+CEER: 11']})[2].sent
    assert denied[-1] == 'AT+CEER' and len(denied) == 2
    connected = {'AT^NDISSTATQRY?': ['^NDISSTATQRY: 1,,,IPV4'],
                 'AT^DHCP?': ['^DHCP: a3ec5c64,f8ffffff,a1ec5c64,a1ec5c64,0ab0a8c0,0bb0a8c0,150000000,50000000']}
    findings, steps, transport = diagnose(connected)
    assert findings == [] and transport.sent[-1] == 'AT^DHCP?'


def test_lte_firmware_that_prints_csq_99_is_not_without_signal():
    findings = diagnose({'AT+CSQ': ['+CSQ: 99,99']})[0]
    assert [finding['id'] for finding in findings] == ['not_connected']


def test_a_usb_stick_without_rf_switch_or_port_mode_skips_those_checks():
    findings, steps, transport = diagnose({'AT^RFSWITCH?': None, 'AT^SETPORT?': None, 'AT^SETPORT=?': None})
    assert [finding['id'] for finding in findings] == ['not_connected']
    skipped = {step['check']: step['reason'] for step in steps if step['status'] == 'skipped'}
    assert skipped['rf_switch'].startswith('AT^RFSWITCH? failed: the modem answered COMMAND NOT SUPPORT')
    assert 'port_mode' in skipped


def test_a_3g_modem_is_judged_on_syscfg():
    changes = {'AT^SYSCFGEX?': None, 'AT^SYSCFGEX=?': None, 'AT+CEREG?': None, 'AT^HCSQ?': None,
               'AT^SYSCFG?': ['^SYSCFG:2,2,3FFFFFFF,0,2'], 'AT^SYSCFG=?': ['^SYSCFG:(2,13,14,16),(0-3),((400380,"GSM900/GSM1800/WCDMA2100"),'
                                                                           '(3fffffff,"All bands")),(0-2),(0-4)'],
               'AT+CREG?': ['+CREG: 0,3'], 'AT+CGREG?': ['+CGREG: 0,3'], 'AT+CEER': ['+CEER: 13']}
    findings = diagnose(changes)[0]
    assert findings[0]['id'] == 'roaming_off'
    assert findings[0]['remedy']['command'] == 'AT^SYSCFG=2,2,3FFFFFFF,1,2'
    assert findings[0]['evidence'][0] == '^SYSCFG:2,2,3FFFFFFF,0,2'


def test_a_silent_port_is_a_finding_and_nothing_else_is_judged():
    readings, transport = read({command: '' for command in HEALTHY})
    transport.answers = {}
    transport.request = lambda line, wait, timeout: transport.sent.append(line) or ''
    findings, steps = diagnosis.diagnose(diagnosis.read(HuaweiModem(AtClient(transport, timeout=0.2)), readings.options, {}))
    assert [finding.id for finding in findings] == ['port_silent']
    assert findings[0].as_dict()['remedy']['task'] == {'lte.modem.huawei_ports': {}}
    assert {step['status'] for step in steps if step['check'] != 'port'} == {'skipped'}
    assert 'the port does not answer AT' in diagnosis.summary(findings, steps)


ROUTEROS = {'transport': 'routeros_api'}


def test_allow_roaming_on_the_router_is_judged_only_once_it_is_read():
    roaming = {'AT+CREG?': ['+CREG: 0,5'], 'AT+CGREG?': ['+CGREG: 0,5'], 'AT+CEREG?': ['+CEREG: 0,5']}
    findings, steps, transport = diagnose(roaming, **ROUTEROS)
    assert [step for step in steps if step['check'] == 'roaming'] == [{'check': 'roaming', 'status': 'passed'}]
    findings = diagnose(roaming, routeros={'allow_roaming': False}, **ROUTEROS)[0]
    assert findings[0]['id'] == 'routeros_roaming_off'
    assert findings[0]['remedy']['command'] == '/interface lte set [find name=lte1] allow-roaming=yes'
    assert diagnose(roaming, routeros={'allow_roaming': True}, **ROUTEROS)[0][0]['id'] == 'not_connected'
    # on a serial port the router's setting does not apply
    assert diagnose(roaming, routeros={'allow_roaming': False})[0][0]['id'] == 'not_connected'


def test_summary_names_the_root_cause_its_evidence_and_remedy():
    readings, transport = read(CAUSES[7][1])
    findings, steps = diagnosis.diagnose(readings)
    line = diagnosis.summary(findings, steps)
    assert line.startswith('ERROR rf_hardware_off: hardware RF switch off (W_DISABLE#) [^RFSWITCH: 1,0]. Release it on the host')
    assert line.endswith('Also: no_signal, registration_searching.')
    assert '\n' not in line
    healthy, steps = diagnosis.diagnose(read()[0])
    assert diagnosis.summary(healthy, steps) == 'Healthy: 11 of 11 checks found no cause of NO CARRIER; not connected (info)'
    assert diagnosis.healthy(healthy) and not diagnosis.healthy(findings)


def test_huawei_info_notes_come_from_the_same_checks():
    modem = HuaweiModem(AtClient(ModemTranscript(dict(HEALTHY, **CAUSES[7][1])), timeout=1.0))
    facts, notes = gather(modem, ['radio', 'signal'])
    assert [(note['subset'], note['finding'], note['command']) for note in notes] == [
        ('radio', 'rf_hardware_off', 'AT^RFSWITCH?'), ('signal', 'no_signal', 'AT+CSQ')]
    assert notes[0]['response'] == ['^RFSWITCH: 1,0'] and notes[0]['reason'].startswith('hardware RF switch off (W_DISABLE#): ')
    # only the queries gathered are judged: registration was not, so it is not a note
    facts, notes = gather(HuaweiModem(AtClient(ModemTranscript(HEALTHY), timeout=1.0)), list(SUBSET_NAMES))
    assert [note for note in notes if 'finding' in note] == []


def test_the_table_reads_only_what_the_diagnosis_asks():
    asked = set(diagnosis.READS) | {name for name, dummy in diagnosis.FOLLOW_UPS}
    for check in diagnosis.CHECKS:
        assert set(check.reads) <= asked, check.id
        assert {name for group in check.requires for name in group} <= asked | {'syscfg'}, check.id
    assert len(set(diagnosis.CHECK_IDS)) == len(diagnosis.CHECKS)
    assert all(QUERIES[name].prefix for name in diagnosis.READS)


def test_an_hcsq_without_any_measured_value_leaves_the_verdict_to_csq():
    unknown = {'AT^HCSQ?': ['^HCSQ: LTE,255,255,255,255']}
    assert diagnose(dict(unknown, **{'AT+CSQ': ['+CSQ: 99,99']}))[0][0]['id'] == 'no_signal'
    assert diagnose(unknown)[0][0]['id'] == 'not_connected'


def test_opening_the_mode_proposes_an_order_the_modem_lists():
    # E3272 firmware lists no automatic order, only combined ones
    e3272_test = ('^SYSCFGEX: ("030201","0302","03","99"),((2000004e80380,"GSM850/GSM900/GSM1800/GSM1900/WCDMA BCI/WCDMA BCII/WCDMA BCV/'
                  'WCDMA BCVIII"),(3fffffff,"All Bands")),(0-3),(0-4),((800c5,"LTE BC1/LTE BC3/LTE BC7/LTE BC8/LTE BC20"),'
                  '(7fffffffffffffff,"All Bands"))')
    changes = {'AT^SYSCFGEX?': ['^SYSCFGEX: "03",3FFFFFFF,1,1,80000'], 'AT^SYSCFGEX=?': [e3272_test], 'AT+CSQ': ['+CSQ: 99,99'],
               'AT^HCSQ?': ['^HCSQ:"NOSERVICE"'], 'AT+CREG?': ['+CREG: 0,2'], 'AT+CGREG?': ['+CGREG: 0,2'], 'AT+CEREG?': ['+CEREG: 0,2']}
    first = diagnose(changes)[0][0]
    assert first['id'] == 'bands_restricted'
    assert first['remedy']['task'] == {'lte.modem.huawei_syscfg': {'bands': ['all'], 'lte_bands': ['all'], 'mode_order': ['lte', 'wcdma', 'gsm']}}
    assert first['remedy']['command'] == 'AT^SYSCFGEX="030201",3FFFFFFF,2,4,7FFFFFFFFFFFFFFF,,'
