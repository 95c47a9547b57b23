# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""Huawei modem knowledge as data tables, plus small helpers that work on them.

Naming schemes:

* GSM/UMTS band bits of ``^SYSCFG``/``^SYSCFGEX``: ``GSM1800`` (DCS), ``EGSM900``, ``PGSM900``, ``GSM850``,
  ``RGSM900``, ``GSM1900`` (PCS), ``WCDMA_B1`` ... ``WCDMA_B19`` (the UMTS band number).
  The special masks are ``ANY`` (0x3FFFFFFF) and ``NO_CHANGE`` (0x40000000). A set bit
  that has no name is called ``BIT<n>`` (n = bit number, 0 = least significant).
* LTE band bits of ``^SYSCFGEX``: bit n-1 is ``B<n>`` for n = 1..64; ``ANY`` is 0x7FFFFFFFFFFFFFFF,
  ``NO_CHANGE`` is 0x40000000.
* ^SYSCFGEX RAT codes: ``auto`` (00), ``gsm``, ``wcdma``, ``lte``, ``cdma``, ``evdo``, ``nr``,
  ``no_change`` (99).
* ^SETPORT functions: snake_case of the Balong names without the "3G " prefix; 4G variants
  end in ``_4g`` (``pcui_4g`` for code 12).
"""

from __future__ import annotations

# --- +CFUN ----------------------------------------------------------------------------

CFUN_NAMES = {
    0: 'minimum',
    1: 'full',
    4: 'offline',
    5: 'ftm',
    6: 'reset',
    7: 'minimum_vodafone',
    8: 'power_off',
    10: 'fast_power_off',
    11: 'fast_power_on',
}
CFUN_CODES = {name: code for code, name in CFUN_NAMES.items()}

# --- +CPIN ----------------------------------------------------------------------------

CPIN_STATES = {
    'READY': 'ready',
    'SIM PIN': 'sim_pin',
    'SIM PUK': 'sim_puk',
    'SIM PIN2': 'sim_pin2',
    'SIM PUK2': 'sim_puk2',
    'PH-SIM PIN': 'ph_sim_pin',
    'PH-FSIM PIN': 'ph_fsim_pin',
    'PH-FSIM PUK': 'ph_fsim_puk',
    'PH-NET PIN': 'ph_net_pin',
    'PH-NET PUK': 'ph_net_puk',
    'PH-NETSUB PIN': 'ph_netsub_pin',
    'PH-NETSUB PUK': 'ph_netsub_puk',
    'PH-SP PIN': 'ph_sp_pin',
    'PH-SP PUK': 'ph_sp_puk',
    'PH-CORP PIN': 'ph_corp_pin',
    'PH-CORP PUK': 'ph_corp_puk',
}

# --- +CMEE ----------------------------------------------------------------------------

CMEE_MODES = {0: 'disabled', 1: 'numeric', 2: 'verbose'}

# --- +CREG / +CGREG / +CEREG ----------------------------------------------------------

# stat -> (name, registered, roaming)
REGISTRATION_STATES = {
    0: ('not_registered', False, False),
    1: ('registered_home', True, False),
    2: ('searching', False, False),
    3: ('denied', False, False),
    4: ('unknown', False, False),
    5: ('registered_roaming', True, True),
    6: ('registered_home_sms_only', True, False),
    7: ('registered_roaming_sms_only', True, True),
    8: ('emergency_only', False, False),
    9: ('registered_home_csfb_not_preferred', True, False),
    10: ('registered_roaming_csfb_not_preferred', True, True),
    11: ('attached_rlos', False, False),
}

# 3GPP 27.007 <AcT> of +CREG/+CGREG/+CEREG and +COPS
ACCESS_TECHNOLOGIES = {
    0: 'gsm',
    1: 'gsm_compact',
    2: 'utran',
    3: 'gsm_egprs',
    4: 'utran_hsdpa',
    5: 'utran_hsupa',
    6: 'utran_hsdpa_hsupa',
    7: 'eutran',
    8: 'ec_gsm_iot',
    9: 'eutran_nb_s1',
    10: 'eutran_5gcn',
    11: 'nr_5gcn',
    12: 'ng_ran',
    13: 'eutra_nr_dual',
}

COPS_MODES = {0: 'automatic', 1: 'manual', 2: 'deregister', 3: 'format_only', 4: 'manual_automatic'}
COPS_FORMATS = {0: 'long_alphanumeric', 1: 'short_alphanumeric', 2: 'numeric'}

# --- ^SYSINFO / ^SYSINFOEX ------------------------------------------------------------

SERVICE_STATUS = {
    0: 'no_service',
    1: 'restricted',
    2: 'valid',
    3: 'restricted_regional',
    4: 'power_saving',
}

SERVICE_DOMAIN_STATUS = {
    0: 'none',
    1: 'cs',
    2: 'ps',
    3: 'cs_ps',
    4: 'searching',
    255: 'not_applicable',
}

# roam_status -> roaming flag (2 = unknown on Balong phone builds)
ROAM_STATUS = {0: False, 1: True, 2: None}

SIM_STATES = {
    0: 'invalid',
    1: 'valid',
    2: 'cs_invalid',
    3: 'ps_invalid',
    4: 'cs_ps_invalid',
    240: 'romsim',
    255: 'absent',
}

SYSINFO_SYSMODES = {
    0: 'NO SERVICE',
    1: 'AMPS',
    2: 'CDMA',
    3: 'GSM/GPRS',
    4: 'HDR',
    5: 'WCDMA',
    6: 'GPS',
    7: 'GSM/WCDMA',
    8: 'CDMA/HDR HYBRID',
    15: 'TD-SCDMA',
}

SYSINFO_SUBMODES = {
    0: 'NO SERVICE',
    1: 'GSM',
    2: 'GPRS',
    3: 'EDGE',
    4: 'WCDMA',
    5: 'HSDPA',
    6: 'HSUPA',
    7: 'HSDPA&HSUPA',
    8: 'TD-SCDMA',
    9: 'HSPA+',
    17: 'HSPA+(64QAM)',
    18: 'HSPA+(MIMO)',
}

SYSINFOEX_SYSMODES = {
    0: 'NO SERVICE',
    1: 'GSM',
    2: 'CDMA',
    3: 'WCDMA',
    4: 'TD-SCDMA',
    5: 'WIMAX',
    6: 'LTE',
}

SYSINFOEX_SUBMODES = {
    0: 'NO SERVICE',
    1: 'GSM',
    2: 'GPRS',
    3: 'EDGE',
    21: 'IS95A',
    22: 'IS95B',
    23: 'CDMA2000 1X',
    24: 'EVDO Rel0',
    25: 'EVDO RelA',
    26: 'EVDO RelB',
    27: 'HYBRID(CDMA2000 1X)',
    28: 'HYBRID(EVDO Rel0)',
    29: 'HYBRID(EVDO RelA)',
    30: 'HYBRID(EVDO RelB)',
    41: 'WCDMA',
    42: 'HSDPA',
    43: 'HSUPA',
    44: 'HSPA',
    45: 'HSPA+',
    46: 'DC-HSPA+',
    61: 'TD-SCDMA',
    62: 'HSDPA',
    63: 'HSUPA',
    64: 'HSPA',
    65: 'HSPA+',
    81: '802.16e',
    101: 'LTE',
}

# --- ^SYSCFGEX ------------------------------------------------------------------------

ACQORDER_AUTO = '00'
ACQORDER_NO_CHANGE = '99'

SYSCFGEX_RATS = {
    '00': 'auto',
    '01': 'gsm',
    '02': 'wcdma',
    '03': 'lte',
    '04': 'cdma',
    '07': 'evdo',
    '08': 'nr',
    '99': 'no_change',
}
SYSCFGEX_RAT_CODES = {name: code for code, name in SYSCFGEX_RATS.items()}

# RATs that cannot be combined with any other entry of the order
ACQORDER_STANDALONE = frozenset(('auto', 'no_change'))

# <srvdomain> of ^SYSCFGEX / ^SYSCFG (5 = NULL exists on ^SYSCFGEX only)
SERVICE_DOMAINS = {0: 'cs_only', 1: 'ps_only', 2: 'cs_ps', 3: 'any', 4: 'no_change', 5: 'null'}
SERVICE_DOMAIN_CODES = {name: code for code, name in SERVICE_DOMAINS.items()}

# <roam> (0 off, 1 on, 2 no change; with the roam-feature NV 3 = domestic and international off)
ROAM_VALUES = {0: 'disabled', 1: 'enabled', 2: 'no_change', 3: 'all_disabled'}
ROAM_CODES = {name: code for code, name in ROAM_VALUES.items()}
ROAM_ALLOWED = {0: False, 1: True, 2: None, 3: False}

# --- ^SYSCFG --------------------------------------------------------------------------

SYSCFG_MODES = {
    2: 'auto',
    3: 'cdma',
    4: 'hdr',
    8: 'cdma_hdr_hybrid',
    13: 'gsm_only',
    14: 'wcdma_only',
    16: 'no_change',
}
SYSCFG_MODE_CODES = {name: code for code, name in SYSCFG_MODES.items()}

SYSCFG_ACQORDERS = {0: 'auto', 1: 'gsm_first', 2: 'wcdma_first', 3: 'no_change'}
SYSCFG_ACQORDER_CODES = {name: code for code, name in SYSCFG_ACQORDERS.items()}

# What ModemManager assumes when ^SYSCFG=? answers nothing (E220)
SYSCFG_TEST_DEFAULT_MODES = (2, 13, 14, 16)
SYSCFG_TEST_DEFAULT_ACQORDERS = (0, 1, 2, 3)

# --- Band masks -----------------------------------------------------------------------

BAND_ANY_NAME = 'ANY'
BAND_NO_CHANGE_NAME = 'NO_CHANGE'

GSM_UMTS_BAND_ANY = 0x3FFFFFFF
GSM_UMTS_BAND_NO_CHANGE = 0x40000000

GSM_UMTS_BANDS = {
    'GSM1800': 0x80,
    'EGSM900': 0x100,
    'PGSM900': 0x200,
    'WCDMA_B7': 0x10000,
    'GSM850': 0x80000,
    'RGSM900': 0x100000,
    'GSM1900': 0x200000,
    'WCDMA_B1': 0x400000,
    'WCDMA_B2': 0x800000,
    'WCDMA_B3': 0x1000000,
    'WCDMA_B4': 0x2000000,
    'WCDMA_B5': 0x4000000,
    'WCDMA_B6': 0x8000000,
    'WCDMA_B8': 0x2000000000000,
    'WCDMA_B9': 0x4000000000000,
    'WCDMA_B19': 0x1000000000000000,
    'WCDMA_B11': 0x2000000000000000,
}
GSM_UMTS_BAND_BITS = {mask: name for name, mask in GSM_UMTS_BANDS.items()}

LTE_BAND_ANY = 0x7FFFFFFFFFFFFFFF
LTE_BAND_NO_CHANGE = 0x40000000
LTE_BAND_MAX = 64

# --- ^SETPORT -------------------------------------------------------------------------

# (code, function name, Balong label on LTE builds)
SETPORT_FUNCTION_TABLE = (
    ('A1', 'cdrom', 'CDROM'),
    ('A2', 'sd', 'SD'),
    ('A3', 'rndis', 'RNDIS'),
    ('A', 'bluetooth', 'BLUE TOOTH'),
    ('B', 'finger_print', 'FINGER PRINT'),
    ('D', 'mms', 'MMS'),
    ('E', 'pc_voice', '3G PC VOICE'),
    ('1', 'modem', '3G MODEM'),
    ('2', 'pcui', '3G PCUI'),
    ('3', 'diag', '3G DIAG'),
    ('4', 'pcsc', 'PCSC'),
    ('5', 'gps', '3G GPS'),
    ('6', 'gps_control', 'GPS CONTROL'),
    ('7', 'ndis', '3G NDIS'),
    ('10', 'modem_4g', '4G MODEM'),
    ('11', 'ndis_4g', '4G NDIS'),
    ('12', 'pcui_4g', '4G PCUI'),
    ('13', 'diag_4g', '4G DIAG'),
    ('14', 'gps_4g', '4G GPS'),
    ('15', 'pc_voice_4g', '4G PCVOICE'),
    ('16', 'ncm', 'NCM'),
)
SETPORT_FUNCTIONS = {code: name for code, name, dummy in SETPORT_FUNCTION_TABLE}
SETPORT_CODES = {name: code for code, name, dummy in SETPORT_FUNCTION_TABLE}
SETPORT_LABELS = {code: label for code, dummy, label in SETPORT_FUNCTION_TABLE}

SETPORT_NO_FIRST = 'FF'
SETPORT_FIRST_ALLOWED = frozenset(('A1', 'A2'))
PCUI_PORT_CODES = frozenset(('2', '12'))
AT_CAPABLE_PORT_CODES = frozenset(('1', '2', '10', '12'))

# --- ^HCSQ ----------------------------------------------------------------------------

# sysmode -> names of the values that follow it, in order
HCSQ_FIELDS = {
    'NOSERVICE': (),
    'GSM': ('rssi_dbm',),
    'WCDMA': ('rssi_dbm', 'rscp_dbm', 'ecio_db'),
    'LTE': ('rssi_dbm', 'rsrp_dbm', 'sinr_db', 'rsrq_db'),
}

# value name -> (largest valid raw value, offset, step): decoded = offset + raw * step;
# raw values above the maximum (255) mean unknown.
HCSQ_DECODING = {
    'rssi_dbm': (96, -121, 1),
    'rscp_dbm': (96, -121, 1),
    'rsrp_dbm': (97, -141, 1),
    'sinr_db': (251, -20.2, 0.2),
    'rsrq_db': (34, -20.0, 0.5),
    'ecio_db': (65, -32.5, 0.5),
}

# +CSQ <rssi>: dBm = offset + raw * step for 0..31; 99 = unknown
CSQ_RSSI_DECODING = (31, -113, 2)

# --- ^NDISDUP / ^NDISSTAT -------------------------------------------------------------

NDIS_STATES = {0: 'disconnected', 1: 'connected', 2: 'connecting', 3: 'disconnecting'}

PDP_TYPES = ('IP', 'IPV6', 'IPV4V6', 'PPP')

NDISDUP_AUTH = {0: 'none', 1: 'pap', 2: 'chap', 3: 'mschapv2'}
NDISDUP_AUTH_CODES = {name: code for code, name in NDISDUP_AUTH.items()}

# 3GPP 24.008 session-management cause numbers, as reported in <err> of ^NDISSTAT. 0 is not
# a 24.008 cause: Huawei firmware reports it when the radio is off or there is no service
# (an ME906s with its hardware RF switch off reports ^NDISSTAT: 0,0,,"IPV4").
SM_CAUSES = {
    0: 'no cause given; the modem reports this with the radio off or without service',
    8: 'Operator determined barring',
    24: 'MBMS bearer capabilities insufficient for the service',
    25: 'LLC or SNDCP failure',
    26: 'Insufficient resources',
    27: 'Missing or unknown APN',
    28: 'Unknown PDP address or PDP type',
    29: 'User authentication failed',
    30: 'Activation rejected by GGSN, Serving GW or PDN GW',
    31: 'Activation rejected, unspecified',
    32: 'Service option not supported',
    33: 'Requested service option not subscribed',
    34: 'Service option temporarily out of order',
    35: 'NSAPI already used',
    36: 'Regular deactivation',
    37: 'QoS not accepted',
    38: 'Network failure',
    39: 'Reactivation requested',
    40: 'Feature not supported',
    41: 'Semantic error in the TFT operation',
    42: 'Syntactical error in the TFT operation',
    43: 'Unknown PDP context',
    44: 'Semantic errors in packet filter(s)',
    45: 'Syntactical errors in packet filter(s)',
    46: 'PDP context without TFT already activated',
    50: 'PDP type IPv4 only allowed',
    51: 'PDP type IPv6 only allowed',
    52: 'Single address bearers only allowed',
    81: 'Invalid transaction identifier value',
    95: 'Semantically incorrect message',
    96: 'Invalid mandatory information',
    97: 'Message type non-existent or not implemented',
    98: 'Message type not compatible with the protocol state',
    99: 'Information element non-existent or not implemented',
    100: 'Conditional IE error',
    101: 'Message not compatible with the protocol state',
    111: 'Protocol error, unspecified',
    112: 'APN restriction value incompatible with active PDP context',
    113: 'Multiple accesses to a PDN connection not allowed',
}

# --- ^CURC report bits ----------------------------------------------------------------

CURC_MODES = {0: 'disabled', 1: 'enabled', 2: 'custom'}

CURC_REPORT_BITS = {
    0: '^MODE',
    1: '^RSSI',
    2: '^REJINFO',
    3: '^SRVST',
    4: '^PLMNSELEINFO',
    5: '^SIMST',
    6: '^TIME',
    8: '^ANLEVEL',
    11: '^SMMEMFULL',
    12: '^ELEVATOR',
    19: '+CTZV',
    22: '^DSFLOWRPT',
    24: '^ORIG',
    25: '^CONF',
    26: '^CONN',
    27: '^CEND',
    29: '^STIN',
    48: '^CERSSI',
    49: '^LWURC',
    50: '^XLEMA',
    51: '^ACINFO',
    52: '^PLMN',
    53: '^CALLSTATE',
}


# --- Helpers --------------------------------------------------------------------------


def _set_bits(mask):
    """Return the bit numbers set in ``mask``, lowest first."""
    return [bit for bit in range(mask.bit_length()) if mask >> bit & 1]


def _named_mask(name, special):
    """Return the mask of a special band name (ANY / NO_CHANGE) or None."""
    return special.get(name.upper())


def _parse_bit_name(name):
    """Return n for a name ``BIT<n>``, else None."""
    upper = name.upper()
    if upper.startswith('BIT') and upper[3:].isdigit():
        return int(upper[3:])
    return None


def parse_hex_mask(text):
    """Return the int value of a hex band mask as printed (with or without 0x; empty -> None)."""
    value = text.strip().strip('"').strip()
    if value[:2].lower() == '0x':
        value = value[2:]
    if not value:
        return None
    try:
        return int(value, 16)
    except ValueError:
        raise ValueError('not a hex band mask: %r' % text) from None


def format_hex_mask(mask):
    """Return ``mask`` as the upper-case hex a set command takes (no 0x)."""
    return '%X' % mask


def gsm_umts_mask_to_names(mask):
    """Return the GSM/UMTS band names of ``mask`` (``['ANY']`` / ``['NO_CHANGE']`` for the special masks)."""
    specials = {GSM_UMTS_BAND_ANY: [BAND_ANY_NAME], GSM_UMTS_BAND_NO_CHANGE: [BAND_NO_CHANGE_NAME]}
    if mask in specials:
        return list(specials[mask])
    return [GSM_UMTS_BAND_BITS.get(1 << bit, 'BIT%d' % bit) for bit in _set_bits(mask)]


def gsm_umts_names_to_mask(names):
    """Return the ^SYSCFG(EX) GSM/UMTS mask for band names; ValueError for an unknown name."""
    specials = {BAND_ANY_NAME: GSM_UMTS_BAND_ANY, BAND_NO_CHANGE_NAME: GSM_UMTS_BAND_NO_CHANGE}
    mask = 0
    for name in names:
        upper = str(name).upper()
        special = _named_mask(upper, specials)
        bit = _parse_bit_name(upper)
        if special is not None:
            mask |= special
        elif upper in GSM_UMTS_BANDS:
            mask |= GSM_UMTS_BANDS[upper]
        elif bit is not None:
            mask |= 1 << bit
        else:
            raise ValueError('unknown GSM/UMTS band %r; known: %s' % (name, ', '.join(sorted(GSM_UMTS_BANDS))))
    return mask


def lte_band_name(number):
    """Return the name ``B<n>`` of E-UTRA band ``number`` (1..64)."""
    if not 1 <= number <= LTE_BAND_MAX:
        raise ValueError('LTE band number out of range 1-%d: %r' % (LTE_BAND_MAX, number))
    return 'B%d' % number


def lte_band_number(name):
    """Return the E-UTRA band number of a name ``B20`` / ``b20`` / ``20`` / 20; ValueError otherwise."""
    text = str(name).strip().upper()
    if text.startswith('B'):
        text = text[1:]
    if not text.isdigit() or not 1 <= int(text) <= LTE_BAND_MAX:
        raise ValueError('unknown LTE band %r; use B1 .. B%d' % (name, LTE_BAND_MAX))
    return int(text)


def lte_mask_to_names(mask):
    """Return the LTE band names of ``mask`` (``['ANY']`` / ``['NO_CHANGE']`` for the special masks)."""
    specials = {LTE_BAND_ANY: [BAND_ANY_NAME], LTE_BAND_NO_CHANGE: [BAND_NO_CHANGE_NAME]}
    if mask in specials:
        return list(specials[mask])
    return [lte_band_name(bit + 1) for bit in _set_bits(mask) if bit < LTE_BAND_MAX]


def lte_names_to_mask(names):
    """Return the ^SYSCFGEX LTE mask for band names (``B1``, 20, ``ANY``); ValueError for an unknown name."""
    specials = {BAND_ANY_NAME: LTE_BAND_ANY, BAND_NO_CHANGE_NAME: LTE_BAND_NO_CHANGE}
    mask = 0
    for name in names:
        special = _named_mask(str(name), specials)
        mask |= special if special is not None else 1 << (lte_band_number(name) - 1)
    return mask


def acqorder_to_mode_order(acqorder):
    """Return the RAT names of a ^SYSCFGEX acqorder string (``'030201'`` -> lte, wcdma, gsm); ValueError if unknown."""
    text = acqorder.strip().strip('"')
    if not text or len(text) % 2:
        raise ValueError('acqorder must be a non-empty sequence of 2-digit codes: %r' % acqorder)
    codes = [text[pos:pos + 2] for pos in range(0, len(text), 2)]
    unknown = [code for code in codes if code not in SYSCFGEX_RATS]
    if unknown:
        raise ValueError('unknown RAT code(s) %s in acqorder %r' % (', '.join(unknown), acqorder))
    return [SYSCFGEX_RATS[code] for code in codes]


def mode_order_to_acqorder(mode_order):
    """Return the ^SYSCFGEX acqorder string for RAT names (``['lte', 'wcdma']`` -> ``'0302'``); ValueError if invalid."""
    names = [str(name).strip().lower() for name in mode_order]
    unknown = [name for name in names if name not in SYSCFGEX_RAT_CODES]
    if unknown or not names:
        raise ValueError('unknown RAT name(s) %r; known: %s' % (unknown, ', '.join(sorted(SYSCFGEX_RAT_CODES))))
    if len(set(names)) != len(names):
        raise ValueError('a RAT may appear only once in the mode order: %r' % (mode_order,))
    if len(names) > 1 and ACQORDER_STANDALONE.intersection(names):
        raise ValueError('auto and no_change cannot be combined with other RATs: %r' % (mode_order,))
    return ''.join(SYSCFGEX_RAT_CODES[name] for name in names)


def setport_function(code):
    """Return the function name of a ^SETPORT port code (the code itself when unknown)."""
    return SETPORT_FUNCTIONS.get(code.upper(), code.upper())


def setport_code(name_or_code):
    """Return the ^SETPORT code for a function name or code (``pcui_4g`` / ``12``); ValueError if unknown."""
    text = str(name_or_code).strip()
    if text.upper() in SETPORT_FUNCTIONS:
        return text.upper()
    if text.lower() in SETPORT_CODES:
        return SETPORT_CODES[text.lower()]
    raise ValueError('unknown ^SETPORT port %r; known codes: %s' % (name_or_code, ', '.join(SETPORT_FUNCTIONS)))


def normalize_port_mode(text):
    """Return (first, rewind) code lists of a ^SETPORT mode string ``"A1,A2;12,10"``; ValueError if invalid."""
    value = text.strip().strip('"')
    if value.count(';') != 1:
        raise ValueError('a port mode has the form "<first>;<rewind>": %r' % text)
    first_text, rewind_text = value.split(';')
    first = [item.strip().upper() for item in first_text.split(',') if item.strip()]
    rewind = [setport_code(item) for item in rewind_text.split(',') if item.strip()]
    if first == [SETPORT_NO_FIRST]:
        first = []
    if not set(first) <= SETPORT_FIRST_ALLOWED:
        raise ValueError('the first composition may only hold A1 and A2 (or FF): %r' % text)
    if not rewind or len(set(rewind)) != len(rewind):
        raise ValueError('the second composition must list each port once: %r' % text)
    return first, rewind


def format_port_mode(first, rewind):
    """Return the ^SETPORT set string for code lists (empty first -> ``FF``)."""
    return '%s;%s' % (','.join(first) or SETPORT_NO_FIRST, ','.join(rewind))


def decode_hcsq_value(key, raw):
    """Return the dBm/dB value of one raw ^HCSQ number (None when unknown / out of range)."""
    maximum, offset, step = HCSQ_DECODING[key]
    if not 0 <= raw <= maximum:
        return None
    value = offset + raw * step
    return int(value) if isinstance(value, int) else round(value, 1)


def csq_rssi_dbm(raw):
    """Return the dBm of a +CSQ <rssi> value (None for 99 / unknown)."""
    maximum, offset, step = CSQ_RSSI_DECODING
    return offset + raw * step if 0 <= raw <= maximum else None


def curc_mask_to_reports(mask):
    """Return the URC names enabled by a ^CURC <report_cfg> mask (unnamed bits as ``BIT<n>``)."""
    return [CURC_REPORT_BITS.get(bit, 'BIT%d' % bit) for bit in _set_bits(mask)]
