# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Fake Linux hosts: a sysfs tree and a /dev tree under a test directory, built like the kernel and udev build them.

``FakeHost(root).plug(LAYOUT)`` adds a USB device: its directory below the PCI controller, the
``bus/usb/devices`` links, one directory per interface with its triplet and ``driver`` link, and for
each tty, network interface or cdc-wdm port the directory below its interface plus the relative
``class/...`` link. The /dev side gets ``/dev/<tty>`` (an empty file; ``serve`` turns it into a link to
a pty of a simulated modem) and udev's ``serial/by-id`` and ``serial/by-path`` links.
"""

from __future__ import annotations

import os
import re
from collections import namedtuple

from simulator.modem import serve_pty

CONTROLLER = 'pci0000:00/0000:00:14.0'
CONTROLLER_ID = 'pci-0000:00:14.0'

# number, (class, subclass, protocol), driver, and what the driver creates on it
Interface = namedtuple('Interface', 'number triplet driver tty net control')
Layout = namedtuple('Layout', 'vendor_id product_id manufacturer product serial configuration interfaces configurations',
                    defaults=(1,))

# What each driver's network interfaces and ttys are called (kernel defaults).
NET_NAMES = {'cdc_ether': 'usb', 'rndis_host': 'usb', 'huawei_cdc_ncm': 'wwan', 'cdc_ncm': 'wwan',
             'cdc_mbim': 'wwan', 'qmi_wwan': 'wwan'}
TTY_NAMES = {'cdc_acm': 'ttyACM'}


def interface(number, triplet, driver=None, tty=False, net=False, control=False):
    """One interface of a layout: ``interface(4, 'ff/06/12', 'option', tty=True)``."""
    return Interface(number, tuple(triplet.split('/')), driver, tty, net, control)


def udev_name(text):
    """How udev writes a USB string in a by-id name: runs of white space and unsafe characters become ``_``."""
    return re.sub(r'[^0-9A-Za-z#+\-.:=@_]', '_', re.sub(r'\s+', '_', text.strip()))


class Plugged:
    """A device plugged into a FakeHost: its USB path and the names its interfaces got."""

    def __init__(self, name):
        self.name = name
        self.ttys = {}
        self.net = {}

    def tty(self, number):
        return self.ttys[number]


class FakeHost:
    """A sysfs tree (``.sys``) and a /dev tree (``.dev``) with a root hub, a platform serial port and no USB devices yet."""

    def __init__(self, root):
        self.sys = str(root / 'sys')
        self.dev = str(root / 'dev')
        self._counters = {}
        self._servers = []
        hub = self._mkdir(self.sys, 'devices', CONTROLLER, 'usb1')
        self._write(hub, idVendor='1d6b', idProduct='0002', product='xHCI Host Controller', bConfigurationValue='1')
        self._link(self._path(self.sys, 'bus', 'usb', 'devices', 'usb1'), hub)
        for directory in (('class', 'tty'), ('class', 'net'), ('class', 'usbmisc')):
            self._mkdir(self.sys, *directory)
        for kind in ('by-id', 'by-path'):
            self._mkdir(self.dev, 'serial', kind)
        uart = self._mkdir(self.sys, 'devices', 'platform', 'serial8250', 'tty', 'ttyS0')
        self._link(self._path(self.sys, 'class', 'tty', 'ttyS0'), uart)

    def plug(self, layout, port='5'):
        """Add a USB device on root port ``port`` (``'5'``, or ``'1.2'`` behind a hub); return a Plugged."""
        name = '1-%s' % port
        device = self._mkdir(self.sys, 'devices', CONTROLLER, 'usb1', name)
        self._write(device, idVendor=layout.vendor_id, idProduct=layout.product_id, manufacturer=layout.manufacturer,
                    product=layout.product, serial=layout.serial, bConfigurationValue=str(layout.configuration),
                    bNumConfigurations=str(layout.configurations))
        self._link(self._path(self.sys, 'bus', 'usb', 'devices', name), device)
        plugged = Plugged(name)
        for spec in layout.interfaces:
            self._add_interface(layout, device, plugged, port, spec)
        return plugged

    def _add_interface(self, layout, device, plugged, port, spec):
        name = '%s:%d.%d' % (plugged.name, layout.configuration, spec.number)
        path = self._mkdir(device, name)
        self._write(path, bInterfaceNumber='%02x' % spec.number, bInterfaceClass=spec.triplet[0],
                    bInterfaceSubClass=spec.triplet[1], bInterfaceProtocol=spec.triplet[2], bAlternateSetting='0')
        self._link(self._path(self.sys, 'bus', 'usb', 'devices', name), path)
        if spec.driver:
            self._link(self._path(path, 'driver'), self._mkdir(self.sys, 'bus', 'usb', 'drivers', spec.driver))
        if spec.tty:
            tty = self._next(TTY_NAMES.get(spec.driver, 'ttyUSB'))
            # usb-serial puts a port device between the interface and its tty; cdc_acm does not
            parts = ('tty', tty) if spec.driver in TTY_NAMES else (tty, 'tty', tty)
            self._link(self._path(self.sys, 'class', 'tty', tty), self._mkdir(path, *parts))
            self._add_dev_node(layout, plugged, port, spec, tty)
        if spec.net:
            net = self._next(NET_NAMES[spec.driver])
            node = self._mkdir(path, 'net', net)
            self._write(node, address='02:1e:10:1f:00:%02x' % self._counters[NET_NAMES[spec.driver]])
            self._link(self._path(self.sys, 'class', 'net', net), node)
            plugged.net[spec.number] = net
        if spec.control:
            control = self._next('cdc-wdm')
            self._link(self._path(self.sys, 'class', 'usbmisc', control), self._mkdir(path, 'usbmisc', control))

    def _add_dev_node(self, layout, plugged, port, spec, tty):
        open(self._path(self.dev, tty), 'w', encoding='utf-8').close()
        serial = '_%s' % udev_name(layout.serial) if layout.serial else ''
        by_id = 'usb-%s_%s%s-if%02x-port0' % (udev_name(layout.manufacturer), udev_name(layout.product), serial, spec.number)
        by_path = '%s-usb-0:%s:%d.%d-port0' % (CONTROLLER_ID, port, layout.configuration, spec.number)
        for kind, link in (('by-id', by_id), ('by-path', by_path)):
            target = self._path(self.dev, 'serial', kind, link)
            if os.path.lexists(target):
                os.unlink(target)  # udev: the device that came last owns a shared name
            self._link(target, self._path(self.dev, tty))
        plugged.ttys[spec.number] = tty

    def serve(self, modem, tty, function):
        """Make ``/dev/<tty>`` a link to a pty of the simulated modem's ``function`` port.

        Only the PCUI and modem ports of a simulated modem speak AT; its diag and gps ports stay silent.
        """
        server = serve_pty(modem, link_path=self._path(self.dev, tty), function=function)
        self._servers.append(server)
        assert server.path, 'the simulated modem has no %s port' % function
        return server

    def close(self):
        """Stop serving ptys."""
        for server in self._servers:
            server.close()

    def by_id(self, tty):
        """The by-id link of a tty, as udev made it."""
        return self._serial_link('by-id', tty)

    def by_path(self, tty):
        return self._serial_link('by-path', tty)

    def _serial_link(self, kind, tty):
        directory = self._path(self.dev, 'serial', kind)
        return next(os.path.join(directory, entry) for entry in sorted(os.listdir(directory))
                    if os.readlink(os.path.join(directory, entry)) == '../../' + tty)

    def _next(self, prefix):
        number = self._counters.get(prefix, -1) + 1
        self._counters[prefix] = number
        return '%s%d' % (prefix, number)

    @staticmethod
    def _path(*parts):
        return os.path.join(*parts)

    def _mkdir(self, *parts):
        path = self._path(*parts)
        os.makedirs(path, exist_ok=True)
        return path

    @staticmethod
    def _write(directory, **attributes):
        for name, value in attributes.items():
            if value is not None:
                with open(os.path.join(directory, name), 'w', encoding='utf-8') as handle:
                    handle.write(value + '\n')

    def _link(self, link, target):
        os.makedirs(os.path.dirname(link), exist_ok=True)
        os.symlink(os.path.relpath(target, os.path.dirname(link)), link)
