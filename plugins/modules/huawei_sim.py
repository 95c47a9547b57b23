#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: huawei_sim
short_description: Unlock the SIM of a Huawei modem with its PIN, and switch its PIN lock on or off
version_added: 1.0.0
description:
  - Reads the SIM state (C(AT+CPIN?)), the attempts left (C(AT^CPIN?)), the ICCID (C(AT^ICCID?)) and the PIN lock
    (C(AT+CLCK="SC",2)) in one round trip.
  - When the SIM asks for its PIN, enters O(pin) (C(AT+CPIN="...")) and waits until the SIM is ready. A SIM that is
    already unlocked is left alone, so a second run reports C(ok).
  - With O(pin_lock), makes the SIM ask (V(true)) or not ask (V(false)) for its PIN at power-on (C(AT+CLCK="SC",1|0,"...")).
  - Protects the SIM from being blocked by a wrong PIN. The PIN is not entered when a wrong one would leave fewer attempts
    than O(keep_attempts), a refused PIN is not tried again, and a PUK is never entered.
  - The PIN never appears in results, diffs, errors or logs, whatever characters the command line around it holds.
author:
  - lte.modem contributors (@lte-modem)
extends_documentation_fragment:
  - lte.modem.connection
  - lte.modem.attributes
  - lte.modem.attributes.state
options:
  pin:
    description:
      - The SIM PIN, 4 to 8 digits. Needed when the SIM asks for it, and to change O(pin_lock).
      - Keep it in Ansible Vault; it is never shown.
    type: str
  pin_lock:
    description:
      - Whether the SIM asks for its PIN at power-on. Leave it out to keep what the SIM does.
      - Changing it needs O(pin).
    type: bool
  keep_attempts:
    description:
      - Do not enter the PIN when the SIM has this many attempts left, or fewer. A SIM blocks after its last wrong
        attempt and then needs its PUK.
      - With the usual three attempts and the default V(1), a wrong PIN in the inventory costs at most two attempts
        before the module refuses to try again. V(0) enters the PIN even on the last attempt.
      - Only modems that report the attempts left (C(AT^CPIN?)) are protected.
    type: int
    default: 1
notes:
  - A SIM that needs its PUK, a missing SIM and a SIM the modem refuses are reported with what to do; the module does not
    enter a PUK.
  - RV(before) and RV(after) show C(status) (V(ready), V(sim_pin), ...) and C(pin_lock).
seealso:
  - module: lte.modem.huawei_info
  - module: lte.modem.huawei_connection
  - ref: ansible_collections.lte.modem.docsite.trust
    description: Secrets in output, bad input and faults.
"""

EXAMPLES = r"""
---
- name: Unlock the SIM of a modem on this host
  lte.modem.huawei_sim:
    device: /dev/serial/by-id/usb-HUAWEI_Technology_HUAWEI_Mobile-if02-port0
    pin: "{{ sim_pin }}"

- name: Stop the SIMs of a fleet from asking for a PIN at power-on
  lte.modem.huawei_sim:
    transport: routeros_api
    password: "{{ routeros_password }}"
    pin: "{{ sim_pin }}"
    pin_lock: false

- name: Read the SIM state, attempts left and ICCID without changing anything
  lte.modem.huawei_sim:
    device: /dev/ttyUSB2
  check_mode: true
  register: sim
"""

RETURN = r"""
changed:
  description: Whether the PIN was entered or the PIN lock changed (or would be, in check mode).
  returned: always
  type: bool
  sample: true
commands:
  description: The AT commands sent to change the SIM, or that would be sent in check mode; the PIN is masked.
  returned: always
  type: list
  elements: str
  sample: ['AT+CPIN=********']
before:
  description: The SIM as the modem showed it.
  returned: always
  type: dict
  contains:
    status:
      description: V(ready), V(sim_pin) (asks for its PIN), V(sim_puk) (blocked), V(absent), or another C(+CPIN) state.
      type: str
      sample: sim_pin
    pin_lock:
      description: Whether the SIM asks for its PIN at power-on; null when the modem cannot tell.
      type: bool
      sample: true
after:
  description: The SIM after the change, as read back; in check mode the predicted state. Same keys as RV(before).
  returned: always
  type: dict
  sample: {status: ready, pin_lock: true}
iccid:
  description: The ICCID of the SIM.
  returned: when the modem reports it
  type: str
  sample: '89490200001234567890'
pin_retries:
  description: PIN attempts left, as the modem reported them before the task.
  returned: when the modem reports them
  type: int
  sample: 3
puk_retries:
  description: PUK attempts left, as the modem reported them before the task.
  returned: when the modem reports them
  type: int
  sample: 10
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
  sample: ['^SIMST:1']
"""

# Before any other import of the collection: older Pythons get a clear failure, not a SyntaxError.
from ansible_collections.lte.modem.plugins.module_utils._python import require_python

require_python('huawei_sim')

from ansible_collections.lte.modem.plugins.module_utils._state.sim import SimResource  # noqa: E402
from ansible_collections.lte.modem.plugins.module_utils._tasks.base import resource_task  # noqa: E402
from ansible_collections.lte.modem.plugins.module_utils._tasks.runner import run_module  # noqa: E402


def main():
    run_module(resource_task(SimResource()))


if __name__ == '__main__':
    main()
