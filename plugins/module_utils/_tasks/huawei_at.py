# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""What huawei_at does: send raw AT command lines and return structured results."""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._at.commands import is_read_only, validate_command
from ansible_collections.lte.modem.plugins.module_utils._errors import AtCommandError, InvalidInputError
from ansible_collections.lte.modem.plugins.module_utils._tasks.base import ModuleTask


def _commands(params):
    if params.get('command') is not None:
        return [('command', params['command'])]
    return [('commands[%d]' % index, command) for index, command in enumerate(params['commands'])]


def validate(params):
    if params.get('command') is None and not params.get('commands'):
        raise InvalidInputError('commands', params.get('commands'), 'give command or a non-empty list of commands')
    for option, command in _commands(params):
        validate_command(command, option)
    if params.get('command_timeout') is not None and params['command_timeout'] <= 0:
        raise InvalidInputError('command_timeout', params['command_timeout'], 'must be a positive number of seconds')


def run(modem, params, check_mode, diff):
    results = []
    for dummy, command in _commands(params):
        read_only = is_read_only(command)
        if check_mode and not read_only:
            # Not 'skipped': Ansible would take a list of skipped results for a skipped loop.
            results.append({'command': modem.shown(command), 'sent': False, 'changed': True, 'lines': [], 'final': None, 'ok': None})
            continue
        result = modem.run(command, params.get('command_timeout'))
        entry = dict(result.as_dict(), sent=True, changed=result.ok and not read_only)
        results.append(entry)
        if not result.ok and params['fail_on_error']:
            raise AtCommandError(result).add_details(results=results, **_outputs(results))
    return dict(changed=any(entry['changed'] for entry in results), results=results, **_outputs(results))


def _outputs(results):
    lines = [entry['lines'] + ([entry['final']] if entry['final'] else []) for entry in results]
    return {'stdout': ['\n'.join(block) for block in lines], 'stdout_lines': lines}


TASK = ModuleTask(
    argument_spec=dict(
        command=dict(type='str'),
        commands=dict(type='list', elements='str'),
        fail_on_error=dict(type='bool', default=True),
        command_timeout=dict(type='float'),
    ),
    run=run,
    validate=validate,
    mutually_exclusive=[('command', 'commands')],
    required_one_of=[('command', 'commands')],
)
