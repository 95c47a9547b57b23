# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A Huawei USB stick in HiLink mode: its web API on loopback, and the serial stick it becomes (stdlib only).

    from simulator.hilink import HilinkStick, serve_hilink
    stick = HilinkStick(firmware="21.420.07.00.00")     # 22.x refuses the switch
    server = serve_hilink(stick, host="127.0.0.5")      # .address, .port, .close()
    stick.add_listener(callback)                        # callback(stick) after every re-enumeration
    stick.usb_id                                        # 12d1:14dc, then 12d1:1442, then (AT^SETPORT, AT^RESET) 12d1:1506
    stick.modem                                         # the SimulatedModem once it shows serial ports
"""

from .server import HilinkServer, serve_hilink
from .stick import HilinkStick

__all__ = ["HilinkStick", "HilinkServer", "serve_hilink"]
