# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""State of one emulated modem: NVRAM (kept across ^RESET and in the state file), the SIM, volatile settings.

ModemState attributes (readable by tests):

NVRAM (persist across AT^RESET and in ``state_file``):
  syscfgex          SyscfgEx(acqorder, band, roam, srvdomain, lteband) of firmware with ^SYSCFGEX
                    (lteband None on 3G firmware), else None
  syscfg            Syscfg(mode, acqorder, band, roam, srvdomain) of ^SYSCFG-only firmware, else None
  pdp_contexts      dict cid -> PdpContext(pdp_type, apn)
  setport_current   active ^SETPORT composition, canonical "FIRST;REWIND" ("FF;10,12", "A1,A2;12,10,16,A1,A2")
  setport_pending   composition written by ^SETPORT= and applied at the next reset, or None
  rf_software       ^RFSWITCH software switch (True = radio allowed)
  sim_pin, sim_pin2 the SIM's PINs (change with AT+CPIN="<puk>","<newpin>")
  sim_pin_lock      whether the SIM asks for its PIN at power-on (AT+CLCK="SC",0|1,...);
                    None: as the sim knob says (asks when sim is "pin")

The SIM (kept across ^RESET, not in the state file): pin_retries, puk_retries,
pin2_retries, puk2_retries (start from the knobs).

Volatile (back to boot values at every boot):
  cfun              +CFUN value (knobs.cfun at boot: 1 online, 0 minimum, 4 offline)
  cmee              +CMEE mode (knobs.cmee or the profile default)
  creg_n, cgreg_n, cereg_n   +CREG/+CGREG/+CEREG URC mode
  curc              ^CURC mode (1: periodic ^ URCs on)
  cops_mode         +COPS mode
  sim_unlocked, pin2_unlocked   PIN/PUK (PIN2/PUK2) entered since boot
  sms_memories      +CPMS storages (read/delete, write/send, receive)
  ndis              dict cid -> NdisConnection(status, families, apn, cause, ...)
  last_dial_cid     cid of the last ^NDISDUP (what ^NDISSTATQRY? reports)

Derived (properties): rf_hardware (the knob), sim_status ("ready", "pin", "puk", "pin2",
"puk2", "absent", "busy", "failure", "wrong", "blocked"), sim_usable.
Per-port settings (echo, ATV, ATQ) live on the link, not here.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field

from .knobs import Knobs


@dataclass
class SyscfgEx:
    """^SYSCFGEX fields: mode order, GSM/UMTS band mask, roam, service domain, LTE band mask (None without LTE)."""

    acqorder: str
    band: int
    roam: int
    srvdomain: int
    lteband: int | None


@dataclass
class Syscfg:
    """^SYSCFG fields of firmware without ^SYSCFGEX: mode, acquisition order, band mask, roam, service domain."""

    mode: int
    acqorder: int
    band: int
    roam: int
    srvdomain: int


@dataclass
class PdpContext:
    """One +CGDCONT context."""

    pdp_type: str
    apn: str


@dataclass
class NdisConnection:  # pylint: disable=too-many-instance-attributes
    """State of the ^NDISDUP data connection of one cid."""

    cid: int
    status: str = "down"  # down, connecting, up
    families: tuple = ("IPV4",)
    apn: str = ""
    cause: int | None = None
    ipv4: tuple = ()
    ipv6: tuple = ()
    tx_bytes: int = 0
    rx_bytes: int = 0
    up_seconds: int = 0


@dataclass
class ModemState:  # pylint: disable=too-many-instance-attributes
    """NVRAM plus volatile settings; see the module docstring for the attribute list."""

    profile_name: str
    syscfgex: SyscfgEx | None
    syscfg: Syscfg | None
    pdp_contexts: dict
    setport_current: str
    setport_pending: str | None = None
    rf_software: bool = True
    sim_pin: str = "1234"
    sim_pin2: str = "5678"
    sim_pin_lock: bool | None = None
    cmee_default: int = 1
    cfun: int = 1
    cmee: int = 1
    creg_n: int = 0
    cgreg_n: int = 0
    cereg_n: int = 0
    curc: int = 1
    cops_mode: int = 0
    sim_unlocked: bool = False
    pin2_unlocked: bool = False
    pin_retries: int = 3
    puk_retries: int = 10
    pin2_retries: int = 3
    puk2_retries: int = 10
    sms_memories: tuple = ("SM", "SM", "SM")
    ndis: dict = field(default_factory=dict)
    last_dial_cid: int = 1
    knobs: Knobs | None = None

    NVRAM_FIELDS = ("syscfgex", "syscfg", "pdp_contexts", "setport_current", "setport_pending", "rf_software", "sim_pin", "sim_pin2",
                    "sim_pin_lock")

    @classmethod
    def factory(cls, profile, knobs):
        """Fresh state: the profile's factory defaults, with the knobs' factory NVRAM and SIM values."""
        contexts = profile.default_pdp_contexts if knobs.pdp_contexts is None else knobs.pdp_contexts
        state = cls(
            profile_name=profile.name,
            syscfgex=SyscfgEx(*profile.syscfgex_default) if profile.syscfgex_default else None,
            syscfg=Syscfg(*profile.syscfg_default) if profile.syscfg_default else None,
            pdp_contexts={cid: PdpContext(pdp_type, apn) for cid, pdp_type, apn in contexts},
            setport_current=knobs.port_mode or profile.setport_default,
            rf_software=knobs.rf_software,
            sim_pin=knobs.pin,
            sim_pin2=knobs.pin2,
            cmee_default=profile.cmee_default if knobs.cmee is None else knobs.cmee,
            pin_retries=knobs.pin_retries, puk_retries=knobs.puk_retries,
            pin2_retries=knobs.pin2_retries, puk2_retries=knobs.puk2_retries,
            knobs=knobs,
        )
        if knobs.syscfg is not None and state.syscfgex is not None:
            state.syscfgex = SyscfgEx(*parse_config_text(knobs.syscfg, SyscfgEx))
        elif knobs.syscfg is not None:
            state.syscfg = Syscfg(*parse_config_text(knobs.syscfg, Syscfg))
        if knobs.roaming is not None:
            (state.syscfgex or state.syscfg).roam = int(knobs.roaming)
        state.power_on()
        return state

    @property
    def rf_hardware(self) -> bool:
        """Hardware RF switch (W_DISABLE#), driven by the rf_hardware knob."""
        return bool(self.knobs.rf_hardware)

    @property
    def sim_status(self) -> str:
        """What the SIM asks for, from the sim knob, the retries left and what was unlocked since boot."""
        sim = self.knobs.sim
        if sim in ("absent", "busy", "failure", "wrong"):
            return sim
        if self.puk_retries <= 0:
            return "blocked"
        if self.pin_retries <= 0 or (sim == "puk" and not self.sim_unlocked):
            return "puk"
        if sim in ("pin", "ready") and self.pin_lock and not self.sim_unlocked:
            return "pin"
        if self.puk2_retries > 0 and (self.pin2_retries <= 0 or (sim == "puk2" and not self.pin2_unlocked)):
            return "puk2"
        if sim == "pin2" and not self.pin2_unlocked:
            return "pin2"
        return "ready"

    @property
    def pin_lock(self) -> bool:
        """Whether the SIM asks for its PIN at power-on."""
        return self.knobs.sim == "pin" if self.sim_pin_lock is None else self.sim_pin_lock

    @property
    def sim_usable(self) -> bool:
        """The SIM serves the network: ready, or only waiting for PIN2/PUK2 (which guard a few SIM files)."""
        return self.sim_status in ("ready", "pin2", "puk2")

    def power_on(self):
        """Volatile settings back to their boot values; apply a pending ^SETPORT."""
        if self.setport_pending is not None:
            self.setport_current = self.setport_pending
            self.setport_pending = None
        self.cfun = self.knobs.cfun
        self.cmee = self.cmee_default
        self.creg_n = self.cgreg_n = self.cereg_n = 0
        self.curc = 1
        self.cops_mode = 0
        self.sim_unlocked = self.pin2_unlocked = False
        self.sms_memories = ("SM", "SM", "SM")
        self.ndis = {}
        self.last_dial_cid = 1

    def nvram(self) -> dict:
        """JSON-ready snapshot of the persistent fields."""
        return {
            "profile": self.profile_name,
            "syscfgex": asdict(self.syscfgex) if self.syscfgex else None,
            "syscfg": asdict(self.syscfg) if self.syscfg else None,
            "pdp_contexts": {str(cid): asdict(context) for cid, context in sorted(self.pdp_contexts.items())},
            "setport_current": self.setport_current,
            "setport_pending": self.setport_pending,
            "rf_software": self.rf_software,
            "sim_pin": self.sim_pin,
            "sim_pin2": self.sim_pin2,
            "sim_pin_lock": self.sim_pin_lock,
        }

    def load_nvram(self, data: dict):
        """Restore persistent fields from nvram(); ignores a file written for another profile."""
        if data.get("profile") != self.profile_name:
            return
        if data.get("syscfgex") and self.syscfgex:
            self.syscfgex = SyscfgEx(**data["syscfgex"])
        if data.get("syscfg") and self.syscfg:
            self.syscfg = Syscfg(**data["syscfg"])
        if "pdp_contexts" in data:
            self.pdp_contexts = {int(cid): PdpContext(**context) for cid, context in data["pdp_contexts"].items()}
        self.setport_current = data.get("setport_current", self.setport_current)
        self.setport_pending = data.get("setport_pending")
        self.rf_software = bool(data.get("rf_software", True))
        self.sim_pin = data.get("sim_pin", self.sim_pin)
        self.sim_pin2 = data.get("sim_pin2", self.sim_pin2)
        self.sim_pin_lock = data.get("sim_pin_lock", self.sim_pin_lock)


def parse_config_text(text: str, kind) -> tuple:
    """Fields of a ^SYSCFGEX (kind SyscfgEx) or ^SYSCFG query body: '"03",3FFFFFFF,1,2,80000' or '14,2,3FFFFFFF,1,2'."""
    parts = [part.strip().strip('"') for part in text.split(",")]
    if len(parts) != 5:
        raise ValueError(f"expected five comma-separated fields, not {text!r}")
    if kind is SyscfgEx:
        order, band, roam, srvdomain, lteband = parts
        return order, int(band, 16), int(roam), int(srvdomain), int(lteband, 16) if lteband else None
    mode, acqorder, band, roam, srvdomain = parts
    return int(mode), int(acqorder), int(band, 16), int(roam), int(srvdomain)


class StateFile:
    """JSON persistence of the NVRAM fields (written atomically, only when changed)."""

    def __init__(self, path):
        self.path = path
        self._last_written = None

    def load(self, state: ModemState) -> bool:
        """Load NVRAM into state if the file exists; True when something was loaded."""
        if not self.path or not os.path.exists(self.path):
            return False
        with open(self.path, encoding="utf-8") as handle:
            data = json.load(handle)
        state.load_nvram(data)
        self._last_written = state.nvram()
        return True

    def save(self, state: ModemState):
        """Write the NVRAM snapshot if it changed since the last write."""
        if not self.path:
            return
        snapshot = state.nvram()
        if snapshot == self._last_written:
            return
        temporary = f"{self.path}.tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(snapshot, handle, indent=2, sort_keys=True)
        os.replace(temporary, self.path)
        self._last_written = snapshot
