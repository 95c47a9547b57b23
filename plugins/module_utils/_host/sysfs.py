# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""Read USB devices, their interfaces, ttys and network interfaces from a Linux sysfs tree.

The layout (the kernel's symlinks are relative, so any root works: ``/sys``, a container's, a test's):

* ``<sysfs>/bus/usb/devices/<bus>-<port>`` links to a USB device directory holding ``idVendor``,
  ``idProduct``, ``manufacturer``, ``product``, ``serial``, ``bConfigurationValue`` (the active
  configuration) and ``bNumConfigurations``;
* its interfaces are the subdirectories ``<bus>-<port>:<config>.<interface>``, holding
  ``bInterfaceNumber``, ``bInterfaceClass``, ``bInterfaceSubClass``, ``bInterfaceProtocol`` and a
  ``driver`` link;
* ``<sysfs>/class/tty/<tty>``, ``<sysfs>/class/net/<if>`` and ``<sysfs>/class/usbmisc/<dev>`` link
  somewhere below the interface that serves them (``…/1-5:2.2/ttyUSB0/tty/ttyUSB0``).

``<dev>/serial/by-id`` and ``<dev>/serial/by-path`` hold udev's stable names, links to ``../../<tty>``.
Nothing here writes, and an attribute that cannot be read is None.
"""

from __future__ import annotations

import os
import re

_DEVICE_NAME = re.compile(r'^\d+-[\d.]+$')


class UsbInterface:
    """One interface of the active configuration of a USB device."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)
        self.number = _hex_number(_attribute(path, 'bInterfaceNumber'))
        self.interface_class = _attribute(path, 'bInterfaceClass')
        self.subclass = _attribute(path, 'bInterfaceSubClass')
        self.protocol = _attribute(path, 'bInterfaceProtocol')
        self.driver = _link_name(os.path.join(path, 'driver'))
        self.ttys = []
        self.network_interfaces = []
        self.control_devices = []

    @property
    def triplet(self):
        """``(class, subclass, protocol)`` as sysfs prints them (``('ff', '06', '12')``)."""
        return (self.interface_class, self.subclass, self.protocol)


class UsbDevice:
    """A USB device and the interfaces of its active configuration."""

    def __init__(self, path, name):
        self.path = path
        self.name = name
        self.vendor_id = _attribute(path, 'idVendor')
        self.product_id = _attribute(path, 'idProduct')
        self.manufacturer = _attribute(path, 'manufacturer')
        self.product = _attribute(path, 'product')
        self.serial = _attribute(path, 'serial')
        self.configuration = _decimal_number(_attribute(path, 'bConfigurationValue'))
        self.configurations = _decimal_number(_attribute(path, 'bNumConfigurations'))
        self.interfaces = []

    @property
    def usb_id(self):
        """``vendor:product`` in lower-case hex (``12d1:15c1``)."""
        return '%s:%s' % (self.vendor_id, self.product_id)

    def read_interfaces(self):
        prefix = self.name + ':'
        names = sorted(entry for entry in _listdir(self.path) if entry.startswith(prefix))
        self.interfaces = sorted((UsbInterface(os.path.join(self.path, entry)) for entry in names),
                                 key=lambda interface: (interface.number is None, interface.number))


def usb_devices(sysfs_path, select):
    """The USB devices for which ``select(device)`` is true, with their interfaces, ttys and network interfaces.

    Devices come in USB path order (``1-2`` before ``1-10``).
    """
    devices_dir = os.path.join(sysfs_path, 'bus', 'usb', 'devices')
    devices = []
    # root hubs (usb1) and interfaces (1-5:2.0) are not devices
    for entry in sorted((entry for entry in _listdir(devices_dir) if _DEVICE_NAME.match(entry)), key=usb_path_key):
        device = UsbDevice(os.path.realpath(os.path.join(devices_dir, entry)), entry)
        if device.vendor_id and device.product_id and select(device):
            device.read_interfaces()
            devices.append(device)
    _attach_class_devices(sysfs_path, devices)
    return devices


def usb_path_key(name):
    """Sort key of a USB device path such as ``1-1.10``: its numbers, compared as numbers."""
    return [int(part) for part in re.split(r'[-.]', name)]


def _attach_class_devices(sysfs_path, devices):
    owners = {interface.path: interface for device in devices for interface in device.interfaces}
    if not owners:
        return
    for class_name, attribute in (('tty', 'ttys'), ('net', 'network_interfaces'), ('usbmisc', 'control_devices')):
        class_dir = os.path.join(sysfs_path, 'class', class_name)
        for entry in sorted(_listdir(class_dir)):
            owner = _owner(os.path.realpath(os.path.join(class_dir, entry)), owners)
            if owner is not None:
                getattr(owner, attribute).append(entry)


def _owner(path, owners):
    """The interface whose directory holds ``path``, or None."""
    while True:
        if path in owners:
            return owners[path]
        parent = os.path.dirname(path)
        if parent == path:
            return None
        path = parent


def serial_links(dev_path, kind):
    """``{tty name: link path}`` of the links in ``<dev>/serial/<kind>`` (``by-id`` or ``by-path``)."""
    links_dir = os.path.join(dev_path, 'serial', kind)
    links = {}
    for entry in sorted(_listdir(links_dir)):
        link = os.path.join(links_dir, entry)
        try:
            target = os.readlink(link)
        except OSError:
            continue
        tty = os.path.basename(os.path.normpath(os.path.join(links_dir, target)))
        links.setdefault(tty, link)
    return links


def _listdir(path):
    try:
        return os.listdir(path)
    except OSError:
        return []


def _attribute(directory, name):
    try:
        with open(os.path.join(directory, name), encoding='utf-8', errors='replace') as handle:
            return handle.read().strip()
    except OSError:
        return None


def _link_name(path):
    try:
        return os.path.basename(os.readlink(path))
    except OSError:
        return None


def _hex_number(text):
    try:
        return int(text, 16)
    except (TypeError, ValueError):
        return None


def _decimal_number(text):
    try:
        return int(text)
    except (TypeError, ValueError):
        return None
