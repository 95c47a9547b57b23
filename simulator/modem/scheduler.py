# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Delayed actions of every simulated modem, run by one thread that sleeps until the next one is due.

Nothing runs periodically: an idle modem has no pending action, so the thread waits on its
condition without a timeout and a process with a thousand idle modems uses no CPU.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time

LOG = logging.getLogger(__name__)


class Timer:  # pylint: disable=too-few-public-methods
    """A pending action; cancel() drops it if it has not run yet."""

    def __init__(self, due: float, action, owner, timers):
        self.due = due
        self.action = action
        self.owner = owner
        self._timers = timers

    def cancel(self):
        """Drop the action (harmless once it ran)."""
        self._timers.cancel(self)


class Timers:
    """A heap of due times served by one daemon thread, started on first use.

    ``wakeups`` counts the times the thread woke up (to run something or because the
    earliest action changed); it stays 0 while nothing is scheduled.
    """

    def __init__(self, name: str = "modem-timers"):
        self.name = name
        self.wakeups = 0
        self._heap = []
        self._counter = itertools.count()
        self._condition = threading.Condition()
        self._thread = None

    def call_later(self, delay: float, action, owner=None) -> Timer:
        """Run action() in the timer thread after delay seconds."""
        timer = Timer(time.monotonic() + max(0.0, delay), action, owner, self)
        with self._condition:
            heapq.heappush(self._heap, (timer.due, next(self._counter), timer))
            self._start()
            self._condition.notify()
        return timer

    def cancel(self, timer: Timer):
        """Remove one pending action."""
        with self._condition:
            self._heap = [entry for entry in self._heap if entry[2] is not timer]
            heapq.heapify(self._heap)

    def cancel_owner(self, owner):
        """Remove every pending action of an owner (a closed modem)."""
        with self._condition:
            self._heap = [entry for entry in self._heap if entry[2].owner is not owner]
            heapq.heapify(self._heap)

    def pending(self, owner=None) -> int:
        """Number of actions not run yet (of one owner, or of all)."""
        with self._condition:
            return sum(1 for entry in self._heap if owner is None or entry[2].owner is owner)

    def _start(self):
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
            self._thread.start()

    def _run(self):
        while True:
            with self._condition:
                while not self._heap:
                    self._condition.wait()
                    self.wakeups += 1
                delay = self._heap[0][0] - time.monotonic()
                if delay > 0:
                    self._condition.wait(delay)
                    self.wakeups += 1
                    continue
                timer = heapq.heappop(self._heap)[2]
            self._guarded(timer.action)

    @staticmethod
    def _guarded(action):
        try:
            action()
        except Exception:  # pylint: disable=broad-exception-caught  # keep the modems alive, report the bug
            LOG.exception("simulated modem: scheduled action failed")


# Shared by every modem of the process.
TIMERS = Timers()
