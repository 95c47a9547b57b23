# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""What huawei_modem does: the whole desired state of one modem, one facet per resource, in one converge.

Each facet takes the options of the single-purpose module of its resource (the same argument
spec), in the order of the resource registry, which cannot harm a modem. A facet left out is not
managed. ``apns`` holds a list of contexts, one per context id. ``routeros`` (the router's own LTE
settings) needs a RouterOS transport.
"""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError
from ansible_collections.lte.modem.plugins.module_utils._state import engine
from ansible_collections.lte.modem.plugins.module_utils._state.registry import RESOURCES
from ansible_collections.lte.modem.plugins.module_utils._tasks.base import ModuleTask, check_transport


class Facet:
    """One option of huawei_modem: the resource it manages, and for a list, the option that tells its elements apart."""

    def __init__(self, name, resource, key=None):
        self.name = name
        self.resource = resource
        self.key = key

    def option_spec(self):
        options = dict(self.resource.argument_spec)
        if self.key is None:
            return dict(type='dict', options=options, **self.resource.constraints)
        # Elements are told apart by the key, so each must give it.
        options[self.key] = {name: value for name, value in options[self.key].items() if name != 'default'}
        options[self.key]['required'] = True
        return dict(type='list', elements='dict', options=options, **self.resource.constraints)

    def items(self, params):
        given = params.get(self.name)
        if given is None:
            return []
        return [(self.resource, element, self.name) for element in (given if self.key else [given])]


FACETS = tuple(Facet(name, RESOURCES[resource], key) for name, resource, key in (
    ('port_mode', 'port_mode', None),
    ('routeros', 'routeros', None),
    ('sim', 'sim', None),
    ('radio', 'radio', None),
    ('syscfg', 'syscfg', None),
    ('apns', 'apn', 'cid'),
    ('connection', 'connection', None),
))
LIST_FACETS = tuple(facet.name for facet in FACETS if facet.key)


def items_of(params):
    items = [item for facet in FACETS for item in facet.items(params)]
    return engine.Items(items, LIST_FACETS)


def validate(params):
    for facet in FACETS:
        if params.get(facet.name) is not None:
            check_transport(facet.resource, params)
        if facet.key and params.get(facet.name):
            keys = [element[facet.key] for element in params[facet.name]]
            repeated = sorted({key for key in keys if keys.count(key) > 1})
            if repeated:
                raise InvalidInputError('%s.%s' % (facet.name, facet.key), repeated, 'each %s may appear once' % facet.key)
    engine.validate(items_of(params))


def run(modem, params, check_mode, diff):
    items = items_of(params)
    if not items.items:
        return dict(changed=False, commands=[], before={facet: [] for facet in LIST_FACETS}, after={facet: [] for facet in LIST_FACETS})
    return engine.converge(modem, items, check_mode, diff)


TASK = ModuleTask(
    argument_spec={facet.name: facet.option_spec() for facet in FACETS},
    run=run,
    validate=validate,
)
