# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The radio: the software RF switch (``^RFSWITCH``) and the phone functionality (``+CFUN``)."""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._errors import DeviceStateError, UnsupportedError
from ansible_collections.lte.modem.plugins.module_utils._huawei.tables import CFUN_CODES
from ansible_collections.lte.modem.plugins.module_utils._state.engine import Resource

RF_STATES = {True: 'on', False: 'off'}
RF_CODES = {'on': 1, 'off': 0}
# Functionality levels a playbook may ask for: the ones that read back as set (6 resets, 8 powers off).
FUNCTIONALITY_CHOICES = ('full', 'minimum', 'offline')

# option -> write command, in the order they are sent (the RF switch before +CFUN, as ModemManager does)
WRITES = (
    ('rf', 'AT^RFSWITCH=%d', RF_CODES),
    ('functionality', 'AT+CFUN=%d', CFUN_CODES),
)

HARDWARE_SWITCH_MESSAGE = (
    'The radio cannot be switched on: the modem reports its hardware RF switch off (^RFSWITCH: %s,0). That switch is the '
    "platform's rfkill, the W_DISABLE# pin of the M.2 / mini-PCIe slot (a laptop's airplane-mode Fn key, the BIOS, or "
    '/sys/class/rfkill/*/state), which no AT command can change. Release it on the host, then run again.'
)


class RadioResource(Resource):
    """Fields: ``rf`` (software switch), ``rf_hardware`` (read only), ``functionality``."""

    name = 'radio'
    argument_spec = dict(
        rf=dict(type='bool'),
        functionality=dict(type='str', choices=list(FUNCTIONALITY_CHOICES)),
    )
    constraints = dict(required_one_of=[('rf', 'functionality')])
    reads = ('cfun', 'rfswitch')
    chained = True

    def current(self, outcomes, params):
        cfun, rfswitch = outcomes['cfun'], outcomes['rfswitch']
        if not cfun.ok:
            raise cfun.error
        if params.get('rf') is not None and not rfswitch.ok:
            raise UnsupportedError('This modem has no software RF switch (AT^RFSWITCH? answered %s); USB sticks lack it. '
                                   'Use functionality instead.' % answer_of(rfswitch), **rfswitch.note())
        switch = rfswitch.value if rfswitch.ok else {}
        hardware = switch.get('hardware')
        return {
            'rf': RF_STATES.get(switch.get('software')),
            'rf_hardware': None if hardware is None else RF_STATES[hardware],
            'functionality': cfun.value['functionality'] or str(cfun.value['code']),
        }, None

    def desired(self, before, context, params):
        after = dict(before)
        wanted = wanted_fields(params)
        after.update(wanted)
        radio_wanted = (wanted.get('rf') == 'on' or wanted.get('functionality') == 'full') and after['rf'] != 'off'
        if radio_wanted and before['rf_hardware'] == 'off':
            raise DeviceStateError(HARDWARE_SWITCH_MESSAGE % int(before['rf'] == 'on'), rf_hardware='off')
        return after

    def plan(self, before, after, context, params):
        return [command % codes[after[option]] for option, command, codes in WRITES if after[option] != before[option]]

    def not_applied(self, change, actual):
        return [command % codes[change.after[option]] for option, command, codes in WRITES
                if change.after[option] != change.before[option] and actual[option] != change.after[option]]

    def confirm(self, change, actual):
        # On some firmware the RF switch also moves what +CFUN? shows: only the asked fields must match.
        wrong = [option for option in wanted_fields(change.params) if actual[option] != change.after[option]]
        if wrong:
            raise DeviceStateError('The modem accepted the radio change but reads back %r instead of %r' % (actual, change.after),
                                   expected=change.after, actual=actual)
        return actual


def wanted_fields(params):
    """The fields the task asks for (``rf`` is a boolean option, shown as on/off)."""
    wanted = {'rf': RF_STATES.get(params.get('rf')), 'functionality': params.get('functionality')}
    return {key: value for key, value in wanted.items() if value is not None}


def answer_of(outcome):
    details = outcome.error.details() if outcome.error else {}
    return ' / '.join(details.get('response') or [str(outcome.error)])
