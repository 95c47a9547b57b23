# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The module boundary: the only place where ModemError becomes a failed task.

``execute`` runs a ModuleTask on an opened modem and is shared by the modules (``run_module``,
in a module process) and by the action plugin (in the controller process, for the RouterOS
transports); ``execute_host`` runs a HostTask, which reads the host it runs on.
"""

from __future__ import annotations

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.lte.modem.plugins.module_utils._at.client import AtClient
from ansible_collections.lte.modem.plugins.module_utils._errors import ModemError
from ansible_collections.lte.modem.plugins.module_utils._huawei.modem import HuaweiModem
from ansible_collections.lte.modem.plugins.module_utils._lock import LOCK_DIR, ModemLock
from ansible_collections.lte.modem.plugins.module_utils._routeros.lte import open_router
from ansible_collections.lte.modem.plugins.module_utils._tasks.base import HostTask
from ansible_collections.lte.modem.plugins.module_utils._transports.registry import modem_key, open_transport, validate_connection


def execute(task, params, check_mode=False, diff=False, transport_factory=open_transport, lock_directory=LOCK_DIR):
    """Check the options, take the modem's lock, open the modem, run the task; return its result dict.

    The options are checked once, here, before anything is opened or sent. The lock is held until
    the modem is closed again, so that a read-modify-write of another task on the same modem
    cannot interleave. Once a write may have reached the modem, an error says so and ``changed``.

    Raises:
        ModemError.
    """
    validate_connection(params)
    task.validate(params)
    with ModemLock(modem_key(params), lock_directory).acquire(params['lock_timeout']):
        with transport_factory(params) as transport:
            client = AtClient(transport, timeout=params['timeout'])
            router = open_router(transport, params)
            try:
                result = task.run(HuaweiModem(client, router), params, check_mode, diff)
            except ModemError as exc:
                raise exc.after_write() if client.wrote or (router is not None and router.wrote) else exc
            finally:
                client.finish()
    if client.urcs and 'urcs' not in result:
        result['urcs'] = client.urcs
    return result


def execute_host(task, params, check_mode=False):
    """Check the options once, then run a task that reads the host it runs on; return its result dict (raises ModemError)."""
    task.validate(params)
    return task.run(params, check_mode)


def failure(exc):
    """Return the keyword arguments of fail_json for a ModemError."""
    details = exc.details()
    details.pop('exception', None)
    return dict(msg=str(exc), **details)


def run_module(task):
    """Entry point of every module's main()."""
    module = AnsibleModule(**task.module_kwargs())
    try:
        if isinstance(task, HostTask):
            result = execute_host(task, module.params, module.check_mode)
        else:
            result = execute(task, module.params, module.check_mode, module._diff)
    except ModemError as exc:
        module.fail_json(**failure(exc))
    module.exit_json(**result)
