# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The radio world around the modem: registration, serving RAT, signal, data-call admission.

The simulated network offers GSM, WCDMA and LTE everywhere. The SIM is either a home
SIM (knob home_network=True → registered home, stat 1) or a foreign one: then the modem
registers roaming (stat 5) if roaming is allowed in ^SYSCFGEX/^SYSCFG, else it is denied (stat 3).
"""

from __future__ import annotations

from dataclasses import dataclass

# RAT → (^SYSINFOEX sysmode, name, submode, name), (^SYSINFO sys_mode, submode), +COPS AcT, ^HCSQ name
RAT_TABLE = {
    "LTE": {"sysinfoex": (6, "LTE", 101, "LTE"), "sysinfo": (17, 17), "act": 7},
    "WCDMA": {"sysinfoex": (3, "WCDMA", 45, "HSPA+"), "sysinfo": (5, 9), "act": 2},
    "GSM": {"sysinfoex": (1, "GSM", 3, "EDGE"), "sysinfo": (3, 3), "act": 3},
}
ACQORDER_RATS = {"01": "GSM", "02": "WCDMA", "03": "LTE"}
SYSCFG_MODE_RATS = {13: "GSM", 14: "WCDMA"}

# 3GPP registration stat values (huawei-at.md §2.5).
NOT_SEARCHING, HOME, SEARCHING, DENIED, ROAMING = 0, 1, 2, 3, 5

# ^NDISSTAT failure causes used by the emulator.
CAUSE_NO_SERVICE = 0  # seed 000: "^NDISSTAT: 0,0,,"IPV4"" with the radio off
CAUSE_BAD_APN = 33
CAUSE_PLMN_NOT_ALLOWED = 111

LOCATION = {"lac": "2A5B", "ci": "0F4C2D11", "tac": "2A5B"}


@dataclass
class Registration:
    """Snapshot of the registration situation."""

    stat: int
    rat: str | None
    roaming: bool

    @property
    def registered(self) -> bool:
        """Home or roaming registration."""
        return self.stat in (HOME, ROAMING)


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
        """The roam field of ^SYSCFGEX / ^SYSCFG."""
        config = self.state.syscfgex or self.state.syscfg
        return config.roam != 0

    def serving_rat(self) -> str:
        """RAT the modem camps on, from the mode preference."""
        if self.state.syscfgex is not None:
            order = self.state.syscfgex.acqorder
            if order in ("00", "99") or not order:
                return "LTE" if self.profile.lte else "WCDMA"
            return ACQORDER_RATS.get(order[:2], "LTE")
        syscfg = self.state.syscfg
        if syscfg.mode in SYSCFG_MODE_RATS:
            return SYSCFG_MODE_RATS[syscfg.mode]
        return "GSM" if syscfg.acqorder == 1 else "WCDMA"

    def registration(self) -> Registration:
        """Current CS/PS registration."""
        if self.state.sim_status != "ready":
            return Registration(NOT_SEARCHING, None, False)
        if self.state.cfun != 1:
            return Registration(NOT_SEARCHING, None, False)
        if not (self.state.rf_software and self.state.rf_hardware):
            # seed 000: hardware switch off → +CREG: 0,2 and +CSQ: 99,99
            return Registration(SEARCHING, None, False)
        rat = self.serving_rat()
        if self.knobs.home_network:
            return Registration(HOME, rat, False)
        if self.roaming_allowed():
            return Registration(ROAMING, rat, True)
        return Registration(DENIED, rat, True)

    def signal_csq(self) -> tuple:
        """+CSQ (rssi, ber); 99,99 when the radio is off or no SIM is usable."""
        if not self.radio_on() or self.state.sim_status != "ready":
            return (99, 99)
        return (max(0, min(31, int(self.knobs.rssi))), 99)

    def hcsq_fields(self) -> str:
        """Body of ^HCSQ (huawei-at.md §2.4)."""
        rssi, dummy = self.signal_csq()
        if rssi == 99:
            return '"NOSERVICE"'
        dbm = -113 + 2 * rssi
        rat = self.serving_rat()
        if rat == "LTE":
            return f'"LTE",{dbm + 121},{dbm - 20 + 141},{130},{24}'
        if rat == "WCDMA":
            return f'"WCDMA",{dbm + 121},{dbm - 5 + 121},{50}'
        return f'"GSM",{dbm + 121}'

    def operator(self) -> str:
        """Long name of the network the modem is registered on."""
        return self.profile.home_operator if self.knobs.home_network else self.profile.visited_operator

    def data_admission(self, apn: str):
        """None if a data call with this APN can come up, else the ^NDISSTAT cause."""
        registration = self.registration()
        if registration.stat == DENIED:
            return CAUSE_PLMN_NOT_ALLOWED
        if not registration.registered or not self.radio_on():
            return CAUSE_NO_SERVICE
        config = self.state.syscfgex or self.state.syscfg
        if config.srvdomain == 0:
            return CAUSE_NO_SERVICE
        valid = self.knobs.valid_apns
        if valid is not None and apn and apn.lower() not in {name.lower() for name in valid}:
            return CAUSE_BAD_APN
        return None
