# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""huawei_info's ``routeros`` subset: the router's LTE settings beside the modem's own values, and where they disagree.

Two layers decide whether a MikroTik router with a Huawei modem gets data while roaming, and which
APN it asks for: RouterOS (``allow-roaming``, the APN profile the interface uses, a ``modem-init``
line sent to the modem at every initialisation) and the modem (the roam field of ``^SYSCFGEX``, the
APN of its PDP context). Each disagreement is a note saying what follows from it.
"""

from __future__ import annotations

import re

# The roam field of a ^SYSCFGEX or ^SYSCFG write inside a modem-init line (0 off, 1 on; others keep it).
_INIT_ROAM = (
    re.compile(r'\^SYSCFGEX=\s*"?[0-9]*"?\s*,\s*[0-9A-Fa-fx]*\s*,\s*(\d)', re.IGNORECASE),
    re.compile(r'\^SYSCFG=\s*\d+\s*,\s*\d+\s*,\s*[0-9A-Fa-fx]*\s*,\s*(\d)', re.IGNORECASE),
)
SUBSET = 'routeros'


def init_roaming(modem_init):
    """Whether a ``modem-init`` line turns the modem's roaming on (True) or off (False); None when it does not touch it."""
    for pattern in _INIT_ROAM:
        match = pattern.search(modem_init or '')
        if match and match.group(1) in '01':
            return match.group(1) == '1'
    return None


def dialled_apn(settings):
    """(profile name, APN) the router dials with: the first profile of ``apn-profiles`` (RouterOS 7), or the interface's ``apn`` (6)."""
    interface = settings.interface
    if settings.profiles is None:
        return None, interface.get('apn')
    names = interface.get('apn_profiles') or []
    profile = settings.profile(names[0]) if names else None
    return (names[0] if names else None), (profile['apn'] if profile else None)


def _agree(one, other, fold=False):
    if one is None or other is None:
        return None
    return one.lower() == other.lower() if fold else one == other


def registration_of(domains):
    """``home``, ``roaming`` or ``not registered`` from the parsed +CREG/+CGREG/+CEREG values (None when none was read)."""
    domains = [domain for domain in domains if domain]
    if not domains:
        return None
    if any(domain.get('registered') and domain.get('roaming') for domain in domains):
        return 'roaming'
    return 'home' if any(domain.get('registered') for domain in domains) else 'not registered'


def routeros_facts(settings, modem_syscfg, modem_contexts, registration=None, cid=1):
    """(facts, notes) of the ``routeros`` subset.

    ``modem_syscfg``: the parsed ``^SYSCFGEX?``/``^SYSCFG?`` value (None when not read); ``modem_contexts``:
    the parsed ``+CGDCONT?`` list (None when not read); ``registration``: ``home``, ``roaming`` or ``not
    registered`` (``registration_of``); ``cid``: the context RouterOS dials on.
    """
    interface = settings.interface
    modem_roaming = (modem_syscfg or {}).get('roaming')
    context = next((item for item in modem_contexts or () if item.get('cid') == cid), None)
    modem_apn = context['apn'] if context else None
    profile, router_apn = dialled_apn(settings)
    compared = {
        'roaming': {'routeros': interface.get('allow_roaming'), 'modem': modem_roaming,
                    'agree': _agree(interface.get('allow_roaming'), modem_roaming), 'registration': registration},
        'apn': {'routeros': router_apn, 'profile': profile, 'modem': modem_apn, 'cid': cid,
                'agree': _agree(router_apn or None, modem_apn or None, fold=True)},
    }
    from_init = init_roaming(interface.get('modem_init'))
    if from_init is not None:
        compared['modem_init_roaming'] = {'routeros': from_init, 'modem': modem_roaming, 'agree': _agree(from_init, modem_roaming)}
    facts = {'interface': interface}
    if settings.profiles is not None:
        facts['apn_profiles'] = settings.profiles
    facts['compared'] = compared
    return facts, _notes(interface, compared)


def _note(reason, command, response):
    return {'subset': SUBSET, 'command': command, 'reason': reason, 'response': response}


def _notes(interface, compared):
    notes = []
    roaming, apn, name = compared['roaming'], compared['apn'], interface.get('name')
    roam_field = None if roaming['modem'] is None else 'roam field %d' % int(roaming['modem'])
    if roaming['agree'] is False and roaming['modem']:
        notes.append(_note('The modem allows roaming (its %s) but the router\'s LTE interface %s has allow-roaming=no: RouterOS '
                           'keeps the data session down while the modem roams, whatever the modem allows.' % (roam_field, name),
                           '/interface lte print', ['allow-roaming=no', roam_field]))
    elif roaming['agree'] is False and roaming['registration'] != 'home':
        # at home the modem's roam field does not matter; elsewhere it keeps a foreign SIM off the network
        notes.append(_note('The router\'s LTE interface %s has allow-roaming=yes but the modem\'s %s is off: the modem does not '
                           'register on a visited network, so a foreign SIM gets no service.' % (name, roam_field),
                           '/interface lte print', ['allow-roaming=yes', roam_field]))
    if apn['agree'] is False:
        where = 'profile %s' % apn['profile'] if apn['profile'] else 'the interface\'s apn'
        notes.append(_note('The router dials the APN %s (%s) but the modem\'s context %d (+CGDCONT) has %s.'
                           % (apn['routeros'], where, apn['cid'], apn['modem']),
                           '/interface lte apn print', ['apn=%s' % apn['routeros'], '+CGDCONT: %d,"%s"' % (apn['cid'], apn['modem'])]))
    init = compared.get('modem_init_roaming')
    if init is not None and init['agree'] is False:
        notes.append(_note('The interface\'s modem-init writes roaming %s into the modem at every initialisation (when RouterOS '
                           'restarts the interface or the modem resets), but the modem\'s %s is %s now: the next '
                           'initialisation undoes it.' % ('on' if init['routeros'] else 'off', roam_field, 'on' if init['modem'] else 'off'),
                           '/interface lte print', ['modem-init=%s' % interface.get('modem_init'), roam_field]))
    return notes
