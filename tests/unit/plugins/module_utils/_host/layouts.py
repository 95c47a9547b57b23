# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""USB layouts of real devices, from public usb-devices, lsusb -v and dmesg listings."""

from __future__ import annotations

from .fakesys import Layout, interface

# ME906s-158 in its ECM configuration (2 of 3), as a field report's dmesg shows it: cdc_ether on 2.0
# (usb0), five option ttys on 2.2-2.6. The functions follow an ME909s-821's listing (06/10 modem,
# 06/13 diag, 06/12 PCUI, 06/06 GPS control, 06/14 GPS) and fit the report: ttyUSB0 and ttyUSB3
# answer like a modem port, ttyUSB2 answers ERROR to a dial, ttyUSB1 and ttyUSB4 stay silent.
ME906S = Layout('12d1', '15c1', 'Huawei Technologies Co., Ltd.', 'HUAWEI Mobile', '0123456789ABCDEF', 2, (
    interface(0, '02/06/00', 'cdc_ether', net=True),
    interface(1, '0a/00/00', 'cdc_ether'),
    interface(2, 'ff/06/10', 'option', tty=True),
    interface(3, 'ff/06/13', 'option', tty=True),
    interface(4, 'ff/06/12', 'option', tty=True),
    interface(5, 'ff/06/06', 'option', tty=True),
    interface(6, 'ff/06/14', 'option', tty=True),
), configurations=3)

# ME909u-521 (MU609 platform) in configuration 2, from an lsusb listing: ECM "Network Card" on 0-1,
# 01/12 "PC UI Interface" on 4, 01/14 "GPS Interface" on 5; 2 and 3 are its modem and diagnostics ports.
ME909U_521 = Layout('12d1', '1573', 'Huawei Technologies Co., Ltd.', 'HUAWEI Mobile', None, 2, (
    interface(0, '02/06/00', 'cdc_ether', net=True),
    interface(1, '0a/00/00', 'cdc_ether'),
    interface(2, 'ff/01/10', 'option', tty=True),
    interface(3, 'ff/01/13', 'option', tty=True),
    interface(4, 'ff/01/12', 'option', tty=True),
    interface(5, 'ff/01/14', 'option', tty=True),
))

# E3372h with stick firmware, from OpenWrt's wiki listing: 03/10 modem, 03/12 PCUI, 03/16 NCM
# (huawei_cdc_ncm, with a cdc-wdm port), then the CD-ROM and SD mass storage interfaces.
E3372H_STICK = Layout('12d1', '1506', 'HUAWEI_MOBILE', 'HUAWEI_MOBILE', None, 1, (
    interface(0, 'ff/03/10', 'option', tty=True),
    interface(1, 'ff/03/12', 'option', tty=True),
    interface(2, 'ff/03/16', 'huawei_cdc_ncm', net=True, control=True),
    interface(3, '08/06/50', 'usb-storage'),
    interface(4, '08/06/50', 'usb-storage'),
))

# The same stick in OpenWrt's listing had no driver on its modem interface (the option driver did
# not know the ID yet): no tty there.
E3372H_STICK_UNBOUND_MODEM = E3372H_STICK._replace(interfaces=(
    interface(0, 'ff/03/10', None),
) + E3372H_STICK.interfaces[1:])

# E3372h with HiLink firmware (lsusb of a Vodafone-branded stick): cdc_ether only, plus the SD slot.
E3372H_HILINK = Layout('12d1', '14dc', 'Vodafone (Huawei)', 'Vodafone (Huawei)', None, 1, (
    interface(0, '02/06/00', 'cdc_ether', net=True),
    interface(1, '0a/00/00', 'cdc_ether'),
    interface(2, '08/06/50', 'usb-storage'),
))

# E3272 out of HiLink with AT^SETPORT="FF;10,12", as a field report's dmesg shows it (USB 5-1.2,
# 12d1:1506, "HUAWEI Technology" / "HUAWEI Mobile", no serial number, option ttys on 1.0 and 1.1);
# subclass 02 as in a listing of another "HUAWEI Technology" 1506 stick.
E3272_STICK = Layout('12d1', '1506', 'HUAWEI Technology', 'HUAWEI Mobile', None, 1, (
    interface(0, 'ff/02/10', 'option', tty=True),
    interface(1, 'ff/02/12', 'option', tty=True),
))

# An E3372 before its mode switch: usb.ids calls 12d1:1f01 "E353/E3131 (Mass storage mode)".
E3372_MASS_STORAGE = Layout('12d1', '1f01', 'HUAWEI_MOBILE', 'HUAWEI_MOBILE', None, 1, (
    interface(0, '08/06/50', 'usb-storage'),
    interface(1, '08/06/50', 'usb-storage'),
))

# HP lt4132: an ME906s with HP's vendor ID, in the MBIM configuration (3 of 3) an ME906s listing shows:
# MBIM control and data, and the GPS tty.
HP_LT4132 = Layout('03f0', 'a31d', 'HP', 'HP lt4132 LTE/HSPA+ 4G Module', '0123456789ABCDEF', 3, (
    interface(0, '02/0e/00', 'cdc_mbim', net=True, control=True),
    interface(1, '0a/00/02', 'cdc_mbim'),
    interface(2, 'ff/06/14', 'option', tty=True),
), configurations=3)

# Old 3G sticks mark every port ff/ff/ff: only a probe tells which one speaks AT.
UNMARKED_STICK = Layout('12d1', '1001', 'HUAWEI Technology', 'HUAWEI Mobile', None, 1, tuple(
    interface(number, 'ff/ff/ff', 'option', tty=True) for number in range(5)
))

# Devices that are not modems.
USB_SERIAL_ADAPTER = Layout('0403', '6001', 'FTDI', 'FT232R USB UART', 'A1QEL7T', 1, (
    interface(0, 'ff/ff/ff', 'ftdi_sio', tty=True),
))
MOUSE_RECEIVER = Layout('046d', 'c52b', 'Logitech', 'USB Receiver', None, 1, (
    interface(0, '03/01/01', 'usbhid'),
))
