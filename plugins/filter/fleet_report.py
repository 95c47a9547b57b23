# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The fleet_report filter: per-host results of huawei_info and the drift checks -> rows and totals.

Documentation: fleet_report.yml beside this file. The values are plain text; each output format
escapes them itself (HTML, Markdown, CSV).
"""

from __future__ import annotations

from ansible.errors import AnsibleFilterError

# Columns of the table after the host and its flags: key, heading.
COLUMNS = (
    ('model', 'Model'),
    ('firmware', 'Firmware'),
    ('operator', 'Operator'),
    ('registration', 'Registration'),
    ('signal', 'Signal'),
    ('mode', 'Mode and bands'),
    ('apn', 'APN'),
    ('port_mode', 'Port mode'),
    ('connection', 'Connection'),
    ('drift', 'Drift'),
)

# Totals at the top of the report, in this order: key, label.
TOTALS = (
    ('hosts', 'hosts'),
    ('reachable', 'reachable'),
    ('registered', 'registered'),
    ('roaming', 'roaming'),
    ('connected', 'connected'),
    ('drifted', 'drifted'),
    ('failed', 'failed'),
    ('unreachable', 'unreachable'),
)

# Flags that mark a row, in the order they are shown.
FLAGS = ('unreachable', 'failed', 'roaming', 'disconnected', 'drifted')

# Fields of the CSV twin, one a column.
CSV_FIELDS = ('host', 'status', 'flags', 'model', 'firmware', 'operator', 'registration', 'registered', 'roaming',
              'technology', 'rsrp_dbm', 'sinr_db', 'rssi_dbm', 'mode_order', 'lte_bands', 'bands', 'roaming_allowed',
              'apn', 'port_mode', 'connected', 'ip', 'drift', 'reason')

UNKNOWN = '\u2014'  # an em dash: no value
ARROW = '\u2192'
NO_RESULT = 'no result: the host left the play before the report gathered its facts'
# Characters a spreadsheet takes as the start of a formula when a CSV cell begins with them.
FORMULA_STARTS = ('=', '+', '-', '@', '\t', '\r')


def _dig(data, *keys):
    """data[k1][k2]... or None when any level is missing or not a dict."""
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _text(value):
    """A value as report text: lists joined by commas, booleans as true/false, None as 'none'."""
    if value is None:
        return 'none'
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, (list, tuple)):
        return ','.join(_text(item) for item in value) or '[]'
    if value == '':
        return '""'
    if isinstance(value, float):
        return ('%.1f' % value).rstrip('0').rstrip('.') if value != int(value) else '%d' % value
    return str(value)


def _registration(registration):
    if not isinstance(registration, dict):
        return None
    if registration.get('registered'):
        return 'roaming' if registration.get('roaming') else 'home'
    for domain in ('eps', 'ps', 'cs'):
        status = _dig(registration, domain, 'status')
        if status:
            return status.replace('_', ' ')
    return None


def _signal(signal):
    hcsq = _dig(signal, 'hcsq') or {}
    parts = []
    if hcsq.get('rsrp_dbm') is not None:
        parts.append('RSRP %s dBm' % _text(hcsq['rsrp_dbm']))
    if hcsq.get('sinr_db') is not None:
        parts.append('SINR %s dB' % _text(hcsq['sinr_db']))
    rssi = hcsq.get('rssi_dbm')
    if rssi is None:
        rssi = _dig(signal, 'csq', 'rssi_dbm')
    if not parts and rssi is not None:
        parts.append('RSSI %s dBm' % _text(rssi))
    if not parts and _dig(signal, 'csq', 'rssi') == 99:
        parts.append('no signal')
    text = ', '.join(parts)
    if text and hcsq.get('sysmode'):
        text = '%s %s' % (hcsq['sysmode'], text)
    return text or None


def _mode(syscfg):
    current = _dig(syscfg, 'current')
    if not isinstance(current, dict):
        return None
    parts = []
    if current.get('mode_order'):
        parts.append(','.join(str(rat) for rat in current['mode_order']))
    if current.get('lte_bands'):
        parts.append('LTE ' + ' '.join(str(band) for band in current['lte_bands']))
    if current.get('bands'):
        parts.append('2G/3G ' + ' '.join(str(band) for band in current['bands']))
    if current.get('roaming') is not None:
        parts.append('roaming allowed' if current['roaming'] else 'roaming not allowed')
    return '; '.join(parts) or None


def _apns(pdp):
    if not isinstance(pdp, list):
        return None
    contexts = ['%s: %s (%s)' % (context.get('cid'), context.get('apn') or '(default)', context.get('pdp_type'))
                for context in pdp if isinstance(context, dict)]
    return '; '.join(contexts) or 'no context'


def _connection(connection):
    if not isinstance(connection, dict) or connection.get('connected') is None:
        return None
    if not connection['connected']:
        return 'disconnected'
    address = _dig(connection, 'dhcp', 'address')
    return 'connected %s' % address if address else 'connected'


def _changes(before, after):
    """[{field, before, after}] as text, for the fields whose value differs, in the order of ``after``."""
    before = before if isinstance(before, dict) else {}
    after = after if isinstance(after, dict) else {}
    fields = list(after) + [field for field in before if field not in after]
    return [dict(field=field, before=_text(before.get(field)), after=_text(after.get(field)))
            for field in fields if before.get(field) != after.get(field)]


def _facet_states(drift):
    """(facet, label, before, after) of each facet in a huawei_modem check-mode result; one per element of a list facet."""
    before, after = drift.get('before'), drift.get('after')
    if not isinstance(before, dict) or not isinstance(after, dict):
        return
    for facet, wanted in after.items():
        current = before.get(facet)
        if isinstance(wanted, list):
            current = current if isinstance(current, list) else []
            for index, element in enumerate(wanted):
                key = _dig(element, 'cid')
                yield facet, facet if key is None else '%s %s' % (facet, key), current[index] if index < len(current) else None, element
        else:
            yield facet, facet, current, wanted


def _drift(drift):
    """The checks of the desired state: [{facet, label, state, changes, msg}] from one huawei_modem check-mode result."""
    if drift is None:
        return []
    if not isinstance(drift, dict):
        raise AnsibleFilterError('fleet_report: drift must be the result of lte.modem.huawei_modem in check mode, got %s'
                                 % type(drift).__name__)
    if drift.get('skipped'):
        return []
    if drift.get('failed') or drift.get('unreachable'):
        facet = drift.get('facet') or 'desired state'
        # The module names the facet at the start of its message; the report names it once.
        msg = str(drift.get('msg') or 'the check failed')
        msg = msg[len(facet) + 2:] if msg.startswith('%s: ' % facet) else msg
        return [dict(facet=facet, label=facet, state='error', changes=[], msg=msg)]
    checks = []
    for facet, label, before, after in _facet_states(drift):
        changes = _changes(before, after)
        checks.append(dict(facet=facet, label=label, changes=changes, msg=None, state='drifted' if changes else 'in sync'))
    if drift.get('changed') and not any(check['changes'] for check in checks):
        checks.append(dict(facet=None, label='desired state', changes=[], msg=None, state='drifted'))
    return checks


def _drift_text(checks, checked):
    if not checked:
        return 'not checked'
    if not checks:
        return 'not managed'
    parts = []
    for check in checks:
        if check['state'] == 'drifted':
            changes = ['%s %s %s %s' % (change['field'], change['before'], ARROW, change['after'])
                       for change in check['changes']]
            parts.append('%s: %s' % (check['label'], ', '.join(changes) or 'would change'))
        elif check['state'] == 'error':
            parts.append('%s: check failed' % check['label'])
    return '; '.join(parts) or 'in sync'


def _csv_safe(value):
    """A CSV value that no spreadsheet takes for a formula (text from devices is untrusted)."""
    if value is None or value == '':
        return ''
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, (int, float)):
        return _text(value)
    text = _text(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _status(info, checks):
    """(ok | failed | unreachable, reasons) of a host from its huawei_info result and its drift checks."""
    if info is None:
        status, reasons = 'failed', [NO_RESULT]
    elif info.get('unreachable'):
        status, reasons = 'unreachable', [str(info.get('msg') or 'unreachable')]
    elif info.get('failed'):
        status, reasons = 'failed', [str(info.get('msg') or 'huawei_info failed')]
    else:
        status, reasons = 'ok', []
    reasons += ['%s: %s' % (check['label'], check['msg']) for check in checks if check['state'] == 'error']
    return ('failed' if status == 'ok' and reasons else status), reasons


def host_row(host, outcome):
    """One row of the report from a host's {info, drift} (None when the host has no result)."""
    outcome = outcome if isinstance(outcome, dict) else {}
    info = outcome.get('info') if isinstance(outcome.get('info'), dict) else None
    modem = (info or {}).get('modem') if isinstance((info or {}).get('modem'), dict) else {}
    checks = _drift(outcome.get('drift'))
    status, reasons = _status(info, checks)
    reached = info is not None and not info.get('unreachable') and not info.get('failed')

    identity = modem.get('identity') or {}
    registration = modem.get('registration')
    syscfg_current = _dig(modem, 'syscfg', 'current') or {}
    hcsq = _dig(modem, 'signal', 'hcsq') or {}
    connection = modem.get('connection') or {}
    values = dict(
        host=host,
        status=status,
        model=identity.get('model') or _dig(identity, 'firmware', 'product'),
        firmware=identity.get('revision') or _dig(identity, 'firmware', 'software'),
        operator=_dig(registration, 'operator', 'operator'),
        registration=_registration(registration),
        registered=_dig(registration, 'registered'),
        roaming=_dig(registration, 'roaming'),
        technology=hcsq.get('sysmode'),
        rsrp_dbm=hcsq.get('rsrp_dbm'),
        sinr_db=hcsq.get('sinr_db'),
        rssi_dbm=hcsq.get('rssi_dbm') if hcsq.get('rssi_dbm') is not None else _dig(modem, 'signal', 'csq', 'rssi_dbm'),
        mode_order=syscfg_current.get('mode_order'),
        lte_bands=syscfg_current.get('lte_bands'),
        bands=syscfg_current.get('bands'),
        roaming_allowed=syscfg_current.get('roaming'),
        apn=_apns(modem.get('pdp')),
        port_mode=_dig(modem, 'port_mode', 'current', 'mode'),
        connected=connection.get('connected'),
        ip=_dig(connection, 'dhcp', 'address'),
        reason='; '.join(reasons),
    )
    flags = dict(
        unreachable=status == 'unreachable',
        failed=status == 'failed',
        roaming=values['roaming'] is True,
        disconnected=values['connected'] is False,
        drifted=any(check['state'] == 'drifted' for check in checks),
    )
    values['flags'] = [flag for flag in FLAGS if flags[flag]]
    values['drift'] = _drift_text(checks, outcome.get('drift') is not None) if reached else None
    cells = dict(
        model=values['model'],
        firmware=values['firmware'],
        operator=values['operator'],
        registration=values['registration'],
        signal=_signal(modem.get('signal')),
        mode=_mode(modem.get('syscfg')),
        apn=values['apn'],
        port_mode=values['port_mode'],
        connection=_connection(connection),
        drift=values['drift'],
    )
    return dict(
        host=host,
        status=status,
        flags=values['flags'],
        registered=values['registered'] is True,
        connected=values['connected'] is True,
        reason=values['reason'],
        cells={key: UNKNOWN if value is None or value == '' else str(value) for key, value in cells.items()},
        drift=checks,
        notes=[str(note.get('reason')) for note in (info or {}).get('notes') or [] if isinstance(note, dict)],
        csv=[_csv_safe(' '.join(values['flags']) if field == 'flags' else values[field]) for field in CSV_FIELDS],
    )


def fleet_report(results):
    """Rows, totals and problems of the fleet report from {host: {info, drift}} (see fleet_report.yml)."""
    if not isinstance(results, dict):
        raise AnsibleFilterError('fleet_report: the input must be a dict of host name to {info, drift}, got %s' % type(results).__name__)
    rows = [host_row(str(host), outcome) for host, outcome in results.items()]
    counts = dict(
        hosts=len(rows),
        reachable=sum(1 for row in rows if row['status'] != 'unreachable'),
        registered=sum(1 for row in rows if row['registered']),
        roaming=sum(1 for row in rows if 'roaming' in row['flags']),
        connected=sum(1 for row in rows if row['connected']),
        drifted=sum(1 for row in rows if 'drifted' in row['flags']),
        failed=sum(1 for row in rows if row['status'] == 'failed'),
        unreachable=sum(1 for row in rows if row['status'] == 'unreachable'),
    )
    return dict(
        columns=[dict(key=key, heading=heading) for key, heading in COLUMNS],
        totals=[dict(key=key, label=label, count=counts[key]) for key, label in TOTALS],
        rows=rows,
        problems=[dict(host=row['host'], status=row['status'], reason=row['reason']) for row in rows if row['status'] != 'ok'],
        csv_fields=list(CSV_FIELDS),
    )


class FilterModule:
    """lte.modem report filters."""

    def filters(self):
        return {'fleet_report': fleet_report}
