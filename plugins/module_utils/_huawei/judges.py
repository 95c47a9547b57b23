# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The judges of the NO CARRIER checks: small pure functions of what the modem answered.

A judge takes the ``Readings`` of one diagnosis and returns None when its cause is absent, or a
dict of details when it is present (the details fill the cause's text and remedy; ``evidence``,
when given, names the queries whose lines prove it, else the check's own reads do). A judge runs
only once the queries its check requires have answered, so it never guards against their absence.
"""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._huawei import tables

# +CME ERROR codes +CPIN? answers with when the SIM cannot be asked.
SIM_NOT_INSERTED = 10
SIM_BUSY = 14
SIM_UNUSABLE_ERRORS = {13: 'SIM failure', 15: 'SIM wrong'}
# +CPIN states that only guard a few files of the SIM: the network is served all the same.
SIM_SERVING_STATES = frozenset(('ready', 'sim_pin2', 'sim_puk2'))

# 3GPP 24.008 (MM/GMM) and 24.301 (EMM) reject causes, as +CEER reports them after a denied registration.
REJECT_CAUSES = {
    2: 'IMSI unknown in HLR',
    3: 'Illegal MS',
    4: 'IMSI unknown in VLR',
    5: 'IMEI not accepted',
    6: 'Illegal ME',
    7: 'GPRS (EPS) services not allowed',
    8: 'GPRS and non-GPRS services not allowed',
    9: 'MS identity cannot be derived by the network',
    10: 'Implicitly detached',
    11: 'PLMN not allowed',
    12: 'Location area not allowed',
    13: 'Roaming not allowed in this location area',
    14: 'GPRS services not allowed in this PLMN',
    15: 'No suitable cells in location area',
    17: 'Network failure',
    22: 'Congestion',
    111: 'Protocol error, unspecified',
}
# Reject causes a foreign network gives a SIM that may not roam there.
ROAMING_REJECT_CAUSES = frozenset((11, 13))

# Registration stats (+CREG/+CGREG/+CEREG) by what they tell.
DENIED, SEARCHING = 3, 2

# Below these a link is unreliable (cell edge): dBm or dB per ^HCSQ system mode, and the +CSQ RSSI.
WEAK_SIGNAL = {
    'LTE': (('rsrp_dbm', -115, 'RSRP', 'dBm'), ('sinr_db', 0, 'SINR', 'dB')),
    'WCDMA': (('rscp_dbm', -105, 'RSCP', 'dBm'), ('ecio_db', -15, 'Ec/Io', 'dB')),
    'GSM': (('rssi_dbm', -100, 'RSSI', 'dBm'),),
}
WEAK_CSQ_DBM = -100
NO_SERVICE_SYSMODE = 'NOSERVICE'
NO_CSQ_SIGNAL = 99

# ^SETPORT functions that give the host a network interface, the one to propose first.
NETWORK_PORT_CODES = ('16', '11', '7', 'A3')

# RATs a ^SYSCFGEX mode order can enable, and the band-name prefixes of each in the GSM/UMTS mask.
GSM_BAND_PREFIXES = ('GSM', 'EGSM', 'PGSM', 'RGSM')
WCDMA_BAND_PREFIX = 'WCDMA_'
SYSCFG_MODE_RATS = {2: ('auto',), 13: ('gsm',), 14: ('wcdma',)}


# --- Readings helpers -------------------------------------------------------------------------


def registrations(readings):
    """The parsed +CREG/+CGREG/+CEREG values that answered."""
    return [value for value in (readings.value(name) for name in ('creg', 'cgreg', 'cereg')) if value is not None]


def registered(readings):
    return any(domain['registered'] for domain in registrations(readings))


def reject_cause(readings):
    """The cause +CEER gave (asked only after a denied registration or a failed dial), else None."""
    report = readings.value('ceer')
    return None if report is None else report['cause']


def described(cause, table):
    """``13 (Roaming not allowed in this location area)``; ``unknown`` when the modem gave none."""
    if cause is None:
        return 'not given by the modem'
    return '%d (%s)' % (cause, table.get(cause, 'no 3GPP meaning known'))


def syscfg_of(readings):
    """(command, current value, supported value) of ^SYSCFGEX, or of ^SYSCFG on 3G-only modems; (None, None, None) without either."""
    for command, current, supported in (('^SYSCFGEX', 'syscfgex', 'syscfgex_test'), ('^SYSCFG', 'syscfg', 'syscfg_test')):
        if readings.value(current) is not None:
            return command, readings.value(current), readings.value(supported) or {}
    return None, None, None


def radio_on(readings):
    """CFUN full and no RF switch known to be off (the radio can hear cells)."""
    cfun, switch = readings.value('cfun'), readings.value('rfswitch')
    return bool(cfun and cfun['code'] == 1 and (switch is None or switch['radio_on']))


def hears_nothing(readings):
    """No cell heard: ^HCSQ says NOSERVICE, or without a measured ^HCSQ value, +CSQ says 99.

    ^HCSQ decides when it measured something, because LTE firmware may print +CSQ: 99,99 while camped on LTE.
    """
    hcsq = readings.value('hcsq')
    if hcsq is not None and (hcsq['sysmode'] == NO_SERVICE_SYSMODE or _measured(hcsq)):
        return hcsq['sysmode'] == NO_SERVICE_SYSMODE
    csq = readings.value('csq')
    return csq is not None and csq['rssi'] == NO_CSQ_SIGNAL


def _measured(hcsq):
    """Whether ^HCSQ gave at least one value (255 means unknown)."""
    return any(hcsq.get(key) is not None for key in tables.HCSQ_FIELDS.get(hcsq['sysmode'], ()))


def families(readings):
    """{family: state} of the context the diagnosis is about (lines without a cid are that context)."""
    cid = readings.option('cid')
    return {family: state for family, state in (readings.value('ndisstat') or {}).items() if state.get('cid', cid) == cid}


# --- Port and SIM -------------------------------------------------------------------------------


def port_silent(readings):
    port = readings.input('port')
    if port['answered']:
        return None
    return {'waited': port['waited'], 'evidence_lines': port['received']}


def sim_missing(readings):
    return {} if readings.error_code('cpin') == SIM_NOT_INSERTED else None


def sim_state_is(state, counter):
    """A judge: the SIM asks for ``state``; ``attempts`` left from ^CPIN where the modem tells them."""
    def judge(readings):
        cpin = readings.value('cpin')
        if cpin is None or cpin['state'] != state:
            return None
        attempts = (readings.value('cpin_counts') or {}).get(counter)
        return {'attempts': 'unknown' if attempts is None else attempts}
    return judge


def sim_unusable(readings):
    code = readings.error_code('cpin')
    if code in SIM_UNUSABLE_ERRORS:
        return {'reason': '+CME ERROR: %d, %s' % (code, SIM_UNUSABLE_ERRORS[code])}
    cpin = readings.value('cpin')
    if cpin is None or (cpin['state'] in SIM_SERVING_STATES | {'sim_pin', 'sim_puk'}):
        return None
    return {'reason': 'it asks for %s' % cpin['status']}


def sim_busy(readings):
    return {} if readings.error_code('cpin') == SIM_BUSY else None


# --- Radio --------------------------------------------------------------------------------------


def cfun_not_full(readings):
    cfun = readings.value('cfun')
    if cfun['code'] == 1:
        return None
    return {'level': '%d (%s)' % (cfun['code'], cfun['functionality'] or 'unknown level')}


def rf_software_off(readings):
    return None if readings.value('rfswitch')['software'] else {}


def rf_hardware_off(readings):
    return {} if readings.value('rfswitch')['hardware'] is False else None


# --- Mode and bands -----------------------------------------------------------------------------


class Bands:
    """The bands of one RAT: ``chosen`` (None for the any mask) and ``supported`` (None when the modem lists only "All Bands")."""

    __slots__ = ('chosen', 'supported')

    def __init__(self, chosen, supported):
        self.chosen = chosen
        self.supported = supported

    @property
    def usable(self):
        if self.chosen is None:
            return True
        return bool(self.chosen if self.supported is None else self.chosen & self.supported)

    @property
    def unsupported(self):
        if self.chosen is None or self.supported is None:
            return 0
        return self.chosen & ~self.supported

    @property
    def narrowed(self):
        return self.chosen is not None and (self.supported is None or self.chosen & self.supported != self.supported)


def _gsm_umts_split(mask):
    """(GSM bits, WCDMA bits) of a ^SYSCFG(EX) GSM/UMTS mask; (None, None) for the any mask."""
    if mask == tables.GSM_UMTS_BAND_ANY:
        return None, None
    gsm = sum(bit for name, bit in tables.GSM_UMTS_BANDS.items() if mask & bit and name.startswith(GSM_BAND_PREFIXES))
    wcdma = sum(bit for name, bit in tables.GSM_UMTS_BANDS.items() if mask & bit and name.startswith(WCDMA_BAND_PREFIX))
    return gsm, wcdma


def _listed(entries, any_mask):
    """The union of the masks a test command lists, None when it lists only the any mask (or nothing)."""
    union = 0
    for entry in entries or ():
        mask = tables.parse_hex_mask(entry['mask'])
        union |= 0 if mask in (None, any_mask) else mask
    return union or None


def band_plan(readings, enabled_only=True):
    """({rat: Bands} of the RATs the mode order enables, or of every RAT the modem has; the mode order as RAT names).

    ``auto`` enables every RAT the modem has: GSM and WCDMA, and LTE where ^SYSCFGEX prints an LTE
    field or lists LTE bands.
    """
    command, current, supported = syscfg_of(readings)
    chosen = _gsm_umts_split(tables.parse_hex_mask(current['band']) or 0)
    listed = _listed(supported.get('bands'), tables.GSM_UMTS_BAND_ANY)
    offered = (None, None) if listed is None else _gsm_umts_split(listed)
    plan = {'gsm': Bands(chosen[0], offered[0]), 'wcdma': Bands(chosen[1], offered[1])}
    if command == '^SYSCFGEX':
        lteband = tables.parse_hex_mask(current['lteband'] or '')
        if lteband is not None or supported.get('lte_bands'):
            plan['lte'] = Bands(None if lteband == tables.LTE_BAND_ANY else lteband or 0, _listed(supported.get('lte_bands'), tables.LTE_BAND_ANY))
        order = current['mode_order']
    else:
        order = list(SYSCFG_MODE_RATS.get(current['mode'], ('auto',)))
    return {rat: bands for rat, bands in plan.items() if not enabled_only or rat in order or order == ['auto']}, order


def mode_without_band(readings):
    plan, order = band_plan(readings)
    empty = [rat for rat, bands in plan.items() if not bands.usable]
    # In auto mode a RAT without bands is simply not used; it matters only when no RAT is left.
    if not empty or order == ['auto'] and len(empty) < len(plan):
        return None
    return {'rats': ', '.join(rat.upper() for rat in empty), 'mode_order': ', '.join(order)}


def unsupported_bands(readings):
    plan, dummy = band_plan(readings)
    names = [name for rat, bands in plan.items() if bands.unsupported
             for name in (tables.lte_mask_to_names if rat == 'lte' else tables.gsm_umts_mask_to_names)(bands.unsupported)]
    return {'bands': ', '.join(names)} if names else None


def bands_restricted(readings):
    # Only a hint while the radio is on and hears nothing: the restriction may exclude the local network's bands.
    plan, order = band_plan(readings)
    narrowed = [rat.upper() for rat, bands in plan.items() if bands.narrowed]
    if not radio_on(readings) or not hears_nothing(readings) or order == ['auto'] and not narrowed:
        return None
    return {'mode_order': ', '.join(order), 'narrowed': ', '.join(narrowed) or 'none', 'setting': syscfg_of(readings)[0]}


# --- Roaming ------------------------------------------------------------------------------------


def _denied_for_roaming(readings):
    """Every domain unregistered, one denied, and the reject cause (if the modem gave one) is a roaming one."""
    domains = registrations(readings)
    cause = reject_cause(readings)
    return (not registered(readings) and any(domain['stat'] == DENIED for domain in domains)
            and (cause is None or cause in ROAMING_REJECT_CAUSES))


def roaming_off(readings):
    command, current, dummy = syscfg_of(readings)
    if current['roaming'] is not False or not _denied_for_roaming(readings):
        return None
    return {'reject': described(reject_cause(readings), REJECT_CAUSES), 'setting': command}


def routeros_roaming_off(readings):
    settings = readings.input('routeros')
    if settings.get('allow_roaming') is not False:
        return None
    roaming_now = any(domain['registered'] and domain['roaming'] for domain in registrations(readings))
    if not roaming_now and not _denied_for_roaming(readings):
        return None
    registration = readings.evidence(('creg', 'cgreg', 'cereg'))
    return {'interface': readings.option('interface'), 'evidence_lines': ['allow-roaming=no'] + registration}


# --- Signal and registration --------------------------------------------------------------------


def no_signal(readings):
    return {} if hears_nothing(readings) else None


def weak_signal(readings):
    hcsq = readings.value('hcsq')
    if hcsq is not None and _measured(hcsq):
        weak = ['%s %s %s' % (label, hcsq[key], unit) for key, limit, label, unit in WEAK_SIGNAL.get(hcsq['sysmode'], ())
                if hcsq.get(key) is not None and hcsq[key] < limit]
        return {'values': ', '.join(weak), 'sysmode': hcsq['sysmode']} if weak else None
    csq = readings.value('csq') or {}
    if csq.get('rssi_dbm') is not None and csq['rssi_dbm'] < WEAK_CSQ_DBM:
        return {'values': 'RSSI %d dBm' % csq['rssi_dbm'], 'sysmode': 'CSQ'}
    return None


def registration_is(stats, exclude=()):
    """A judge: no domain registered, one has a stat of ``stats`` and none a stat of ``exclude``."""
    def judge(readings):
        domains = registrations(readings)
        found = [domain['stat'] for domain in domains]
        if registered(readings) or not set(found) & set(stats) or set(found) & set(exclude):
            return None
        return {'reject': described(reject_cause(readings), REJECT_CAUSES)}
    return judge


# --- APN ----------------------------------------------------------------------------------------


def context(readings):
    """The +CGDCONT entry of the context the diagnosis is about, or None."""
    cid = readings.option('cid')
    return next((entry for entry in readings.value('cgdcont') if entry['cid'] == cid), None)


def apn_missing(readings):
    return {'cid': readings.option('cid')} if context(readings) is None else None


def apn_wrong(readings):
    entry, expected = context(readings), readings.option('apn')
    if entry is None or expected is None or entry['apn'].lower() == expected.lower():
        return None
    return {'cid': entry['cid'], 'apn': entry['apn'] or '(empty: the network default)', 'expected': expected}


def apn_options(readings):
    """huawei_apn's options that set the expected APN on the context and keep its PDP type (None without an expected APN)."""
    expected = readings.option('apn')
    if expected is None:
        return None
    entry = context(readings)
    return {'cid': readings.option('cid'), 'apn': expected, 'pdp_type': (entry['pdp_type'] if entry else 'IP').lower()}


# --- Data call and port mode --------------------------------------------------------------------


def dial_failed(readings):
    failed = {family: state for family, state in families(readings).items() if state['state'] != 'connected' and state['error'] is not None}
    if not failed:
        return None
    cause = sorted({state['error'] for state in failed.values()})[0]
    return {'cid': readings.option('cid'), 'families': ', '.join(sorted(failed)), 'cause': cause,
            'meaning': described(cause, tables.SM_CAUSES)}


def _connected_ipv4(readings):
    return families(readings).get('IPV4', {}).get('state') == 'connected'


def dhcp_missing(readings):
    if not _connected_ipv4(readings):
        return None
    dhcp = readings.value('dhcp')
    if dhcp is not None and dhcp['address'] != '0.0.0.0':
        return None
    return {'cid': readings.option('cid'), 'evidence': ('ndisstat', 'dhcp')}


def not_connected(readings):
    states = families(readings).values()
    if any(state['state'] == 'connected' or state['error'] is not None for state in states):
        return None
    return {'cid': readings.option('cid')}


def no_network_port(readings):
    setport = readings.value('setport')
    if any(code in NETWORK_PORT_CODES for code in setport['rewind']):
        return None
    offered = [port['code'] for port in readings.value('setport_test') or ()]
    code = next((code for code in NETWORK_PORT_CODES if code in offered), NETWORK_PORT_CODES[0])
    wanted = tables.format_port_mode(setport['first'], setport['rewind'] + [code])
    return {'mode': setport['mode'], 'wanted': wanted, 'function': tables.setport_function(code), 'evidence': ('setport',)}
