# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""What the USB side of a Huawei modem tells about it, as data tables.

* ``USB_IDS``: ``vendor:product`` -> the state the device is in and the models seen with that ID.
  One ID serves many models and one model shows several IDs (one per state), so ``known_as`` is a hint.
* Interface triplets (class/subclass/protocol as sysfs prints them: two lower-case hex digits)
  -> the function of the interface, and each function's role (PCUI, modem, diagnostics, GPS, ...).
* ``^GETPORTMODE`` names -> roles, and the IDs that must never be sent ``^GETPORTMODE``.
* Manufacturer strings -> one vendor name; network drivers -> the protocol they speak.
* What to do in each state, in ``ADVICE``.
"""

from __future__ import annotations

import re
from collections import namedtuple

from ansible_collections.lte.modem.plugins.module_utils._huawei.tables import SETPORT_FUNCTIONS

HUAWEI_VENDOR_ID = '12d1'

# --- USB IDs ---------------------------------------------------------------------------

STATE_SERIAL = 'serial'                # tty ports, some of which speak AT
STATE_HILINK = 'hilink'                # a router inside the stick: a network card, no AT port
STATE_MASS_STORAGE = 'mass_storage'    # the driver CD-ROM, until a mode switch message is sent
STATE_NETWORK_ONLY = 'network_only'    # an unknown ID that shows a network interface and no tty
STATE_UNKNOWN = 'unknown'

UsbId = namedtuple('UsbId', 'state known_as')

USB_IDS = {
    # Before the mode switch the stick shows only its CD-ROM (and SD slot); usb_modeswitch sends
    # Huawei's "new mode" message and it comes back with a HiLink or a stick ID.
    # usb.ids names 1f01 "E353/E3131 (Mass storage mode)"; E3372 and E3272 sticks power up with it too.
    '12d1:1f01': UsbId(STATE_MASS_STORAGE, ('E353', 'E3131', 'E3372', 'E3272', 'E3531')),
    # usb_modeswitch data: "Huawei E3331, E3372", switched to 14db or 14dc.
    '12d1:157d': UsbId(STATE_MASS_STORAGE, ('E3331', 'E3372')),
    # usb_modeswitch data (2015-11-01): "Huawei E3531s-2, E3131 (Variant)" and "Huawei E3531 (Variant)".
    '12d1:15ce': UsbId(STATE_MASS_STORAGE, ('E3531s-2', 'E3131')),
    '12d1:15d2': UsbId(STATE_MASS_STORAGE, ('E3531',)),
    # usb_modeswitch udev rules: "Huawei, newer modems" and "Huawei E173s".
    '12d1:1446': UsbId(STATE_MASS_STORAGE, ('E1550', 'E173')),
    '12d1:1c0b': UsbId(STATE_MASS_STORAGE, ('E173s',)),

    # HiLink: usb.ids names 14dc "E33372 LTE/UMTS/GSM HiLink Modem/Networkcard" (E3372, E3272, E3531
    # in HiLink firmware); 14db is the HiLink ID of E353/E3131 and of the E3372h-320. cdc_ether,
    # web interface at http://192.168.8.1, no serial port.
    '12d1:14dc': UsbId(STATE_HILINK, ('E3372', 'E3272', 'E3531')),
    '12d1:14db': UsbId(STATE_HILINK, ('E353', 'E3131', 'E3372h-320')),

    # Stick firmware and modules: tty ports next to an NCM, ECM or MBIM network function.
    # 1506: E3372h/E3272/E3276 stick firmware (usb-devices listings in OpenWrt's wiki and forums;
    # ModemManager names an Airtel E3372h-607 with it) and the first MU609 firmware.
    '12d1:1506': UsbId(STATE_SERIAL, ('E3372h', 'E3272', 'E3276', 'MU609')),
    '12d1:155e': UsbId(STATE_SERIAL, ('E3372h',)),
    # E3372s-153 stick firmware (usb-devices listing: ff/02/12 PCUI, ff/02/10 modem, ff/02/16 NCM).
    '12d1:15b6': UsbId(STATE_SERIAL, ('E3372s-153',)),
    # The serial mode HiLink firmware falls back to for updates: a firmware updater left an E3272
    # there, with two ports (Windows driver lines for interfaces MI_00 and MI_01).
    '12d1:1442': UsbId(STATE_SERIAL, ('E3272', 'E3372h')),
    # usb_modeswitch data (2015-11-01): "Huawei ME909u-521 [12d1:1573]"; ModemManager: MU609.
    '12d1:1573': UsbId(STATE_SERIAL, ('ME909u-521', 'MU609')),
    # usb-devices listings of an ME906s-158 (MBIM configuration) and an ME909s-821.
    '12d1:15c1': UsbId(STATE_SERIAL, ('ME906s', 'ME909s')),
    # ModemManager mailing list (2018): ME906E, ff/02/01 modem, ff/02/02 PCUI, ff/02/03 diag.
    '12d1:1570': UsbId(STATE_SERIAL, ('ME906E',)),
    # HP's ME906s: the Linux kernel's USB quirks table names 03f0:a31d "Huawei 4G LTE module ME906S".
    '03f0:a31d': UsbId(STATE_SERIAL, ('HP lt4132 (ME906s)',)),
}

# ModemManager's Huawei rules never send ^GETPORTMODE to this ID: it crashes the MU609 with its
# default firmware (the ME909u-521 shares the ID).
NO_GETPORTMODE_IDS = {
    '12d1:1573': 'AT^GETPORTMODE crashes the MU609 (USB ID 12d1:1573, shared by the ME909u-521) with its default firmware',
}

# --- Manufacturer strings ----------------------------------------------------------------

# Seen: "Huawei Technologies Co., Ltd." (ME906s), "Huawei Technologies Co.,Ltd.", "HUAWEI Technology"
# (E3272), "HUAWEI_MOBILE" (E3372h/s), "HUAWEI" (E3276), "Vodafone (Huawei)" (branded E3372).
VENDOR_NAMES = (
    (re.compile(r'huawei', re.IGNORECASE), 'Huawei'),
)
VENDOR_BY_ID = {HUAWEI_VENDOR_ID: 'Huawei'}

# --- Interfaces ----------------------------------------------------------------------------

# Huawei's vendor-specific interfaces (class ff) carry the port's ^SETPORT function code in
# bInterfaceProtocol (12 = 4G PCUI, 10 = 4G modem, 16 = NCM ...), under one subclass per platform:
#   01  Qualcomm-based modules: ME909u-521 (01/12 "PC UI Interface", 01/14 "GPS Interface"), MU609 (01/05 GPS)
#   02  E3372s-153 and E3272 (02/12, 02/10, 02/16), ME906E (02/01, 02/02, 02/03, 02/07)
#   03  E3372h and E3276 stick firmware (03/10, 03/12, 03/16; 03/01, 03/02, 03/03)
#   06  ME909s and ME906s (06/10, 06/13, 06/12, 06/16, 06/06, 06/14)
# ModemManager's Huawei rules name a subset: 01/01 and 02/01 modem, 01/02 and 02/02 PCUI (the
# primary AT port), 01/05, 01/14 and 06/14 GPS. Old sticks use ff/ff/ff for every port: unknown.
FUNCTION_CODED_SUBCLASSES = ('01', '02', '03', '06')
VENDOR_CLASS = 'ff'

TRIPLET_FUNCTIONS = {
    (VENDOR_CLASS, subclass, '%02x' % int(code, 16)): function
    for subclass in FUNCTION_CODED_SUBCLASSES
    for code, function in SETPORT_FUNCTIONS.items()
}
TRIPLET_FUNCTIONS.update({
    ('02', '06', '00'): 'ecm',             # CDC Ethernet control (cdc_ether)
    ('02', '0d', '00'): 'ncm',             # CDC NCM control (cdc_ncm)
    ('02', '0e', '00'): 'mbim',            # CDC MBIM control (cdc_mbim)
    ('02', '02', '01'): 'acm',             # CDC ACM, AT commands (cdc_acm, ttyACM)
})
# Interfaces whose class alone says what they are.
CLASS_FUNCTIONS = {
    '08': 'mass_storage',                  # CD-ROM with the Windows drivers, SD card slot
    '0a': 'network_data',                  # the data half of an ECM, NCM or MBIM function
    '0b': 'smartcard',
}

ROLE_PCUI = 'pcui'
ROLE_MODEM = 'modem'
ROLE_GPS_CONTROL = 'gps_control'
ROLE_UNKNOWN = 'unknown'

ROLE_OF_FUNCTION = {
    'pcui': ROLE_PCUI, 'pcui_4g': ROLE_PCUI,
    'modem': ROLE_MODEM, 'modem_4g': ROLE_MODEM, 'acm': ROLE_MODEM,
    'gps_control': ROLE_GPS_CONTROL,
    'diag': 'diag', 'diag_4g': 'diag',
    'gps': 'gps', 'gps_4g': 'gps',
    'ndis': 'network', 'ndis_4g': 'network', 'ncm': 'network', 'rndis': 'network',
    'ecm': 'network', 'mbim': 'network', 'network_data': 'network',
    'cdrom': 'storage', 'sd': 'storage', 'mass_storage': 'storage',
    'pcsc': 'smartcard', 'smartcard': 'smartcard',
    'pc_voice': 'voice', 'pc_voice_4g': 'voice',
}

# Whether a tty of each role answers AT commands: True (PCUI, modem), False (diagnostics and NMEA
# streams), None when only a probe can tell. The GPS control port of ME906s-class modules answered
# AT like the modem port in a field report; it is probed, not assumed.
AT_CAPABLE = {
    ROLE_PCUI: True,
    ROLE_MODEM: True,
    ROLE_GPS_CONTROL: None,
    ROLE_UNKNOWN: None,
}

# The order in which a confirmed AT port is chosen: the PCUI is the primary AT port and is free
# while a dialer holds the modem port; an unknown port that answered comes before GPS control.
AT_PORT_PREFERENCE = (ROLE_PCUI, ROLE_MODEM, ROLE_UNKNOWN, ROLE_GPS_CONTROL)

# Network drivers and the protocol they speak.
NETWORK_DRIVERS = {
    'cdc_ether': 'ecm',                    # HiLink sticks; modules dialled with AT^NDISDUP
    'cdc_ncm': 'ncm',
    'huawei_cdc_ncm': 'ncm',               # Huawei's vendor-class NCM (stick firmware), with a cdc-wdm port
    'cdc_mbim': 'mbim',
    'qmi_wwan': 'qmi',
    'rndis_host': 'rndis',
}

# --- ^GETPORTMODE ----------------------------------------------------------------------------

# Names in ``^GETPORTMODE: TYPE: WCDMA: huawei,PCUI:0,MDM:1,NDIS:2`` (twelve firmware variants in
# ModemManager's tests), compared in lower case.
GETPORTMODE_ROLES = {
    'pcui': ROLE_PCUI,
    'mdm': ROLE_MODEM, 'modem': ROLE_MODEM, '3g_modem': ROLE_MODEM,
    'diag': 'diag', '3g_diag': 'diag', '4g_diag': 'diag',
    'gps': 'gps',
    'ndis': 'network', 'rndis': 'network', 'ncm': 'network', 'ecm': 'network',
    'cdrom': 'storage', 'sd': 'storage', 'mass': 'storage', 'mass_two': 'storage',
    'bt': 'bluetooth',
    'a_shell': 'shell', 'c_shell': 'shell',
}
# The numbers after the names start at 0 or 1 and a network function takes two USB interfaces, so
# they are positions, not interface numbers: the functions that are ttys are matched, in order, to
# the device's ttys sorted by interface number.
GETPORTMODE_TTY_ROLES = (ROLE_PCUI, ROLE_MODEM, 'diag', 'gps', 'shell')

# --- What to do ---------------------------------------------------------------------------------

ADVICE = {
    'no_modem': 'No Huawei USB modem is attached: no USB device with vendor ID 12d1 or a known ID under '
                '{sysfs}/bus/usb/devices. Check lsusb, the slot or cable, and that the module is not held '
                'off by its W_DISABLE pin.',
    STATE_MASS_STORAGE: '{name} shows only its CD-ROM (mass storage) because no mode switch ran. Install '
                        'usb-modeswitch and its data package so udev switches it when plugged in, or run '
                        'usb_modeswitch -v {vendor_id} -p {product_id} -J once; it comes back as a HiLink '
                        'or stick device.',
    STATE_HILINK: '{name} runs HiLink firmware: a router inside the stick, reached as a network card '
                  '({network}) with a web interface at http://192.168.8.1, and no AT port. To manage it with '
                  'AT commands, put it in stick mode: reach a serial port (an update or debug mode, or stick '
                  'firmware on newer releases), then set a port mode with a PCUI, AT^SETPORT="FF;10,12", '
                  'and AT^RESET (lte.modem.huawei_port_mode does both).',
    STATE_NETWORK_ONLY: '{name} shows a network interface ({network}) and no tty; it is probably in HiLink '
                        '(router) mode, which has no AT port: see the HiLink advice in the discovery guide.',
    'no_tty_driver': '{name}: interface {interface} is a {role} port but no driver serves it (no tty). Load '
                     'the option driver and give it the ID: modprobe option; echo {vendor_id} {product_id} > '
                     '/sys/bus/usb-serial/drivers/option1/new_id',
    'other_configuration': '{name}: its active USB configuration ({configuration}) has no AT port, but the device '
                           'has {configurations}. Choose another as root, for example echo 2 > '
                           '/sys/bus/usb/devices/{usb_path}/bConfigurationValue (ME906s-class modules: 1 and 2 hold '
                           'the serial ports, 3 is MBIM); usb_modeswitch -u <n> in a udev rule makes it last.',
    'no_at_port': '{name} has no AT port in its USB composition. From any port that still answers AT, set a '
                  'port mode that holds a PCUI, for example AT^SETPORT="FF;12,10,16", then AT^RESET '
                  '(lte.modem.huawei_port_mode refuses modes without one); with no answering port left, only '
                  "the vendor's firmware tool restores one.",
    'busy': '{name}: {ports} did not answer because another program holds them (ModemManager, a dialer, a '
            'terminal). Stop it, or tell ModemManager to leave the modem alone (udev ENV{{ID_MM_DEVICE_IGNORE}}="1").',
    'silent': '{name}: none of the ports that should speak AT ({ports}) answered AT within {timeout:g}s. The '
              'modem may still be booting or hung: wait and run again, or raise probe_timeout.',
    'unprobed': '{name}: no port is known to speak AT from its interface class alone; run with probe=true '
                'to find the AT port.',
    'unavailable': '{name}: {ports} could not be opened: {error}',
    'several': '{count} modems found; at_port is the one of {name}. Use modems[].at_port for the others.',
    'shared_by_id': 'Several modems report the same manufacturer, product and serial number, so their '
                    '/dev/serial/by-id names collide; their ports are given by USB path (/dev/serial/by-path).',
}
