#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: huawei_apn
short_description: Manage a PDP context (APN) of a Huawei modem
version_added: 1.0.0
description:
  - Defines or deletes one PDP context of a Huawei modem with C(AT+CGDCONT), the context the modem dials
    with C(AT^NDISDUP) or PPP.
  - Reads C(AT+CGDCONT?) first and writes only when the context differs, with C(AT+CGDCONT=<cid>,"<PDP type>","<APN>")
    (or C(AT+CGDCONT=<cid>) to delete it), on one command line with its read-back (C(;+CGDCONT?)).
  - A context id above 11 or a PDP type other than V(ip) is checked against C(AT+CGDCONT=?) before it is written;
    every modem takes V(ip) on ids 1 to 11.
  - APNs are compared without regard to case (3GPP TS 23.003 section 9.1), so an APN that differs only in case is
    not rewritten and keeps the modem's spelling.
  - The APN is checked before anything is sent; see O(apn).
author:
  - lte.modem contributors (@lte-modem)
extends_documentation_fragment:
  - lte.modem.connection
  - lte.modem.attributes
  - lte.modem.attributes.state
options:
  cid:
    description:
      - The context identifier. Must be in the range the modem lists in C(AT+CGDCONT=?)
        (1-16 on most modules, 1-11 on 3G sticks).
    type: int
    default: 1
  apn:
    description:
      - The access point name, for example V(internet) or V(internet.t-mobile).
      - Labels of ASCII letters, digits and hyphens separated by dots, no label starting or ending with a hyphen,
        no empty label, at most 99 characters (100 octets encoded, 3GPP TS 23.003 section 9.1). Anything else
        (quotes, C(;), spaces, control characters, non-ASCII) is refused before anything is sent.
      - An empty string asks the network for the subscriber's default APN.
      - When left out, an existing context keeps its APN and a new one gets the empty APN.
    type: str
  pdp_type:
    description:
      - The PDP type. Must be one the modem lists in C(AT+CGDCONT=?) (IPv4-only sticks do not list V(ipv6)).
      - The modem's own upper-case spelling (V(IP), V(IPV4V6)) is accepted too.
    type: str
    choices: [ip, ipv6, ipv4v6, IP, IPV6, IPV4V6]
    default: ip
  state:
    description:
      - V(present) defines the context, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
notes:
  - Some modems recreate context 1 with their defaults right after it is deleted; the read-back then fails the task.
seealso:
  - module: lte.modem.huawei_info
  - module: lte.modem.huawei_syscfg
  - ref: ansible_collections.lte.modem.docsite.apn
    description: The APN guide.
"""

EXAMPLES = r"""
---
- name: Use the operator's APN on context 1
  lte.modem.huawei_apn:
    device: /dev/serial/by-id/usb-HUAWEI_Technology_HUAWEI_Mobile-if02-port0
    apn: internet

- name: Dual-stack context behind a MikroTik router
  lte.modem.huawei_apn:
    transport: routeros_ssh
    username: admin
    password: "{{ routeros_password }}"
    cid: 1
    apn: internet.t-mobile
    pdp_type: ipv4v6

- name: Remove a stale context
  lte.modem.huawei_apn:
    device: /dev/ttyUSB2
    cid: 3
    state: absent
"""

RETURN = r"""
changed:
  description: Whether the context was written or deleted (or would be, in check mode).
  returned: always
  type: bool
  sample: true
commands:
  description: The AT commands sent to change the context, or that would be sent in check mode. Reads are not listed.
  returned: always
  type: list
  elements: str
  sample: ['AT+CGDCONT=1,"IP","internet"']
before:
  description: The context as the modem had it.
  returned: always
  type: dict
  contains:
    cid:
      description: The context identifier.
      type: int
      sample: 1
    state:
      description: V(present) or V(absent).
      type: str
      sample: present
    pdp_type:
      description: The PDP type in lower case (V(ip), V(ipv6), V(ipv4v6), V(ppp)).
      type: str
      returned: when the context exists
      sample: ip
    apn:
      description: The APN as the modem prints it (empty for the network default).
      type: str
      returned: when the context exists
      sample: ''
  sample: {cid: 1, state: present, pdp_type: ip, apn: ''}
after:
  description: The context as read back after the write; in check mode the predicted context. Same keys as RV(before).
  returned: always
  type: dict
  sample: {cid: 1, state: present, pdp_type: ip, apn: internet}
diff:
  description: RV(before) and RV(after), for C(--diff).
  returned: when diff mode is on
  type: dict
  contains:
    before:
      description: Same as RV(before).
      type: dict
    after:
      description: Same as RV(after).
      type: dict
urcs:
  description: Unsolicited result codes received meanwhile.
  returned: when any were received
  type: list
  elements: str
  sample: ['^RSSI:20']
"""

# Before any other import of the collection: older Pythons get a clear failure, not a SyntaxError.
from ansible_collections.lte.modem.plugins.module_utils._python import require_python

require_python('huawei_apn')

from ansible_collections.lte.modem.plugins.module_utils._state.apn import ApnResource  # noqa: E402
from ansible_collections.lte.modem.plugins.module_utils._tasks.base import resource_task  # noqa: E402
from ansible_collections.lte.modem.plugins.module_utils._tasks.runner import run_module  # noqa: E402


def main():
    run_module(resource_task(ApnResource()))


if __name__ == '__main__':
    main()
