# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""What huawei_diagnose does: read once, judge every check, and with ``fix`` apply the remedies a resource knows.

``fix`` goes through the desired-state engine (``converge``), so check mode, diff and an honest
``changed`` come from there; it applies only the remedies that name a resource (the radio, the
roam field, the APN, and on a MikroTik router its ``allow-roaming``), never the port mode or the SIM PIN. The modem is read again afterwards, once
it had time to register, and the findings after the fix are the ones reported.
"""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError, ModemError, RouterCommandError, UnsupportedError
from ansible_collections.lte.modem.plugins.module_utils._huawei import diagnosis, judges
from ansible_collections.lte.modem.plugins.module_utils._poll import poll_until
from ansible_collections.lte.modem.plugins.module_utils._state import engine
from ansible_collections.lte.modem.plugins.module_utils._state.options import check_apn, check_cid
from ansible_collections.lte.modem.plugins.module_utils._state.registry import RESOURCES
from ansible_collections.lte.modem.plugins.module_utils._tasks.base import ModuleTask

REGISTRATION_INTERVAL = 1.0


def validate(params):
    check_apn('apn', params.get('apn'))
    check_cid('cid', params['cid'])
    if params['wait_timeout'] <= 0:
        raise InvalidInputError('wait_timeout', params['wait_timeout'], 'must be a positive number of seconds')


def routeros_settings(modem, params):
    """The router's own settings of the LTE interface, for the checks that need them (``routeros_roaming_off``).

    ``{'allow_roaming': bool}`` from ``/interface lte``; None on a serial port (no router), or when the
    router does not let its settings be read (those checks are then skipped, saying why).
    """
    if modem.router is None:
        return None
    try:
        interface = modem.router.read().interface
    except (RouterCommandError, UnsupportedError):
        return None
    return {'allow_roaming': interface.get('allow_roaming')}


def diagnose(modem, params):
    options = dict(cid=params['cid'], apn=params.get('apn'), interface=params.get('interface'), transport=params.get('transport'))
    readings = diagnosis.read(modem, options, {'routeros': routeros_settings(modem, params)})
    findings, steps = diagnosis.diagnose(readings)
    return readings, findings, steps


def remedies(findings):
    """[(resource, options)] for converge: the remedies fix may apply, merged per resource, in the registry's order."""
    wanted = {}
    for finding in findings:
        if finding.fix is not None:
            name, options = finding.fix
            wanted.setdefault(name, {}).update(options)
    return [(resource, wanted[name]) for name, resource in RESOURCES.items() if name in wanted]


def wait_for_registration(modem, timeout):
    def attempt():
        outcomes = modem.ask(diagnosis.REGISTRATION)
        return True if any(outcome.ok and outcome.value['registered'] for outcome in outcomes.values()) else None
    poll_until(attempt, timeout, REGISTRATION_INTERVAL)


def run(modem, params, check_mode, diff):
    readings, findings, steps = diagnose(modem, params)
    result = dict(changed=False)
    if params['fix']:
        before = [finding.as_dict() for finding in findings]
        items = remedies(findings)
        outcome = dict(changed=False, commands=[], before={}, after={})
        if items:
            try:
                engine.validate(items)
                outcome = engine.converge(modem, items, check_mode, diff)
            except ModemError as exc:
                raise exc.add_details(findings_before=before, commands=modem.sent)
        if outcome['changed'] and not check_mode:
            if not judges.registered(readings):
                wait_for_registration(modem, params['wait_timeout'])
            readings, findings, steps = diagnose(modem, params)
        result.update(changed=outcome['changed'], findings_before=before, writes=outcome['commands'],
                      fixed=[dict(id=finding['id'], task=finding['remedy']['task']) for finding in before if finding['remedy']['fix']])
        if diff:
            result['diff'] = outcome.get('diff', {'before': {}, 'after': {}})
    result.update(
        healthy=diagnosis.healthy(findings),
        summary=diagnosis.summary(findings, steps),
        findings=[finding.as_dict() for finding in findings],
        checks=steps,
        commands=modem.sent,
    )
    return result


TASK = ModuleTask(
    argument_spec=dict(
        apn=dict(type='str'),
        cid=dict(type='int', default=1),
        fix=dict(type='bool', default=False),
        wait_timeout=dict(type='float', default=30.0),
    ),
    run=run,
    validate=validate,
)
