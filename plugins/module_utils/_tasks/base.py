# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""What one module does, as a declaration: its options, the checks of its options, and the work."""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError
from ansible_collections.lte.modem.plugins.module_utils._state import engine
from ansible_collections.lte.modem.plugins.module_utils._transports.registry import connection_argument_spec


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
        self.validate = validate or _no_checks
        self.supports_check_mode = supports_check_mode
        self.constraints = constraints

    def module_kwargs(self):
        """Keyword arguments for AnsibleModule."""
        return dict(self.validator_kwargs(), supports_check_mode=self.supports_check_mode)

    def validator_kwargs(self):
        """Keyword arguments for ArgumentSpecValidator (what the action plugin validates with)."""
        return dict(self.constraints, argument_spec=self.argument_spec)


def _no_checks(params):
    return None


def check_transport(resource, params):
    """Raise InvalidInputError when the task's transport cannot reach what ``resource`` manages (the router's own settings over serial)."""
    if resource.transports is not None and params.get('transport') not in resource.transports:
        raise InvalidInputError('transport', params.get('transport'),
                                '%s: the settings of the MikroTik router the modem sits behind need transport %s; a serial port '
                                'reaches the modem alone' % (resource.name, ' or '.join(resource.transports)))


def resource_task(resource):
    """The ModuleTask of a module that manages one desired-state resource."""
    def validate(params):
        check_transport(resource, params)
        engine.validate([(resource, params)])

    def run(modem, params, check_mode, diff):
        return engine.converge(modem, [(resource, params)], check_mode, diff)
    return ModuleTask(resource.argument_spec, run, validate=validate, **resource.constraints)


class HostTask:
    """What a module that works on the host it runs on does; it opens no modem and takes no connection options.

    ``validate(params)`` raises InvalidInputError before anything is read or opened;
    ``run(params, check_mode)`` returns the result dict. Every host module supports check mode:
    one that changes something (huawei_hilink's switch) only says what it would do.
    """

    def __init__(self, argument_spec, run, validate, **constraints):
        self.argument_spec = argument_spec
        self.run = run
        self.validate = validate
        self.constraints = constraints

    def module_kwargs(self):
        """Keyword arguments for AnsibleModule."""
        return dict(self.constraints, argument_spec=self.argument_spec, supports_check_mode=True)
