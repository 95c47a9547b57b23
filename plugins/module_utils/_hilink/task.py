# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""What huawei_hilink does: see whether a stick is in HiLink mode, and switch it to its serial configuration."""

from __future__ import annotations

import re

from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError, Unreachable, UnsupportedError
from ansible_collections.lte.modem.plugins.module_utils._hilink.api import NO_RIGHTS, NOT_SUPPORTED, HilinkApi, HilinkError
from ansible_collections.lte.modem.plugins.module_utils._tasks.base import HostTask

# A field report's E3272 with firmware 22.470.07.00.00 refused the switch that 21.x firmware allows.
REFUSING_MAJOR = 22
ROUTE = ('The documented way out is a firmware downgrade to a 21.x release (an E3272 with 22.470 firmware was taken '
         'to 21.420.07.00.00 with Huawei\'s Windows updater, which leaves the stick in its serial mode, 12d1:1442, '
         'on the way). On the serial port, AT^SETPORT="FF;10,12" and AT^RESET then make it a stick for good '
         '(lte.modem.huawei_port_mode). The collection\'s guide docs/docsite/rst/host_raspberry_pi_stick.rst walks through it.')


def firmware_major(version):
    """The first number of a firmware version (``22`` of ``22.470.07.00.00``), or None."""
    match = re.match(r'^\s*(\d+)\.', version or '')
    return int(match.group(1)) if match else None


def validate(params):
    if not 0 < params['port'] < 65536:
        raise InvalidInputError('port', params['port'], 'must be a TCP port, 1-65535')
    if params['timeout'] <= 0:
        raise InvalidInputError('timeout', params['timeout'], 'must be a positive number of seconds')
    if not re.match(r'^[A-Za-z0-9.:\[\]-]+$', params['address']):
        raise InvalidInputError('address', params['address'], 'must be a host name or an IP address')


def _describe(info):
    return {'model': info.get('DeviceName'), 'firmware': info.get('SoftwareVersion'),
            'hardware_version': info.get('HardwareVersion'), 'web_ui_version': info.get('WebUIVersion')}


def _information(api, params):
    try:
        return api.information()
    except HilinkError as exc:
        if exc.code != NO_RIGHTS:
            raise
        if not params['password']:
            raise UnsupportedError('The stick\'s web interface asks for a login before it tells what it is: set password '
                                   '(and username, default admin).', error_code=exc.code) from None
    api.login(params['username'], params['password'])
    return api.information()


def _refusal(device, code=None):
    answered = ' (its web API answered error %d, not supported)' % code if code else ''
    return UnsupportedError('%s firmware %s does not allow the switch from HiLink to its serial configuration%s. Nothing was '
                            'changed. %s' % (device['model'] or 'The stick', device['firmware'], answered, ROUTE),
                            device=device, error_code=code, changed=False)


def run(params, check_mode):
    api = HilinkApi(params['address'], params['port'], params['timeout'])
    result = dict(changed=False, address=params['address'], hilink=False, device=None, switchable=None, switched=False)
    try:
        info = _information(api, params)
    except Unreachable as exc:
        result['msg'] = ('No HiLink web API answers at %s: the stick is not in HiLink mode (or not at this address). %s'
                         % (params['address'], exc))
        return result
    device = _describe(info)
    major = firmware_major(device['firmware'])
    result.update(hilink=True, device=device, switchable=major is not None and major < REFUSING_MAJOR)
    if params['state'] == 'detected':
        result['msg'] = '%s in HiLink mode, firmware %s' % (device['model'], device['firmware'])
        return result
    if not result['switchable'] and not params['force']:
        raise _refusal(device)
    result.update(changed=True, switched=True)
    if check_mode:
        result['msg'] = 'The switch to the serial configuration would be requested'
        return result
    try:
        api.switch_to_serial()
    except HilinkError as exc:
        if exc.code == NOT_SUPPORTED:
            raise _refusal(device, exc.code) from None
        if exc.code == NO_RIGHTS and params['password']:
            api.login(params['username'], params['password'])
            api.switch_to_serial()
        else:
            raise
    result['msg'] = ('%s switches to its serial configuration: it re-enumerates (USB ID 12d1:1442) with an AT port in a few '
                     'seconds, and its web API goes away' % device['model'])
    return result


TASK = HostTask(
    argument_spec=dict(
        address=dict(type='str', default='192.168.8.1'),
        port=dict(type='int', default=80),
        state=dict(type='str', choices=['detected', 'serial'], default='detected'),
        username=dict(type='str', default='admin'),
        password=dict(type='str', no_log=True),
        force=dict(type='bool', default=False),
        timeout=dict(type='float', default=5.0),
    ),
    run=run,
    validate=validate,
)
