# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""What a module run does with its resources, minus the transport: check the options, then converge."""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._state import engine


def converge(modem, items, check_mode=False, diff=False):
    engine.validate(items)
    return engine.converge(modem, items, check_mode, diff)
