# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The NDIS/NCM data connection: ``^NDISDUP`` dial or hang-up, verified with ``^NDISSTATQRY?``, ``^DHCP`` data."""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._at.commands import quoted
from ansible_collections.lte.modem.plugins.module_utils._errors import DeviceStateError, InvalidInputError
from ansible_collections.lte.modem.plugins.module_utils._huawei.tables import NDISDUP_AUTH_CODES
from ansible_collections.lte.modem.plugins.module_utils._poll import poll_until
from ansible_collections.lte.modem.plugins.module_utils._state.engine import Resource
from ansible_collections.lte.modem.plugins.module_utils._state.options import check_apn, check_cid, check_credential

IP_TYPE_FAMILIES = {'ipv4': ('ipv4',), 'ipv6': ('ipv6',), 'ipv4v6': ('ipv4', 'ipv6')}
AUTH_CHOICES = ('none', 'pap', 'chap')
CID_MAX = 20  # ^NDISDUP=? -> (1-20)
POLL_INTERVAL = 0.5

NO_CARRIER_CHECKLIST = (
    'Check, in this order (docs/docsite/rst/rf_and_no_carrier.rst): RF switches (AT^RFSWITCH? must show 1,1), functionality (AT+CFUN? must show 1), '
    'SIM ready (AT+CPIN?), signal (AT+CSQ not 99,99), registration (AT+CREG?/AT+CEREG? registered; a foreign SIM needs roaming '
    'allowed in AT^SYSCFGEX), and the APN and credentials.'
)


def auth_of(params):
    """The auth method: as given, else CHAP with credentials (as ModemManager does), else none."""
    if params.get('auth'):
        return params['auth']
    return 'chap' if params.get('apn_username') or params.get('apn_password') else 'none'


def dial_command(params):
    """``AT^NDISDUP=<cid>,1[,"<apn>"[,"<user>","<pass>",<auth>]]``."""
    parts = ['AT^NDISDUP=%d,1' % params['cid']]
    auth = auth_of(params)
    if params.get('apn') is not None or auth != 'none':
        parts.append(quoted(params.get('apn') or ''))
    if auth != 'none':
        parts.append('%s,%s,%d' % (quoted(params.get('apn_username') or ''), quoted(params.get('apn_password') or ''), NDISDUP_AUTH_CODES[auth]))
    return ','.join(parts)


def hangup_command(params):
    return 'AT^NDISDUP=%d,0' % params['cid']


def families_of(ndis, cid):
    """{family: state dict} of the context ``cid`` (lines without a cid are taken as the dialled context)."""
    return {family.lower(): state for family, state in (ndis or {}).items() if state.get('cid', cid) == cid}


def connected_families(ndis, cid):
    return sorted(family for family, state in families_of(ndis, cid).items() if state.get('state') == 'connected')


class ConnectionResource(Resource):
    """Fields: ``cid``, ``state`` (connected or disconnected) and the ``families`` that are up."""

    name = 'connection'
    argument_spec = dict(
        state=dict(type='str', default='connected', choices=['connected', 'disconnected']),
        cid=dict(type='int', default=1),
        apn=dict(type='str'),
        ip_type=dict(type='str', default='ipv4', choices=list(IP_TYPE_FAMILIES)),
        auth=dict(type='str', choices=list(AUTH_CHOICES)),
        apn_username=dict(type='str'),
        apn_password=dict(type='str', no_log=True),
        wait_timeout=dict(type='float', default=30.0),
    )
    # ^DHCP? shares the line: a run that changes nothing reports the addresses without asking again.
    reads = ('ndisstat', 'dhcp')

    def validate(self, params):
        check_cid('cid', params['cid'], CID_MAX)
        check_apn('apn', params.get('apn'))
        check_credential('apn_username', params.get('apn_username'))
        check_credential('apn_password', params.get('apn_password'), secret=True)
        if params.get('auth') in ('pap', 'chap') and not params.get('apn_username'):
            raise InvalidInputError('apn_username', None, 'auth=%s needs a user name' % params['auth'])
        if params['wait_timeout'] <= 0:
            raise InvalidInputError('wait_timeout', params['wait_timeout'], 'must be positive')

    def current(self, outcomes, params):
        outcome = outcomes['ndisstat']
        if not outcome.ok:
            raise outcome.error
        families = connected_families(outcome.value, params['cid'])
        return {'cid': params['cid'], 'state': 'connected' if families else 'disconnected', 'families': families}, outcomes.get('dhcp')

    def desired(self, before, context, params):
        if params['state'] == 'disconnected':
            return dict(before, state='disconnected', families=[])
        wanted = list(IP_TYPE_FAMILIES[params['ip_type']])
        if set(wanted) <= set(before['families']):
            return before
        return dict(before, state='connected', families=sorted(set(before['families']) | set(wanted)))

    def plan(self, before, after, context, params):
        if after == before:
            return []
        if after['state'] == 'disconnected':
            return [hangup_command(params)]
        return ([hangup_command(params)] if before['families'] else []) + [dial_command(params)]

    def apply(self, modem, change):
        params = change.params
        for command in change.commands:
            if command == hangup_command(params):
                # ERROR on a context that is already down (ModemManager commit c5bab9f5): converged.
                modem.run(command)
                self._wait(modem, params, lambda families: not families)
            else:
                modem.check(command)
                self._wait(modem, params, lambda families: set(IP_TYPE_FAMILIES[params['ip_type']]) <= set(families), modem.shown(command))
        return list(change.commands)

    @staticmethod
    def _wait(modem, params, done, dial=None):
        seen = {'ndis': None}

        def attempt():
            outcome = modem.ask(['ndisstat'])['ndisstat']
            ndis = seen['ndis'] = outcome.value if outcome.ok else seen['ndis']
            if done(connected_families(ndis, params['cid'])):
                return True
            failed = {family: state for family, state in families_of(ndis, params['cid']).items()
                      if dial and family in IP_TYPE_FAMILIES[params['ip_type']] and state.get('state') == 'disconnected'
                      and state.get('error') is not None}
            if failed:
                raise dial_failure(dial, params, failed)
            return None

        if poll_until(attempt, params['wait_timeout'], POLL_INTERVAL):
            return
        ndis = seen['ndis']
        if dial:
            raise DeviceStateError('%s was accepted, but cid %d did not come up within %gs (^NDISSTATQRY: %s). %s'
                                   % (dial, params['cid'], params['wait_timeout'], _describe(families_of(ndis, params['cid'])),
                                      NO_CARRIER_CHECKLIST), command=dial, ndis=ndis)
        raise DeviceStateError('cid %d is still connected %gs after %s' % (params['cid'], params['wait_timeout'], hangup_command(params)),
                               command=hangup_command(params), ndis=ndis)

    def verify(self, modem, change):
        params = change.params
        actual, change.context = self.current(modem.ask(self.queries(params)), params)
        if params['state'] == 'connected' and not set(IP_TYPE_FAMILIES[params['ip_type']]) <= set(actual['families']):
            raise DeviceStateError('The connection on cid %d dropped right after it came up: %r' % (params['cid'], actual), actual=actual)
        return actual

    def report(self, modem, change, check_mode):
        if 'ipv4' not in change.after['families'] or check_mode and 'ipv4' not in change.before['families']:
            return {'dhcp': {}}
        # The context holds the ^DHCP? outcome of the last read (None while no data call is up).
        outcome = change.context
        return {'dhcp': outcome.value if outcome is not None and outcome.ok else {}}


def _describe(families):
    if not families:
        return 'no state for this context'
    return ', '.join('%s %s%s' % (family, state.get('state'), _cause(state)) for family, state in sorted(families.items()))


def _cause(state):
    if state.get('error') is None:
        return ''
    return ' with cause %d (%s)' % (state['error'], state.get('error_text') or 'no 3GPP 24.008 meaning')


def dial_failure(dial, params, failed):
    return DeviceStateError('%s was accepted, but the modem reports cid %d disconnected: %s. %s'
                            % (dial, params['cid'], _describe(failed), NO_CARRIER_CHECKLIST),
                            command=dial, ndis=failed, cause=sorted({state['error'] for state in failed.values()}))
