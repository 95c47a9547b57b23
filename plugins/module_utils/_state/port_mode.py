# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The USB port mode (``^SETPORT``): lock-out guard, reset, re-discovery, pending-reset marker.

``^SETPORT?`` keeps showing the old composition until the modem restarts. Without a
reset, a second run would see the old value and write again; so the module leaves a small marker
file on the host that runs it, keyed by the IMEI, holding the written mode and the value
``^SETPORT?`` showed before. The marker is believed only while ``^SETPORT?`` still shows that old
value (see docs/docsite/rst/port_mode.rst).
"""

from __future__ import annotations

import json
import os
import time

from ansible_collections.lte.modem.plugins.module_utils._errors import (
    AtCommandError,
    AtTimeoutError,
    DeviceStateError,
    InvalidInputError,
    TransportError,
    UnsupportedError,
)
from ansible_collections.lte.modem.plugins.module_utils._huawei.modem import value_of
from ansible_collections.lte.modem.plugins.module_utils._huawei.tables import (
    AT_CAPABLE_PORT_CODES,
    PCUI_PORT_CODES,
    format_port_mode,
    normalize_port_mode,
    setport_code,
)
from ansible_collections.lte.modem.plugins.module_utils._poll import poll_until
from ansible_collections.lte.modem.plugins.module_utils._state.engine import Resource

RESET = 'AT^RESET'
DEFAULT_STATE_DIR = '~/.ansible/lte_modem/port_mode'
PROBE_TIMEOUT = 2.0
PROBE_INTERVAL = 0.5
# Real modules keep answering for about 300 OS ticks after ^RESET before they drop off the bus.
DROP_GRACE = 5.0


def wanted_mode(mode):
    """Return the canonical ``^SETPORT`` string of option ``mode`` (raw string, or list of rewind functions after FF)."""
    try:
        text = format_port_mode([], [setport_code(item) for item in mode]) if isinstance(mode, (list, tuple)) else str(mode)
        return format_port_mode(*normalize_port_mode(text))
    except ValueError as exc:
        raise InvalidInputError('mode', mode, str(exc)) from None


def rewind_codes(mode):
    return normalize_port_mode(mode)[1]


def marker_path(state_dir, imei):
    return os.path.join(os.path.expanduser(state_dir), 'setport-%s.json' % imei)


def load_marker(state_dir, imei):
    """Return the marker dict of a modem, or None (missing or unreadable)."""
    if not imei:
        return None
    try:
        with open(marker_path(state_dir, imei), encoding='utf-8') as handle:
            marker = json.load(handle)
    except (OSError, ValueError):
        return None
    return marker if isinstance(marker, dict) and {'written', 'shown_before'} <= set(marker) else None


def save_marker(state_dir, imei, written, shown_before):
    path = marker_path(state_dir, imei)
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        temporary = '%s.%d.tmp' % (path, os.getpid())
        with open(temporary, 'w', encoding='utf-8') as handle:
            json.dump(dict(imei=imei, written=written, shown_before=shown_before, time=int(time.time())), handle)
        os.replace(temporary, path)
    except OSError as exc:
        raise DeviceStateError('The modem accepted AT^SETPORT="%s" (active after the next reset), but the pending-reset marker %s '
                               'could not be written: %s. A second run would write the mode again.' % (written, path, exc)) from None


def remove_marker(state_dir, imei):
    if imei:
        try:
            os.unlink(marker_path(state_dir, imei))
        except OSError:
            pass


class PortModeResource(Resource):
    """Fields: ``mode`` as ``^SETPORT?`` shows it (active), ``pending_mode`` written but not active yet (from the marker)."""

    name = 'port_mode'
    argument_spec = dict(
        mode=dict(type='raw', required=True),
        force=dict(type='bool', default=False),
        reset=dict(type='bool', default=True),
        wait_timeout=dict(type='float', default=60.0),
        state_dir=dict(type='path', default=DEFAULT_STATE_DIR),
    )
    # The IMEI keys the pending-reset marker.
    reads = ('setport', 'imei')
    test_reads = ('setport_test',)
    resets_modem = True

    def validate(self, params):
        if not PCUI_PORT_CODES.intersection(rewind_codes(wanted_mode(params['mode']))) and not params['force']:
            raise InvalidInputError('mode', params['mode'], 'no PCUI port (2 or 12): the modem could lock you out of its AT interface; '
                                    'set force=true if another AT-capable port is certain to remain')
        if params['wait_timeout'] <= 0:
            raise InvalidInputError('wait_timeout', params['wait_timeout'], 'must be positive')

    def current(self, outcomes, params):
        setport = outcomes['setport']
        if not setport.ok:
            raise UnsupportedError('This modem does not report its port mode: %s (^SETPORT needs the PID-switch NV 2601 enabled)'
                                   % setport.error, **setport.note())
        active = setport.value['mode']
        imei = value_of(outcomes, 'imei')
        marker = load_marker(params['state_dir'], imei)
        pending = marker['written'] if marker and marker['shown_before'] == active and marker['written'] != active else None
        available = value_of(outcomes, 'setport_test')
        return {'mode': active, 'pending_mode': pending}, {'imei': imei, 'available': available}

    @staticmethod
    def _check_available(params, codes):
        first, rewind = normalize_port_mode(wanted_mode(params['mode']))
        missing = [code for code in first + rewind if code not in codes]
        if missing:
            raise InvalidInputError('mode', params['mode'], 'port code(s) %s not offered by this modem; AT^SETPORT=? lists %s'
                                    % (', '.join(missing), ', '.join(codes)))

    def desired(self, before, context, params):
        if context['available'] is not None:
            self._check_available(params, [port['code'] for port in context['available']])
        wanted = wanted_mode(params['mode'])
        if params['reset'] or before['mode'] == wanted:
            return dict(before, mode=wanted, pending_mode=None)
        return dict(before, pending_mode=wanted)

    def plan(self, before, after, context, params):
        if after == before:
            return []
        wanted = wanted_mode(params['mode'])
        write = [] if before['pending_mode'] == wanted else ['AT^SETPORT="%s"' % wanted]
        return write + ([RESET] if params['reset'] and before['mode'] != wanted else [])

    def apply(self, modem, change):
        params = change.params
        for command in change.commands:
            if command == RESET:
                wait_for_reset(modem, params['wait_timeout'], not AT_CAPABLE_PORT_CODES.intersection(rewind_codes(wanted_mode(params['mode']))))
            else:
                modem.check(command)
        return list(change.commands)

    def verify(self, modem, change):
        after = change.after
        if after['pending_mode'] is not None:
            return after  # ^SETPORT? shows the old value until the reset
        if not AT_CAPABLE_PORT_CODES.intersection(rewind_codes(after['mode'])):
            return dict(after, mode=None)
        outcome = modem.ask(['setport'])['setport']
        actual = dict(after, mode=outcome.value['mode'] if outcome.ok else None)
        if actual['mode'] != after['mode']:
            raise DeviceStateError('The modem came back after AT^RESET but AT^SETPORT? shows %s instead of %s'
                                   % (actual['mode'], after['mode']), expected=after['mode'], actual=actual['mode'])
        return actual

    def settle(self, modem, change):
        state_dir, imei, pending = change.params['state_dir'], change.context['imei'], change.after['pending_mode']
        if pending is None:
            remove_marker(state_dir, imei)
        elif change.commands:
            # Remember what was written: ^SETPORT? will not show it before the reset.
            save_marker(state_dir, imei, pending, change.after['mode'])

    def report(self, modem, change, check_mode):
        result = dict(reset_pending=change.after['pending_mode'] is not None)
        if modem.device:
            result['device'] = modem.device
        return result


def wait_for_reset(modem, wait_timeout, no_way_back=False):
    """Send AT^RESET, see the modem drop off, then wait until it answers AT again."""
    try:
        result = modem.run(RESET)
    except (TransportError, AtTimeoutError):
        result = None  # the port vanished before the OK arrived
    if result is not None and not result.ok:
        raise AtCommandError(result)
    if no_way_back:
        return
    poll_until(lambda: _stopped_answering(modem), min(DROP_GRACE, wait_timeout), PROBE_INTERVAL)
    deadline = time.monotonic() + wait_timeout
    errors = ['no answer']

    def answers_again():
        try:
            modem.reconnect(max(0.1, deadline - time.monotonic()))
            return True if modem.run('AT', timeout=PROBE_TIMEOUT).ok else None
        except (TransportError, AtTimeoutError) as exc:
            errors.append(str(exc))
            return None

    if not poll_until(answers_again, wait_timeout, PROBE_INTERVAL):
        raise DeviceStateError('The modem did not answer AT within %gs after AT^RESET (last: %s); the new port mode is stored '
                               'and applies once it restarts' % (wait_timeout, errors[-1]), command=RESET)


def _stopped_answering(modem):
    """True once the AT port stopped answering (the reset really started), else None."""
    try:
        return None if modem.run('AT', timeout=PROBE_TIMEOUT).ok else True
    except (TransportError, AtTimeoutError):
        return True
