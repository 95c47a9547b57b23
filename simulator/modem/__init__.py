# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Stateful Huawei LTE modem emulator (stdlib only).

    from simulator.modem import SimulatedModem, Knobs, PROFILES, serve_pty, serve_tcp
    modem = SimulatedModem(profile="ME909u-521", knobs=Knobs(home_network=False), seed=7)
    link = modem.connect()                 # one AT port: write(bytes) / read(timeout) / close() / closed
    link.write(b"AT^SYSCFGEX?\\r")
    link.read(1.0)                         # b'AT^SYSCFGEX?\\r\\r\\n^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF\\r\\n...'
    modem.command_log                      # every command line received
    modem.state                            # see simulator.modem.state for the attribute names
    server = serve_pty(modem, link_path="/tmp/gsm0")   # .path, .link_path, .close()
    server = serve_tcp(modem)              # .port, .address, .close(); pyserial "socket://127.0.0.1:<port>"

State attributes (details in simulator.modem.state): NVRAM syscfgex, syscfg, pdp_contexts,
setport_current, setport_pending, rf_software, sim_pin, sim_pin2; the SIM's pin_retries,
puk_retries, pin2_retries, puk2_retries; volatile cfun, cmee, creg_n, cgreg_n, cereg_n,
curc, cops_mode, sim_unlocked, pin2_unlocked, sms_memories, ndis, last_dial_cid; derived
rf_hardware (the knob), sim_status and sim_usable. Echo/ATV/ATQ are per link (link.echo ...).

Knob names and meanings: simulator.modem.knobs. Profiles: simulator.modem.profiles
(`python -m simulator modem --describe` prints each profile's commands and variants).
"""

from .device import ModemUnavailable, SimulatedModem
from .knobs import Knobs
from .profiles import PROFILES, Profile
from .servers import PtyServer, TcpServer, serve_pty, serve_tcp
from .state import ModemState, NdisConnection, PdpContext, Syscfg, SyscfgEx

__all__ = [
    "SimulatedModem", "Knobs", "PROFILES", "Profile", "serve_pty", "serve_tcp", "PtyServer", "TcpServer",
    "ModemUnavailable", "ModemState", "NdisConnection", "PdpContext", "Syscfg", "SyscfgEx",
]
