# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The module boundary for modules that read the host they run on and open no modem transport.

The runner of the modem modules checks connection options and opens a transport before a task
runs; a host task needs neither. A ModemError becomes a failed task exactly as there
(``_tasks.runner.failure``).
"""

from __future__ import annotations

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.lte.modem.plugins.module_utils._errors import ModemError
from ansible_collections.lte.modem.plugins.module_utils._tasks.runner import failure


class HostTask:
    """What a host module does: its options, the checks of its options, and the work.

    ``validate(params)`` raises InvalidInputError before anything is read or opened;
    ``run(params, check_mode)`` returns the result dict. Host modules only read, so they support
    check mode.
    """

    def __init__(self, argument_spec, run, validate, **constraints):
        self.argument_spec = argument_spec
        self.run = run
        self.validate = validate
        self.constraints = constraints

    def module_kwargs(self):
        """Keyword arguments for AnsibleModule."""
        return dict(self.constraints, argument_spec=self.argument_spec, supports_check_mode=True)


def execute_host_task(task, params, check_mode=False):
    """Check the options once, then run the task; return its result dict (raises ModemError)."""
    task.validate(params)
    return task.run(params, check_mode)


def run_host_module(task):
    """Entry point of a host module's main()."""
    module = AnsibleModule(**task.module_kwargs())
    try:
        result = execute_host_task(task, module.params, module.check_mode)
    except ModemError as exc:
        module.fail_json(**failure(exc))
    module.exit_json(**result)
