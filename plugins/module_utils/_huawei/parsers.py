# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""Pure parsers: the answer lines of one AT command -> JSON-friendly dicts and lists.

Every ``parse_*`` function takes ``lines`` (``AtResult.lines``: answer lines without echo,
URCs, empty lines or the final result) and raises ``ParseError`` on text it cannot read.
Every variant real firmware prints is accepted: a space or none after the colon, quoted or
unquoted fields, upper- or lower-case hex, ``0x`` prefixes, optional trailing fields.
"""

from __future__ import annotations

import functools
import ipaddress
import re

from ansible_collections.lte.modem.plugins.module_utils._errors import ParseError
from ansible_collections.lte.modem.plugins.module_utils._huawei import tables


# --- Shared helpers -------------------------------------------------------------------


def _prefix_re(*names):
    """Return a regex matching any of the command prefixes ``names`` plus the colon (case-insensitive)."""
    return re.compile(r'^(?:%s)\s*:\s*' % '|'.join(re.escape(name) for name in names), re.IGNORECASE)


_ATI_LINE_RE = re.compile(r'^(Manufacturer|Model|Revision|IMEI|\+GCAP)\s*:\s*(.*)$', re.IGNORECASE)
_ANY_PREFIX_RE = re.compile(r'^[+^][A-Za-z0-9]+\s*:\s*')
_URC_RE = re.compile(r'^([+^][A-Za-z0-9_]+)\s*:\s*(.*)$')
_SETPORT_TEST_RE = re.compile(r'^([0-9A-Za-z]+)\s*:\s*(.*)$')
_ICCID_RE = re.compile(r'^[0-9A-Fa-f]{10,22}$')
_HEX_RE = re.compile(r'^(?:0[xX])?([0-9A-Fa-f]{1,8})$')
_PDP_FAMILY_RE = re.compile(r'^IPV4V6$|^IPV4$|^IPV6$', re.IGNORECASE)
_STAT_RE = re.compile(r'^(?:0|[1-9][0-9]?)$')

_FHVER_RE = _prefix_re('^FHVER')
_ICCID_PREFIX_RE = _prefix_re('^ICCID', '+ICCID', '+CCID')
_CPIN_RE = _prefix_re('+CPIN', '^CPIN')
_CFUN_RE = _prefix_re('+CFUN')
_CLCK_RE = _prefix_re('+CLCK')
_RFSWITCH_RE = _prefix_re('^RFSWITCH')
_CSQ_RE = _prefix_re('+CSQ')
_HCSQ_RE = _prefix_re('^HCSQ')
_CREG_RE = _prefix_re('+CREG', '+CGREG', '+CEREG', '+C5GREG')
_COPS_RE = _prefix_re('+COPS')
_SYSCFGEX_RE = _prefix_re('^SYSCFGEX')
_SYSCFG_RE = _prefix_re('^SYSCFG')
_CGDCONT_RE = _prefix_re('+CGDCONT')
_SETPORT_RE = _prefix_re('^SETPORT')
_NDISSTAT_RE = _prefix_re('^NDISSTATQRY', '^NDISSTATEX', '^NDISSTAT')
_DHCP_RE = _prefix_re('^DHCP')
_DHCPV6_RE = _prefix_re('^DHCPV6')
_SYSINFOEX_RE = _prefix_re('^SYSINFOEX')
_SYSINFO_RE = _prefix_re('^SYSINFO')
_CMEE_RE = _prefix_re('+CMEE')
_CURC_RE = _prefix_re('^CURC')
_CEER_RE = _prefix_re('+CEER')


def _clean(lines):
    """Return the stripped, non-empty lines (a single string is split into lines first)."""
    if isinstance(lines, str):
        lines = lines.splitlines()
    return [line.strip() for line in lines if line and line.strip()]


def _parser(what):
    """Decorate a parser: clean its lines; text it cannot read raises ParseError(what, lines), never anything else."""
    def decorate(func):
        @functools.wraps(func)
        def wrapper(lines, *args, **kwargs):
            try:
                return func(_clean(lines), *args, **kwargs)
            except (ValueError, IndexError, KeyError, TypeError, AttributeError) as exc:
                raise ParseError(what, _clean(lines), reason=str(exc)) from exc
        return wrapper
    return decorate


def split_fields(text):
    """Split ``text`` at commas that are outside double quotes and parentheses; fields are stripped."""
    fields, current, depth, quoted = [], [], 0, False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char == '(':
            depth += 1
        elif not quoted and char == ')':
            depth -= 1
        elif char == ',' and not quoted and depth == 0:
            fields.append(''.join(current).strip())
            current = []
            continue
        current.append(char)
    if quoted or depth:
        raise ValueError('unbalanced quotes or parentheses in %r' % text)
    fields.append(''.join(current).strip())
    return fields


def unquote(field):
    """Return ``field`` stripped of whitespace and one pair of surrounding double quotes."""
    value = field.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    return value


def _strip_parens(text):
    """Return ``text`` without one pair of surrounding parentheses (stripped)."""
    value = text.strip()
    if value.startswith('(') and value.endswith(')'):
        return value[1:-1].strip()
    return value


def _bodies(lines, prefix_re):
    """Return the text after the prefix of every line; ValueError if a line lacks the prefix."""
    bodies = []
    for line in lines:
        match = prefix_re.match(line)
        if not match:
            raise ValueError('unexpected line %r' % line)
        bodies.append(line[match.end():].strip())
    return bodies


def _body(lines, prefix_re):
    """Return the text after the prefix of the first line that has it; ValueError if none has."""
    for line in lines:
        match = prefix_re.match(line)
        if match:
            return line[match.end():].strip()
    raise ValueError('no line with the expected prefix')


def _fields(lines, prefix_re, minimum=1):
    """Return the split fields of the first prefixed line; ValueError if fewer than ``minimum``."""
    fields = split_fields(_body(lines, prefix_re))
    if len(fields) < minimum or fields == ['']:
        raise ValueError('expected at least %d fields' % minimum)
    return fields


def _int(field):
    """Return the int of a (possibly quoted) decimal field; ValueError otherwise."""
    return int(unquote(field), 10)


def _opt_int(fields, index):
    """Return the int of ``fields[index]``, or None when the field is missing or empty."""
    if index >= len(fields) or not unquote(fields[index]):
        return None
    return _int(fields[index])


def _opt_str(fields, index):
    """Return the unquoted ``fields[index]``, or None when missing or empty."""
    if index >= len(fields):
        return None
    return unquote(fields[index]) or None


def _int_list(text):
    """Return the ints of a list like ``(0-2)``, ``(2,13,14,16)`` or ``0,3-4`` (ranges expanded)."""
    values = []
    for item in _strip_parens(text).split(','):
        item = unquote(item)
        if not item:
            continue
        low, dummy, high = item.partition('-')
        values.extend(range(int(low), int(high or low) + 1))
    return values


def _band_list(text):
    """Return ``[{'mask', 'names'}]`` of a test group ``((mask,"names"),(...))`` (empty group -> [])."""
    entries = []
    for item in split_fields(_strip_parens(text)):
        if not item:
            continue
        parts = split_fields(_strip_parens(item))
        tables.parse_hex_mask(parts[0])
        entries.append({'mask': unquote(parts[0]), 'names': unquote(parts[1]) if len(parts) > 1 else ''})
    return entries


def _join_wrapped(lines):
    """Join an answer wrapped over several lines: a break inside quotes was a space, elsewhere nothing (RouterOS wraps long at-chat output)."""
    text, quoted = [], False
    for char in '\n'.join(lines):
        if char == '"':
            quoted = not quoted
        if char == '\n':
            char = ' ' if quoted else ''
        text.append(char)
    return ''.join(text)


def _mask_names(field, to_names):
    """Band names of a printed hex mask; an empty field (some firmware leaves it out) names none."""
    mask = tables.parse_hex_mask(field)
    return [] if mask is None else to_names(mask)


def _pad(items, count):
    """Return the first ``count`` items, padded with empty strings when fewer were printed."""
    return list(items[:count]) + [''] * (count - len(items[:count]))


def _lookup(table, code):
    """Return ``table[code]`` or None when the code is unknown."""
    return table.get(code)


# --- Identification -------------------------------------------------------------------


@_parser('ATI')
def parse_ati(lines):
    """ATI -> {'manufacturer', 'model', 'revision', 'imei', 'gcap': [...]} (only keys present)."""
    result = {}
    for line in lines:
        match = _ATI_LINE_RE.match(line)
        if match:
            key = match.group(1).lower().lstrip('+')
            value = match.group(2).strip()
            result[key] = [item.strip() for item in value.split(',') if item.strip()] if key == 'gcap' else value
    if not result:
        raise ValueError('no identification lines')
    return result


@_parser('a plain value (+CGMI/+CGMM/+CGMR/+CGSN/+CIMI)')
def parse_plain_value(lines, prefix=None):
    """+CGMI/+CGMM/+CGMR/+CGSN/+CIMI -> the value of the first line (an echoed ``<prefix>:`` is dropped)."""
    line = lines[0]
    prefix_re = _prefix_re(prefix) if prefix else _ANY_PREFIX_RE
    match = prefix_re.match(line)
    value = unquote(line[match.end():] if match else line)
    if not value:
        raise ValueError('empty value')
    return value


@_parser('AT^FHVER')
def parse_fhver(lines):
    """^FHVER -> {'product', 'software', 'hardware'} (hardware only when printed)."""
    text = unquote(_body(lines, _FHVER_RE))
    version, comma, hardware = text.partition(',')
    product, dummy, software = version.strip().rpartition(' ')
    if not product or not software:
        raise ValueError('no product/software in %r' % text)
    result = {'product': product.strip(), 'software': software.strip()}
    if comma:
        result['hardware'] = unquote(hardware)
    return result


@_parser('AT^ICCID?')
def parse_iccid(lines):
    """^ICCID? (or a bare ICCID line) -> the ICCID string as printed."""
    line = lines[0]
    match = _ICCID_PREFIX_RE.match(line)
    value = unquote(line[match.end():] if match else line)
    if not _ICCID_RE.match(value):
        raise ValueError('not an ICCID: %r' % value)
    return value


# --- SIM, power, RF -------------------------------------------------------------------


@_parser('AT+CPIN?')
def parse_cpin(lines):
    """+CPIN? / ^CPIN? -> {'status', 'ready', 'state'} (+ pin/puk retries from ^CPIN)."""
    fields = _fields(lines, _CPIN_RE)
    status = ' '.join(unquote(fields[0]).upper().split())
    if not status:
        raise ValueError('empty PIN status')
    result = {'status': status, 'ready': status == 'READY', 'state': _lookup(tables.CPIN_STATES, status)}
    if len(fields) >= 6:
        keys = ('puk_retries', 'pin_retries', 'puk2_retries', 'pin2_retries')
        result.update((key, _opt_int(fields, index)) for index, key in enumerate(keys, 2))
    return result


@_parser('AT+CLCK="SC",2')
def parse_clck(lines):
    """+CLCK: <status>[,<class>] (facility lock status) -> {'enabled'} (the first line; one per class on some firmware)."""
    status = _int(_fields(lines, _CLCK_RE)[0])
    if status not in (0, 1):
        raise ValueError('lock status %d is neither 0 nor 1' % status)
    return {'enabled': status == 1}


@_parser('AT+CFUN?')
def parse_cfun(lines):
    """+CFUN? -> {'code', 'functionality'} (functionality None for codes outside the table)."""
    code = _int(_fields(lines, _CFUN_RE)[0])
    return {'code': code, 'functionality': _lookup(tables.CFUN_NAMES, code)}


@_parser('AT^RFSWITCH?')
def parse_rfswitch(lines):
    """^RFSWITCH? -> {'software', 'hardware', 'radio_on'}; 1 = radio allowed (hardware None if not printed)."""
    fields = _fields(lines, _RFSWITCH_RE)
    software = bool(_int(fields[0]))
    hardware = _opt_int(fields, 1)
    hardware = None if hardware is None else bool(hardware)
    return {'software': software, 'hardware': hardware, 'radio_on': software and hardware is not False}


# --- Signal ---------------------------------------------------------------------------


@_parser('AT+CSQ')
def parse_csq(lines):
    """+CSQ -> {'rssi', 'ber', 'rssi_dbm'} (rssi_dbm None for 99)."""
    fields = _fields(lines, _CSQ_RE, 2)
    rssi = _int(fields[0])
    return {'rssi': rssi, 'ber': _int(fields[1]), 'rssi_dbm': tables.csq_rssi_dbm(rssi)}


@_parser('AT^HCSQ?')
def parse_hcsq(lines):
    """^HCSQ -> {'sysmode', 'raw': [ints], plus rssi_dbm/rsrp_dbm/sinr_db/rsrq_db/rscp_dbm/ecio_db per sysmode}."""
    fields = _fields(lines, _HCSQ_RE)
    sysmode = unquote(fields[0]).upper().replace(' ', '')
    if not sysmode:
        raise ValueError('empty sysmode')
    raw = [_int(field) for field in fields[1:] if field]
    result = {'sysmode': sysmode, 'raw': raw}
    names = tables.HCSQ_FIELDS.get(sysmode, ())
    result.update((name, None) for name in names)
    result.update((name, tables.decode_hcsq_value(name, value)) for name, value in zip(names, raw))
    return result


# --- Registration ---------------------------------------------------------------------


def _is_creg_query_form(fields):
    """Tell the query form ``<n>,<stat>[,<lac>,<ci>[,<AcT>]]`` from the URC form ``<stat>[,<lac>,<ci>[,<AcT>]]``.

    Two fields are always ``<n>,<stat>`` and one or three always a URC. With four or more the
    second field decides: a quoted or long/zero-padded value is a lac (URC), a bare stat number
    means the query form (E160G prints the lac unquoted: ``+CREG: 2,1,8BE3,2BAF``).
    """
    if len(fields) in (1, 3):
        return False
    if len(fields) == 2:
        return True
    second = fields[1]
    return bool(_STAT_RE.match(second)) and int(second) in tables.REGISTRATION_STATES


@_parser('AT+CREG?/+CGREG?/+CEREG?')
def parse_creg(lines):
    """+CREG/+CGREG/+CEREG (query or URC) -> {'n', 'stat', 'status', 'registered', 'roaming', 'lac', 'ci', 'act', 'technology'}."""
    fields = _fields(lines, _CREG_RE)
    offset = 1 if _is_creg_query_form(fields) else 0
    stat = _int(fields[offset])
    status, registered, roaming = tables.REGISTRATION_STATES.get(stat, (None, False, False))
    act = _opt_int(fields, offset + 3)
    return {
        'n': _int(fields[0]) if offset else None,
        'stat': stat,
        'status': status,
        'registered': registered,
        'roaming': roaming,
        'lac': _opt_str(fields, offset + 1),
        'ci': _opt_str(fields, offset + 2),
        'act': act,
        'technology': _lookup(tables.ACCESS_TECHNOLOGIES, act),
    }


@_parser('AT+COPS?')
def parse_cops(lines):
    """+COPS? -> {'mode', 'format', 'operator', 'act', 'technology'}."""
    fields = _fields(lines, _COPS_RE)
    act = _opt_int(fields, 3)
    return {
        'mode': _int(fields[0]),
        'format': _opt_int(fields, 1),
        'operator': _opt_str(fields, 2),
        'act': act,
        'technology': _lookup(tables.ACCESS_TECHNOLOGIES, act),
    }


def _sys_status(fields, sim_index):
    """Return the keys ^SYSINFO and ^SYSINFOEX share (service, domain, roaming, SIM)."""
    srv_status, srv_domain, roam = _int(fields[0]), _int(fields[1]), _int(fields[2])
    sim_state = _int(fields[sim_index])
    return {
        'srv_status': srv_status,
        'service_status': _lookup(tables.SERVICE_STATUS, srv_status),
        'srv_domain': srv_domain,
        'service_domain': _lookup(tables.SERVICE_DOMAIN_STATUS, srv_domain),
        'roam_status': roam,
        'roaming': _lookup(tables.ROAM_STATUS, roam),
        'sim_state': sim_state,
        'sim_status': _lookup(tables.SIM_STATES, sim_state),
    }


@_parser('AT^SYSINFOEX')
def parse_sysinfoex(lines):
    """^SYSINFOEX -> {service/domain/roaming/sim keys, 'lock_state', 'sysmode', 'sysmode_name', 'submode', 'submode_name'}."""
    fields = _fields(lines, _SYSINFOEX_RE, 6)
    result = _sys_status(fields, 3)
    sysmode, submode = _int(fields[5]), _opt_int(fields, 7)
    result.update({
        'lock_state': _opt_int(fields, 4),
        'sysmode': sysmode,
        'sysmode_name': _opt_str(fields, 6) or _lookup(tables.SYSINFOEX_SYSMODES, sysmode),
        'submode': submode,
        'submode_name': _opt_str(fields, 8) or _lookup(tables.SYSINFOEX_SUBMODES, submode),
    })
    return result


@_parser('AT^SYSINFO')
def parse_sysinfo(lines):
    """^SYSINFO -> {service/domain/roaming/sim keys, 'sysmode', 'sysmode_name', 'lock_state', 'submode', 'submode_name'}."""
    fields = _fields(lines, _SYSINFO_RE, 5)
    result = _sys_status(fields, 4)
    sysmode, submode = _int(fields[3]), _opt_int(fields, 6)
    result.update({
        'lock_state': _opt_int(fields, 5),
        'sysmode': sysmode,
        'sysmode_name': _lookup(tables.SYSINFO_SYSMODES, sysmode),
        'submode': submode,
        'submode_name': _lookup(tables.SYSINFO_SUBMODES, submode),
    })
    return result


# --- Mode and band selection ----------------------------------------------------------


def _domain_keys(roam, srvdomain):
    """Return the roam/srvdomain keys ^SYSCFG and ^SYSCFGEX share."""
    return {
        'roam': roam,
        'roaming': _lookup(tables.ROAM_ALLOWED, roam),
        'srvdomain': srvdomain,
        'service_domain': _lookup(tables.SERVICE_DOMAINS, srvdomain),
    }


@_parser('AT^SYSCFGEX?')
def parse_syscfgex(lines):
    """^SYSCFGEX? -> {'acqorder', 'mode_order', 'band', 'bands', 'roam', 'roaming', 'srvdomain', 'service_domain', 'lteband', 'lte_bands', 'fields'}."""
    printed = _pad(_fields(lines, _SYSCFGEX_RE, 4), 5)
    fields = [unquote(printed[0])] + printed[1:]
    acqorder, band, roam, srvdomain, lteband = fields
    result = {
        'acqorder': acqorder,
        'mode_order': tables.acqorder_to_mode_order(acqorder),
        'band': band,
        'bands': _mask_names(band, tables.gsm_umts_mask_to_names),
        'lteband': lteband,
        'lte_bands': _mask_names(lteband, tables.lte_mask_to_names),
        'fields': fields,
    }
    result.update(_domain_keys(_int(roam), _int(srvdomain)))
    return result


@_parser('AT^SYSCFGEX=?')
def parse_syscfgex_test(lines):
    """^SYSCFGEX=? -> {'acqorders', 'bands': [{'mask', 'names'}], 'roam', 'srvdomain', 'lte_bands': [{'mask', 'names'}]}."""
    groups = _pad(split_fields(_body([_join_wrapped(lines)], _SYSCFGEX_RE)), 5)
    return {
        'acqorders': [unquote(item) for item in split_fields(_strip_parens(groups[0])) if item],
        'bands': _band_list(groups[1]),
        'roam': _int_list(groups[2]),
        'srvdomain': _int_list(groups[3]),
        'lte_bands': _band_list(groups[4]),
    }


@_parser('AT^SYSCFG?')
def parse_syscfg(lines):
    """^SYSCFG? -> {'mode', 'mode_name', 'acqorder', 'acqorder_name', 'band', 'bands', 'roam', 'roaming', 'srvdomain', 'service_domain', 'fields'}."""
    fields = _fields(lines, _SYSCFG_RE, 5)[:5]
    mode, acqorder = _int(fields[0]), _int(fields[1])
    result = {
        'mode': mode,
        'mode_name': _lookup(tables.SYSCFG_MODES, mode),
        'acqorder': acqorder,
        'acqorder_name': _lookup(tables.SYSCFG_ACQORDERS, acqorder),
        'band': fields[2],
        'bands': _mask_names(fields[2], tables.gsm_umts_mask_to_names),
        'fields': fields,
    }
    result.update(_domain_keys(_int(fields[3]), _int(fields[4])))
    return result


@_parser('AT^SYSCFG=?')
def parse_syscfg_test(lines):
    """^SYSCFG=? -> {'modes', 'acqorders', 'bands': [{'mask', 'names'}], 'roam', 'srvdomain', 'assumed'}."""
    body = _body([_join_wrapped(lines)], _SYSCFG_RE) if lines else ''
    if not body:
        # E220 answers nothing although ^SYSCFG works; assume what ModemManager assumes
        return {
            'modes': list(tables.SYSCFG_TEST_DEFAULT_MODES),
            'acqorders': list(tables.SYSCFG_TEST_DEFAULT_ACQORDERS),
            'bands': [], 'roam': [], 'srvdomain': [], 'assumed': True,
        }
    groups = _pad(split_fields(body), 5)
    return {
        'modes': _int_list(groups[0]),
        'acqorders': _int_list(groups[1]),
        'bands': _band_list(groups[2]),
        'roam': _int_list(groups[3]),
        'srvdomain': _int_list(groups[4]),
        'assumed': False,
    }


# --- PDP contexts ---------------------------------------------------------------------


@_parser('AT+CGDCONT?')
def parse_cgdcont(lines):
    """+CGDCONT? -> [{'cid', 'pdp_type', 'apn', 'address', 'extra'}] (empty list when no lines)."""
    contexts = []
    for body in _bodies(lines, _CGDCONT_RE):
        fields = split_fields(body)
        contexts.append({
            'cid': _int(fields[0]),
            'pdp_type': (_opt_str(fields, 1) or '').upper(),
            'apn': _opt_str(fields, 2) or '',
            'address': _opt_str(fields, 3),
            'extra': fields[4:],
        })
    return contexts


@_parser('AT+CGDCONT=?')
def parse_cgdcont_test(lines):
    """+CGDCONT=? -> {'cids': [ints], 'cid_min', 'cid_max', 'pdp_types': [...]}."""
    cids, pdp_types = set(), []
    for body in _bodies(lines, _CGDCONT_RE):
        fields = split_fields(body)
        cids.update(_int_list(fields[0]))
        pdp_type = _opt_str(fields, 1)
        if pdp_type and pdp_type.upper() not in pdp_types:
            pdp_types.append(pdp_type.upper())
    if not cids:
        raise ValueError('no cid range')
    return {'cids': sorted(cids), 'cid_min': min(cids), 'cid_max': max(cids), 'pdp_types': pdp_types}


# --- USB composition ------------------------------------------------------------------


def _port_codes(text):
    """Return the upper-case port codes of a comma-separated ^SETPORT list."""
    return [item.strip().upper() for item in text.split(',') if item.strip()]


@_parser('AT^SETPORT?')
def parse_setport(lines):
    """^SETPORT? -> {'first', 'rewind', 'mode' (``FF`` for an empty first list), 'functions'}."""
    text = unquote(_body(lines, _SETPORT_RE))
    if text.count(';') != 1:
        raise ValueError('no "<first>;<rewind>" in %r' % text)
    first_text, rewind_text = text.split(';')
    first = [code for code in _port_codes(first_text) if code != tables.SETPORT_NO_FIRST]
    rewind = _port_codes(rewind_text)
    if not rewind:
        raise ValueError('empty second composition')
    return {
        'first': first,
        'rewind': rewind,
        'mode': tables.format_port_mode(first, rewind),
        'functions': [tables.setport_function(code) for code in rewind],
    }


@_parser('AT^SETPORT=?')
def parse_setport_test(lines):
    """^SETPORT=? -> [{'code', 'name' (as printed), 'function' (table name or None)}]."""
    ports = []
    for body in _bodies(lines, _SETPORT_RE):
        match = _SETPORT_TEST_RE.match(body)
        if not match:
            raise ValueError('not a port line: %r' % body)
        code = match.group(1).upper()
        ports.append({'code': code, 'name': match.group(2).strip(), 'function': _lookup(tables.SETPORT_FUNCTIONS, code)})
    return ports


# --- Data connection ------------------------------------------------------------------


def _ndis_group(group, line_cid):
    """Return (family, state dict, cid) of one ``[<cid>,]<stat>[,<err>[,<wx>]],<type>`` group."""
    family = unquote(group[-1]).upper()
    values = group[:-1]
    cid = line_cid
    if len(values) == 4:
        # Balong phone/multi-NDIS builds put the <cid> first
        cid, values = _int(values[0]), values[1:]
    if not 1 <= len(values) <= 3:
        raise ValueError('unexpected ^NDISSTAT group %r' % group)
    stat, error = _int(values[0]), _opt_int(values, 1)
    state = {'stat': stat, 'state': _lookup(tables.NDIS_STATES, stat), 'error': error,
             'error_text': _lookup(tables.SM_CAUSES, error)}
    if cid is not None:
        state['cid'] = cid
    return family, state, cid


def _ndis_line(fields):
    """Return [(family, state)] of one ^NDISSTAT(QRY/EX) line."""
    ends = [index for index, field in enumerate(fields) if _PDP_FAMILY_RE.match(unquote(field))]
    if not ends:
        # E353 `^NDISSTATQry:1`: no family printed, IPv4 assumed
        return [_ndis_group(fields + ['IPV4'], None)[:2]]
    if ends[-1] != len(fields) - 1:
        raise ValueError('fields after the last PDP type: %r' % fields)
    result, start, cid = [], 0, None
    for end in ends:
        family, state, cid = _ndis_group(fields[start:end + 1], cid)
        result.append((family, state))
        start = end + 1
    return result


@_parser('AT^NDISSTATQRY?')
def parse_ndisstat(lines):
    """^NDISSTATQRY? / ^NDISSTAT / ^NDISSTATEX -> {'IPV4'|'IPV6': {'stat', 'state', 'error', 'error_text'[, 'cid']}}."""
    families = {}
    for body in _bodies(lines, _NDISSTAT_RE):
        families.update(_ndis_line(split_fields(body)))
    if not families:
        raise ValueError('no connection state')
    return families


def decode_le_hex_ipv4(text):
    """Return 'a.b.c.d' of a ^DHCP little-endian hex address (``a3ec5c64``, ``0x...``, ``1010A0A``, ``0``)."""
    match = _HEX_RE.match(unquote(text))
    if not match:
        raise ValueError('not a little-endian hex IPv4 address: %r' % text)
    return str(ipaddress.IPv4Address(int(match.group(1), 16).to_bytes(4, 'little')))


def encode_le_hex_ipv4(address, upper=False):
    """Return the 8-digit little-endian hex form ^DHCP prints for 'a.b.c.d' (inverse of decode_le_hex_ipv4)."""
    value = int.from_bytes(ipaddress.IPv4Address(address).packed, 'little')
    return ('%08X' if upper else '%08x') % value


def _prefix_length(netmask):
    """Return the prefix length of a contiguous netmask (IPv4 or IPv6 text), else None."""
    mask = ipaddress.ip_address(netmask)
    width = mask.max_prefixlen
    length = bin(int(mask)).count('1')
    contiguous = ((1 << length) - 1) << (width - length)
    return length if int(mask) == contiguous else None


def _address_keys(addresses, rates):
    """Return the keys ^DHCP and ^DHCPV6 share from six addresses and the rate fields."""
    return {
        'address': addresses[0],
        'netmask': addresses[1],
        'gateway': addresses[2],
        'dhcp_server': addresses[3],
        'dns': addresses[4:6],
        'prefix_length': _prefix_length(addresses[1]),
        'max_rx_bps': _opt_int(rates, 0),
        'max_tx_bps': _opt_int(rates, 1),
    }


@_parser('AT^DHCP?')
def parse_dhcp(lines):
    """^DHCP? -> {'address', 'netmask', 'gateway', 'dhcp_server', 'dns': [p, s], 'prefix_length', 'max_rx_bps', 'max_tx_bps'}."""
    fields = _fields(lines, _DHCP_RE, 6)
    return _address_keys([decode_le_hex_ipv4(field) for field in fields[:6]], fields[6:8])


@_parser('AT^DHCPV6?')
def parse_dhcpv6(lines):
    """^DHCPV6? -> {'address', 'netmask', 'gateway', 'dhcp_server', 'dns': [p, s], 'prefix_length', 'max_rx_bps', 'max_tx_bps'}."""
    fields = _fields(lines, _DHCPV6_RE, 6)
    addresses = [str(ipaddress.IPv6Address(unquote(field) or '::')) for field in fields[:6]]
    return _address_keys(addresses, fields[6:8])


# --- Error reports --------------------------------------------------------------------


@_parser('AT+CEER')
def parse_ceer(lines):
    """+CEER -> {'cause': the first plain number (None when there is none), 'report': the text as printed}."""
    # Firmware prints a bare cause (+CEER: 13), a cause and a name (+CEER: 0,NONE) or only text
    # (+CEER: "0 Unknown"); the number is the last reject or session-management cause.
    body = _body(lines, _CEER_RE)
    numbers = [int(field) for field in (unquote(item) for item in split_fields(body)) if field.isdigit()]
    return {'cause': numbers[0] if numbers else None, 'report': unquote(body)}


# --- Error and URC control ------------------------------------------------------------


@_parser('AT+CMEE?')
def parse_cmee(lines):
    """+CMEE? -> {'mode', 'mode_name'}."""
    mode = _int(_fields(lines, _CMEE_RE)[0])
    return {'mode': mode, 'mode_name': _lookup(tables.CMEE_MODES, mode)}


@_parser('AT^CURC?')
def parse_curc(lines):
    """^CURC? -> {'mode', 'mode_name', 'report_cfg' (hex as printed or None), 'reports' (URC names or None)}."""
    fields = _fields(lines, _CURC_RE)
    mode = _int(fields[0])
    report_cfg = _opt_str(fields, 1)
    mask = None if report_cfg is None else tables.parse_hex_mask(report_cfg)
    return {
        'mode': mode,
        'mode_name': _lookup(tables.CURC_MODES, mode),
        'report_cfg': report_cfg,
        'reports': None if mask is None else tables.curc_mask_to_reports(mask),
    }


@_parser('an unsolicited result code')
def _parse_urc_lines(lines):
    """One URC line -> {'name', 'fields'}."""
    line = lines[0]
    match = _URC_RE.match(line)
    if not match:
        return {'name': line.upper(), 'fields': []}
    return {'name': match.group(1).upper(), 'fields': [unquote(field) for field in split_fields(match.group(2))]}


def parse_urc(line):
    """An unsolicited line (``^RSSI:20``, ``RING``) -> {'name' (upper-case prefix), 'fields': [unquoted strings]}."""
    return _parse_urc_lines([line])
