# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Fixtures for the modem emulator tests: fast knobs and a line-oriented terminal on a link."""

from __future__ import annotations

import os
import sys

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from modem_terminal import Terminal  # noqa: E402  pylint: disable=wrong-import-position
from simulator.modem import Knobs, SimulatedModem  # noqa: E402  pylint: disable=wrong-import-position


def fast_knobs(**overrides) -> Knobs:
    """Knobs with short delays for tests."""
    values = {"reboot_delay": 0.05, "connect_delay": 0.05}
    values.update(overrides)
    return Knobs(**values)


@pytest.fixture
def make_modem():
    """Factory: make_modem(profile, **knobs) → (modem, terminal); closed after the test."""
    modems = []

    def factory(profile="ME906s-158", state_file=None, seed=1, **knobs):
        modem = SimulatedModem(profile=profile, knobs=fast_knobs(**knobs), state_file=state_file, seed=seed)
        modems.append(modem)
        return modem, Terminal(modem.connect())

    yield factory
    for modem in modems:
        modem.close()
