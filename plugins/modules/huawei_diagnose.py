#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: huawei_diagnose
short_description: Find why a Huawei modem gives NO CARRIER, and fix what can be fixed
version_added: 1.0.0
description:
  - Runs the NO CARRIER checklist on a Huawei modem, in root-cause order, and reports every cause it finds (it stops at none),
    each with the modem's own lines as evidence and its remedy, the collection task and the raw command that remove it.
  - 'The checks: the port answers AT; the SIM (C(+CPIN), the PIN and PUK attempts left from C(^CPIN), no SIM as
    C(+CME ERROR: 10)); the functionality (C(+CFUN)); the software and hardware RF switches (C(^RFSWITCH), the hardware one is
    the W_DISABLE# pin of the slot, which no AT command can change); mode and bands (a mode enabled without any of its bands,
    bands the modem does not have, a restriction while no cell is heard); roaming (registration denied with the modem''s roam
    field off; behind a MikroTik router also the router''s C(allow-roaming=no) while the modem roams); signal
    (C(+CSQ: 99,99), C(^HCSQ) with RSRP and SINR decoded); registration on CS, PS and EPS (searching, denied with the
    reject cause from C(+CEER)); the APN (C(+CGDCONT)); the USB port mode (C(^SETPORT) without a network function); the
    data call (C(^NDISSTATQRY) and its cause, C(^DHCP)).'
  - Read only by default. All queries are chained into one command line on a healthy modem; C(+CEER) is asked only after a denied
    registration or a failed dial, C(^DHCP) only while connected. A check whose command the modem does not support is
    skipped (see RV(checks)).
  - With O(fix=true) it applies the remedies that a desired-state module of this collection already knows, through the same
    engine (the radio of M(lte.modem.huawei_radio), the roam field of M(lte.modem.huawei_syscfg), the APN of
    M(lte.modem.huawei_apn) when O(apn) is given, and on a MikroTik router its C(allow-roaming) through
    M(lte.modem.huawei_routeros)), reads the modem again once it had time to register, and reports the findings after
    the fix. It never changes the USB port mode and never enters a PIN or PUK.
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
      - With O(fix=true) in check mode nothing is written; RV(writes) lists the commands the fix would send.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: full
    details:
      - Only with O(fix=true); the settings the fix changed (or would change) before and after.
options:
  apn:
    description:
      - The APN this SIM needs. When given, a context O(cid) with another APN is a finding (C(apn_wrong)), and O(fix=true)
        sets it (keeping the context's PDP type).
      - Without it, only a context that is not defined at all is a finding.
    type: str
  cid:
    description:
      - The PDP context (and NDIS connection) the APN and data-call checks look at.
    type: int
    default: 1
  fix:
    description:
      - Apply the remedies a desired-state resource knows (RF switch, CFUN, the roam field, the APN, the router's
        C(allow-roaming)), then read the modem again and report the findings after the fix (RV(findings_before) holds the
        ones before).
      - A remedy that cannot help is not applied (the radio while the hardware RF switch is off).
    type: bool
    default: false
  wait_timeout:
    description:
      - After O(fix=true) changed something on a modem that was not registered, seconds to wait for it to register before
        reading it again. The findings are reported after that time whether it registered or not.
    type: float
    default: 30.0
notes:
  - Run it on the port that speaks AT (M(lte.modem.huawei_ports) finds it among the modem's ttys); a port that answers nothing
    is reported as the finding C(port_silent), not as a failure.
  - With a RouterOS transport the check C(routeros_roaming_off) reads C(allow-roaming) of the router's LTE interface
    (O(interface)); with O(transport=serial) there is no router and the check is skipped.
  - R(Diagnosing NO CARRIER,ansible_collections.lte.modem.docsite.diagnose) walks a real case from the symptom to the fix.
seealso:
  - module: lte.modem.huawei_info
  - module: lte.modem.huawei_ports
  - module: lte.modem.huawei_radio
  - module: lte.modem.huawei_syscfg
  - module: lte.modem.huawei_connection
  - ref: ansible_collections.lte.modem.docsite.diagnose
    description: Diagnosing NO CARRIER, from the symptom to the fix.
"""

EXAMPLES = r"""
---
- name: Why does the ME906s answer NO CARRIER?
  lte.modem.huawei_diagnose:
    device: /dev/serial/by-id/usb-Huawei_Technologies_Co._Ltd._HUAWEI_ME906s_LTE_Module-if02-port0
  register: doctor

- name: Show the root cause and its remedy
  ansible.builtin.debug:
    msg: "{{ doctor.summary }}"

- name: Fix what the collection can fix (RF switch, CFUN, roaming, the APN), then dial
  lte.modem.huawei_diagnose:
    device: /dev/ttyUSB2
    apn: internet
    fix: true
  register: fixed

- name: Dial once the modem is healthy
  lte.modem.huawei_connection:
    device: /dev/ttyUSB2
    state: connected
  when: fixed.healthy

- name: Diagnose the modems behind MikroTik routers (runs on the controller)
  lte.modem.huawei_diagnose:
    transport: routeros_api
    password: "{{ routeros_password }}"
"""

RETURN = r"""
healthy:
  description: No finding of severity V(error) or V(warning) remains (after the fix, with O(fix=true)).
  returned: always
  type: bool
  sample: false
summary:
  description: One line to read first, the root cause with its evidence and remedy, or that nothing stands in the way.
  returned: always
  type: str
  sample: >-
    ERROR rf_hardware_off: hardware RF switch off (W_DISABLE#) [^RFSWITCH: 1,0]. Release it on the host: the airplane-mode
    Fn key, the WWAN switch in the BIOS, or /sys/class/rfkill/rfkillN/state. Also: no_signal, registration_searching.
findings:
  description: The causes found, in root-cause order (a cause that follows from another comes after it).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: >-
        What was found; one of port_silent, sim_missing, sim_pin, sim_puk, sim_unusable, sim_busy, cfun_not_full,
        rf_software_off, rf_hardware_off, mode_without_band, unsupported_bands, bands_restricted, roaming_off,
        routeros_roaming_off, no_signal, weak_signal, registration_denied, registration_searching, not_registered,
        apn_missing, apn_wrong, no_network_port, dial_failed, dhcp_missing, not_connected.
      type: str
      sample: rf_hardware_off
    check:
      description: The step of the checklist (port, sim, functionality, rf_switch, mode_bands, roaming, signal, registration, apn, port_mode, data_call).
      type: str
      sample: rf_switch
    order:
      description: The position of the check in the table (root causes first).
      type: int
      sample: 9
    severity:
      description: V(error) (it keeps the data call from coming up), V(warning) (it may), or V(info).
      type: str
      sample: error
    title:
      description: A few words for the cause.
      type: str
      sample: hardware RF switch off (W_DISABLE#)
    cause:
      description: The cause in a sentence, with the values the modem gave.
      type: str
    evidence:
      description: The modem's own lines that show it (answers, or the error a query failed with).
      type: list
      elements: str
      sample: ['^RFSWITCH: 1,0']
    remedy:
      description: How to remove the cause.
      type: dict
      contains:
        action:
          description: What to do, in words.
          type: str
        task:
          description: The collection task that does it, the module's name with its options; null when no task can.
          type: dict
          sample: {lte.modem.huawei_radio: {rf: true}}
        command:
          description: The raw command that does it (AT, or the RouterOS CLI for a router setting); null when none can.
          type: str
          sample: AT^RFSWITCH=1
        fix:
          description: Whether O(fix=true) applies it.
          type: bool
          sample: true
  sample:
    - id: rf_software_off
      check: rf_switch
      order: 8
      severity: error
      title: software RF switch off
      cause: "The software RF switch is off (the module's airplane mode): the radio stays off whatever +CFUN says."
      evidence: ['^RFSWITCH: 0,1']
      remedy: {action: Switch it on., task: {lte.modem.huawei_radio: {rf: true}}, command: AT^RFSWITCH=1, fix: true}
findings_before:
  description: With O(fix=true), the findings before any remedy was applied (same form as RV(findings)).
  returned: when fix is true
  type: list
  elements: dict
fixed:
  description: With O(fix=true), the findings whose remedy was applied (or would be, in check mode), with the task that did it.
  returned: when fix is true
  type: list
  elements: dict
  sample: [{id: rf_software_off, task: {lte.modem.huawei_radio: {rf: true}}}]
writes:
  description: With O(fix=true), the AT write commands the fix sent (or would send, in check mode).
  returned: when fix is true
  type: list
  elements: str
  sample: ['AT^RFSWITCH=1']
changed:
  description: Whether the fix wrote anything (always false without O(fix=true)).
  returned: always
  type: bool
checks:
  description: Each step of the checklist and whether it V(passed), V(found) a cause, or was V(skipped) (with the reason).
  returned: always
  type: list
  elements: dict
  sample:
    - {check: rf_switch, status: found}
    - {check: signal, status: skipped, reason: 'AT+CSQ failed: the modem answered +CME ERROR: 10 (SIM not inserted)'}
commands:
  description: Every command line sent, reads included, in order.
  returned: always
  type: list
  elements: str
  sample: ['AT+CFUN?;+CREG?;+CGREG?;^SYSCFGEX?;^SYSCFGEX=?;+CGDCONT?', 'AT^NDISSTATQRY?;+CEREG?;+CPIN?;^CPIN?;+CSQ;^HCSQ?']
diff:
  description: With O(fix=true) and C(--diff), the settings the fix changed, before and after, per resource.
  returned: in diff mode with fix
  type: dict
"""

# Before any other import of the collection: older Pythons get a clear failure, not a SyntaxError.
from ansible_collections.lte.modem.plugins.module_utils._python import require_python

require_python('huawei_diagnose')

from ansible_collections.lte.modem.plugins.module_utils._tasks.huawei_diagnose import TASK  # noqa: E402
from ansible_collections.lte.modem.plugins.module_utils._tasks.runner import run_module  # noqa: E402


def main():
    run_module(TASK)


if __name__ == '__main__':
    main()
