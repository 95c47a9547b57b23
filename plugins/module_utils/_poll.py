# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The one way the collection waits for a device: try, and try again until an answer or the deadline."""

from __future__ import annotations

import time


def poll_until(attempt, timeout, interval):
    """Call ``attempt()`` until it returns something other than None, for at most ``timeout`` seconds.

    ``attempt`` runs at least once. Returns its first value that is not None, or None when the
    time ran out; the caller says what did not happen.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = attempt()
        if value is not None:
            return value
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        time.sleep(min(interval, remaining))
