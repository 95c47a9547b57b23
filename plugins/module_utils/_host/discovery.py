# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""Find a host's Huawei modems and the AT port of each: sysfs, then the interface tables, then a probe.

1. ``sysfs.usb_devices`` reads every USB device with Huawei's vendor ID or a known ID, its
   interfaces, ttys and network interfaces.
2. Each interface gets its function from its class/subclass/protocol triplet and each device its
   state from its USB ID (or, for an unknown ID, from what it shows).
3. The ttys that should speak AT, and those nobody knows about, are probed in parallel.
4. The AT port is the best confirmed port (a PCUI, then a modem port), by its most stable path.
5. Whatever stands between the user and an AT port becomes advice.
"""

from __future__ import annotations

import os
import time
from collections import Counter

from ansible_collections.lte.modem.plugins.module_utils._errors import ModemError
from ansible_collections.lte.modem.plugins.module_utils._host import probe as probing
from ansible_collections.lte.modem.plugins.module_utils._host import sysfs
from ansible_collections.lte.modem.plugins.module_utils._host.tables import (
    ADVICE,
    AT_CAPABLE,
    AT_PORT_PREFERENCE,
    CLASS_FUNCTIONS,
    GETPORTMODE_TTY_ROLES,
    HUAWEI_VENDOR_ID,
    NETWORK_DRIVERS,
    NO_GETPORTMODE_IDS,
    ROLE_MODEM,
    ROLE_OF_FUNCTION,
    ROLE_PCUI,
    ROLE_UNKNOWN,
    STATE_HILINK,
    STATE_MASS_STORAGE,
    STATE_NETWORK_ONLY,
    STATE_SERIAL,
    STATE_UNKNOWN,
    TRIPLET_FUNCTIONS,
    USB_IDS,
    VENDOR_BY_ID,
    VENDOR_NAMES,
)

FUNCTION_UNKNOWN = 'unknown'
ROLE_OTHER = 'other'
# States whose advice stands whether or not a port answers.
_STATE_ADVICE = (STATE_MASS_STORAGE, STATE_HILINK, STATE_NETWORK_ONLY)


def is_modem(device):
    """A USB device worth looking at: Huawei's vendor ID, or an ID known from the field."""
    return device.vendor_id == HUAWEI_VENDOR_ID or device.usb_id in USB_IDS


def interface_function(interface):
    """The function of an interface from its triplet (``pcui_4g``, ``ecm``, ``mass_storage`` ...) or ``unknown``."""
    return TRIPLET_FUNCTIONS.get(interface.triplet) or CLASS_FUNCTIONS.get(interface.interface_class, FUNCTION_UNKNOWN)


def function_role(function):
    """The role of a function: ``pcui``, ``modem``, ``diag``, ``gps``, ``network``, ... ``unknown`` or ``other``."""
    if function == FUNCTION_UNKNOWN:
        return ROLE_UNKNOWN
    return ROLE_OF_FUNCTION.get(function, ROLE_OTHER)


def normalized_vendor(device):
    """One name for the many manufacturer strings (``Huawei Technologies Co., Ltd.``, ``HUAWEI_MOBILE`` -> ``Huawei``)."""
    for pattern, vendor in VENDOR_NAMES:
        if device.manufacturer and pattern.search(device.manufacturer):
            return vendor
    return VENDOR_BY_ID.get(device.vendor_id, device.manufacturer)


class Port:
    """A tty of a modem: where it is, what its interface says it is, and what the probe found."""

    def __init__(self, tty, interface, dev_path, by_id, by_path):
        self.tty = tty
        self.interface = interface
        self.device = os.path.join(dev_path, tty)
        self.by_id = by_id
        self.by_path = by_path
        self.function = interface_function(interface)
        self.role = function_role(self.function)
        self.probe = None
        self.getportmode_role = None

    @property
    def at_capable(self):
        """True or False from the interface tables, None when only a probe can tell."""
        return AT_CAPABLE.get(self.role, False)

    @property
    def probe_candidate(self):
        return self.at_capable is not False

    @property
    def answered(self):
        return bool(self.probe) and self.probe['status'] == probing.STATUS_ANSWERED

    def stable_path(self, by_id_shared):
        """udev's by-id name (stable across re-enumeration), else the by-path name, else ``/dev/<tty>``.

        When several modems share manufacturer, product and serial number their by-id names
        collide and point at whichever came last, so the by-path name comes first.
        """
        names = (self.by_path, self.by_id) if by_id_shared else (self.by_id, self.by_path)
        return next((name for name in names if name), self.device)

    def as_dict(self, by_id_shared):
        interface = self.interface
        port = dict(
            tty=self.tty, device=self.device, by_id=self.by_id, by_path=self.by_path,
            path=self.stable_path(by_id_shared), usb_interface=interface.name, interface=interface.number,
            driver=interface.driver, function=self.function, role=self.role, at_capable=self.at_capable,
            probe=self.probe,
        )
        port.update(zip(('class', 'subclass', 'protocol'), interface.triplet))
        if self.getportmode_role:
            port['getportmode'] = self.getportmode_role
        return port


class Modem:
    """One USB device with Huawei's vendor ID or a known ID."""

    def __init__(self, device, dev_path, by_id, by_path):
        self.device = device
        self.dev_path = dev_path
        known = USB_IDS.get(device.usb_id)
        self.known_as = list(known.known_as) if known else []
        self.state = known.state if known else _state_from_composition(device)
        self.ports = [Port(tty, interface, dev_path, by_id.get(tty), by_path.get(tty))
                      for interface in device.interfaces for tty in interface.ttys]
        self.at_port = None
        self.getportmode = None
        self.advice = []
        self.by_id_shared = False

    @property
    def label(self):
        models = ', '.join(self.known_as)
        return '%s%s at USB %s' % (self.device.usb_id, ' (%s)' % models if models else '', self.device.name)

    @property
    def identity(self):
        device = self.device
        return (device.manufacturer, device.product, device.serial)

    def choose_at_port(self, probed):
        """The best port that answered (or, without a probe, that the tables say speaks AT)."""
        def eligible(port):
            return port.answered if probed else port.at_capable is True
        ranked = sorted((port for port in self.ports if eligible(port) and port.role in AT_PORT_PREFERENCE),
                        key=lambda port: (AT_PORT_PREFERENCE.index(port.role), port.interface.number))
        self.at_port = ranked[0] if ranked else None

    def network(self):
        entries = []
        for interface in self.device.interfaces:
            for name in interface.network_interfaces:
                entries.append(dict(
                    name=name, driver=interface.driver, protocol=NETWORK_DRIVERS.get(interface.driver),
                    usb_interface=interface.name, interface=interface.number,
                    control_devices=[os.path.join(self.dev_path, control) for control in interface.control_devices],
                ))
        return entries

    def interfaces(self):
        return [dict(usb_interface=interface.name, interface=interface.number, driver=interface.driver,
                     function=interface_function(interface),
                     **dict(zip(('class', 'subclass', 'protocol'), interface.triplet)))
                for interface in self.device.interfaces]

    @property
    def at_port_path(self):
        return self.at_port.stable_path(self.by_id_shared) if self.at_port else None

    def as_dict(self):
        device = self.device
        return dict(
            usb_path=device.name, usb_id=device.usb_id, vendor_id=device.vendor_id, product_id=device.product_id,
            manufacturer=device.manufacturer, vendor=normalized_vendor(device), product=device.product,
            serial=device.serial, configuration=device.configuration, configurations=device.configurations,
            known_as=self.known_as, state=self.state,
            at_port=self.at_port_path,
            ports=[port.as_dict(self.by_id_shared) for port in self.ports],
            network=self.network(), interfaces=self.interfaces(),
            getportmode=self.getportmode, advice=self.advice,
        )


def _state_from_composition(device):
    roles = {function_role(interface_function(interface)) for interface in device.interfaces}
    if any(interface.ttys for interface in device.interfaces):
        return STATE_SERIAL
    if 'network' in roles:
        return STATE_NETWORK_ONLY
    if roles == {'storage'}:
        return STATE_MASS_STORAGE
    return STATE_UNKNOWN


def discover(sysfs_path, dev_path, probe=True, probe_timeout=1.0, getportmode=False):
    """Find the modems under ``sysfs_path`` and their AT ports; return the module's result."""
    devices = sysfs.usb_devices(sysfs_path, is_modem)
    by_id = sysfs.serial_links(dev_path, 'by-id')
    by_path = sysfs.serial_links(dev_path, 'by-path')
    modems = [Modem(device, dev_path, by_id, by_path) for device in devices]
    identities = Counter(modem.identity for modem in modems)
    for modem in modems:
        modem.by_id_shared = identities[modem.identity] > 1

    probe_seconds = None
    if probe:
        probe_seconds = _probe(modems, probe_timeout)
    for modem in modems:
        modem.choose_at_port(probe)
    if probe and getportmode:
        for modem in modems:
            _ask_getportmode(modem)

    advice = [] if modems else [ADVICE['no_modem'].format(sysfs=sysfs_path)]
    for modem in modems:
        modem.advice = _advice_for(modem, probe, probe_timeout)
    with_port = [modem for modem in modems if modem.at_port]
    if len(modems) > 1 and with_port:
        advice.append(ADVICE['several'].format(count=len(modems), name=with_port[0].label))
    if any(modem.by_id_shared for modem in modems):
        advice.append(ADVICE['shared_by_id'])
    for modem in modems:
        advice.extend(modem.advice)
    return dict(
        changed=False,
        at_port=with_port[0].at_port_path if with_port else None,
        modems=[modem.as_dict() for modem in modems],
        advice=advice,
        probe_seconds=probe_seconds,
    )


def _probe(modems, timeout):
    started = time.monotonic()
    candidates = [port for modem in modems for port in modem.ports if port.probe_candidate]
    outcomes = probing.probe_ports([port.device for port in candidates], timeout)
    for modem in modems:
        for port in modem.ports:
            port.probe = outcomes.get(port.device) or dict(status='skipped', reason='a %s port does not speak AT' % port.role)
    return round(time.monotonic() - started, 3)


def _ask_getportmode(modem):
    """Ask the modem's AT port for its port map and fill in the roles the interface tables could not give."""
    if modem.device.usb_id in NO_GETPORTMODE_IDS:
        modem.getportmode = dict(sent=False, reason=NO_GETPORTMODE_IDS[modem.device.usb_id])
        return
    if modem.at_port is None:
        modem.getportmode = dict(sent=False, reason='no port answered AT')
        return
    port = modem.at_port
    try:
        result = probing.query_getportmode(port.device)
    except ModemError as exc:
        modem.getportmode = dict(sent=True, port=port.device, error=str(exc))
        return
    functions = probing.parse_getportmode(result.lines) if result.ok else []
    modem.getportmode = dict(sent=True, port=port.device, supported=result.ok, response=result.lines + [result.final],
                             functions=functions, applied=apply_getportmode(modem, functions))
    modem.choose_at_port(True)


def apply_getportmode(modem, functions):
    """Give each tty the role ^GETPORTMODE lists for it; a role the interface tables did not know is replaced.

    Only when the answer lists as many tty functions as the modem has ttys (the numbers are positions,
    see ``GETPORTMODE_TTY_ROLES``); returns whether the roles were applied.
    """
    tty_functions = [function for function in functions if function['role'] in GETPORTMODE_TTY_ROLES]
    ports = sorted(modem.ports, key=lambda port: port.interface.number)
    if not tty_functions or len(tty_functions) != len(ports):
        return False
    for port, function in zip(ports, tty_functions):
        port.getportmode_role = function['role']
        if port.role == ROLE_UNKNOWN:
            port.role = function['role']
    return True


def _advice_for(modem, probed, probe_timeout):
    device = modem.device
    fields = dict(name=modem.label, vendor_id=device.vendor_id, product_id=device.product_id, usb_path=device.name,
                  configuration=device.configuration, configurations=device.configurations,
                  network=', '.join(entry['name'] for entry in modem.network()) or 'no interface yet',
                  timeout=probe_timeout)
    advice = [ADVICE[modem.state].format(**fields)] if modem.state in _STATE_ADVICE else []
    for interface in device.interfaces:
        role = function_role(interface_function(interface))
        if role in (ROLE_PCUI, ROLE_MODEM) and not interface.ttys:
            advice.append(ADVICE['no_tty_driver'].format(interface=interface.number, role=role, **fields))
    if modem.at_port or not modem.ports:
        return advice
    candidates = [port for port in modem.ports if port.probe_candidate]
    if not candidates:
        other_configurations = (device.configurations or 1) > 1
        return advice + [ADVICE['other_configuration' if other_configurations else 'no_at_port'].format(**fields)]
    if not probed:
        return advice + [ADVICE['unprobed'].format(**fields)]
    return advice + _probe_advice(candidates, fields)


def _probe_advice(candidates, fields):
    by_status = {}
    for port in candidates:
        by_status.setdefault(port.probe['status'], []).append(port)
    advice = []
    if probing.STATUS_BUSY in by_status:
        advice.append(ADVICE['busy'].format(ports=_names(by_status[probing.STATUS_BUSY]), **fields))
    if probing.STATUS_UNAVAILABLE in by_status:
        ports = by_status[probing.STATUS_UNAVAILABLE]
        advice.append(ADVICE['unavailable'].format(ports=_names(ports), error=ports[0].probe['error'], **fields))
    if probing.STATUS_NO_ANSWER in by_status:
        advice.append(ADVICE['silent'].format(ports=_names(by_status[probing.STATUS_NO_ANSWER]), **fields))
    return advice


def _names(ports):
    return ', '.join('%s (%s)' % (port.device, port.role) for port in ports)
