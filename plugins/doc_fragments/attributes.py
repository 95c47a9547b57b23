# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations


class ModuleDocFragment:
    """Attributes shared by lte.modem modules; a module states only what differs."""

    DOCUMENTATION = r"""
attributes:
  action_group:
    description: Use C(group/lte.modem.modem) in C(module_defaults) to set connection options once.
    support: full
    membership:
      - lte.modem.modem
  platform:
    description: Target OS/families that can be operated against.
    support: full
    platforms: [posix, RouterOS]
"""

    STATE = r"""
attributes:
  check_mode:
    description: Can run in check mode and return changed status prediction without modifying target.
    support: full
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: full
"""
