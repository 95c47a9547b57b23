#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: huawei_info
short_description: Gather facts from a Huawei LTE modem
version_added: 1.0.0
description:
  - Reads identity, firmware, SIM, radio and RF switches, registration, signal, mode/band/roaming
    settings, PDP contexts, USB port mode and the data connection of a Huawei modem with AT commands.
  - Only queries are sent. Queries whose answers carry a prefix are chained on one command line, so
    a full gather costs a handful of round trips.
  - A command the modem does not support (or refuses, for example while the SIM waits for its PIN)
    leaves that part out and adds an entry to RV(notes) instead of failing the task.
  - With a RouterOS transport, the V(routeros) subset also reads the router's own settings of the LTE interface
    (C(/interface lte)) and its APN profiles (C(/interface lte apn)) and shows them beside the modem's own roam field
    and APN, with a note where the two disagree.
author:
  - lte.modem contributors (@lte-modem)
extends_documentation_fragment:
  - lte.modem.connection
  - lte.modem.attributes
attributes:
  check_mode:
    description: Can run in check mode and return changed status prediction without modifying target.
    support: full
    details:
      - The module only reads, so it runs unchanged in check mode.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: N/A
    details:
      - The module changes nothing.
options:
  gather_subset:
    description:
      - Which facts to gather. V(all) gathers every subset; prefix a name with C(!) to leave it out
        (V(['all', '!port_mode'])). V(['!all']) alone gathers nothing and sends no command.
      - V(identity) (C(ATI), C(AT^FHVER)), V(sim) (C(AT+CPIN?), C(AT^ICCID?)), V(radio) (C(AT+CFUN?),
        C(AT^RFSWITCH?)), V(registration) (C(AT+CREG?), C(AT+CGREG?), C(AT+CEREG?), C(AT+COPS?)),
        V(signal) (C(AT+CSQ), C(AT^HCSQ?)), V(syscfg) (C(AT^SYSCFGEX?) and C(=?), or C(AT^SYSCFG) on 3G
        modems), V(pdp) (C(AT+CGDCONT?)), V(port_mode) (C(AT^SETPORT?) and C(=?)), V(connection)
        (C(AT^NDISSTATQRY?), C(AT^SYSINFOEX), and C(AT^DHCP?) while connected).
      - V(routeros) (RouterOS transports only) reads the router, not the modem - the C(/interface lte) entry of
        O(interface) and the C(/interface lte apn) profiles, beside the modem's C(AT^SYSCFGEX?) roam field, the APN of
        context 1 (C(AT+CGDCONT?)) and its registration (C(AT+CREG?) ...), asked on the same line as the other subsets.
        With O(transport=serial) there is no router - V(all) leaves the subset out, and V(routeros) given by name is
        skipped with a note; neither fails.
    type: list
    elements: str
    default: [all]
seealso:
  - module: lte.modem.huawei_at
  - ref: ansible_collections.lte.modem.docsite.diagnose
    description: "Diagnosing NO CARRIER: the checks behind the notes."
  - ref: ansible_collections.lte.modem.docsite.transports
    description: "RouterOS's own LTE settings beside the modem's."
"""

EXAMPLES = r"""
---
- name: Gather everything from a modem on a serial port
  lte.modem.huawei_info:
    device: /dev/serial/by-id/usb-HUAWEI_Technology_HUAWEI_Mobile-if02-port0
  register: modem

- name: Show the roaming flag
  ansible.builtin.debug:
    msg: "Roaming allowed: {{ modem.modem.syscfg.current.roaming }}"

- name: Only what the NO CARRIER checklist needs
  lte.modem.huawei_info:
    device: /dev/ttyUSB0
    gather_subset: [sim, radio, registration, signal, connection]
  register: diagnosis

- name: Facts of the modem behind a MikroTik router (runs on the controller)
  lte.modem.huawei_info:
    transport: routeros_api
    password: "{{ routeros_password }}"
    gather_subset: [identity, syscfg]

- name: The router's allow-roaming and APN profile beside the modem's roam field and APN
  lte.modem.huawei_info:
    transport: routeros_ssh
    password: "{{ routeros_password }}"
    gather_subset: [routeros]
  register: router

- name: Say where RouterOS and the modem disagree
  ansible.builtin.debug:
    msg: "{{ router.notes | selectattr('subset', 'equalto', 'routeros') | map(attribute='reason') | list }}"
"""

RETURN = r"""
modem:
  description: The facts, one key per gathered subset. Keys a modem did not answer are absent.
  returned: always
  type: dict
  contains:
    identity:
      description: From C(ATI) and C(AT^FHVER).
      type: dict
      returned: when gathered
      sample:
        manufacturer: Huawei Technologies Co., Ltd.
        model: ME906s-158
        revision: 11.617.00.00.00
        imei: '861234567890123'
        gcap: [+CGSM, +DS, +ES]
        firmware: {product: E3372H-607, software: 22.329.63.00.74, hardware: CL2E3372HM Ver.A}
    sim:
      description: SIM state from C(AT+CPIN?) and the ICCID.
      type: dict
      returned: when gathered
      sample: {status: READY, ready: true, iccid: '89490200001234567890'}
    radio:
      description: C(AT+CFUN?) and the C(^RFSWITCH) software and hardware (W_DISABLE) switches.
      type: dict
      returned: when gathered
      sample: {functionality: full, cfun: 1, rf_switch: {software: true, hardware: false}, radio_on: false}
    registration:
      description: >-
        Circuit-switched (C(+CREG)), packet (C(+CGREG)) and EPS (C(+CEREG)) registration, the operator,
        and whether any domain is registered or roaming.
      type: dict
      returned: when gathered
      sample:
        cs: {n: 0, stat: 2, status: searching, registered: false, roaming: false, lac: null, ci: null, act: null, technology: null}
        operator: {mode: 0, format: 0, operator: Red Bull MOBILE, act: 7, technology: lte}
        registered: false
        roaming: false
    signal:
      description: C(AT+CSQ) and, where supported, C(AT^HCSQ?) decoded to dBm/dB.
      type: dict
      returned: when gathered
      sample:
        csq: {rssi: 99, ber: 99, rssi_dbm: null}
        hcsq: {sysmode: LTE, rssi_dbm: -73, rsrp_dbm: -106, sinr_db: -2.8, rsrq_db: -13.0}
    syscfg:
      description: >-
        Mode order, bands, roaming and service domain from C(AT^SYSCFGEX?) (or C(AT^SYSCFG?) on 3G modems),
        with the raw fields, and the supported values from the test command.
      type: dict
      returned: when gathered
      sample:
        command: ^SYSCFGEX
        current:
          acqorder: '00'
          mode_order: [auto]
          band: 3FFFFFFF
          roam: 0
          roaming: false
          srvdomain: 1
          service_domain: ps_only
          lteband: 7FFFFFFFFFFFFFFF
          fields: ['00', 3FFFFFFF, '0', '1', 7FFFFFFFFFFFFFFF]
    pdp:
      description: PDP contexts from C(AT+CGDCONT?).
      type: list
      elements: dict
      returned: when gathered
      sample: [{cid: 1, pdp_type: IP, apn: internet.t-mobile, address: 0.0.0.0}]
    port_mode:
      description: >-
        The USB composition from C(AT^SETPORT?) and the functions the device offers (C(AT^SETPORT=?)).
        C(AT^SETPORT?) shows the old value until the modem is reset.
      type: dict
      returned: when gathered
      sample:
        current: {first: [A1, A2], rewind: ['12', '10', '16', A1, A2], mode: 'A1,A2;12,10,16,A1,A2'}
        available: [{code: A1, name: CDROM}, {code: '12', name: 4G PCUI}]
    connection:
      description: NDIS state per IP family, the system mode, and while connected the C(^DHCP) data decoded from little-endian hex.
      type: dict
      returned: when gathered
      sample:
        connected: true
        ndis: {IPV4: {stat: 1, state: connected, error: null}}
        dhcp: {address: 100.92.236.163, netmask: 255.255.255.248, prefix_length: 29, gateway: 100.92.236.161}
    routeros:
      description:
        - The router's own LTE settings (RouterOS transports only) beside the modem's.
        - C(interface) is the C(/interface lte) entry of O(interface) - C(name), C(allow_roaming), C(apn_profiles) (the
          profiles it dials with, in order; RouterOS 7), C(apn) (RouterOS 6 only), C(modem_init) (the line RouterOS sends to
          the modem at every initialisation, secrets of its AT commands masked), C(band), C(network_mode), C(disabled) and
          C(running) (whether RouterOS's data session is up).
        - C(apn_profiles) lists the C(/interface lte apn) profiles (RouterOS 7) - C(name), C(apn), C(authentication),
          C(user), C(password) (C(********) when one is set, else empty), C(ip_type), C(use_network_apn), C(default).
        - C(compared) puts each setting beside the modem's own - C(roaming) (C(allow-roaming) and the modem's roam field,
          with the modem's C(registration), V(home), V(roaming) or V(not registered)), C(apn) (the APN of the first profile
          of C(apn-profiles) and the modem's context 1), and C(modem_init_roaming) when C(modem-init) writes a roam field;
          each with C(agree) (null when one side is unknown). Where they disagree RV(notes) says what follows (a router
          that allows roaming beside a modem that does not is noted only while the modem is not registered at home).
      type: dict
      returned: when gathered
      sample:
        interface: {name: lte1, allow_roaming: false, apn_profiles: [default], modem_init: '', band: '',
                    network_mode: [3g, lte], disabled: false, running: false}
        apn_profiles:
          - {name: default, apn: internet, authentication: none, user: '', password: '', ip_type: auto,
             use_network_apn: true, default: true}
        compared:
          roaming: {routeros: false, modem: true, agree: false, registration: roaming}
          apn: {routeros: internet, profile: default, modem: internet, cid: 1, agree: true}
gathered_subsets:
  description: The subsets that were gathered, after resolving C(all) and C(!name).
  returned: always
  type: list
  elements: str
  sample: [identity, sim, radio]
notes:
  description:
    - Parts left out because the modem did not support or refused a command, the causes of NO CARRIER the gathered answers
      show, and (subset C(routeros)) where the router's settings and the modem's disagree, or why the router was not read.
  returned: always
  type: list
  elements: dict
  sample:
    - {subset: radio, command: 'AT^RFSWITCH?', reason: 'AT^RFSWITCH? failed: the modem answered COMMAND NOT SUPPORT'}
    - subset: routeros
      command: /interface lte print
      reason: >-
        The modem allows roaming (its roam field 1) but the router's LTE interface lte1 has allow-roaming=no: RouterOS
        keeps the data session down while the modem roams, whatever the modem allows.
      response: [allow-roaming=no, roam field 1]
commands:
  description: The command lines sent, in order.
  returned: always
  type: list
  elements: str
  sample: ['ATI', 'AT^FHVER;+CPIN?;^ICCID?;+CFUN?;^RFSWITCH?;+CREG?']
"""

# Before any other import of the collection: older Pythons get a clear failure, not a SyntaxError.
from ansible_collections.lte.modem.plugins.module_utils._python import require_python

require_python('huawei_info')

from ansible_collections.lte.modem.plugins.module_utils._tasks.huawei_info import TASK  # noqa: E402
from ansible_collections.lte.modem.plugins.module_utils._tasks.runner import run_module  # noqa: E402


def main():
    run_module(TASK)


if __name__ == '__main__':
    main()
