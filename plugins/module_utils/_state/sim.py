# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The SIM: unlocked with its PIN when it asks for it, and whether it asks at power-on (the PIN lock).

A wrong PIN costs an attempt, and the last wrong attempt blocks the SIM until its PUK is entered.
On a fleet, a wrong PIN in the inventory would block every SIM within three runs; so the PIN is
never entered when a wrong one would leave fewer attempts than ``keep_attempts``, a refused PIN is
never tried again in the same run, and a PUK is never entered at all.
"""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._at.commands import quoted
from ansible_collections.lte.modem.plugins.module_utils._errors import AtCommandError, DeviceStateError, InvalidInputError
from ansible_collections.lte.modem.plugins.module_utils._huawei.modem import value_of
from ansible_collections.lte.modem.plugins.module_utils._poll import poll_until
from ansible_collections.lte.modem.plugins.module_utils._state.engine import Resource

READY = 'ready'
PIN_REQUIRED = 'sim_pin'
ABSENT = 'absent'
# +CME ERROR codes of a SIM that cannot answer: not inserted, failure, busy, wrong.
SIM_MISSING_ERRORS = {10: ABSENT, 13: 'failure', 15: 'wrong'}
INCORRECT_PASSWORD = 16
SIM_BUSY = 14
# After the PIN, the SIM answers "busy" for a moment while the modem reads it.
READY_TIMEOUT = 10.0
READY_INTERVAL = 0.5

BLOCKING_STATES = {
    ABSENT: 'There is no SIM in the modem (+CME ERROR: 10): insert one, then run again.',
    'failure': 'The SIM does not answer the modem (+CME ERROR: 13, SIM failure): reseat or replace it.',
    'wrong': 'The modem refuses this SIM (+CME ERROR: 15, SIM wrong): it is locked to another network or damaged.',
    'sim_puk': ('The SIM is blocked and asks for its PUK. Enter it by hand (AT+CPIN="<PUK>","<new PIN>"); the collection never '
                'enters a PUK, because ten wrong PUKs destroy the SIM.'),
}


class SimResource(Resource):
    """Fields: ``status`` (``ready``, ``sim_pin``, ...) and ``pin_lock`` (None while the SIM cannot tell)."""

    name = 'sim'
    argument_spec = dict(
        pin=dict(type='str', no_log=True),
        pin_lock=dict(type='bool'),
        keep_attempts=dict(type='int', default=1),
    )
    constraints = dict(required_by={'pin_lock': 'pin'})
    reads = ('cpin', 'cpin_counts', 'iccid', 'pin_lock')

    def validate(self, params):
        pin = params.get('pin')
        if pin is not None and not (pin.isdigit() and pin.isascii() and 4 <= len(pin) <= 8):
            raise InvalidInputError('pin', '********', 'a SIM PIN has 4 to 8 digits')
        if params['keep_attempts'] < 0:
            raise InvalidInputError('keep_attempts', params['keep_attempts'], 'a number of attempts, 0 or more')

    def current(self, outcomes, params):
        cpin = outcomes['cpin']
        if cpin.ok:
            status = cpin.value['state'] or cpin.value['status'].lower()
        else:
            status = SIM_MISSING_ERRORS.get(cpin.error.details().get('error_code'))
            if status is None:
                raise cpin.error
        lock = value_of(outcomes, 'pin_lock')
        pin_lock = lock['enabled'] if lock else (True if status in (PIN_REQUIRED, 'sim_puk') else None)
        counts = value_of(outcomes, 'cpin_counts', {})
        context = dict(iccid=value_of(outcomes, 'iccid'), pin_retries=counts.get('pin_retries'), puk_retries=counts.get('puk_retries'))
        return {'status': status, 'pin_lock': pin_lock}, context

    def desired(self, before, context, params):
        status = before['status']
        if status in BLOCKING_STATES:
            raise DeviceStateError(BLOCKING_STATES[status], sim_status=status)
        if status not in (READY, PIN_REQUIRED):
            raise DeviceStateError('The modem asks for %s before the SIM can be used; huawei_sim enters only the SIM PIN.' % status,
                                   sim_status=status)
        after = dict(before, status=READY)
        if status == PIN_REQUIRED:
            self._check_attempts(params, context)
        if params.get('pin_lock') is not None:
            after['pin_lock'] = params['pin_lock']
        return after

    @staticmethod
    def _check_attempts(params, context):
        if params.get('pin') is None:
            raise InvalidInputError('pin', None, 'the SIM asks for its PIN; give pin')
        left = context['pin_retries']
        if left is not None and left <= params['keep_attempts']:
            raise DeviceStateError('The SIM has %d PIN attempt(s) left; a wrong PIN would leave fewer than keep_attempts=%d, so it was not '
                                   'entered. Check the PIN, then lower keep_attempts to try it.' % (left, params['keep_attempts']),
                                   pin_retries=left)

    def plan(self, before, after, context, params):
        commands = []
        if before['status'] == PIN_REQUIRED:
            commands.append('AT+CPIN=%s' % quoted(params['pin']))
        if after['pin_lock'] != before['pin_lock']:
            commands.append('AT+CLCK="SC",%d,%s' % (int(after['pin_lock']), quoted(params['pin'])))
        return commands

    def apply(self, modem, change):
        for command in change.commands:
            result = modem.run(command)
            if result.error_code == INCORRECT_PASSWORD:
                left = value_of(modem.ask(['cpin_counts']), 'cpin_counts', {}).get('pin_retries')
                raise DeviceStateError('The SIM refused the PIN (%s: incorrect password); %s attempt(s) left. Fix pin before running again.'
                                       % (result.command, 'unknown' if left is None else left), pin_retries=left)
            if not result.ok:
                raise AtCommandError(result)
            if command.upper().startswith('AT+CPIN='):
                self._wait_until_ready(modem)
        return list(change.commands)

    @staticmethod
    def _wait_until_ready(modem):
        def ready():
            outcome = modem.ask(['cpin'])['cpin']
            return True if outcome.ok and outcome.value['ready'] else None
        if not poll_until(ready, READY_TIMEOUT, READY_INTERVAL):
            raise DeviceStateError('The SIM accepted the PIN but is not ready %gs later' % READY_TIMEOUT)

    def report(self, modem, change, check_mode):
        return {key: value for key, value in change.context.items() if value is not None}
