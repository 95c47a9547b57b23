#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: huawei_connection
short_description: Bring the NDIS/NCM data connection of a Huawei modem up or down
version_added: 1.0.0
description:
  - Dials the modem's data connection with C(AT^NDISDUP=<cid>,1[,"<apn>"[,"<user>","<password>",<auth>]]) and polls
    C(AT^NDISSTATQRY?) until the IP families of O(ip_type) report connected, or hangs it up with C(AT^NDISDUP=<cid>,0).
  - A context that is already up (or already down) is left alone and the task reports C(ok).
  - When the modem reports the dial failed, the task fails with the modem's reason (the 3GPP cause and its meaning)
    and the NO CARRIER checklist (RF switch, CFUN, SIM, signal, registration and roaming, APN).
  - Returns the IPv4 settings the modem got from the network (C(AT^DHCP?), decoded) as RV(dhcp); the host still needs
    a DHCP client on the modem's network interface (cdc_ether / cdc_ncm).
author:
  - lte.modem contributors (@lte-modem)
extends_documentation_fragment:
  - lte.modem.connection
  - lte.modem.attributes
  - lte.modem.attributes.state
options:
  state:
    description:
      - V(connected) dials the context unless the families of O(ip_type) are already up; V(disconnected) hangs it up.
    type: str
    choices: [connected, disconnected]
    default: connected
  cid:
    description:
      - The PDP context to dial (defined with C(AT+CGDCONT), see M(lte.modem.huawei_apn)), 1-20.
    type: int
    default: 1
  apn:
    description:
      - The APN to dial. Without it the modem uses the APN of context O(cid).
      - An APN network identifier, checked as M(lte.modem.huawei_apn) checks it - labels of letters, digits and hyphens,
        separated by dots, at most 99 characters; an empty or blank value is refused (leave the option out instead).
    type: str
  ip_type:
    description:
      - The IP families that must come up, V(ipv4), V(ipv6) or both (V(ipv4v6)). Which families a context can bring up
        is decided by its PDP type (C(AT+CGDCONT), M(lte.modem.huawei_apn) O(lte.modem.huawei_apn#module:pdp_type)).
    type: str
    choices: [ipv4, ipv6, ipv4v6]
    default: ipv4
  auth:
    description:
      - Authentication for the APN. Defaults to V(chap) when O(apn_username) or O(apn_password) is set (as ModemManager
        does), else V(none).
    type: str
    choices: [none, pap, chap]
  apn_username:
    description:
      - User name for the APN (named so because O(username) is the RouterOS login). At most 99 printable ASCII characters;
        not empty.
      - A double quote or a backslash is sent as the V.250 escape (C(\22), C(\5C)) inside the quoted AT string.
    type: str
  apn_password:
    description:
      - Password for the APN. Never shown in results, diffs, error messages or logs, whatever characters it holds.
      - At most 99 printable ASCII characters; a double quote or a backslash is sent as the V.250 escape (C(\22), C(\5C)).
    type: str
  wait_timeout:
    description:
      - Seconds to wait for the connection to come up or go down.
    type: float
    default: 30.0
notes:
  - Modems that print no context number in C(^NDISSTATQRY) report the context dialled last; the state read is then
    taken as the state of O(cid).
  - The password travels to the modem inside the C(AT^NDISDUP) command line; RouterOS may log at-chat input when the
    C(lte) logging topic is enabled.
seealso:
  - module: lte.modem.huawei_apn
  - module: lte.modem.huawei_radio
  - module: lte.modem.huawei_info
  - ref: ansible_collections.lte.modem.docsite.connecting
    description: "Connecting: the dial, DHCP, and what keeps a call down."
"""

EXAMPLES = r"""
---
- name: Connect an ME906s (AT^NDISDUP=1,1), then run a DHCP client on its cdc_ether interface
  lte.modem.huawei_connection:
    device: /dev/serial/by-id/usb-Huawei_Technologies_Co._Ltd._HUAWEI_ME906s_LTE_Module-if02-port0
    state: connected
  register: wwan

- name: Show the address the network gave
  ansible.builtin.debug:
    msg: "{{ wwan.dhcp.address }}/{{ wwan.dhcp.prefix_length }} via {{ wwan.dhcp.gateway }}, DNS {{ wwan.dhcp.dns | join(', ') }}"

- name: Dial an APN with CHAP credentials, both IP families
  lte.modem.huawei_connection:
    device: /dev/gsm0
    apn: internet.t-mobile
    ip_type: ipv4v6
    auth: chap
    apn_username: t-mobile
    apn_password: "{{ apn_password }}"
    wait_timeout: 60

- name: Hang up, through a MikroTik router
  lte.modem.huawei_connection:
    transport: routeros_api
    password: "{{ routeros_password }}"
    state: disconnected
"""

RETURN = r"""
changed:
  description: Whether the connection was dialled or hung up.
  returned: always
  type: bool
before:
  description: The connection as read before the task.
  returned: always
  type: dict
  contains:
    cid:
      description: The context.
      type: int
      sample: 1
    state:
      description: V(connected) when at least one family is up, else V(disconnected).
      type: str
      sample: disconnected
    families:
      description: The IP families that are up.
      type: list
      elements: str
      sample: []
after:
  description: The connection after the task as read back (predicted in check mode); same keys as RV(before).
  returned: always
  type: dict
  sample: {cid: 1, state: connected, families: [ipv4]}
commands:
  description: The AT write commands sent, or that would be sent in check mode; the password is masked.
  returned: always
  type: list
  elements: str
  sample: ['AT^NDISDUP=1,1,"internet","user",********,2']
dhcp:
  description: The IPv4 settings of the connection from C(AT^DHCP?), decoded; empty when IPv4 is not up (or, in check
    mode, not up yet).
  returned: always
  type: dict
  contains:
    address:
      description: The modem's IPv4 address.
      type: str
      sample: 100.92.236.163
    netmask:
      description: The netmask.
      type: str
      sample: 255.255.255.248
    prefix_length:
      description: The netmask as a prefix length (null when not contiguous).
      type: int
      sample: 29
    gateway:
      description: The gateway.
      type: str
      sample: 100.92.236.161
    dhcp_server:
      description: The DHCP server the modem reports.
      type: str
      sample: 100.92.236.161
    dns:
      description: Primary and secondary DNS server.
      type: list
      elements: str
      sample: [10.11.12.13, 10.11.12.14]
    max_rx_bps:
      description: Maximum receive rate in bit/s.
      type: int
      sample: 150000000
    max_tx_bps:
      description: Maximum transmit rate in bit/s.
      type: int
      sample: 50000000
diff:
  description: RV(before) and RV(after) when run with C(--diff).
  returned: in diff mode
  type: dict
"""

# Before any other import of the collection: older Pythons get a clear failure, not a SyntaxError.
from ansible_collections.lte.modem.plugins.module_utils._python import require_python

require_python('huawei_connection')

from ansible_collections.lte.modem.plugins.module_utils._state.connection import ConnectionResource  # noqa: E402
from ansible_collections.lte.modem.plugins.module_utils._tasks.base import resource_task  # noqa: E402
from ansible_collections.lte.modem.plugins.module_utils._tasks.runner import run_module  # noqa: E402


def main():
    run_module(resource_task(ConnectionResource()))


if __name__ == '__main__':
    main()
