# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._state.syscfg import TASK
from ansible_collections.lte.modem.plugins.plugin_utils._modem_action import ModemAction


class ActionModule(ModemAction):
    """Runs huawei_syscfg on the controller for the RouterOS transports (see ModemAction)."""

    TASK = TASK
