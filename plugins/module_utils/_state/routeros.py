# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""RouterOS's own LTE settings: ``allow-roaming`` of the LTE interface, and one APN profile and whether the interface uses it.

These live in the router's configuration, not in the modem: they are read and written through
the router's menus (``RouterosLte``), on the same API or SSH connection as at-chat. A change of the
interface makes RouterOS restart it and initialise the modem again (``ATE0`` and the interface's
``modem-init`` line), so this resource counts as one that resets the modem: it comes before the
modem's own settings, and those are read again after it.

The fields shown (``before``, ``after``, diff) mask a profile's password as ``********``; whether
it differs is decided on the real values, which never leave the router service.
"""

from __future__ import annotations

import copy

from ansible_collections.lte.modem.plugins.module_utils._errors import DeviceStateError, InvalidInputError, UnsupportedError
from ansible_collections.lte.modem.plugins.module_utils._routeros.cli import MASK
from ansible_collections.lte.modem.plugins.module_utils._routeros.lte import APN_MENU, LTE_MENU, shown_write
from ansible_collections.lte.modem.plugins.module_utils._state.engine import Resource
from ansible_collections.lte.modem.plugins.module_utils._state.options import check_apn, check_credential

ROUTEROS_TRANSPORTS = ('routeros_api', 'routeros_ssh')
SETTINGS = 'routeros_settings'
AUTHENTICATIONS = ('none', 'pap', 'chap')
IP_TYPES = ('auto', 'ipv4', 'ipv6', 'ipv4-ipv6')
# Profile fields the task may set, in the order a command line lists them.
PROFILE_OPTIONS = ('apn', 'authentication', 'user', 'password', 'ip_type')
# A profile that add creates gets these unless the task says otherwise (RouterOS's defaults).
NEW_PROFILE = {'apn': '', 'authentication': 'none', 'user': '', 'password': '', 'ip_type': 'auto'}
PROFILE_NAME_MAX = 64
# Characters that would end or change a name inside a CLI [find name="..."] or the comma list of apn-profiles.
PROFILE_NAME_FORBIDDEN = '"\\$?[];,{}'


def check_profile_name(option, name):
    """Raise InvalidInputError unless ``name`` can name an APN profile (and stand in ``apn-profiles``)."""
    if not name or not name.strip() or name != name.strip():
        raise InvalidInputError(option, name, 'a profile name, without leading or trailing spaces')
    if len(name) > PROFILE_NAME_MAX:
        raise InvalidInputError(option, name, 'at most %d characters' % PROFILE_NAME_MAX)
    bad = sorted({char for char in name if not 32 <= ord(char) < 127 or char in PROFILE_NAME_FORBIDDEN})
    if bad:
        raise InvalidInputError(option, name, 'character(s) %s not allowed in a profile name' % ', '.join(repr(char) for char in bad))


def wanted_profile(params):
    """The ``apn_profile`` option (None when not given)."""
    return params.get('apn_profile') or None


class RouterosResource(Resource):
    """Fields: ``interface``, ``allow_roaming``, ``apn_profiles`` and, when asked, ``apn_profile`` (``present``, ``apn`` …)."""

    name = 'routeros'
    argument_spec = dict(
        allow_roaming=dict(type='bool'),
        apn_profile=dict(type='dict', options=dict(
            name=dict(type='str', required=True),
            apn=dict(type='str'),
            authentication=dict(type='str', choices=list(AUTHENTICATIONS)),
            user=dict(type='str'),
            password=dict(type='str', no_log=True),
            ip_type=dict(type='str', choices=list(IP_TYPES)),
            use=dict(type='bool', default=True),
        )),
    )
    constraints = dict(required_one_of=[('allow_roaming', 'apn_profile')])
    resets_modem = True
    transports = ROUTEROS_TRANSPORTS

    def validate(self, params):
        profile = wanted_profile(params)
        if profile is None:
            return
        check_profile_name('apn_profile.name', profile.get('name'))
        check_apn('apn_profile.apn', profile.get('apn'))
        check_credential('apn_profile.user', profile.get('user'))
        check_credential('apn_profile.password', profile.get('password'), secret=True)
        if profile.get('authentication') == 'none' and (profile.get('user') or profile.get('password')):
            raise InvalidInputError('apn_profile.authentication', 'none', 'a user name and password are sent only with pap or chap')

    def fetch(self, modem, params):
        if modem.router is None:
            raise UnsupportedError('RouterOS settings are managed through transport=routeros_api or routeros_ssh; '
                                   'a modem on a serial port has no router')
        return {SETTINGS: modem.router.read()}

    def current(self, outcomes, params):
        settings = outcomes[SETTINGS]
        interface = settings.interface
        fields = {'interface': interface['name'], 'allow_roaming': interface.get('allow_roaming'),
                  'apn_profiles': interface.get('apn_profiles')}
        profile = wanted_profile(params)
        if profile is not None:
            if settings.profiles is None:
                raise UnsupportedError('The router has no APN profiles (/interface lte apn, RouterOS 7): on RouterOS 6 the APN is '
                                       'the interface\'s own apn setting')
            found = settings.profile(profile['name'])
            shown = {'name': profile['name'], 'present': found is not None}
            shown.update((field, (found or {}).get(field)) for field in PROFILE_OPTIONS)
            fields['apn_profile'] = shown
        return fields, settings

    def desired(self, before, context, params):
        after = copy.deepcopy(before)
        if params.get('allow_roaming') is not None:
            after['allow_roaming'] = params['allow_roaming']
        profile = wanted_profile(params)
        if profile is None:
            return after
        shown = after['apn_profile']
        if not shown['present']:
            if not profile.get('apn'):
                raise InvalidInputError('apn_profile.apn', profile.get('apn'),
                                        'the router has no APN profile %r: give its apn to create it' % profile['name'])
            shown.update(NEW_PROFILE, present=True)
        for field in PROFILE_OPTIONS:
            if profile.get(field) is not None:
                shown[field] = (MASK if profile[field] else '') if field == 'password' else profile[field]
        if profile.get('use', True):
            after['apn_profiles'] = [profile['name']]
        return after

    def plan(self, before, after, context, params):
        return [shown for shown, dummy in self._writes(before, after, context, params)]

    def _writes(self, before, after, context, params):
        """(command as shown, (kind, values)) of every write, the profile before the interface that names it."""
        writes = []
        profile = wanted_profile(params)
        if profile is not None:
            values = {field: profile[field] for field in PROFILE_OPTIONS
                      if profile.get(field) is not None and self._differs(field, before['apn_profile'], after['apn_profile'], context, profile)}
            if not before['apn_profile']['present']:
                values = dict([('name', profile['name'])] + list(values.items()))
                writes.append((shown_write(APN_MENU, 'add', None, values), ('add', values)))
            elif values:
                writes.append((shown_write(APN_MENU, 'set', profile['name'], values), ('profile', values)))
        values = {field: after[field] for field in ('allow_roaming', 'apn_profiles') if after[field] != before[field]}
        if values:
            writes.append((shown_write(LTE_MENU, 'set', before['interface'], values), ('interface', values)))
        return writes

    @staticmethod
    def _differs(field, before, after, context, profile):
        if not before['present']:
            return True
        if field == 'password':
            return not context.password_matches(profile['name'], profile['password'])
        return before[field] != after[field]

    def apply(self, modem, change):
        router, written = modem.router, []
        for dummy, (kind, values) in self._writes(change.before, change.after, change.context, change.params):
            if kind == 'add':
                written.append(router.add_profile(values))
            elif kind == 'profile':
                written.append(router.set_profile(change.context, change.params['apn_profile']['name'], values))
            else:
                written.append(router.set_interface(change.context, values))
        return written

    def verify(self, modem, change):
        settings = modem.router.read()
        actual, dummy = self.current({SETTINGS: settings}, change.params)
        profile = wanted_profile(change.params)
        password_wrong = (profile is not None and profile.get('password') is not None
                          and not settings.password_matches(profile['name'], profile['password']))
        if actual != change.after or password_wrong:
            raise DeviceStateError('The router accepted the change of its LTE settings but reads back %r instead of %r%s'
                                   % (actual, change.after, ' (and another password)' if password_wrong else ''),
                                   expected=change.after, actual=actual)
        return actual
