# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""What huawei_ports does: find the host's Huawei modems and the AT port of each."""

from __future__ import annotations

import os

from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError
from ansible_collections.lte.modem.plugins.module_utils._host.discovery import discover
from ansible_collections.lte.modem.plugins.module_utils._tasks.base import HostTask


def validate(params):
    for option, what in (('sysfs_path', 'a Linux sysfs tree'), ('dev_path', 'a /dev tree')):
        if not os.path.isdir(params[option]):
            raise InvalidInputError(option, params[option], 'no such directory; give the root of %s' % what)
    if params['probe_timeout'] <= 0:
        raise InvalidInputError('probe_timeout', params['probe_timeout'], 'must be a positive number of seconds')
    if params['getportmode'] and not params['probe']:
        raise InvalidInputError('getportmode', params['getportmode'], 'needs probe=true: it is asked on a port that answered AT')


def run(params, check_mode):
    return discover(params['sysfs_path'], params['dev_path'], probe=params['probe'],
                    probe_timeout=params['probe_timeout'], getportmode=params['getportmode'])


TASK = HostTask(
    argument_spec=dict(
        sysfs_path=dict(type='path', default='/sys'),
        dev_path=dict(type='path', default='/dev'),
        probe=dict(type='bool', default=True),
        probe_timeout=dict(type='float', default=1.0),
        getportmode=dict(type='bool', default=False),
    ),
    run=run,
    validate=validate,
)
