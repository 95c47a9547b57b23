#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: huawei_port_mode
short_description: Set the USB port mode (composition) of a Huawei modem with AT^SETPORT
version_added: 1.0.0
description:
  - Sets the USB composition a Huawei modem presents after its next restart (C(AT^SETPORT)), for example to turn an
    E3272 from HiLink mode into a stick with a serial AT port (V(FF;10,12)).
  - Reads C(AT^SETPORT?) first, and C(AT^SETPORT=?) when a write is planned; every port code of O(mode) must be offered
    by the modem, else the task fails naming O(mode) before anything is written.
  - Lock-out guard, a mode without a PCUI port (V(2) or V(12)) is refused unless O(force=true), because the modem may
    then offer no AT interface at all and only a firmware tool can bring it back.
  - With O(reset=true) the module sends C(AT^RESET), waits until the modem answers again (over serial the port
    re-appears under another tty number; a C(/dev/serial/by-id) path or the USB location is followed; over RouterOS
    C(at-chat) answers again) and verifies that C(AT^SETPORT?) shows the new mode.
  - With O(reset=false) the new mode is stored but C(AT^SETPORT?) keeps showing the old value until the next restart.
    The module then leaves a marker file in O(state_dir) so that a second run does not write again; see
    R(the port mode guide,ansible_collections.lte.modem.docsite.port_mode) for how it works and its limits.
author:
  - lte.modem contributors (@lte-modem)
extends_documentation_fragment:
  - lte.modem.connection
  - lte.modem.attributes
  - lte.modem.attributes.state
attributes:
  check_mode:
    description: Can run in check mode and return changed status prediction without modifying target.
    support: full
    details:
      - Only read commands are sent; neither the mode nor the marker file is written and the modem is not reset.
options:
  mode:
    description:
      - The wanted composition, either the raw C(AT^SETPORT) string V(<first>;<rewind>), for example V(FF;10,12) or
        V(A1,A2;12,10,16,A1,A2), or a list of port functions or codes, which becomes the rewind composition after V(FF)
        (no CD-ROM first), so V([modem_4g, pcui_4g]) means V(FF;10,12).
      - 'Function names: cdrom (A1), sd (A2), rndis (A3), modem (1), pcui (2), diag (3), pcsc (4), gps (5), gps_control (6),
        ndis (7), modem_4g (10), ndis_4g (11), pcui_4g (12), diag_4g (13), gps_4g (14), pc_voice_4g (15), ncm (16).'
      - The order matters, it is the order of the USB interfaces (and so of the tty numbers).
    type: raw
    required: true
  force:
    description:
      - Allow a mode without a PCUI port (V(2) or V(12)). The modem may then have no AT port left; a mode without any
        AT-capable port (V(1), V(2), V(10), V(12)) is reset without waiting and cannot be verified.
    type: bool
    default: false
  reset:
    description:
      - Restart the modem with C(AT^RESET) after writing, wait for it and verify the new mode.
      - With V(false) the change is pending until the modem restarts (RV(reset_pending)).
    type: bool
    default: true
  wait_timeout:
    description:
      - Seconds to wait for the modem to answer again after C(AT^RESET).
    type: float
    default: 60.0
  state_dir:
    description:
      - Directory for the pending-reset marker files (one per modem, named after its IMEI), on the host that runs the
        module, the modem host for O(transport=serial), the controller for the RouterOS transports.
    type: path
    default: ~/.ansible/lte_modem/port_mode
notes:
  - C(AT^SETPORT) works only where the PID-switch NV item is enabled; firmware that answers C(AT^SETPORT?) with
    C(ERROR) is reported as unsupported.
  - After a reset over serial, the module talks to the port it found again (RV(device)); later tasks should use a
    stable C(/dev/serial/by-id/) path or a udev symlink, not C(/dev/ttyUSBn).
seealso:
  - module: lte.modem.huawei_info
  - module: lte.modem.huawei_at
  - ref: ansible_collections.lte.modem.docsite.port_mode
    description: "The USB port mode guide: port codes, the lock-out guard, the reset."
"""

EXAMPLES = r"""
---
- name: Turn an E3272 into a stick with a serial modem and PCUI port (AT^SETPORT="FF;10,12"), and restart it
  lte.modem.huawei_port_mode:
    device: /dev/serial/by-id/usb-HUAWEI_Technology_HUAWEI_Mobile-if00-port0
    mode: "FF;10,12"

- name: The same as a list of functions (FF first), written now and activated at the next restart
  lte.modem.huawei_port_mode:
    device: /dev/gsm0
    mode: [modem_4g, pcui_4g]
    reset: false
  register: port_mode

- name: Show that a restart is still needed
  ansible.builtin.debug:
    msg: "Restart the modem to activate {{ port_mode.after.pending_mode }}"
  when: port_mode.reset_pending

- name: E3372 with NCM, PCUI and modem port, through a MikroTik router
  lte.modem.huawei_port_mode:
    transport: routeros_api
    password: "{{ routeros_password }}"
    mode: "FF;12,10,16"
    wait_timeout: 90
"""

RETURN = r"""
changed:
  description: Whether the mode was written (or the pending mode activated by a reset).
  returned: always
  type: bool
before:
  description: The port mode as read before the task.
  returned: always
  type: dict
  contains:
    mode:
      description: What C(AT^SETPORT?) shows (the active composition), normalised to V(<first>;<rewind>) with V(FF) for no first part.
      type: str
      sample: A1,A2;12,16,A1,A2
    pending_mode:
      description: A mode this module wrote without a reset that is not active yet (from the marker file), or null.
      type: str
      sample: null
after:
  description: The port mode after the task (predicted in check mode); same keys as RV(before).
  returned: always
  type: dict
  sample: {mode: "FF;10,12", pending_mode: null}
commands:
  description: The AT write commands sent, or that would be sent in check mode.
  returned: always
  type: list
  elements: str
  sample: ['AT^SETPORT="FF;10,12"', 'AT^RESET']
reset_pending:
  description: True when the written mode only applies after the modem restarts (O(reset=false)).
  returned: always
  type: bool
  sample: false
device:
  description: The serial port the module talked to at the end; after a reset, the port that re-appeared.
  returned: with O(transport=serial)
  type: str
  sample: /dev/serial/by-id/usb-HUAWEI_Technology_HUAWEI_Mobile-if00-port0
diff:
  description: RV(before) and RV(after) when run with C(--diff).
  returned: in diff mode
  type: dict
"""

# Before any other import of the collection: older Pythons get a clear failure, not a SyntaxError.
from ansible_collections.lte.modem.plugins.module_utils._python import require_python

require_python('huawei_port_mode')

from ansible_collections.lte.modem.plugins.module_utils._state.port_mode import PortModeResource  # noqa: E402
from ansible_collections.lte.modem.plugins.module_utils._tasks.base import resource_task  # noqa: E402
from ansible_collections.lte.modem.plugins.module_utils._tasks.runner import run_module  # noqa: E402


def main():
    run_module(resource_task(PortModeResource()))


if __name__ == '__main__':
    main()
