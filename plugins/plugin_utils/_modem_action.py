# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this plugin util is PRIVATE to the collection. It can change at any time.

"""The action plugin of every lte.modem module: RouterOS transports run in the controller process.

``plugins/action/huawei_*.py`` are links to this file; the module's task comes from the task
registry by the module's name.

With ``transport: serial`` the module runs on the target host as usual (the host that has the
modem). With a RouterOS transport the inventory host is the router, which has no Python: the
same task code runs right here on the controller, without building and starting a module
process, and the router address defaults to the inventory host's ``ansible_host``.
"""

from __future__ import annotations

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.parsing.convert_bool import boolean
from ansible.module_utils.common.parameters import remove_values
from ansible.plugins.action import ActionBase

from ansible_collections.lte.modem.plugins.module_utils._errors import ModemError, Unreachable
from ansible_collections.lte.modem.plugins.module_utils._tasks.registry import task_for
from ansible_collections.lte.modem.plugins.module_utils._tasks.runner import execute, failure
from ansible_collections.lte.modem.plugins.module_utils._transports.registry import runs_on_controller

try:  # ansible-core < 2.19 applies module_defaults only when it runs a module
    from ansible.executor.module_common import get_action_args_with_defaults
except ImportError:
    get_action_args_with_defaults = None


# Inventory variables that give RouterOS connection options their default, so a fleet
# inventory (like the one the simulator writes) needs no connection arguments in tasks.
INVENTORY_DEFAULTS = (
    ('transport', 'lte_modem_transport'),
    ('hostname', 'ansible_host'),
    ('username', 'routeros_username'),
    ('password', 'routeros_password'),
    ('interface', 'routeros_interface'),
    ('ca_path', 'routeros_ca_path'),
    ('known_hosts_file', 'routeros_known_hosts'),
)
PORT_VARIABLES = {
    ('routeros_api', False): 'routeros_api_port',
    ('routeros_api', True): 'routeros_api_tls_port',
    ('routeros_ssh', False): 'routeros_ssh_port',
    ('routeros_ssh', True): 'routeros_ssh_port',
}


def inventory_defaults(args, task_vars):
    """Fill unset connection options from the host's inventory variables."""
    args = dict(args)
    for option, variable in INVENTORY_DEFAULTS:
        if args.get(option) is None and task_vars.get(variable) is not None:
            args[option] = task_vars[variable]
    if args.get('hostname') is None:
        args['hostname'] = task_vars.get('inventory_hostname')
    port_variable = PORT_VARIABLES.get((args.get('transport'), bool(args.get('tls') or args.get('ssl'))))
    if args.get('port') is None and port_variable and task_vars.get(port_variable) is not None:
        args['port'] = task_vars[port_variable]
    return args


class ActionModule(ActionBase):
    """Runs the module's task in-process for the RouterOS transports, as a module otherwise."""

    _supports_check_mode = True
    _supports_async = False

    def run(self, tmp=None, task_vars=None):
        task_vars = task_vars or {}
        result = super().run(tmp, task_vars)
        args = self._arguments_with_defaults()
        if args.get('transport') is None and runs_on_controller(task_vars.get('lte_modem_transport')):
            args['transport'] = task_vars['lte_modem_transport']
        if not runs_on_controller(args.get('transport')):
            result.update(self._execute_module(module_name=self._task.resolved_action, module_args=self._task.args, task_vars=task_vars))
            return result
        names = [variable for dummy, variable in INVENTORY_DEFAULTS] + list(PORT_VARIABLES.values()) + ['inventory_hostname']
        wanted = {name: self._templar.template(task_vars[name]) for name in names if name in task_vars}
        args = inventory_defaults(args, wanted)
        if not boolean(self._templar.template(task_vars.get('lte_modem_run_on_controller', True)), strict=False):
            # Run the module where the task's connection points (a jump host, or a module
            # process on the controller), for example to compare the two paths.
            result.update(self._execute_module(module_name=self._task.resolved_action, module_args=args, task_vars=task_vars))
            return result
        result.update(self._run_on_controller(args))
        return result

    def _arguments_with_defaults(self):
        args = dict(self._task.args)
        if get_action_args_with_defaults is not None:
            args = get_action_args_with_defaults(self._task.resolved_action, args, self._task.module_defaults, self._templar,
                                                 action_groups=self._task._parent._play._action_groups)
        return args

    def _run_on_controller(self, args):
        task = task_for(self._task.resolved_action)
        validator = ArgumentSpecValidator(**task.validator_kwargs())
        validated = validator.validate(args)
        secrets = validated._no_log_values
        if validated.error_messages:
            return remove_values(dict(failed=True, msg='; '.join(validated.error_messages)), secrets)
        try:
            outcome = execute(task, validated.validated_parameters, check_mode=bool(self._task.check_mode), diff=bool(self._task.diff))
        except Unreachable as exc:
            # Reported like a host Ansible cannot connect to, so ignore_unreachable and retries apply.
            outcome = dict(unreachable=True, changed=False, msg=str(exc))
        except ModemError as exc:
            outcome = dict(failure(exc), failed=True)
        outcome = remove_values(outcome, secrets)
        warnings = [warning['warning'] for warning in validated._warnings]
        if warnings:
            outcome.setdefault('warnings', []).extend(warnings)
        return outcome
