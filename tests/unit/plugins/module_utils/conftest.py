# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Fake hosts under tmp_path (for the host layer and huawei_ports), and simulated modems whose ports stand behind their /dev nodes."""

from __future__ import annotations

import pytest

from simulator.modem import Knobs, SimulatedModem

from ._host.fakesys import FakeHost


@pytest.fixture
def host(tmp_path):
    """An empty fake host: ``host.plug(layout)``, ``host.serve(modem, tty, function)``, ``host.sys``, ``host.dev``."""
    fake = FakeHost(tmp_path)
    yield fake
    fake.close()


@pytest.fixture
def simulated():
    """Factory: ``simulated('ME906s-158')`` starts a simulated modem (closed after the test)."""
    modems = []

    def start(profile='ME906s-158'):
        modem = SimulatedModem(profile=profile, knobs=Knobs(), seed=7)
        modems.append(modem)
        return modem

    yield start
    for modem in modems:
        modem.close()
