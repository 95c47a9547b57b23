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

import re

from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError
from ansible_collections.lte.modem.plugins.module_utils._state.engine import Resource

PDP_TYPE_CHOICES = ('ip', 'ipv6', 'ipv4v6')
# 3GPP TS 23.003 §9.1: at most 100 octets encoded (a length octet per label, no dots), which is
# 99 characters of text; labels of letters, digits and hyphens, not starting or ending with a hyphen.
APN_MAX_LENGTH = 99
APN_LABEL_RE = re.compile(r'^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$')
APN_LABEL_MAX = 63


def apn_problem(apn):
    """Return why ``apn`` is not a valid APN network identifier, or None ('' = network default is valid)."""
    if apn == '':
        return None
    if not apn.isascii():
        return 'only ASCII letters, digits, hyphens and dots are allowed'
    if len(apn) > APN_MAX_LENGTH:
        return 'longer than %d characters (%d)' % (APN_MAX_LENGTH, len(apn))
    bad = sorted({char for char in apn if not (char.isalnum() or char in '.-')})
    if bad:
        return 'character(s) %s not allowed: only letters, digits, hyphens and dots' % ', '.join(repr(char) for char in bad)
    for label in apn.split('.'):
        if not label:
            return 'empty label (leading, trailing or double dot)'
        if len(label) > APN_LABEL_MAX:
            return 'label %r longer than %d characters' % (label, APN_LABEL_MAX)
        if not APN_LABEL_RE.match(label):
            return 'label %r starts or ends with a hyphen' % label
    return None


class ApnResource(Resource):
    """One +CGDCONT context: ``{cid, state, pdp_type, apn}`` or ``{cid, state: absent}``."""

    name = 'apn'
    argument_spec = dict(
        cid=dict(type='int', default=1),
        apn=dict(type='str'),
        pdp_type=dict(type='str', default='ip', choices=list(PDP_TYPE_CHOICES)),
        state=dict(type='str', default='present', choices=['present', 'absent']),
    )
    reads = ('cgdcont', 'cgdcont_test')

    def validate(self, params):
        apn = params.get('apn')
        if apn is not None:
            problem = apn_problem(apn)
            if problem:
                raise InvalidInputError('apn', apn, problem)
        if _option(params, 'cid') < 0:
            raise InvalidInputError('cid', _option(params, 'cid'), 'a context id is a positive number')

    def current(self, outcomes, params):
        cid = _option(params, 'cid')
        test = outcomes['cgdcont_test']
        if test.ok and cid not in test.value['cids']:
            raise InvalidInputError('cid', cid, 'the modem accepts context ids %d-%d' % (test.value['cid_min'], test.value['cid_max']))
        pdp_type = _option(params, 'pdp_type')
        if _option(params, 'state') == 'present' and test.ok and test.value['pdp_types'] and pdp_type.upper() not in test.value['pdp_types']:
            raise InvalidInputError('pdp_type', pdp_type, 'the modem supports %s' % ', '.join(test.value['pdp_types']))
        if not outcomes['cgdcont'].ok:
            raise outcomes['cgdcont'].error
        entry = next((item for item in outcomes['cgdcont'].value if item['cid'] == cid), None)
        if entry is None:
            return dict(cid=cid, state='absent'), None
        return dict(cid=cid, state='present', pdp_type=entry['pdp_type'].lower(), apn=entry['apn']), None

    def desired(self, before, context, params):
        cid = _option(params, 'cid')
        if _option(params, 'state') == 'absent':
            return dict(cid=cid, state='absent')
        apn = params.get('apn')
        if apn is None or apn.lower() == before.get('apn', '').lower():
            apn = before.get('apn', '')
        return dict(cid=cid, state='present', pdp_type=_option(params, 'pdp_type'), apn=apn)

    def plan(self, before, after, context, params):
        if before == after:
            return []
        if after['state'] == 'absent':
            return ['AT+CGDCONT=%d' % after['cid']]
        return ['AT+CGDCONT=%d,"%s","%s"' % (after['cid'], after['pdp_type'].upper(), after['apn'])]


def _option(params, name):
    """An option's value, or its default when a caller (another module's resource list) left it out."""
    value = params.get(name)
    return ApnResource.argument_spec[name]['default'] if value is None else value
