# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""What huawei_info does: gather facts by subset; unsupported parts become notes.

The ``routeros`` subset reads the router the modem sits behind (RouterOS transports only), and
shows its LTE settings beside the modem's own roam field and APN, which it asks on the same line
as the other subsets' queries.
"""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._errors import RouterCommandError, UnsupportedError
from ansible_collections.lte.modem.plugins.module_utils._huawei.facts import SUBSET_NAMES, gather_with, resolve_subsets
from ansible_collections.lte.modem.plugins.module_utils._huawei.modem import value_of
from ansible_collections.lte.modem.plugins.module_utils._routeros.facts import SUBSET as ROUTEROS, registration_of, routeros_facts
from ansible_collections.lte.modem.plugins.module_utils._tasks.base import ModuleTask

INFO_SUBSETS = SUBSET_NAMES + (ROUTEROS,)
# The modem's own values the routeros subset shows beside the router's: the roam field, the APN of the
# context, and whether it is registered at home or roaming.
BESIDE = ('syscfgex', 'cgdcont', 'creg', 'cgreg', 'cereg')
NO_ROUTER = ('RouterOS settings exist only behind a MikroTik router (transport routeros_api or routeros_ssh); '
             'this modem is on a serial port, so the routeros subset was skipped.')


def asked_for_routeros(requested):
    """Whether ``gather_subset`` names the routeros subset itself (not only through ``all``)."""
    return ROUTEROS in (requested or ())


def validate(params):
    resolve_subsets(params['gather_subset'], names=INFO_SUBSETS)


def run(modem, params, check_mode, diff):
    subsets = resolve_subsets(params['gather_subset'], names=INFO_SUBSETS)
    router_notes = []
    if ROUTEROS in subsets and modem.router is None:
        # all gathers what the transport has; a subset asked by name and skipped says why
        subsets.remove(ROUTEROS)
        if asked_for_routeros(params['gather_subset']):
            router_notes.append({'subset': ROUTEROS, 'command': None, 'reason': NO_ROUTER, 'response': None})
    with_router = ROUTEROS in subsets
    facts, notes, outcomes = gather_with(modem, [subset for subset in subsets if subset != ROUTEROS], BESIDE if with_router else ())
    if with_router:
        try:
            settings = modem.router.read(running=True)
        except (RouterCommandError, UnsupportedError) as exc:
            subsets.remove(ROUTEROS)
            router_notes.append({'subset': ROUTEROS, 'command': '/interface lte print', 'reason': str(exc), 'response': None})
        else:
            syscfg = value_of(outcomes, 'syscfgex') or value_of(outcomes, 'syscfg')
            registration = registration_of([value_of(outcomes, name) for name in ('creg', 'cgreg', 'cereg')])
            facts[ROUTEROS], more = routeros_facts(settings, syscfg, value_of(outcomes, 'cgdcont'), registration)
            router_notes.extend(more)
    return dict(changed=False, modem=facts, gathered_subsets=subsets, notes=notes + router_notes, commands=modem.sent)


TASK = ModuleTask(
    argument_spec=dict(
        gather_subset=dict(type='list', elements='str', default=['all']),
    ),
    run=run,
    validate=validate,
)
