# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""Roaming, mode order, bands and service domain: ^SYSCFGEX, or ^SYSCFG on 3G-only modems.

The managed fields are always the same five keys (``roaming``, ``mode_order``, ``bands``,
``lte_bands``, ``service_domain``), so before/after/diff read the same on every modem;
``lte_bands`` is None on a modem without LTE. Band lists are canonical names computed from the
masks (``['all']`` for the "All Bands" mask). A write keeps every field that is not asked for
exactly as the modem printed it: a MikroTik router's ME909u-521 that answers
``^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF`` gets roaming with
``AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,`` and nothing else changes.
"""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError, UnsupportedError
from ansible_collections.lte.modem.plugins.module_utils._huawei import tables
from ansible_collections.lte.modem.plugins.module_utils._huawei.modem import value_of
from ansible_collections.lte.modem.plugins.module_utils._state.engine import Resource

ALL = 'all'
SERVICE_DOMAIN_CHOICES = ('cs_only', 'ps_only', 'cs_ps', 'any')
# With LTE in the mode the modem refuses CS only and "any" as service domain.
LTE_FORBIDDEN_DOMAINS = frozenset(('cs_only', 'any'))

# ^SYSCFG <mode>,<acqorder> <-> mode order. Single-RAT modes (13 GSM only, 14 WCDMA only) store an
# acqorder of their own choosing, so only the mode counts when reading them.
SYSCFG_MODE_ORDERS = (
    ((2, 0), ('auto',)),
    ((2, 1), ('gsm', 'wcdma')),
    ((2, 2), ('wcdma', 'gsm')),
    ((13, 1), ('gsm',)),
    ((14, 2), ('wcdma',)),
)
SYSCFG_SINGLE_RAT_MODES = {13: ('gsm',), 14: ('wcdma',)}
SYSCFG_CODES = {order: codes for codes, order in SYSCFG_MODE_ORDERS}

BAND_OPTIONS = {
    # option: (names -> mask, any mask, key of the supported list in the =? answer)
    'bands': (tables.gsm_umts_names_to_mask, tables.GSM_UMTS_BAND_ANY, 'bands'),
    'lte_bands': (tables.lte_names_to_mask, tables.LTE_BAND_ANY, 'lte_bands'),
}


def requested_mask(option, names):
    """Return the mask of a ``bands``/``lte_bands`` list (``[all]`` = every band); InvalidInputError otherwise."""
    to_mask, any_mask, dummy = BAND_OPTIONS[option]
    lowered = [str(name).strip().lower() for name in names]
    if not lowered:
        raise InvalidInputError(option, names, 'give at least one band, or [all]')
    if ALL in lowered:
        if len(lowered) > 1:
            raise InvalidInputError(option, names, '"all" cannot be combined with other bands')
        return any_mask
    specials = {tables.BAND_ANY_NAME.lower(), tables.BAND_NO_CHANGE_NAME.lower()}
    if specials.intersection(lowered):
        raise InvalidInputError(option, names, 'use "all" for every band; "no_change" is not a desired state')
    try:
        return to_mask(names)
    except ValueError as exc:
        raise InvalidInputError(option, names, str(exc)) from None


def requested_acqorder(mode_order):
    """Return the ^SYSCFGEX acqorder string for ``mode_order``; InvalidInputError otherwise."""
    names = [str(name).strip().lower() for name in mode_order]
    if tables.SYSCFGEX_RATS[tables.ACQORDER_NO_CHANGE] in names:
        raise InvalidInputError('mode_order', mode_order, '"no_change" is not a desired state; leave the option out to keep the order')
    try:
        return tables.mode_order_to_acqorder(names)
    except ValueError as exc:
        raise InvalidInputError('mode_order', mode_order, str(exc)) from None


def band_names(mask, any_mask, to_names):
    """Canonical names of a mask as shown in before/after: ``['all']`` for the any mask, ``[]`` for an empty field."""
    if mask is None:
        return []
    return [ALL] if mask == any_mask else to_names(mask)


def check_band_supported(option, names, mask, supported):
    """Refuse a mask outside what ``=?`` lists: one listed mask exactly, or a subset of the listed bands."""
    listed = [tables.parse_hex_mask(entry['mask']) for entry in supported]
    if not listed or mask in listed:
        return
    any_mask = BAND_OPTIONS[option][1]
    union = 0
    for value in listed:
        union |= value if value != any_mask else 0
    if mask & ~union:
        raise InvalidInputError(option, names, 'the modem supports %s' % '; '.join('%s (%s)' % (entry['names'], entry['mask']) for entry in supported))


def check_in(option, value, code, allowed, what):
    if allowed and code not in allowed:
        raise InvalidInputError(option, value, 'the modem accepts %s %s only' % (what, allowed))


class SyscfgResource(Resource):
    """^SYSCFGEX (or ^SYSCFG): roaming, mode order, GSM/UMTS and LTE bands, service domain."""

    name = 'syscfg'
    argument_spec = dict(
        roaming=dict(type='bool'),
        mode_order=dict(type='list', elements='str'),
        bands=dict(type='list', elements='str'),
        lte_bands=dict(type='list', elements='str'),
        service_domain=dict(type='str', choices=list(SERVICE_DOMAIN_CHOICES)),
    )
    constraints = dict(required_one_of=[list(argument_spec)])
    # ^SYSCFG and ^SYSCFG=? answer instead on 3G-only modems (the catalogue's fallback).
    reads = ('syscfgex',)
    chained = True
    # Only values the modem may not offer are checked against its test command: every firmware takes roam 0 and 1.
    TESTED_FIELDS = frozenset(('mode_order', 'bands', 'lte_bands', 'service_domain'))
    TESTS = {'^SYSCFGEX': ('syscfgex_test',), '^SYSCFG': ('syscfg_test',)}

    def tests(self, change):
        if not self.TESTED_FIELDS.intersection(key for key, value in change.after.items() if change.before[key] != value):
            return ()
        return self.TESTS[change.context['command']]

    def validate(self, params):
        if params.get('mode_order') is not None:
            requested_acqorder(params['mode_order'])
        for option in BAND_OPTIONS:
            if params.get(option) is not None:
                requested_mask(option, params[option])

    def read_back(self, change):
        return ('syscfg',) if change.context['command'] == '^SYSCFG' else self.reads

    def current(self, outcomes, params):
        if 'syscfgex' in outcomes and outcomes['syscfgex'].ok:
            return self._current_ex(outcomes['syscfgex'].value, value_of(outcomes, 'syscfgex_test'))
        if outcomes['syscfg'].ok:
            return self._current_syscfg(outcomes['syscfg'].value, value_of(outcomes, 'syscfg_test'))
        error = outcomes['syscfgex'].error
        raise UnsupportedError('The modem answers neither AT^SYSCFGEX? (%s) nor AT^SYSCFG? (%s)' % (error, outcomes['syscfg'].error),
                               **error.details())

    @staticmethod
    def _current_ex(value, supported):
        lte_mask = tables.parse_hex_mask(value['lteband'])
        lte = lte_mask is not None or bool((supported or {}).get('lte_bands'))
        fields = dict(
            roaming=value['roaming'],
            mode_order=value['mode_order'],
            bands=band_names(tables.parse_hex_mask(value['band']), tables.GSM_UMTS_BAND_ANY, tables.gsm_umts_mask_to_names),
            lte_bands=None if lte_mask is None else band_names(lte_mask, tables.LTE_BAND_ANY, tables.lte_mask_to_names),
            service_domain=value['service_domain'],
        )
        return fields, dict(command='^SYSCFGEX', fields=value['fields'], supported=supported or {}, lte=lte)

    @staticmethod
    def _current_syscfg(value, supported):
        mode, acqorder = value['mode'], value['acqorder']
        order = SYSCFG_SINGLE_RAT_MODES.get(mode) or dict(SYSCFG_MODE_ORDERS).get((mode, acqorder)) or (value['mode_name'] or 'mode_%d' % mode,)
        fields = dict(
            roaming=value['roaming'],
            mode_order=list(order),
            bands=band_names(tables.parse_hex_mask(value['band']), tables.GSM_UMTS_BAND_ANY, tables.gsm_umts_mask_to_names),
            lte_bands=None,
            service_domain=value['service_domain'],
        )
        return fields, dict(command='^SYSCFG', fields=value['fields'], supported=supported or {}, lte=False)

    def desired(self, before, context, params):
        after = dict(before)
        if params.get('roaming') is not None:
            after['roaming'] = bool(params['roaming'])
            check_in('roaming', params['roaming'], int(after['roaming']), context['supported'].get('roam'), 'roam values')
        if params.get('service_domain') is not None:
            after['service_domain'] = params['service_domain']
            code = tables.SERVICE_DOMAIN_CODES[after['service_domain']]
            check_in('service_domain', params['service_domain'], code, context['supported'].get('srvdomain'), 'srvdomain values')
        if params.get('mode_order') is not None:
            after['mode_order'] = self._mode_order(context, params['mode_order'])
        for option, (dummy, any_mask, key) in BAND_OPTIONS.items():
            if params.get(option) is not None:
                after[option] = self._bands(context, option, params[option], any_mask, key)
        if after != before and self._has_lte(context, after['mode_order']) and after['service_domain'] in LTE_FORBIDDEN_DOMAINS:
            option = 'service_domain' if params.get('service_domain') is not None else 'mode_order'
            raise InvalidInputError(option, params[option], 'with LTE in the mode order the modem refuses service_domain %s; use ps_only or cs_ps'
                                    % after['service_domain'])
        return after

    @staticmethod
    def _has_lte(context, mode_order):
        return 'lte' in mode_order or (mode_order == ['auto'] and context['lte'])

    @staticmethod
    def _mode_order(context, mode_order):
        acqorder = requested_acqorder(mode_order)
        names = tables.acqorder_to_mode_order(acqorder)
        if context['command'] == '^SYSCFG':
            if tuple(names) not in SYSCFG_CODES:
                raise InvalidInputError('mode_order', mode_order, 'this modem only has ^SYSCFG (no LTE); choose from %s'
                                        % ', '.join('[%s]' % ', '.join(order) for dummy, order in SYSCFG_MODE_ORDERS))
            mode, acqorder_code = SYSCFG_CODES[tuple(names)]
            check_in('mode_order', mode_order, mode, context['supported'].get('modes'), '^SYSCFG modes')
            check_in('mode_order', mode_order, acqorder_code, context['supported'].get('acqorders'), '^SYSCFG acqorders')
            return names
        allowed = context['supported'].get('acqorders')
        if allowed and acqorder not in allowed:
            known = [', '.join(tables.SYSCFGEX_RATS.get(code[pos:pos + 2], code) for pos in range(0, len(code), 2))
                     for code in allowed if code != tables.ACQORDER_NO_CHANGE]
            raise InvalidInputError('mode_order', mode_order, 'the modem accepts only these orders: %s' % '; '.join('[%s]' % item for item in known))
        return names

    @staticmethod
    def _bands(context, option, names, any_mask, key):
        if option == 'lte_bands' and not context['lte']:
            raise InvalidInputError(option, names, 'this modem has no LTE (%s); leave lte_bands out' % context['command'])
        mask = requested_mask(option, names)
        check_band_supported(option, names, mask, context['supported'].get(key) or [])
        to_names = tables.gsm_umts_mask_to_names if option == 'bands' else tables.lte_mask_to_names
        return band_names(mask, any_mask, to_names)

    def plan(self, before, after, context, params):
        if before == after:
            return []
        fields = list(context['fields'])
        changed = {key for key, value in after.items() if before[key] != value}
        if context['command'] == '^SYSCFG':
            return ['AT^SYSCFG=%s' % ','.join(self._syscfg_fields(fields, changed, params, after))]
        fields = self._syscfgex_fields(fields, changed, params, after)
        return ['AT^SYSCFGEX="%s",%s,,' % (fields[0], ','.join(fields[1:]))]

    @staticmethod
    def _common_fields(fields, changed, params, after, offset):
        """Replace band, roam and srvdomain (at ``offset`` .. ``offset + 2``) when they changed."""
        if 'bands' in changed:
            fields[offset] = tables.format_hex_mask(requested_mask('bands', params['bands']))
        if 'roaming' in changed:
            fields[offset + 1] = str(int(after['roaming']))
        if 'service_domain' in changed:
            fields[offset + 2] = str(tables.SERVICE_DOMAIN_CODES[after['service_domain']])
        return fields

    def _syscfgex_fields(self, fields, changed, params, after):
        if 'mode_order' in changed:
            fields[0] = requested_acqorder(after['mode_order'])
        if 'lte_bands' in changed:
            fields[4] = tables.format_hex_mask(requested_mask('lte_bands', params['lte_bands']))
        return self._common_fields(fields, changed, params, after, 1)

    def _syscfg_fields(self, fields, changed, params, after):
        if 'mode_order' in changed:
            fields[0], fields[1] = (str(code) for code in SYSCFG_CODES[tuple(after['mode_order'])])
        return self._common_fields(fields, changed, params, after, 2)
