# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""An idle modem schedules nothing: the timer thread wakes only for due actions."""

from __future__ import annotations

import threading

from modem_terminal import Terminal, wait_for
from simulator.modem import Knobs, SimulatedModem
from simulator.modem.scheduler import Timers


def idle_modem(timers, profile="ME906s-158", **knobs):
    """A modem on a private timer thread, and a terminal on its AT port."""
    modem = SimulatedModem(profile=profile, knobs=Knobs(**{"connect_delay": 0.05, **knobs}), seed=1, timers=timers)
    return modem, Terminal(modem.connect())


def test_commands_and_knob_changes_schedule_nothing():
    timers = Timers()
    modem, term = idle_modem(timers)
    try:
        for command in ("ATE0", "AT+CREG=2", "AT^SYSCFGEX?", "AT+CFUN=4", "AT+CFUN=1", "AT^RFSWITCH=0", "AT^RFSWITCH=1", "AT+CSQ"):
            assert b"\r\nOK\r\n" in term.raw(command), command
        modem.knobs.rf_hardware = False  # re-evaluated at once, without a periodic check
        assert b"+CREG: 2" in term.until(b"+CREG: 2")
        modem.knobs.rf_hardware = True
        assert term.next_bytes("AT+CREG?").startswith(b"\r\n+CREG: 1")
        assert modem.pending_actions() == 0 and timers.pending() == 0
        assert timers.wakeups == 0
    finally:
        modem.close()


def test_a_thousand_idle_modems_start_no_thread():
    timers = Timers()
    threads_before = set(threading.enumerate())
    modems = [SimulatedModem(profile="ME909u-521", seed=index, timers=timers) for index in range(1000)]
    try:
        assert not set(threading.enumerate()) - threads_before
        assert timers.pending() == 0 and timers.wakeups == 0
    finally:
        for modem in modems:
            modem.close()


def test_a_dial_schedules_one_action_and_then_nothing():
    timers = Timers()
    modem, term = idle_modem(timers)
    try:
        term.raw("ATE0")
        up = b'^NDISSTAT: 1,,,"IPV6"'
        assert up in term.until(up, data=term.raw("AT^NDISDUP=1,1"))
        assert wait_for(lambda: timers.pending() == 0)
        wakeups = timers.wakeups
        assert term.raw("AT^NDISSTATQRY?").endswith(b"OK\r\n")
        assert timers.wakeups == wakeups and modem.pending_actions() == 0
    finally:
        modem.close()


def test_urc_interval_arms_one_action_and_unsetting_it_cancels():
    timers = Timers()
    modem, term = idle_modem(timers, urc_interval=60)
    try:
        assert modem.pending_actions() == 1
        modem.knobs.urc_interval = 0.01
        assert term.until(lambda data: data.count(b"\r\n") >= 4)
        assert modem.pending_actions() == 1
        modem.knobs.urc_interval = None
        assert modem.pending_actions() == 0
    finally:
        modem.close()
    assert timers.pending() == 0


def test_closing_a_modem_drops_its_pending_actions():
    timers = Timers()
    modem, term = idle_modem(timers, connect_delay=60)
    term.raw("AT^NDISDUP=1,1")
    assert modem.pending_actions() == 1
    modem.close()
    assert timers.pending() == 0


def test_reset_grace_keeps_the_port_answering():
    timers = Timers()
    modem, term = idle_modem(timers, reset_grace=60)
    try:
        term.raw("ATE0")
        assert term.raw("AT^RESET") == b"\r\nOK\r\n"
        assert term.raw("AT") == b"\r\nOK\r\n" and modem.is_up
        assert modem.pending_actions() == 1
    finally:
        modem.close()


def test_a_closed_modem_schedules_nothing_more():
    timers = Timers()
    modem, dummy = idle_modem(timers)
    modem.close()
    modem.knobs.urc_interval = 0.01  # a knob changed after close: no listener, no timer
    assert modem.schedule(1, lambda: None) is None
    assert timers.pending() == 0
