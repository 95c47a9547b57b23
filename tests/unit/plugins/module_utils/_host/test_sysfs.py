# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Reading USB devices, interfaces, ttys and network interfaces from fake sysfs trees."""

from __future__ import annotations

import os

from ansible_collections.lte.modem.plugins.module_utils._host import sysfs

from . import layouts


def everything(device):
    return True


def test_a_device_with_its_interfaces_ttys_and_network_interface(host):
    host.plug(layouts.ME906S)
    [device] = sysfs.usb_devices(host.sys, everything)
    assert (device.name, device.usb_id, device.configuration) == ('1-5', '12d1:15c1', 2)
    assert (device.manufacturer, device.product, device.serial) == ('Huawei Technologies Co., Ltd.', 'HUAWEI Mobile', '0123456789ABCDEF')
    assert [interface.name for interface in device.interfaces] == ['1-5:2.%d' % number for number in range(7)]
    pcui = device.interfaces[4]
    assert (pcui.number, pcui.triplet, pcui.driver, pcui.ttys) == (4, ('ff', '06', '12'), 'option', ['ttyUSB2'])
    assert device.interfaces[0].network_interfaces == ['usb0']
    assert [interface.ttys for interface in device.interfaces] == [[], [], ['ttyUSB0'], ['ttyUSB1'], ['ttyUSB2'], ['ttyUSB3'], ['ttyUSB4']]


def test_the_tty_of_a_usb_serial_port_sits_below_a_port_device_and_the_links_are_relative(host):
    host.plug(layouts.ME906S)
    link = os.path.join(host.sys, 'class', 'tty', 'ttyUSB2')
    assert not os.path.isabs(os.readlink(link))
    assert os.path.realpath(link).endswith('/usb1/1-5/1-5:2.4/ttyUSB2/tty/ttyUSB2')


def test_cdc_wdm_control_ports_and_mbim(host):
    host.plug(layouts.HP_LT4132)
    [device] = sysfs.usb_devices(host.sys, everything)
    control = device.interfaces[0]
    assert (control.driver, control.network_interfaces, control.control_devices) == ('cdc_mbim', ['wwan0'], ['cdc-wdm0'])


def test_only_selected_devices_are_read_in_usb_path_order(host):
    host.plug(layouts.MOUSE_RECEIVER, port='1')
    host.plug(layouts.E3372H_STICK, port='10')
    host.plug(layouts.E3272_STICK, port='2.1')
    host.plug(layouts.USB_SERIAL_ADAPTER, port='3')
    devices = sysfs.usb_devices(host.sys, lambda device: device.vendor_id == '12d1')
    assert [device.name for device in devices] == ['1-2.1', '1-10']
    # the serial adapter's tty and the platform UART belong to no selected device
    assert [tty for device in devices for interface in device.interfaces for tty in interface.ttys] == ['ttyUSB2', 'ttyUSB3', 'ttyUSB0', 'ttyUSB1']


def test_by_id_and_by_path_links_name_their_tty(host):
    host.plug(layouts.E3272_STICK, port='1.2')
    by_id = sysfs.serial_links(host.dev, 'by-id')
    by_path = sysfs.serial_links(host.dev, 'by-path')
    assert by_id['ttyUSB1'].endswith('/serial/by-id/usb-HUAWEI_Technology_HUAWEI_Mobile-if01-port0')
    assert by_path['ttyUSB1'].endswith('/serial/by-path/pci-0000:00:14.0-usb-0:1.2:1.1-port0')


def test_a_tree_without_usb_or_serial_links_reads_as_empty(tmp_path):
    assert sysfs.usb_devices(str(tmp_path), everything) == []
    assert sysfs.serial_links(str(tmp_path), 'by-id') == {}


def test_usb_paths_sort_by_their_numbers():
    assert sorted(['1-10', '1-2', '2-1', '1-2.10', '1-2.3'], key=sysfs.usb_path_key) == ['1-2', '1-2.3', '1-2.10', '1-10', '2-1']
