# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fleets of simulated MikroTik routers: ``from simulator.fleet import Fleet, FleetMix``; CLI ``python -m simulator fleet``."""

from .cli import main, register
from .fleet import DEFAULT_PROFILE, Fleet, FleetRouter, default_modem_factory, manifest_path_for, raise_open_files_limit
from .knobs import read_knob, read_knob_assignment
from .plan import ROLES, FleetMix, RouterPlan

__all__ = [
    "DEFAULT_PROFILE", "Fleet", "FleetMix", "FleetRouter", "ROLES", "RouterPlan", "default_modem_factory", "main",
    "manifest_path_for", "raise_open_files_limit", "read_knob", "read_knob_assignment", "register",
]
