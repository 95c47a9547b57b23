# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""One daemon thread per modem that runs delayed actions and a periodic tick."""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time

TICK_SECONDS = 0.05
LOG = logging.getLogger(__name__)


class Scheduler:
    """Runs callables after a delay, and tick() every TICK_SECONDS, until stopped."""

    def __init__(self, name: str, tick):
        self._tick = tick
        self._events = []
        self._counter = itertools.count()
        self._condition = threading.Condition()
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def call_later(self, delay: float, action):
        """Run action() in the scheduler thread after delay seconds."""
        with self._condition:
            heapq.heappush(self._events, (time.monotonic() + max(0.0, delay), next(self._counter), action))
            self._condition.notify()

    def stop(self):
        """Stop the thread (pending actions are dropped)."""
        with self._condition:
            self._stopped = True
            self._events.clear()
            self._condition.notify()
        if threading.current_thread() is not self._thread:
            self._thread.join(timeout=2)

    def _run(self):
        next_tick = time.monotonic()
        while True:
            due = []
            with self._condition:
                if self._stopped:
                    return
                now = time.monotonic()
                while self._events and self._events[0][0] <= now:
                    due.append(heapq.heappop(self._events)[2])
                if not due:
                    wake = min(next_tick, self._events[0][0]) if self._events else next_tick
                    if wake > now:
                        self._condition.wait(wake - now)
            for action in due:
                self._guarded(action)
            if time.monotonic() >= next_tick:
                next_tick = time.monotonic() + TICK_SECONDS
                self._guarded(self._tick)

    @staticmethod
    def _guarded(action):
        try:
            action()
        except Exception:  # pylint: disable=broad-exception-caught  # keep the modem alive, report the bug
            LOG.exception("simulated modem: scheduled action failed")
