# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The module boundary: the only place where ModemError becomes a failed task.

A ``ModuleTask`` describes one module (argument spec, input checks, the work). ``execute``
runs it on an opened modem and is shared by modules (``run_module``) and by the action
plugins that run RouterOS transports on the controller.
"""

from __future__ import annotations

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.lte.modem.plugins.module_utils._at.framing import AtClient
from ansible_collections.lte.modem.plugins.module_utils._huawei.modem import HuaweiModem
from ansible_collections.lte.modem.plugins.module_utils._errors import ModemError
from ansible_collections.lte.modem.plugins.module_utils._transports.base import (
    connection_argument_spec,
    open_transport,
    validate_connection,
)


class ModuleTask:
    """What one module does.

    ``validate(params)`` raises InvalidInputError before anything is opened or sent;
    ``run(modem, params, check_mode, diff)`` returns the result dict.
    """

    def __init__(self, argument_spec, run, validate=None, supports_check_mode=True, **constraints):
        spec = connection_argument_spec()
        spec.update(argument_spec)
        self.argument_spec = spec
        self.run = run
        self.validate = validate
        self.supports_check_mode = supports_check_mode
        self.constraints = constraints

    def module_kwargs(self):
        """Keyword arguments for AnsibleModule."""
        return dict(self.validator_kwargs(), supports_check_mode=self.supports_check_mode)

    def validator_kwargs(self):
        """Keyword arguments for ArgumentSpecValidator (what the action plugin validates with)."""
        return dict(self.constraints, argument_spec=self.argument_spec)


def execute(task, params, check_mode=False, diff=False, transport_factory=open_transport):
    """Validate, open the modem, run the task and return its result dict (raises ModemError)."""
    validate_connection(params)
    if task.validate:
        task.validate(params)
    with transport_factory(params) as transport:
        modem = HuaweiModem(AtClient(transport, timeout=params['timeout']))
        result = task.run(modem, params, check_mode, diff)
    if modem.urcs and 'urcs' not in result:
        result['urcs'] = modem.urcs
    return result


def failure(exc):
    """Return the keyword arguments of fail_json for a ModemError."""
    details = exc.details()
    details.pop('exception', None)
    return dict(msg=str(exc), **details)


def run_module(task):
    """Entry point of every module's main()."""
    module = AnsibleModule(**task.module_kwargs())
    try:
        result = execute(task, module.params, module.check_mode, module._diff)
    except ModemError as exc:
        module.fail_json(**failure(exc))
    module.exit_json(**result)
