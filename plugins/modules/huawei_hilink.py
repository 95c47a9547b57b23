#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: huawei_hilink
short_description: Detect a Huawei USB stick in HiLink mode and switch it to its serial configuration
version_added: 1.0.0
description:
  - A stick in HiLink mode (E3372, E3272, E3531 with HiLink firmware, USB ID C(12d1:14dc)) is a router inside the stick - a
    network card, a web interface at C(http://192.168.8.1) - and has no AT port, so the other modules of the collection
    cannot reach it. This module talks to its web API over HTTP from the host the stick is plugged into.
  - With O(state=detected) it only reads - C(GET /api/webserver/SesTokInfo) for a session and C(GET /api/device/information)
    for the model and firmware - and says whether the firmware allows the switch.
  - With O(state=serial) it asks for the switch to the stick's serial (debug) configuration - C(POST /api/device/mode) with
    C(<mode>1</mode>), as public HiLink client libraries send it. The stick then re-enumerates as C(12d1:1442) with a
    PCUI that answers AT, and its web API goes away. Find the new port with M(lte.modem.huawei_ports), then make the stick
    mode permanent with M(lte.modem.huawei_port_mode) (C(AT^SETPORT="FF;10,12") and the reset); the role
    C(lte.modem.huawei_host) does all three with O(lte.modem.huawei_host#role:main:huawei_host_hilink_switch).
  - Firmware 22.x and later refuses the switch (a field report's E3272 with 22.470.07.00.00 did; 21.x allows it). The
    module refuses such firmware before asking, unless O(force=true), and fails with the documented route - a firmware
    downgrade to a 21.x release - instead of an obscure error; an API that answers the switch with error 100002 (not
    supported) gets the same answer. Nothing is changed then.
  - A stick whose web API does not answer is reported with RV(hilink=false) and C(ok), so a second run after the switch
    changes nothing.
author:
  - lte.modem contributors (@lte-modem)
attributes:
  check_mode:
    description: Can run in check mode and return changed status prediction without modifying target.
    support: full
    details:
      - Only the reads are sent; the switch is not requested.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: none
  platform:
    description: Target OS/families that can be operated against.
    support: full
    platforms: [posix]
    details:
      - Runs on the host the stick is plugged into (the web API is on the stick's own network, 192.168.8.0/24).
options:
  address:
    description:
      - The stick's web interface, a host name or IP address.
    type: str
    default: 192.168.8.1
  port:
    description:
      - The web interface's TCP port.
    type: int
    default: 80
  state:
    description:
      - V(detected) only reads; V(serial) switches a stick in HiLink mode to its serial configuration.
    type: str
    choices: [detected, serial]
    default: detected
  username:
    description:
      - The web interface's user, where the firmware asks for a login.
    type: str
    default: admin
  password:
    description:
      - The web interface's password, where the firmware asks for a login (error 100003 without one). Never shown; sent
        only as the salted hash the web API expects (C(password_type) 4).
    type: str
  force:
    description:
      - Ask for the switch even when the firmware version is one known to refuse it (22.x and later).
    type: bool
    default: false
  timeout:
    description:
      - Seconds each HTTP request may take.
    type: float
    default: 5.0
notes:
  - The module talks HTTP, not AT, and is not part of the action group C(lte.modem.modem); it takes none of the connection
    options of the other modules.
  - Once switched, the stick keeps its serial configuration only until it is unplugged, unless C(AT^SETPORT) stores a
    stick composition (M(lte.modem.huawei_port_mode)).
seealso:
  - module: lte.modem.huawei_ports
  - module: lte.modem.huawei_port_mode
  - ref: ansible_collections.lte.modem.docsite.host_raspberry_pi_stick
    description: "A USB stick on a Raspberry Pi: out of HiLink mode, or the firmware-downgrade route."
"""

EXAMPLES = r"""
---
- name: What is the stick, and may it leave HiLink mode?
  lte.modem.huawei_hilink:
  register: hilink

- name: Switch it to its serial configuration
  lte.modem.huawei_hilink:
    state: serial
  when: hilink.switchable

- name: Wait for its AT port
  lte.modem.huawei_ports:
  register: ports
  until: ports.at_port is not none
  retries: 30
  delay: 2

- name: Make the stick mode permanent (modem and PCUI), and reset
  lte.modem.huawei_port_mode:
    device: "{{ ports.at_port }}"
    mode: "FF;10,12"
"""

RETURN = r"""
changed:
  description: Whether the switch was requested (or would be, in check mode).
  returned: always
  type: bool
hilink:
  description: Whether a HiLink web API answered at O(address).
  returned: always
  type: bool
  sample: true
address:
  description: The address asked.
  returned: always
  type: str
  sample: 192.168.8.1
device:
  description: What the web API says of the stick (C(DeviceName), C(SoftwareVersion), ...); null when none answered.
  returned: always
  type: dict
  contains:
    model:
      description: C(DeviceName).
      type: str
      sample: E3272
    firmware:
      description: C(SoftwareVersion).
      type: str
      sample: 21.420.07.00.00
    hardware_version:
      description: C(HardwareVersion).
      type: str
      sample: CH1E3272SM
    web_ui_version:
      description: C(WebUIVersion).
      type: str
      sample: 17.100.13.01.03
switchable:
  description: Whether the firmware version allows the switch (before 22.x); null when no web API answered.
  returned: always
  type: bool
  sample: true
switched:
  description: Whether the switch to the serial configuration was requested by this run.
  returned: always
  type: bool
  sample: true
msg:
  description: What happened, in words.
  returned: always
  type: str
error_code:
  description: The web API's error code, when it answered with one (100002 not supported, 100003 no rights, ...).
  returned: failed
  type: int
  sample: 100002
"""

# Before any other import of the collection: older Pythons get a clear failure, not a SyntaxError.
from ansible_collections.lte.modem.plugins.module_utils._python import require_python

require_python('huawei_hilink')

from ansible_collections.lte.modem.plugins.module_utils._hilink.task import TASK  # noqa: E402
from ansible_collections.lte.modem.plugins.module_utils._tasks.runner import run_module  # noqa: E402


def main():
    run_module(TASK)


if __name__ == '__main__':
    main()
