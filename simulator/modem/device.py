# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""SimulatedModem: state, ports, reset/boot cycle, knobs applied to the byte stream, URCs."""

from __future__ import annotations

import random
import threading

from . import commands_data, commands_general, commands_modes, commands_network, commands_ports, commands_sim
from .commands_ports import has_at_port, rewind_codes
from .datacall import DataCalls
from .engine import CommandEngine
from .formats import AT_PORT_FUNCTIONS, NETWORK_FUNCTION_CODES, SILENT_PORT_FUNCTIONS
from .identity import Identity
from .knobs import Knobs, any_match, best_match
from .link import Link
from .network import RadioNetwork
from .profiles import PROFILES
from .scheduler import TIMERS
from .state import ModemState, StateFile
from .urcs import RandomUrcs, RegistrationWatch

HANDLERS = {
    **commands_general.HANDLERS, **commands_sim.HANDLERS, **commands_ports.HANDLERS,
    **commands_network.HANDLERS, **commands_modes.HANDLERS, **commands_data.HANDLERS,
}
NUMERIC_RESULTS = {"OK": "0", "CONNECT": "1", "RING": "2", "NO CARRIER": "3", "ERROR": "4", "NO DIALTONE": "6", "BUSY": "7", "NO ANSWER": "8"}


class ModemUnavailable(ConnectionError):
    """No such port right now: the modem is rebooting or its USB composition lacks the function."""


class SimulatedModem:  # pylint: disable=too-many-instance-attributes
    """A stateful Huawei modem; see simulator/README.md and the state module docstring."""

    def __init__(self, profile="ME906s-158", knobs=None, state_file=None, seed=None, *, timers=None):
        if profile not in PROFILES:
            raise ValueError(f"unknown profile {profile!r}; known: {', '.join(PROFILES)}")
        self.profile = PROFILES[profile]
        self.knobs = knobs if knobs is not None else Knobs()
        self.seed = seed
        self.identity = Identity.build(self.profile, seed)
        self.lock = threading.RLock()
        self.command_log = []
        self._command_listeners = []
        self._observers = []
        self._links = []
        self._up = threading.Event()  # ports may be opened
        self._ready = threading.Event()  # boot finished and every observer (server) has re-created its port
        self._state_file = StateFile(state_file)
        self.state = ModemState.factory(self.profile, self.knobs)
        if self._state_file.load(self.state):
            self.state.power_on()  # a restart of the emulator is a power cycle: pending ^SETPORT applies
        self._state_file.save(self.state)
        self.network = RadioNetwork(self.profile, self.state, self.knobs)
        self.engine = CommandEngine(self, HANDLERS)
        self.data_calls = DataCalls(self, seed)
        self._timers = timers if timers is not None else TIMERS
        self._closed = False
        self._random_urcs = RandomUrcs(self, random.Random(seed))
        self._registration_watch = RegistrationWatch(self)
        self._up.set()
        self._ready.set()
        self._registration_watch.check()
        self._random_urcs.arm()
        self.knobs.add_listener(self._on_knob_changed)

    # ---- ports -------------------------------------------------------------------------

    def available_functions(self) -> list:
        """tty functions of the active USB composition, AT-capable ones first."""
        rewind = rewind_codes(self.state.setport_current)
        table = {**AT_PORT_FUNCTIONS, **SILENT_PORT_FUNCTIONS}
        return [function for function, codes in table.items() if any(code in rewind for code in codes)]

    def default_at_function(self):
        """"pcui" if present, else "modem", else None (locked out)."""
        for function in AT_PORT_FUNCTIONS:
            if function in self.available_functions():
                return function
        return None

    def connect(self, function=None) -> Link:
        """Open one port (default: the PCUI, else the modem port); ModemUnavailable if absent."""
        with self.lock:
            if not self._up.is_set():
                raise ModemUnavailable("modem is rebooting")
            function = function or self.default_at_function()
            if function is None or function not in self.available_functions():
                raise ModemUnavailable(f"USB composition {self.state.setport_current} has no {function or 'AT'} port")
            link = Link(self, function)
            self._links.append(link)
            return link

    def forget_link(self, link):
        """Called by Link.close()."""
        with self.lock:
            if link in self._links:
                self._links.remove(link)

    @property
    def is_up(self) -> bool:
        """False while rebooting."""
        return self._ready.is_set()

    @property
    def has_at_port(self) -> bool:
        """False when the active composition locks the user out."""
        return has_at_port(self.state.setport_current)

    @property
    def has_network_function(self) -> bool:
        """True when the active composition has an NDIS/NCM/ECM/RNDIS interface for ^NDISDUP."""
        return any(code in NETWORK_FUNCTION_CODES for code in rewind_codes(self.state.setport_current))

    # ---- observers (servers) -----------------------------------------------------------

    def add_observer(self, callback):
        """callback(event) with event "down" (reset started) or "up" (boot finished)."""
        with self.lock:
            self._observers.append(callback)

    def remove_observer(self, callback):
        """Stop notifying callback."""
        with self.lock:
            if callback in self._observers:
                self._observers.remove(callback)

    def add_command_listener(self, callback):
        """callback(line) for every command line received (after it is logged)."""
        with self.lock:
            self._command_listeners.append(callback)

    def _notify(self, event):
        with self.lock:
            observers = list(self._observers)
        for callback in observers:
            callback(event)

    # ---- reset / boot ------------------------------------------------------------------

    def reset(self):
        """AT^RESET: drop every port, reboot after knobs.reboot_delay, apply a pending ^SETPORT."""
        with self.lock:
            if not self._up.is_set():
                return
            self._up.clear()
            self._ready.clear()
            links, self._links = self._links, []
        for link in links:
            link.drop()
        self._notify("down")
        self.schedule(self.knobs.reboot_delay, self._boot)

    def reset_after_grace(self):
        """^RESET and +CFUN=1,1: the answer is out; the ports drop now, or knobs.reset_grace seconds later.

        Real firmware keeps answering for about 300 OS ticks before it reboots; the default
        grace of 0 drops the port at once, which is what clients must survive anyway.
        """
        if self.knobs.reset_grace:
            self.schedule(self.knobs.reset_grace, self.reset)
        else:
            self.reset()

    def _boot(self):
        with self.lock:
            self.state.power_on()
            self._state_file.save(self.state)
            self._registration_watch.forget()
            self._up.set()
        self._notify("up")
        if self.knobs.boot_urcs:
            # only ports re-created by the observers (servers) during the boot see the boot URCs
            with self.lock:
                booted = [link for link in self._links if link.created_by is threading.current_thread()]
            sim_state = 255 if self.state.sim_status == "absent" else 1
            for line in (self.profile.format_reply("^BOOT", "27710117,0,0,0,75"), self.profile.format_reply("^SIMST", str(sim_state))):
                for link in booted:
                    link.deliver(f"\r\n{line}\r\n".encode("latin-1"))
        self._ready.set()
        self.reevaluate()

    def wait_ready(self, timeout: float = 10.0) -> bool:
        """Block until the modem is up after a reset; False on timeout."""
        return self._ready.wait(timeout)

    def close(self):
        """Drop every pending action and every port; nothing is scheduled afterwards."""
        self._closed = True
        self.knobs.remove_listener(self._on_knob_changed)
        self._timers.cancel_owner(self)
        with self.lock:
            links, self._links = self._links, []
        for link in links:
            link.drop()

    def schedule(self, delay: float, action):
        """Run action() in the timer thread after delay seconds; returns a Timer (.cancel()), or None once closed."""
        if self._closed:
            return None
        return self._timers.call_later(delay, action, owner=self)

    def pending_actions(self) -> int:
        """How many delayed actions of this modem are waiting (0 when idle)."""
        return self._timers.pending(self)

    # ---- URCs ----------------------------------------------------------------------------

    def emit_urc(self, line: str, periodic: bool = False):
        """Send an unsolicited line to every AT port not in data mode (periodic ones obey ^CURC=0).

        The check and the delivery hold the modem lock, so no URC passes a ^CURC=0 whose OK has been sent.
        """
        with self.lock:
            if periodic and self.state.curc == 0:
                return
            for link in self._links:
                if link.speaks_at and not link.data_mode:
                    link.deliver(f"\r\n{line}\r\n".encode("latin-1"))

    def reevaluate(self):
        """After anything that can move registration or data calls: drop calls, send registration URCs.

        Runs after every command, every knob assignment and every delayed action. Tests that
        change ``modem.state`` directly may call it to see the consequences at once.
        """
        if not self._up.is_set():
            return
        self.data_calls.supervise()
        self._registration_watch.check()

    def _on_knob_changed(self, name):
        if name == "urc_interval":
            self._random_urcs.arm()
        self.reevaluate()

    # ---- one command line, with the knobs applied to the byte stream ------------------

    def serve_line(self, link: Link, line: str):
        """Process one received line on a link (called by the link's worker thread)."""
        with self.lock:
            self.command_log.append(line)
            listeners = list(self._command_listeners)
        for listener in listeners:
            listener(line)
        knobs = self.knobs
        if knobs.silent or any_match(knobs.silent_commands, line):
            return
        scripted = best_match(knobs.scripted_urcs, line) or []
        if link.echo:
            link.deliver(f"{line}\r".encode("latin-1"))
        for where, urc in scripted:
            if where == "before":
                link.deliver(f"\r\n{urc}\r\n".encode("latin-1"))
        delay = knobs.latency + (best_match(knobs.command_latency, line) or 0)
        if delay and link.wait_closed(delay):
            return
        with self.lock:
            if link.closed:
                return
            response = self.engine.execute(line.strip(), link)
            self._state_file.save(self.state)
        answer = self._frame(link, response, scripted)
        if knobs.garbage and (knobs.garbage_commands is None or any_match(knobs.garbage_commands, line)):
            answer = knobs.garbage if knobs.garbage_mode == "instead" else knobs.garbage + answer
        if any_match(knobs.reset_on, line):
            link.deliver(answer[:max(1, len(answer) // 2)])
            self.reset()
            return
        link.finish(answer)
        for action in response.actions:
            action()
        self.reevaluate()

    @staticmethod
    def _frame(link: Link, response, scripted) -> bytes:
        """Bytes of the answer: info blocks, "inside" URCs, final result, "after" URCs (\r\n framing; ATV0: numeric codes)."""
        crlf = "\r\n"
        parts = []
        for block in response.blocks:
            if block:
                text = crlf.join(block)
                parts.append(f"{crlf}{text}{crlf}" if link.verbose else f"{text}{crlf}")
        parts.extend(f"{crlf}{urc}{crlf}" for where, urc in scripted if where == "inside")
        if not link.quiet:
            final = response.final
            if link.verbose:
                parts.append(f"{crlf}{final}{crlf}")
            else:
                parts.append(NUMERIC_RESULTS[final] + "\r" if final in NUMERIC_RESULTS else f"{final}{crlf}")
        parts.extend(f"{crlf}{urc}{crlf}" for where, urc in scripted if where == "after")
        return "".join(parts).encode("latin-1")
