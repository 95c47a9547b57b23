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

from ansible import constants as C
from ansible.errors import AnsibleError
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.parsing.convert_bool import boolean
from ansible.module_utils.common.parameters import remove_values
from ansible.plugins.action import ActionBase
from ansible.plugins.loader import connection_loader

from ansible_collections.lte.modem.plugins.module_utils._errors import ModemError, Unreachable
from ansible_collections.lte.modem.plugins.module_utils._tasks.registry import task_for
from ansible_collections.lte.modem.plugins.module_utils._tasks.runner import execute, failure
from ansible_collections.lte.modem.plugins.module_utils._transports.registry import runs_on_controller, validate_connection

try:  # ansible-core < 2.19 applies module_defaults only when it runs a module
    from ansible.executor.module_common import get_action_args_with_defaults
except ImportError:
    get_action_args_with_defaults = None


# Where a RouterOS connection option comes from when the task (and module_defaults) leave it
# unset; the first that is set wins (docs/docsite/rst/transports.rst, "Credentials and precedence"):
#   1. the collection's own inventory variable (routeros_username, ...);
#   2. Ansible's standard variables, in the order Ansible itself reads them (ansible_ssh_user
#      before ansible_user, ...);
#   3. Ansible's connection settings: -u, --ask-pass, --private-key, ansible.cfg; on AAP/AWX the
#      Machine credential arrives this way (as -u and the answer to the password prompt);
#   4. the option's default (username admin, no password, the service's port).
# The collection's variable comes before Ansible's: it is set for the routers alone, while
# ansible_user and its kin often serve other hosts too (group_vars/all written for SSH to Linux
# hosts), the reason Ansible itself lets ansible_ssh_user win over ansible_user.
class Fallback:
    """One option: its collection variable, Ansible's variables (by MAGIC_VARIABLE_MAPPING name), its setting."""

    __slots__ = ('option', 'variable', 'ansible', 'setting', 'transports')

    def __init__(self, option, variable, ansible=None, setting=None, transports=None):
        self.option = option
        self.variable = variable
        self.ansible = ansible
        self.setting = setting
        self.transports = transports

    def ansible_variables(self):
        return C.MAGIC_VARIABLE_MAPPING.get(self.ansible, ()) if self.ansible else ()


FALLBACKS = (
    Fallback('transport', 'lte_modem_transport'),
    Fallback('hostname', None, ansible='remote_addr'),
    Fallback('username', 'routeros_username', ansible='remote_user', setting='remote_user'),
    Fallback('password', 'routeros_password', ansible='password', setting='password'),
    Fallback('private_key_file', 'routeros_private_key_file', ansible='private_key_file', setting='private_key_file',
             transports=('routeros_ssh',)),
    Fallback('interface', 'routeros_interface'),
    Fallback('ca_path', 'routeros_ca_path'),
    Fallback('known_hosts_file', 'routeros_known_hosts'),
)
PORT_VARIABLES = {
    ('routeros_api', False): 'routeros_api_port',
    ('routeros_api', True): 'routeros_api_tls_port',
    ('routeros_ssh', False): 'routeros_ssh_port',
    ('routeros_ssh', True): 'routeros_ssh_port',
}
# ansible_port and Ansible's port setting are an SSH port: they never apply to the API.
ANSIBLE_PORT_TRANSPORTS = ('routeros_ssh',)


def variable_names():
    """Every inventory variable the fallbacks read."""
    names = ['inventory_hostname'] + list(PORT_VARIABLES.values()) + list(C.MAGIC_VARIABLE_MAPPING['port'])
    for fallback in FALLBACKS:
        names += ([fallback.variable] if fallback.variable else []) + list(fallback.ansible_variables())
    return names


def first_set(values):
    return next((value for value in values if value is not None), None)


def inventory_defaults(args, task_vars, settings=None):
    """Fill unset connection options from the host's variables, then from Ansible's connection ``settings``.

    ``settings`` holds what Ansible's command line and configuration give (``remote_user``,
    ``password``, ``private_key_file``, ``port``); an empty one counts as unset there.
    """
    args = dict(args)
    settings = settings or {}
    for fallback in FALLBACKS:
        if fallback.option != 'transport' and fallback.transports and args.get('transport') not in fallback.transports:
            continue
        if args.get(fallback.option) is None:
            candidates = [task_vars.get(fallback.variable)] if fallback.variable else []
            candidates += [task_vars.get(name) for name in fallback.ansible_variables()]
            candidates.append((settings.get(fallback.setting) or None) if fallback.setting else None)
            value = first_set(candidates)
            if value is not None:
                args[fallback.option] = value
    if args.get('hostname') is None:
        args['hostname'] = task_vars.get('inventory_hostname')
    if args.get('port') is None:
        tls = bool(args.get('tls') or args.get('ssl'))
        candidates = [task_vars.get(PORT_VARIABLES.get((args.get('transport'), tls)))]
        if args.get('transport') in ANSIBLE_PORT_TRANSPORTS:
            candidates += [task_vars.get(name) for name in C.MAGIC_VARIABLE_MAPPING['port']] + [settings.get('port') or None]
        port = first_set(candidates)
        if port is not None:
            args['port'] = port
    return args


def connection_settings(play_context):
    """What Ansible's command line and configuration say about the connection (-u, --ask-pass, ...).

    The play context also carries the host's variables (ansible_user, ...), which the fallbacks
    read on their own, earlier. With a local connection (the usual one for routers), Ansible keeps
    the user that -u or ansible_user named in ``connection_user`` and may replace ``remote_user``
    by the controller's own user.
    """
    if play_context is None:
        return {}
    if getattr(play_context, 'connection', None) == 'local':
        user = getattr(play_context, 'connection_user', None)
    else:
        user = getattr(play_context, 'remote_user', None)
    return dict(remote_user=user, password=getattr(play_context, 'password', None),
                private_key_file=getattr(play_context, 'private_key_file', None), port=getattr(play_context, 'port', None))


HOST_KEY_CHECKING_VARIABLES = ('ansible_host_key_checking', 'ansible_ssh_host_key_checking')


def ansible_host_key_checking(task_vars):
    """Ansible's host_key_checking for this host, from the sources its ssh connection plugin reads.

    That is ANSIBLE_HOST_KEY_CHECKING (or ANSIBLE_SSH_HOST_KEY_CHECKING), host_key_checking in
    ansible.cfg ([defaults] or [ssh_connection]) and the host variables ansible_host_key_checking
    and ansible_ssh_host_key_checking.
    """
    try:
        connection_loader.get('ssh', class_only=True)  # loads the plugin's option definitions
        value = C.config.get_config_value('host_key_checking', plugin_type='connection', plugin_name='ssh', variables=task_vars)
    except AnsibleError:
        value = C.HOST_KEY_CHECKING
    return boolean(value, strict=False)


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
            module_args = dict(self._task.args)
            device = self._inventory_device(args, task_vars)
            if device is not None:
                args['device'] = module_args['device'] = device
            result.update(self._refuse_bad_input(args) or
                          self._execute_module(module_name=self._task.resolved_action, module_args=module_args, task_vars=task_vars))
            return result
        names = variable_names() + list(HOST_KEY_CHECKING_VARIABLES)
        wanted = {name: self._templar.template(task_vars[name]) for name in names if name in task_vars}
        args = inventory_defaults(args, wanted, connection_settings(self._play_context))
        if args.get('transport') == 'routeros_ssh' and args.get('host_key_checking') is None:
            args['host_key_checking'] = 'strict' if ansible_host_key_checking(wanted) else 'disabled'
        if not boolean(self._templar.template(task_vars.get('lte_modem_run_on_controller', True)), strict=False):
            # Run the module where the task's connection points (a jump host, or a module
            # process on the controller), for example to compare the two paths.
            result.update(self._refuse_bad_input(args) or
                          self._execute_module(module_name=self._task.resolved_action, module_args=args, task_vars=task_vars))
            return result
        result.update(self._run_on_controller(args))
        return result

    def _inventory_device(self, args, task_vars):
        """The serial port from the host's ``lte_modem_device`` when neither the task nor module_defaults name one."""
        if args.get('device') is not None or task_vars.get('lte_modem_device') is None:
            return None
        if 'device' not in task_for(self._task.resolved_action).argument_spec:
            return None
        return self._templar.template(task_vars['lte_modem_device'])

    def _arguments_with_defaults(self):
        args = dict(self._task.args)
        if get_action_args_with_defaults is not None:
            args = get_action_args_with_defaults(self._task.resolved_action, args, self._task.module_defaults, self._templar,
                                                 action_groups=self._task._parent._play._action_groups)
        return args

    def _refuse_bad_input(self, args):
        """The failure for options the module would refuse, checked here before a module process starts.

        The module checks them again on the target. Checking here first keeps bad input (a NUL
        byte) away from the target, where ansible-core 2.20 and later fail on logging it to syslog
        before the module can say which option is wrong. Options the argument spec refuses are
        left to the module, which reports them in its own words, and so are files (the key, the CA):
        they must exist where the module runs, not here.
        """
        validated = ArgumentSpecValidator(**task_for(self._task.resolved_action).validator_kwargs()).validate(args)
        if validated.error_messages:
            return None
        params = dict(validated.validated_parameters, ca_path=None, private_key_file=None)
        try:
            validate_connection(params)
            task_for(self._task.resolved_action).validate(params)
        except ModemError as exc:
            return remove_values(dict(failure(exc), failed=True), validated._no_log_values)
        return None

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
