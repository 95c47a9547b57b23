# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""One PDP context (+CGDCONT): present with a PDP type and an APN, or absent.

APNs are compared case-insensitively (3GPP TS 23.003 §9.1: the APN network identifier is
case-insensitive), so an APN that differs only in case is not rewritten and keeps the
modem's spelling. An omitted ``apn`` keeps the context's APN (empty for a new context,
which asks the network for the subscribed default).
"""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._at.commands import quoted
from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError
from ansible_collections.lte.modem.plugins.module_utils._huawei.modem import value_of
from ansible_collections.lte.modem.plugins.module_utils._state.engine import Resource
from ansible_collections.lte.modem.plugins.module_utils._state.options import check_apn, check_cid, normalize_pdp_type

PDP_TYPE_CHOICES = ('ip', 'ipv6', 'ipv4v6')


class ApnResource(Resource):
    """One +CGDCONT context: ``{cid, state, pdp_type, apn}`` or ``{cid, state: absent}``."""

    name = 'apn'
    argument_spec = dict(
        cid=dict(type='int', default=1),
        apn=dict(type='str'),
        # The modem's own spelling (IP, IPV4V6) is accepted too.
        pdp_type=dict(type='str', default='ip', choices=list(PDP_TYPE_CHOICES) + [choice.upper() for choice in PDP_TYPE_CHOICES]),
        state=dict(type='str', default='present', choices=['present', 'absent']),
    )
    reads = ('cgdcont',)
    chained = True
    # Context ids up to 11 and the IP type are what every modem offers; anything else is checked against +CGDCONT=?.
    UNTESTED_CIDS = range(1, 12)

    def validate(self, params):
        check_cid('cid', _option(params, 'cid'))
        check_apn('apn', params.get('apn'))

    def tests(self, change):
        after = change.after
        if not change.commands or after['state'] == 'absent' or (after['pdp_type'] == 'ip' and after['cid'] in self.UNTESTED_CIDS):
            return ()
        return ('cgdcont_test',)

    def current(self, outcomes, params):
        if not outcomes['cgdcont'].ok:
            raise outcomes['cgdcont'].error
        cid = _option(params, 'cid')
        entry = next((item for item in outcomes['cgdcont'].value if item['cid'] == cid), None)
        supported = value_of(outcomes, 'cgdcont_test')
        if entry is None:
            return dict(cid=cid, state='absent'), supported
        return dict(cid=cid, state='present', pdp_type=entry['pdp_type'].lower(), apn=entry['apn']), supported

    @staticmethod
    def _check_supported(params, supported):
        cid = _option(params, 'cid')
        if cid not in supported['cids']:
            raise InvalidInputError('cid', cid, 'the modem accepts context ids %d-%d' % (supported['cid_min'], supported['cid_max']))
        pdp_type = _option(params, 'pdp_type')
        if _option(params, 'state') == 'present' and supported['pdp_types'] and pdp_type.upper() not in supported['pdp_types']:
            raise InvalidInputError('pdp_type', pdp_type, 'the modem supports %s' % ', '.join(supported['pdp_types']))

    def desired(self, before, context, params):
        if context is not None:
            self._check_supported(params, context)
        cid = _option(params, 'cid')
        if _option(params, 'state') == 'absent':
            return dict(cid=cid, state='absent')
        apn = params.get('apn')
        if apn is None or apn.lower() == before.get('apn', '').lower():
            apn = before.get('apn', '')
        return dict(cid=cid, state='present', pdp_type=normalize_pdp_type(_option(params, 'pdp_type')), apn=apn)

    def plan(self, before, after, context, params):
        if before == after:
            return []
        if after['state'] == 'absent':
            return ['AT+CGDCONT=%d' % after['cid']]
        return ['AT+CGDCONT=%d,%s,%s' % (after['cid'], quoted(after['pdp_type'].upper()), quoted(after['apn']))]


def _option(params, name):
    """An option's value, or its default when a caller (another module's resource list) left it out."""
    value = params.get(name)
    return ApnResource.argument_spec[name]['default'] if value is None else value
