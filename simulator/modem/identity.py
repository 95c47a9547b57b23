# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Serial numbers of one emulated modem and its SIM, derived from the profile and the seed."""

from __future__ import annotations

from dataclasses import dataclass

HOME_MCC_MNC = "00101"
FOREIGN_MCC_MNC = "20404"


def luhn_digit(digits: str) -> str:
    """Check digit of an IMEI/ICCID body."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return str((10 - total % 10) % 10)


def nibble_swap(digits: str) -> str:
    """ICCID as stored on the SIM: each digit pair swapped (^ICCID prints it that way)."""
    padded = digits + "F" * (len(digits) % 2)
    return "".join(padded[index + 1] + padded[index] for index in range(0, len(padded), 2))


@dataclass(frozen=True)
class Identity:
    """IMEI, IMSI and ICCID; the seed makes every modem of a fleet unique."""

    imei: str
    serial: str

    @classmethod
    def build(cls, profile, seed):
        """Identity for a profile; the same seed always gives the same numbers."""
        serial = f"{(seed if seed is not None else 123456) % 1000000:06d}"
        body = profile.tac + serial
        return cls(imei=body + luhn_digit(body), serial=serial)

    def imsi(self, home_network: bool) -> str:
        """IMSI of the SIM: a home SIM or a foreign (roaming) one."""
        return (HOME_MCC_MNC if home_network else FOREIGN_MCC_MNC) + "0000" + self.serial

    def iccid(self, home_network: bool) -> str:
        """20-digit ICCID, as printed by ^ICCID (nibble-swapped)."""
        body = "8900" + ("1" if home_network else "3") + "1000" + self.serial + "0000"
        return nibble_swap(body + luhn_digit(body))
