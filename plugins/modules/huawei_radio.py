#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: huawei_radio
short_description: Switch the radio of a Huawei modem on or off (RF switch and CFUN)
version_added: 1.0.0
description:
  - Sets the software RF switch of Huawei modules (C(AT^RFSWITCH=1/0)) and the phone functionality (C(AT+CFUN=1/0/4)),
    reading both first and writing only what differs, then reading them back.
  - When the hardware RF switch is off (C(^RFSWITCH:x,0)) and the radio should be on, the task fails and says so, that
    switch is the platform's rfkill (the W_DISABLE# pin of the M.2 or mini-PCIe slot, a laptop's airplane-mode key,
    C(/sys/class/rfkill)), which no AT command can change (an ME906s then answers every dial with NO CARRIER).
  - USB sticks have no C(^RFSWITCH); O(rf) then fails as unsupported while O(functionality) still works.
author:
  - lte.modem contributors (@lte-modem)
extends_documentation_fragment:
  - lte.modem.connection
  - lte.modem.attributes
  - lte.modem.attributes.state
options:
  rf:
    description:
      - The software RF switch (C(AT^RFSWITCH)), V(true) (on, C(AT^RFSWITCH=1)) or V(false) (off, airplane mode on modules).
        YAML's V(on) and V(off) work too.
    type: bool
  functionality:
    description:
      - The phone functionality (C(AT+CFUN)), V(full) (1), V(minimum) (0, radio off) or V(offline) (4, flight mode;
        not every firmware accepts it, V(minimum) is the portable choice).
    type: str
    choices: [full, minimum, offline]
notes:
  - At least one of O(rf) and O(functionality) is required.
  - On some firmware switching the RF switch also changes what C(AT+CFUN?) shows; RV(after) is what the modem reads back.
seealso:
  - module: lte.modem.huawei_info
  - module: lte.modem.huawei_connection
  - ref: ansible_collections.lte.modem.docsite.rf_and_no_carrier
    description: RF switches and NO CARRIER.
"""

EXAMPLES = r"""
---
- name: Make sure the ME906s radio is on (^RFSWITCH 0,1 -> AT^RFSWITCH=1)
  lte.modem.huawei_radio:
    device: /dev/serial/by-id/usb-Huawei_Technologies_Co._Ltd._HUAWEI_ME906s_LTE_Module-if02-port0
    rf: true
    functionality: full

- name: Airplane mode on a module behind a MikroTik router
  lte.modem.huawei_radio:
    transport: routeros_ssh
    password: "{{ routeros_password }}"
    rf: false

- name: Radio off on a USB stick (no RF switch)
  lte.modem.huawei_radio:
    device: /dev/gsm0
    functionality: minimum
"""

RETURN = r"""
changed:
  description: Whether a setting was written.
  returned: always
  type: bool
before:
  description: The radio settings as read before the task.
  returned: always
  type: dict
  contains:
    rf:
      description: The software RF switch, V(on) or V(off); null on modems without C(^RFSWITCH).
      type: str
      sample: "off"
    rf_hardware:
      description: The hardware RF switch (W_DISABLE#), read only; null when the modem does not report it.
      type: str
      sample: "on"
    functionality:
      description: The C(+CFUN) level by name (V(full), V(minimum), V(offline), ...).
      type: str
      sample: full
after:
  description: The radio settings after the task as read back (predicted in check mode); same keys as RV(before).
  returned: always
  type: dict
  sample: {rf: "on", rf_hardware: "on", functionality: full}
commands:
  description: The AT write commands sent, or that would be sent in check mode.
  returned: always
  type: list
  elements: str
  sample: ['AT^RFSWITCH=1']
diff:
  description: RV(before) and RV(after) when run with C(--diff).
  returned: in diff mode
  type: dict
"""

# Before any other import of the collection: older Pythons get a clear failure, not a SyntaxError.
from ansible_collections.lte.modem.plugins.module_utils._python import require_python

require_python('huawei_radio')

from ansible_collections.lte.modem.plugins.module_utils._state.radio import RadioResource  # noqa: E402
from ansible_collections.lte.modem.plugins.module_utils._tasks.base import resource_task  # noqa: E402
from ansible_collections.lte.modem.plugins.module_utils._tasks.runner import run_module  # noqa: E402


def main():
    run_module(resource_task(RadioResource()))


if __name__ == '__main__':
    main()
