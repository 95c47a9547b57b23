#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: huawei_routeros
short_description: Manage a MikroTik router's own LTE settings for its Huawei modem (allow-roaming, APN profile)
version_added: 1.0.0
description:
  - Sets what RouterOS itself keeps about the LTE interface of a Huawei modem, beside the modem's own settings -
    C(allow-roaming) of the interface (C(/interface lte)), one APN profile (C(/interface lte apn)), and whether the
    interface uses that profile (its C(apn-profiles)).
  - RouterOS and the modem both decide whether a roaming SIM gets data. The modem's roam field (M(lte.modem.huawei_syscfg))
    decides whether it registers on a visited network at all; with C(allow-roaming=no) RouterOS keeps its data session
    down while the modem roams, whatever the modem allows. A foreign SIM needs both.
  - Reads the interface and the APN profiles first and writes only what differs (one C(add) or C(set) of the
    profile, one C(set) of the interface), then reads them back. Works over O(transport=routeros_api) (API sentences
    on the same connection as at-chat) and O(transport=routeros_ssh) (C(print detail) and C(set) on the command line);
    a modem on a serial port has no router, and the task is refused.
  - A change of the interface makes RouterOS restart it and initialise the modem again (C(ATE0) and the interface's
    C(modem-init) line). M(lte.modem.huawei_modem) therefore applies this facet before the modem's own settings and
    reads those again after it.
  - The profile's password is never shown; RV(before), RV(after) and the diff show C(********) for a set password, and
    RV(commands) shows C(password=********).
author:
  - lte.modem contributors (@lte-modem)
extends_documentation_fragment:
  - lte.modem.connection
  - lte.modem.attributes
  - lte.modem.attributes.state
attributes:
  platform:
    description: Target OS/families that can be operated against.
    support: full
    platforms: [RouterOS]
options:
  allow_roaming:
    description:
      - The C(allow-roaming) setting of the LTE interface O(interface). With V(false) RouterOS brings no data session up
        while the modem roams.
      - This is the router's setting, not the modem's roam field; set that with M(lte.modem.huawei_syscfg) (the
        C(syscfg) facet of M(lte.modem.huawei_modem)).
    type: bool
  apn_profile:
    description:
      - An APN profile of C(/interface lte apn) (RouterOS 7), created when the router has none of that name, else changed
        where it differs. Options left out keep the profile's values (a new profile gets RouterOS's defaults).
    type: dict
    suboptions:
      name:
        description:
          - The profile's name; printable ASCII without quotes, backslashes, commas, C($), C(?), C(;) or brackets.
        type: str
        required: true
      apn:
        description:
          - The access point name the router dials. Needed to create the profile.
        type: str
      authentication:
        description:
          - How the user name and password are sent, V(none), V(pap) or V(chap).
        type: str
        choices: [none, pap, chap]
      user:
        description:
          - The user name the operator requires, with O(apn_profile.authentication=pap) or V(chap).
        type: str
      password:
        description:
          - The password the operator requires. Keep it in Ansible Vault; it is never shown, and compared with the
            router's without being returned.
        type: str
      ip_type:
        description:
          - The IP families asked for, V(auto), V(ipv4), V(ipv6) or V(ipv4-ipv6).
        type: str
        choices: [auto, ipv4, ipv6, ipv4-ipv6]
      use:
        description:
          - Make the LTE interface use this profile alone (its C(apn-profiles)). V(false) only defines the profile.
        type: bool
        default: true
notes:
  - At least one of O(allow_roaming) and O(apn_profile) is required.
  - RouterOS 6 has no APN profiles (its interface has an C(apn) of its own); O(apn_profile) is refused there, O(allow_roaming)
    works.
  - Over O(transport=routeros_ssh), name the interface (V(lte1)); the command line shows no internal ids such as V(*1).
  - M(lte.modem.huawei_info) with the V(routeros) subset shows these settings beside the modem's own roam field and APN.
seealso:
  - module: lte.modem.huawei_syscfg
  - module: lte.modem.huawei_modem
  - module: lte.modem.huawei_info
  - ref: ansible_collections.lte.modem.docsite.transports
    description: "RouterOS's own LTE settings beside the modem's."
  - ref: ansible_collections.lte.modem.docsite.roaming
    description: Roaming on a MikroTik router.
"""

EXAMPLES = r"""
---
- name: Let RouterOS bring the data session up while the modem roams
  lte.modem.huawei_routeros:
    transport: routeros_api
    password: "{{ routeros_password }}"
    allow_roaming: true

- name: An APN profile with CHAP, used by lte1, over SSH
  lte.modem.huawei_routeros:
    transport: routeros_ssh
    password: "{{ routeros_password }}"
    interface: lte1
    apn_profile:
      name: m2m
      apn: m2m.example
      authentication: chap
      user: fleet
      password: "{{ vault_apn_password }}"
      ip_type: ipv4

# A foreign SIM needs both the router's allow-roaming and the modem's roam field.
- name: Roaming on, router and modem
  lte.modem.huawei_modem:
    transport: routeros_api
    routeros:
      allow_roaming: true
    syscfg:
      roaming: true
"""

RETURN = r"""
changed:
  description: Whether a setting was written (or would be, in check mode).
  returned: always
  type: bool
  sample: true
commands:
  description:
    - The writes, as RouterOS command lines (the same over the API and SSH), or that would be sent in check mode.
      Reads are not listed; a password shows as C(********).
  returned: always
  type: list
  elements: str
  sample: ['/interface lte apn add name=m2m apn=m2m.example', '/interface lte set [find name=lte1] allow-roaming=yes apn-profiles=m2m']
before:
  description: The settings as read before the task.
  returned: always
  type: dict
  contains:
    interface:
      description: The LTE interface, by name.
      type: str
      sample: lte1
    allow_roaming:
      description: C(allow-roaming) of the interface.
      type: bool
      sample: false
    apn_profiles:
      description: The APN profiles the interface uses, in order (null on RouterOS 6).
      type: list
      elements: str
      sample: [default]
    apn_profile:
      description:
        - The profile O(apn_profile.name) - C(present), C(apn), C(authentication), C(user), C(password) (C(********) when one
          is set, else empty) and C(ip_type); null values while it does not exist.
      type: dict
      returned: when O(apn_profile) is given
      sample: {name: m2m, present: false, apn: null, authentication: null, user: null, password: null, ip_type: null}
after:
  description: The same keys after the task, as read back (predicted in check mode).
  returned: always
  type: dict
  sample:
    interface: lte1
    allow_roaming: true
    apn_profiles: [m2m]
    apn_profile: {name: m2m, present: true, apn: m2m.example, authentication: none, user: '', password: '', ip_type: auto}
diff:
  description: RV(before) and RV(after) when run with C(--diff).
  returned: in diff mode
  type: dict
"""

# Before any other import of the collection: older Pythons get a clear failure, not a SyntaxError.
from ansible_collections.lte.modem.plugins.module_utils._python import require_python

require_python('huawei_routeros')

from ansible_collections.lte.modem.plugins.module_utils._state.routeros import RouterosResource  # noqa: E402
from ansible_collections.lte.modem.plugins.module_utils._tasks.base import resource_task  # noqa: E402
from ansible_collections.lte.modem.plugins.module_utils._tasks.runner import run_module  # noqa: E402


def main():
    run_module(resource_task(RouterosResource()))


if __name__ == '__main__':
    main()
