# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""Facts about a modem, by subset: the catalogue says which query feeds which fact; a few facts are derived."""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError
from ansible_collections.lte.modem.plugins.module_utils._huawei import diagnosis
from ansible_collections.lte.modem.plugins.module_utils._huawei.modem import value_of
from ansible_collections.lte.modem.plugins.module_utils._huawei.queries import QUERIES, is_connected

# Subsets in the order of the catalogue, each with the queries that feed it.
SUBSETS = {}
for _query in QUERIES.values():
    if _query.subset:
        SUBSETS.setdefault(_query.subset, []).append(_query.name)
SUBSET_NAMES = tuple(SUBSETS)
FALLBACK_NAMES = frozenset(name for query in QUERIES.values() for name in query.fallback)


def resolve_subsets(requested, option='gather_subset', names=SUBSET_NAMES):
    """Turn ``gather_subset`` (names, ``all``, ``!name``) into the ordered list of subsets (of ``names``)."""
    names = tuple(names)
    requested = list(requested or ['all'])
    unknown = [item for item in requested if item.lstrip('!') not in names + ('all',)]
    if unknown:
        raise InvalidInputError(option, unknown, 'choose from all, %s (prefix a name with ! to leave it out)' % ', '.join(names))
    include = [item for item in requested if not item.startswith('!')]
    exclude = {item[1:] for item in requested if item.startswith('!')}
    if 'all' in include or not include and 'all' not in exclude:
        include = list(names)
    return [name for name in names if name in include and name not in exclude]


def gather(modem, subsets):
    """Ask the modem for ``subsets``; return (facts, notes) where notes list what was left out, then the causes of
    NO CARRIER that the gathered answers show (the checks of huawei_diagnose)."""
    facts, notes, dummy = gather_with(modem, subsets)
    return facts, notes


def gather_with(modem, subsets, also=()):
    """As ``gather``, asking the queries ``also`` on the same lines; return (facts, notes, every outcome)."""
    wanted = [name for subset in subsets for name in SUBSETS[subset] if name not in FALLBACK_NAMES] + list(also)
    outcomes = modem.ask(wanted)
    facts = {subset: _assemble(subset, outcomes) for subset in subsets}
    notes = [dict(outcomes[name].note(), subset=subset) for subset in subsets for name in _noted(subset, outcomes)]
    return facts, notes + diagnosis.notes(outcomes), outcomes


def _assemble(subset, outcomes):
    facts = None
    for name in SUBSETS[subset]:
        outcome = outcomes.get(name)
        if outcome is None or not outcome.ok:
            continue
        place, value = QUERIES[name].fact[1], outcome.value
        if place is None and isinstance(value, list):
            facts = list(value)
            continue
        facts = facts if facts is not None else {}
        if place is None:
            facts.update(value)
        elif callable(place):
            facts.update(place(value))
        else:
            facts[place] = value
    if facts is None:
        facts = [] if subset in LIST_SUBSETS else {}
    if isinstance(facts, dict):
        facts.update(DERIVED.get(subset, _nothing)(outcomes))
    return facts


def _noted(subset, outcomes):
    """The failed queries of a subset worth a note: not the ones whose fallback answered instead."""
    names = [name for name in SUBSETS[subset] if name in outcomes and not outcomes[name].ok]
    switched = any(outcomes.get(fallback) is not None and outcomes[fallback].ok
                   for name in names for fallback in QUERIES[name].fallback)
    return [name for name in names if not (switched and name not in FALLBACK_NAMES)]


def _nothing(outcomes):
    return {}


def _radio(outcomes):
    cfun, rfswitch = value_of(outcomes, 'cfun'), value_of(outcomes, 'rfswitch')
    if cfun is None:
        return {}
    switches_on = rfswitch is None or (rfswitch['software'] and rfswitch['hardware'])
    return {'radio_on': cfun.get('functionality') == 'full' and switches_on}


def _registration(outcomes):
    domains = [value_of(outcomes, name) for name in ('creg', 'cgreg', 'cereg')]
    domains = [domain for domain in domains if domain is not None]
    if not domains:
        return {}
    return {'registered': any(domain.get('registered') for domain in domains),
            'roaming': any(domain.get('roaming') for domain in domains)}


def _syscfg(outcomes):
    for name, command in (('syscfgex', '^SYSCFGEX'), ('syscfg', '^SYSCFG')):
        if value_of(outcomes, name) is not None:
            return {'command': command}
    return {}


def _connection(outcomes):
    ndis = value_of(outcomes, 'ndisstat')
    return {} if ndis is None else {'connected': is_connected(ndis)}


LIST_SUBSETS = frozenset(('pdp',))
DERIVED = {
    'radio': _radio,
    'registration': _registration,
    'syscfg': _syscfg,
    'connection': _connection,
}
