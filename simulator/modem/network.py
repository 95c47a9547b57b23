# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The radio world around the modem: serving RAT, registration, signal, network time, data-call admission.

The simulated network has a cell of every RAT in knobs.network_rats, each on the band of
knobs.network_bands. The modem camps on the first RAT of its mode order whose cell it can
hear: the mode allows the RAT and the band mask (^SYSCFGEX/^SYSCFG) includes the cell's band.
The SIM is a home SIM (knobs.home_network=True → registered home, stat 1) or a foreign one:
then the modem registers roaming (stat 5) if roaming is allowed in ^SYSCFGEX/^SYSCFG, else
it is denied (stat 3, cause 13 "roaming not allowed in this location area").
"""

from __future__ import annotations

import time
from dataclasses import dataclass

# RAT → ^SYSINFOEX (sysmode, name, submode, name), ^SYSINFO (sys_mode, submode), 3GPP AcT.
RAT_TABLE = {
    "LTE": {"sysinfoex": (6, "LTE", 101, "LTE"), "sysinfo": (17, 17), "act": 7},
    "WCDMA": {"sysinfoex": (3, "WCDMA", 45, "HSPA+"), "sysinfo": (5, 9), "act": 2},
    "GSM": {"sysinfoex": (1, "GSM", 3, "EDGE"), "sysinfo": (3, 3), "act": 3},
}
ACQORDER_RATS = {"01": "GSM", "02": "WCDMA", "03": "LTE"}
SYSCFG_MODE_RATS = {13: ("GSM",), 14: ("WCDMA",)}
SYSCFG_ORDER_RATS = {1: ("GSM", "WCDMA"), 2: ("WCDMA", "GSM")}

# 3GPP registration stat values.
NOT_SEARCHING, HOME, SEARCHING, DENIED, UNKNOWN, ROAMING = 0, 1, 2, 3, 4, 5
FORCED_STATS = {"searching": SEARCHING, "not_searching": NOT_SEARCHING, "unknown": UNKNOWN}

# Causes: 24.008 MM reject cause of a foreign SIM with roaming off, and SM causes of data calls.
CAUSE_ROAMING_NOT_ALLOWED = 13
CAUSE_NO_SERVICE = 0  # ^NDISSTAT: 0,0,,"IPV4" with the radio off, as in the NO CARRIER field report
CAUSE_MISSING_APN = 27
CAUSE_BAD_APN = 33
CAUSE_PLMN_NOT_ALLOWED = 111

LOCATION = {"lac": "2A5B", "ci": "0F4C2D11", "tac": "2A5B"}


@dataclass
class Registration:
    """Snapshot of the registration situation: stat, the RAT camped on (or None), roaming."""

    stat: int
    rat: str | None
    roaming: bool

    @property
    def registered(self) -> bool:
        """Home or roaming registration."""
        return self.stat in (HOME, ROAMING)


def acqorder_rats(order: str, lte: bool) -> list:
    """RATs of a ^SYSCFGEX mode order, most preferred first ("00": every RAT of the device)."""
    if order in ("00", "99", ""):
        return ["LTE", "WCDMA", "GSM"] if lte else ["WCDMA", "GSM"]
    return [ACQORDER_RATS[order[index:index + 2]] for index in range(0, len(order), 2) if order[index:index + 2] in ACQORDER_RATS]


class RadioNetwork:
    """Computes what the modem sees of the network from its state, profile and knobs."""

    def __init__(self, profile, state, knobs):
        self.profile = profile
        self.state = state
        self.knobs = knobs

    def radio_on(self) -> bool:
        """CFUN=1 and both RF switches on."""
        return self.state.cfun == 1 and self.state.rf_software and self.state.rf_hardware

    def roaming_allowed(self) -> bool:
        """The roam field of ^SYSCFGEX / ^SYSCFG: 1 allows roaming; 0 and 3 (off both ways) do not."""
        return self.config().roam not in (0, 3)

    def config(self):
        """The mode/band NVRAM: SyscfgEx or Syscfg."""
        return self.state.syscfgex or self.state.syscfg

    def preferred_rats(self) -> list:
        """RATs the mode allows, most preferred first."""
        if self.state.syscfgex is not None:
            return acqorder_rats(self.state.syscfgex.acqorder, self.profile.lte)
        syscfg = self.state.syscfg
        return list(SYSCFG_MODE_RATS.get(syscfg.mode) or SYSCFG_ORDER_RATS.get(syscfg.acqorder, ("WCDMA", "GSM")))

    def hears(self, rat: str) -> bool:
        """A cell of this RAT exists and the modem's band mask includes its band."""
        config = self.config()
        mask = getattr(config, "lteband", None) if rat == "LTE" else config.band
        return rat in self.knobs.network_rats and bool(mask and mask & self.knobs.network_bands.get(rat, 0))

    def camped_rat(self):
        """RAT of the cell the modem camps on, or None (radio off, no SIM, no coverage, no band)."""
        if not (self.radio_on() and self.state.sim_usable and self.knobs.coverage):
            return None
        for rat in self.preferred_rats():
            if self.hears(rat):
                return rat
        return None

    def registration(self) -> Registration:
        """Current CS/PS registration."""
        if not self.state.sim_usable or self.state.cfun != 1:
            return Registration(NOT_SEARCHING, None, False)
        rat = self.camped_rat()
        if rat is None:
            # searching: radio off by a switch (the NO CARRIER report), no coverage, no band
            return Registration(SEARCHING, None, False)
        forced = FORCED_STATS.get(self.knobs.registration)
        if forced is not None:
            return Registration(forced, rat, False)
        roaming = not self.knobs.home_network
        if self.knobs.reject_cause is not None or (roaming and not self.roaming_allowed()):
            return Registration(DENIED, rat, roaming)
        return Registration(ROAMING if roaming else HOME, rat, roaming)

    def reject_cause(self):
        """MM reject cause of a denied registration (+CEER), else None."""
        if self.registration().stat != DENIED:
            return None
        return self.knobs.reject_cause if self.knobs.reject_cause is not None else CAUSE_ROAMING_NOT_ALLOWED

    def signal_csq(self) -> tuple:
        """+CSQ (rssi, ber); 99,99 while not camped on a cell."""
        if self.camped_rat() is None:
            return (99, 99)
        return (max(0, min(31, int(self.knobs.rssi))), 99)

    def hcsq_values(self):
        """(sysmode, [values]) of ^HCSQ: LTE rssi,rsrp,sinr,rsrq; WCDMA rssi,rscp,ecio; GSM rssi; or NOSERVICE."""
        rat = self.camped_rat()
        rssi, dummy = self.signal_csq()
        if rat is None:
            return "NOSERVICE", []
        dbm = -113 + 2 * rssi
        if rat == "LTE":
            return "LTE", [dbm + 121, dbm - 20 + 141, 130, 24]
        if rat == "WCDMA":
            return "WCDMA", [dbm + 121, dbm - 5 + 121, 53]
        return "GSM", [dbm + 121]

    def wcdma_snr(self) -> tuple:
        """^CSNR (rscp dBm, ecio dB): measured on WCDMA only, the floor values elsewhere."""
        if self.camped_rat() != "WCDMA":
            return (-145, -32)
        return (max(-145, min(-60, -113 + 2 * self.signal_csq()[0] - 5)), -6)

    def operator(self) -> str:
        """Long name of the network the modem is registered on."""
        return self.profile.home_operator if self.knobs.home_network else self.profile.visited_operator

    def network_time(self):
        """UTC seconds of the network's clock once registered (the network sent its time), else None."""
        if not self.registration().registered:
            return None
        return self.knobs.network_time if self.knobs.network_time is not None else time.time()

    def data_admission(self, apn: str):
        """None if a data call with this APN can come up, else the ^NDISSTAT cause."""
        registration = self.registration()
        if registration.stat == DENIED:
            return CAUSE_PLMN_NOT_ALLOWED
        if not registration.registered or not self.radio_on():
            return CAUSE_NO_SERVICE
        if self.config().srvdomain == 0:
            return CAUSE_NO_SERVICE
        if self.knobs.dial_failure_cause is not None:
            return self.knobs.dial_failure_cause
        return self._apn_cause(apn)

    def _apn_cause(self, apn: str):
        valid = self.knobs.valid_apns
        if valid is None:
            return None
        names = {name.lower() for name in valid}
        if apn.lower() in names:
            return None
        return CAUSE_BAD_APN if apn else CAUSE_MISSING_APN
