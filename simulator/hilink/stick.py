# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The stick: what its web API knows, whether its firmware lets it leave HiLink mode, and its USB identity.

HiLink firmware is a router inside the stick: USB ID 12d1:14dc, a cdc_ether network card, the web
API at 192.168.8.1, no serial port. Its API's ``POST /api/device/mode`` with ``<mode>1</mode>``
(the "debug" mode of public HiLink client libraries; 0 is normal, 2 enables telnet) makes
firmware that allows it re-enumerate as 12d1:1442 with serial ports: a PCUI that answers AT and a
diagnostics port. ``AT^SETPORT="FF;10,12"`` then ``AT^RESET`` make it a stick for good (12d1:1506,
modem and PCUI). Newer firmware refuses: a field report's E3272 with 22.470.07.00.00 needed a
downgrade to 21.420.07.00.00 first; here firmware 22.x and later answers error 100002, which
public HiLink client libraries name "system: no support".
"""

from __future__ import annotations

import hashlib
import threading

from simulator.modem import Knobs, SimulatedModem
from simulator.modem.scheduler import TIMERS

HILINK_ID = "12d1:14dc"
DEBUG_ID = "12d1:1442"
STICK_ID = "12d1:1506"
# The serial configuration the debug mode shows: a 4G PCUI and a 4G diagnostics port.
DEBUG_COMPOSITION = "FF;12,13"
REFUSING_MAJOR = 22


class HilinkStick:  # pylint: disable=too-many-instance-attributes
    """One stick; thread-safe. ``switch_delay``: seconds between the API's OK and the re-enumeration."""

    def __init__(self, model="E3272", firmware="22.470.07.00.00", hardware="CH1E3272SM", password=None, username="admin",
                 switch_delay=0.3, modem_profile="E3272", seed=None):
        self.model = model
        self.firmware = firmware
        self.hardware = hardware
        self.username = username
        self.password = password
        self.switch_delay = switch_delay
        self.modem_profile = modem_profile
        digest = hashlib.sha256(("%s %s" % (model, seed)).encode()).hexdigest()
        self.serial_number = digest[:16].upper()
        self.imei = "8675030" + str(int(digest[16:26], 16))[:8]
        self.modem = None
        self.lock = threading.Lock()
        self._listeners = []
        self.switch_requests = 0

    @property
    def refuses_switch(self) -> bool:
        """Firmware 22.x and later answers the switch with error 100002."""
        return int(self.firmware.split(".")[0]) >= REFUSING_MAJOR

    @property
    def in_hilink(self) -> bool:
        return self.modem is None

    @property
    def usb_id(self) -> str:
        if self.modem is None:
            return HILINK_ID
        return DEBUG_ID if self.modem.state.setport_current == DEBUG_COMPOSITION else STICK_ID

    @property
    def composition(self):
        """The active ^SETPORT composition, None in HiLink mode."""
        return None if self.modem is None else self.modem.state.setport_current

    def information(self) -> dict:
        """What GET /api/device/information answers."""
        return {"DeviceName": self.model, "SerialNumber": self.serial_number, "Imei": self.imei,
                "HardwareVersion": self.hardware, "SoftwareVersion": self.firmware, "WebUIVersion": "17.100.13.01.03",
                "ProductFamily": "LTE", "Classify": "hilink", "workmode": "LTE"}

    def add_listener(self, callback):
        """callback(stick) after each re-enumeration (HiLink -> serial, and after every reset of the serial stick)."""
        self._listeners.append(callback)

    def request_switch(self) -> bool:
        """The API's switch to the serial configuration; False when the firmware refuses it."""
        with self.lock:
            self.switch_requests += 1
            if self.refuses_switch:
                return False
        TIMERS.call_later(self.switch_delay, self._enumerate_serial, owner=self)
        return True

    def _enumerate_serial(self):
        with self.lock:
            if self.modem is not None:
                return
            self.modem = SimulatedModem(profile=self.modem_profile, knobs=Knobs(port_mode=DEBUG_COMPOSITION, reboot_delay=0.5))
            self.modem.add_observer(self._on_modem_event)
        self._notify()

    def _on_modem_event(self, event):
        if event == "up":
            self._notify()

    def _notify(self):
        for callback in list(self._listeners):
            callback(self)

    def close(self):
        TIMERS.cancel_owner(self)
        with self.lock:
            modem, self.modem = self.modem, None
        if modem is not None:
            modem.close()
