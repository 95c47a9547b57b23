#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: huawei_at
short_description: Send AT commands to a Huawei LTE modem and get structured results
version_added: 1.0.0
description:
  - Sends one or more AT command lines to a Huawei modem over a local serial port or through a
    MikroTik router, and returns each answer split into information lines, the final result code,
    the error code and its meaning, and the unsolicited result codes (URCs) seen meanwhile.
  - Echo on or off, URCs before, inside or after an answer, and every final result Huawei firmware
    prints (V(OK), V(ERROR), C(+CME ERROR), C(+CMS ERROR), V(COMMAND NOT SUPPORT), V(TOO MANY PARAMETERS),
    V(NO CARRIER)) are handled.
  - Commands are checked before anything is sent; a command with CR, LF, NUL or another control
    character, a non-ASCII character, or longer than 512 characters is refused.
  - The task reports C(changed) when a command other than a query (C(...?)), a test (C(...=?)) or an
    identification command (C(ATI), C(AT+CSQ), C(AT+CGMI), ...) succeeded.
  - For desired state (roaming, APN, port mode, RF switch, connection), use the dedicated modules,
    which read first, write only what differs and verify.
author:
  - lte.modem contributors (@lte-modem)
extends_documentation_fragment:
  - lte.modem.connection
  - lte.modem.attributes
attributes:
  check_mode:
    description: Can run in check mode and return changed status prediction without modifying target.
    support: partial
    details:
      - Read-only commands (queries, tests, identification) are sent; any other command is not sent,
        reported with RV(results[].sent=false) and counted as a change, so the task shows as changed.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: none
options:
  command:
    description:
      - One AT command line, for example V(AT^SYSCFGEX?). Chained commands (V(AT+CGMI;+CGMM)) are one line.
      - Mutually exclusive with O(commands).
    type: str
  commands:
    description:
      - A list of AT command lines, sent in order. All are checked before the first one is sent.
    type: list
    elements: str
  fail_on_error:
    description:
      - Fail the task when a command ends with an error final result. Later commands are not sent.
      - With V(false), every command is sent and errors are only reported in RV(results).
    type: bool
    default: true
  command_timeout:
    description:
      - Seconds to wait for each command's final result, instead of O(timeout) and the built-in
        durations of slow commands.
    type: float
notes:
  - Secrets inside commands (C(AT+CPIN="1234"), credentials of C(AT^NDISDUP)) are masked in results and
    errors, but Ansible shows task arguments in verbose logs; set C(no_log) on such tasks, or use the
    dedicated modules whose secret options are never logged.
seealso:
  - module: lte.modem.huawei_info
  - ref: ansible_collections.lte.modem.docsite.transports
    description: "Serial, RouterOS API and SSH: where a module runs and its connection options."
"""

EXAMPLES = r"""
---
- name: Read the roaming, mode and band settings (what to look at first when a roaming SIM gets no data)
  lte.modem.huawei_at:
    device: /dev/serial/by-id/usb-HUAWEI_Technology_HUAWEI_Mobile-if02-port0
    command: AT^SYSCFGEX?
  register: syscfg

- name: Check why an ME906s gives NO CARRIER
  lte.modem.huawei_at:
    device: /dev/ttyUSB0
    commands:
      - AT^RFSWITCH?
      - AT+CFUN?
      - AT+CPIN?
      - AT+CSQ
      - AT+CREG?

- name: Ask the modem behind a MikroTik router, running on the controller
  lte.modem.huawei_at:
    transport: routeros_api
    username: admin
    password: "{{ routeros_password }}"
    interface: lte1
    command: AT^SYSCFGEX=?

- name: Send a command that may fail without failing the task
  lte.modem.huawei_at:
    device: socket://127.0.0.1:7000
    command: AT^DHCP?
    fail_on_error: false
  register: dhcp
"""

RETURN = r"""
results:
  description: One entry per command, in order.
  returned: always
  type: list
  elements: dict
  contains:
    command:
      description: The command line as sent (secrets masked).
      type: str
      sample: AT^SYSCFGEX?
    lines:
      description: The answer without echo, URCs, empty lines or the final result.
      type: list
      elements: str
      sample: ['^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF']
    final:
      description: The final result text; null when check mode kept the command from being sent.
      type: str
      sample: OK
    ok:
      description: Whether the final result is a success.
      type: bool
      sample: true
    changed:
      description: Whether this command may have changed the modem.
      type: bool
      sample: false
    sent:
      description: Whether the command was sent; V(false) when check mode kept it from being sent.
      type: bool
      sample: true
    error_type:
      description: >-
        Kind of error - V(cme), V(cms), V(error), V(not_supported), V(too_many_parameters),
        V(no_carrier), V(busy), V(no_answer), V(no_dialtone).
      type: str
      returned: when the command failed
      sample: cme
    error_code:
      description: The numeric C(+CME ERROR)/C(+CMS ERROR) code, also when the modem printed the text form.
      type: int
      returned: when the command failed with a known code
      sample: 10
    error_text:
      description: What the error means.
      type: str
      returned: when the command failed
      sample: SIM not inserted
urcs:
  description: Unsolicited result codes received while the commands ran.
  returned: when any were received
  type: list
  elements: str
  sample: ['^RSSI:20', '^HCSQ:"LTE",48,35,86,14']
stdout:
  description: Per command, the answer lines and final result joined with newlines.
  returned: always
  type: list
  elements: str
  sample: ["^SYSCFGEX: \"00\",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF\nOK"]
stdout_lines:
  description: Per command, the answer lines followed by the final result.
  returned: always
  type: list
  elements: list
  sample: [['^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF', 'OK']]
"""

# Before any other import of the collection: older Pythons get a clear failure, not a SyntaxError.
from ansible_collections.lte.modem.plugins.module_utils._python import require_python

require_python('huawei_at')

from ansible_collections.lte.modem.plugins.module_utils._tasks.huawei_at import TASK  # noqa: E402
from ansible_collections.lte.modem.plugins.module_utils._tasks.runner import run_module  # noqa: E402


def main():
    run_module(TASK)


if __name__ == '__main__':
    main()
