#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: huawei_ports
short_description: Find the Huawei modems of a Linux host and their AT port
version_added: 1.0.0
description:
  - Lists every Huawei USB modem of the host from sysfs (vendor ID C(12d1), and IDs of rebranded
    modules such as HP's C(03f0:a31d)) with its USB identity, its ttys and its network interfaces.
  - Each tty gets a role from its USB interface's class/subclass/protocol triplet (PCUI, modem,
    diagnostics, GPS, ...). Huawei puts the port's C(^SETPORT) function code in the protocol byte
    (V(ff/06/12) is a 4G PCUI); old sticks mark every port V(ff/ff/ff), which only a probe can tell apart.
  - With O(probe=true) the ttys that should speak AT, and the unknown ones, are opened exclusively
    and sent C(AT), all at once and each for at most O(probe_timeout) seconds, so many silent ports
    cost about one O(probe_timeout), not a command timeout each. A port held by another program is
    reported as busy.
  - The AT port, RV(at_port), is the best port that answered (a PCUI, then a modem port), by its
    C(/dev/serial/by-id) name, which survives re-enumeration. Feed it to the C(device) option of the
    other modules, for example O(lte.modem.huawei_info#module:device).
  - Sticks in HiLink mode (a router inside the stick, no AT port) or still in mass storage mode
    are recognised by their USB ID, and RV(advice) says what to do, as it does when no modem or
    no AT port is found.
  - The module only reads; C(changed) is always V(false). Diagnostics and GPS ports are never written to.
author:
  - lte.modem contributors (@lte-modem)
attributes:
  check_mode:
    description: Can run in check mode and return changed status prediction without modifying target.
    support: full
    details:
      - The module only reads sysfs and asks read-only queries (C(AT), C(AT^GETPORTMODE)), so it runs unchanged in check mode.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: N/A
    details:
      - The module changes nothing.
  platform:
    description: Target OS/families that can be operated against.
    support: full
    platforms: [posix]
    details:
      - Linux only; it reads the kernel's sysfs.
options:
  sysfs_path:
    description:
      - Root of the sysfs tree to read. Another root reads another system's tree, for example
        a container's or a copy made for a bug report.
    type: path
    default: /sys
  dev_path:
    description:
      - Root of the device tree that holds the ttys and udev's C(serial/by-id) and C(serial/by-path) links.
      - The ports in the result, and RV(at_port), are paths below it.
    type: path
    default: /dev
  probe:
    description:
      - Confirm the AT ports by sending C(AT) to the ttys that should speak it and to those whose
        interface says nothing.
      - With V(false) the ports are classified from sysfs alone and RV(at_port) is the PCUI (or modem
        port) the interface tables name, unconfirmed; nothing is opened.
    type: bool
    default: true
  probe_timeout:
    description:
      - How long each port may take to answer C(AT), in seconds. The ports are probed in parallel,
        so the whole probe takes about this long whatever the number of silent ports.
    type: float
    default: 1.0
  getportmode:
    description:
      - Also ask each modem's AT port for its port map with C(AT^GETPORTMODE) and use it to name the
        ports whose interface triplet is unknown (old sticks). Its numbers are positions, so the map
        is applied only when it lists as many tty functions as the modem has ttys.
      - Never sent to USB ID C(12d1:1573) (MU609, ME909u-521), because it crashes the MU609.
      - Needs O(probe=true).
    type: bool
    default: false
requirements:
  - Python 3.7 or later on the host that runs the module; ansible-core 2.16 or later.
notes:
  - Reading sysfs needs no privileges; opening the ttys for the probe needs the C(dialout) group or root.
  - ModemManager probes and holds the AT ports of the modems it manages; such ports are reported as
    busy. Stop it, or make it ignore the modem, before managing the modem with this collection.
seealso:
  - module: lte.modem.huawei_info
  - module: lte.modem.huawei_port_mode
  - ref: ansible_collections.lte.modem.docsite.discovery
    description: "Finding the AT port among a modem's ttys."
"""

EXAMPLES = r"""
---
- name: Find the modem's AT port
  lte.modem.huawei_ports:
  register: ports

- name: Stop when there is no AT port, and say why
  ansible.builtin.assert:
    that: ports.at_port is not none
    fail_msg: "{{ ports.advice | join(' ') }}"

- name: Use it in every other module
  lte.modem.huawei_info:
    device: "{{ ports.at_port }}"
    gather_subset: [identity, sim, radio]

- name: Classify from sysfs only, without opening any port
  lte.modem.huawei_ports:
    probe: false
  register: layout

- name: The modems of a container, with a longer probe for slow firmware
  lte.modem.huawei_ports:
    sysfs_path: /sys
    dev_path: /srv/containers/edge01/rootfs/dev
    probe_timeout: 2
"""

RETURN = r"""
at_port:
  description:
    - The AT port to use, of the first modem (in USB path order) that has one; null when none was found
      (RV(advice) says why).
    - The C(/dev/serial/by-id) name when udev made one, else the C(/dev/serial/by-path) name, else
      C(/dev/ttyUSBn). When several modems report the same manufacturer, product and serial number
      their by-id names collide, and the by-path name comes first.
  returned: always
  type: str
  sample: /dev/serial/by-id/usb-Huawei_Technologies_Co.__Ltd._HUAWEI_Mobile_0123456789ABCDEF-if04-port0
advice:
  description: What stands between the user and an AT port, and what to do; empty when all is well.
  returned: always
  type: list
  elements: str
  sample:
    - >-
      12d1:14dc (E3372, E3272, E3531) at USB 1-2 runs HiLink firmware: a router inside the stick, reached as a
      network card (usb0) with a web interface at http://192.168.8.1, and no AT port. ...
probe_seconds:
  description: How long the whole probe took, in seconds; null with O(probe=false).
  returned: always
  type: float
  sample: 1.012
modems:
  description: Every Huawei USB modem (or device with a known modem ID), in USB path order.
  returned: always
  type: list
  elements: dict
  contains:
    usb_path:
      description: The device's name in sysfs, C(<bus>-<port>[.<port>...]).
      type: str
      sample: '1-5'
    usb_id:
      description: C(vendor:product) in lower-case hex.
      type: str
      sample: '12d1:15c1'
    vendor_id:
      description: USB vendor ID.
      type: str
      sample: '12d1'
    product_id:
      description: USB product ID.
      type: str
      sample: '15c1'
    manufacturer:
      description: The manufacturer string as the device reports it (it differs between models).
      type: str
      sample: Huawei Technologies Co., Ltd.
    vendor:
      description: The manufacturer string normalised (C(HUAWEI_MOBILE), C(HUAWEI Technology) -> C(Huawei)).
      type: str
      sample: Huawei
    product:
      description: The product string.
      type: str
      sample: HUAWEI Mobile
    serial:
      description: The serial number string, null when the device has none.
      type: str
      sample: '0123456789ABCDEF'
    configuration:
      description: The active USB configuration.
      type: int
      sample: 2
    configurations:
      description: How many USB configurations the device offers (an ME906s has three; only some hold AT ports).
      type: int
      sample: 3
    known_as:
      description: Models seen with this USB ID (a hint; one ID serves many models). Empty for an unknown ID.
      type: list
      elements: str
      sample: [ME906s, ME909s]
    state:
      description:
        - V(serial) (ttys, some of which speak AT), V(hilink) (a network card with a web interface, no
          AT port), V(mass_storage) (only the driver CD-ROM, because no mode switch ran), V(network_only) (an
          unknown ID showing only a network interface), V(unknown).
      type: str
      sample: serial
    at_port:
      description: This modem's AT port, chosen like RV(at_port); null when it has none.
      type: str
      sample: /dev/serial/by-id/usb-Huawei_Technologies_Co.__Ltd._HUAWEI_Mobile_0123456789ABCDEF-if04-port0
    ports:
      description: The modem's ttys, in interface order.
      type: list
      elements: dict
      sample:
        - tty: ttyUSB2
          device: /dev/ttyUSB2
          by_id: /dev/serial/by-id/usb-Huawei_Technologies_Co.__Ltd._HUAWEI_Mobile_0123456789ABCDEF-if04-port0
          by_path: /dev/serial/by-path/pci-0000:00:14.0-usb-0:5:2.4-port0
          path: /dev/serial/by-id/usb-Huawei_Technologies_Co.__Ltd._HUAWEI_Mobile_0123456789ABCDEF-if04-port0
          usb_interface: '1-5:2.4'
          interface: 4
          class: ff
          subclass: '06'
          protocol: '12'
          driver: option
          function: pcui_4g
          role: pcui
          at_capable: true
          probe: {status: answered, seconds: 0.021, final: OK}
        - tty: ttyUSB1
          device: /dev/ttyUSB1
          interface: 3
          function: diag_4g
          role: diag
          at_capable: false
          probe: {status: skipped, reason: a diag port does not speak AT}
      contains:
        function:
          description: The interface's function from its triplet (the C(^SETPORT) function names of
            M(lte.modem.huawei_port_mode), or V(acm)), V(unknown) when the triplet says nothing.
          type: str
        role:
          description: V(pcui), V(modem), V(gps_control), V(diag), V(gps), V(unknown), ...
          type: str
        at_capable:
          description: Whether the role speaks AT; null when only a probe can tell.
          type: bool
        probe:
          description:
            - Null with O(probe=false). C(status) is V(answered) (with the C(final) result; an error
              result still means the port speaks AT), V(no_answer) (nothing within O(probe_timeout);
              C(received) holds any non-AT output), V(busy) (held by another program), V(unavailable)
              (could not be opened; C(error) says why) or V(skipped) (a role that does not speak AT).
            - C(seconds) is how long the probe of this port took.
          type: dict
        getportmode:
          description: The role C(^GETPORTMODE) gives this port, when O(getportmode=true) and the map was applied.
          type: str
    network:
      description: The modem's network interfaces.
      type: list
      elements: dict
      sample:
        - {name: usb0, driver: cdc_ether, protocol: ecm, usb_interface: '1-5:2.0', interface: 0, control_devices: []}
        - {name: wwan0, driver: huawei_cdc_ncm, protocol: ncm, usb_interface: '1-2:1.2', interface: 2, control_devices: [/dev/cdc-wdm0]}
    interfaces:
      description: Every USB interface of the active configuration, with its triplet, driver and function.
      type: list
      elements: dict
      sample:
        - {usb_interface: '1-5:2.0', interface: 0, class: '02', subclass: '06', protocol: '00', driver: cdc_ether, function: ecm}
    getportmode:
      description:
        - With O(getportmode=true), what C(AT^GETPORTMODE) gave - C(sent), C(port), C(supported),
          C(response), the C(functions) listed (C(name), C(number), C(role)) and whether they were
          C(applied) - or why it was not sent (C(reason)). Null otherwise.
      type: dict
      sample:
        sent: true
        port: /dev/ttyUSB2
        supported: true
        response: ['^GETPORTMODE: TYPE: WCDMA: huawei,MDM:0,DIAG:1,PCUI:2', OK]
        functions: [{name: MDM, number: 0, role: modem}, {name: DIAG, number: 1, role: diag}, {name: PCUI, number: 2, role: pcui}]
        applied: true
    advice:
      description: This modem's part of RV(advice).
      type: list
      elements: str
"""

# Before any other import of the collection: older Pythons get a clear failure, not a SyntaxError.
from ansible_collections.lte.modem.plugins.module_utils._python import require_python

require_python('huawei_ports')

from ansible_collections.lte.modem.plugins.module_utils._tasks.huawei_ports import TASK  # noqa: E402
from ansible_collections.lte.modem.plugins.module_utils._tasks.runner import run_module  # noqa: E402


def main():
    run_module(TASK)


if __name__ == '__main__':
    main()
