# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""Facts about a modem, by subset: which queries each subset needs and how answers combine."""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._huawei import parsers as parsers
from ansible_collections.lte.modem.plugins.module_utils._huawei.modem import Query, value_of
from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError

# A test command (=?) answers with parenthesised lists; the query answers with values.
QUERY_SHAPE = r'%s:\s*[^\s(]'
TEST_SHAPE = r'%s:\s*\('

# Every query huawei_info may ask, by name. The prefix lets the device chain queries.
QUERIES = {query.name: query for query in (
    Query('ati', 'ATI', parsers.parse_ati),
    Query('fhver', 'AT^FHVER', parsers.parse_fhver, '^FHVER:'),
    Query('cpin', 'AT+CPIN?', parsers.parse_cpin, '+CPIN:'),
    Query('iccid', 'AT^ICCID?', parsers.parse_iccid, '^ICCID:'),
    Query('cfun', 'AT+CFUN?', parsers.parse_cfun, '+CFUN:'),
    Query('rfswitch', 'AT^RFSWITCH?', parsers.parse_rfswitch, '^RFSWITCH:'),
    Query('creg', 'AT+CREG?', parsers.parse_creg, '+CREG:'),
    Query('cgreg', 'AT+CGREG?', parsers.parse_creg, '+CGREG:'),
    Query('cereg', 'AT+CEREG?', parsers.parse_creg, '+CEREG:'),
    Query('cops', 'AT+COPS?', parsers.parse_cops, '+COPS:'),
    Query('csq', 'AT+CSQ', parsers.parse_csq, '+CSQ:'),
    Query('hcsq', 'AT^HCSQ?', parsers.parse_hcsq, '^HCSQ:'),
    Query('syscfgex', 'AT^SYSCFGEX?', parsers.parse_syscfgex, '^SYSCFGEX:', shape=QUERY_SHAPE % r'\^SYSCFGEX'),
    Query('syscfgex_test', 'AT^SYSCFGEX=?', parsers.parse_syscfgex_test, '^SYSCFGEX:', shape=TEST_SHAPE % r'\^SYSCFGEX'),
    Query('syscfg', 'AT^SYSCFG?', parsers.parse_syscfg, '^SYSCFG:', shape=QUERY_SHAPE % r'\^SYSCFG'),
    Query('syscfg_test', 'AT^SYSCFG=?', parsers.parse_syscfg_test, '^SYSCFG:', allow_empty=True, shape=TEST_SHAPE % r'\^SYSCFG'),
    Query('cgdcont', 'AT+CGDCONT?', parsers.parse_cgdcont, '+CGDCONT:', allow_empty=True, shape=QUERY_SHAPE % r'\+CGDCONT'),
    Query('cgdcont_test', 'AT+CGDCONT=?', parsers.parse_cgdcont_test, '+CGDCONT:', shape=TEST_SHAPE % r'\+CGDCONT'),
    Query('setport', 'AT^SETPORT?', parsers.parse_setport, '^SETPORT:', shape=r'\^SETPORT:[^:]*$'),
    Query('setport_test', 'AT^SETPORT=?', parsers.parse_setport_test, '^SETPORT:', shape=r'\^SETPORT:\s*\w+\s*:'),
    Query('ndisstat', 'AT^NDISSTATQRY?', parsers.parse_ndisstat, '^NDISSTAT'),
    Query('dhcp', 'AT^DHCP?', parsers.parse_dhcp, '^DHCP:'),
    Query('sysinfoex', 'AT^SYSINFOEX', parsers.parse_sysinfoex, '^SYSINFOEX:'),
)}

# Subset -> queries asked in the first round. Some subsets ask more once they see the
# answers (DHCP only while connected, ^SYSCFG only when ^SYSCFGEX is missing).
SUBSETS = {
    'identity': ('ati', 'fhver'),
    'sim': ('cpin', 'iccid'),
    'radio': ('cfun', 'rfswitch'),
    'registration': ('creg', 'cgreg', 'cereg', 'cops'),
    'signal': ('csq', 'hcsq'),
    'syscfg': ('syscfgex', 'syscfgex_test'),
    'pdp': ('cgdcont',),
    'port_mode': ('setport', 'setport_test'),
    'connection': ('ndisstat', 'sysinfoex'),
}
SUBSET_NAMES = tuple(SUBSETS)


def resolve_subsets(requested, option='gather_subset'):
    """Turn ``gather_subset`` (names, ``all``, ``!name``) into the ordered list of subsets."""
    requested = list(requested or ['all'])
    unknown = [item for item in requested if item.lstrip('!') not in SUBSET_NAMES + ('all',)]
    if unknown:
        raise InvalidInputError(option, unknown, 'choose from all, %s (prefix a name with ! to leave it out)' % ', '.join(SUBSET_NAMES))
    include = [item for item in requested if not item.startswith('!')]
    exclude = {item[1:] for item in requested if item.startswith('!')}
    if not include or 'all' in include:
        include = list(SUBSET_NAMES)
    return [name for name in SUBSET_NAMES if name in include and name not in exclude]


def gather(modem, subsets):
    """Ask the modem for ``subsets``; return (facts, notes) where notes list what was left out."""
    wanted = [QUERIES[name] for subset in subsets for name in SUBSETS[subset]]
    outcomes = modem.query_many(wanted)
    follow_up = []
    if 'syscfg' in subsets and not outcomes['syscfgex'].ok:
        follow_up += [QUERIES['syscfg'], QUERIES['syscfg_test']]
    if 'connection' in subsets and _connected(outcomes.get('ndisstat')):
        follow_up.append(QUERIES['dhcp'])
    if follow_up:
        outcomes.update(modem.query_many(follow_up))
    facts = {subset: ASSEMBLERS[subset](outcomes) for subset in subsets}
    notes = []
    for subset in subsets:
        for name in _names_for(subset):
            outcome = outcomes.get(name)
            if outcome is not None and not outcome.ok and not _expected_failure(name, outcomes):
                notes.append(dict(outcome.note(), subset=subset))
    return facts, notes


def _names_for(subset):
    extra = {'syscfg': ('syscfg', 'syscfg_test'), 'connection': ('dhcp',)}
    return SUBSETS[subset] + extra.get(subset, ())


def _expected_failure(name, outcomes):
    # ^SYSCFGEX is missing on 3G-only modems: ^SYSCFG answers instead and is not a failure.
    return name in ('syscfgex', 'syscfgex_test') and 'syscfg' in outcomes and outcomes['syscfg'].ok


def _connected(outcome):
    return bool(outcome and outcome.ok and any(family.get('state') == 'connected' for family in outcome.value.values()))


def _present(**items):
    return {key: value for key, value in items.items() if value is not None}


def _identity(outcomes):
    facts = dict(value_of(outcomes, 'ati', {}))
    firmware = value_of(outcomes, 'fhver')
    if firmware:
        facts['firmware'] = firmware
    return facts


def _sim(outcomes):
    facts = dict(value_of(outcomes, 'cpin', {}))
    return dict(facts, **_present(iccid=value_of(outcomes, 'iccid')))


def _radio(outcomes):
    cfun, rfswitch = value_of(outcomes, 'cfun'), value_of(outcomes, 'rfswitch')
    facts = _present(functionality=(cfun or {}).get('functionality'), cfun=(cfun or {}).get('code'), rf_switch=rfswitch)
    if cfun is not None:
        switches_on = rfswitch is None or (rfswitch['software'] and rfswitch['hardware'])
        facts['radio_on'] = cfun.get('functionality') == 'full' and switches_on
    return facts


def _registration(outcomes):
    domains = _present(cs=value_of(outcomes, 'creg'), ps=value_of(outcomes, 'cgreg'), eps=value_of(outcomes, 'cereg'))
    facts = dict(domains, **_present(operator=value_of(outcomes, 'cops')))
    if domains:
        facts['registered'] = any(domain.get('registered') for domain in domains.values())
        facts['roaming'] = any(domain.get('roaming') for domain in domains.values())
    return facts


def _signal(outcomes):
    return _present(csq=value_of(outcomes, 'csq'), hcsq=value_of(outcomes, 'hcsq'))


def _syscfg(outcomes):
    if value_of(outcomes, 'syscfgex') is not None:
        return _present(command='^SYSCFGEX', current=value_of(outcomes, 'syscfgex'), supported=value_of(outcomes, 'syscfgex_test'))
    return _present(command='^SYSCFG' if value_of(outcomes, 'syscfg') is not None else None,
                    current=value_of(outcomes, 'syscfg'), supported=value_of(outcomes, 'syscfg_test'))


def _pdp(outcomes):
    return value_of(outcomes, 'cgdcont', [])


def _port_mode(outcomes):
    return _present(current=value_of(outcomes, 'setport'), available=value_of(outcomes, 'setport_test'))


def _connection(outcomes):
    ndis = value_of(outcomes, 'ndisstat')
    facts = _present(ndis=ndis, dhcp=value_of(outcomes, 'dhcp'), system=value_of(outcomes, 'sysinfoex'))
    if ndis is not None:
        facts['connected'] = _connected(outcomes.get('ndisstat'))
    return facts


ASSEMBLERS = {
    'identity': _identity,
    'sim': _sim,
    'radio': _radio,
    'registration': _registration,
    'signal': _signal,
    'syscfg': _syscfg,
    'pdp': _pdp,
    'port_mode': _port_mode,
    'connection': _connection,
}
