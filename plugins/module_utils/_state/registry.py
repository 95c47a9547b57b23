# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""Every desired-state resource by name, in the order that cannot harm a modem.

The port mode comes first (its reset drops the data call and makes every other read stale). Then
the router's own LTE settings (``allow-roaming``, the APN profile): a change makes RouterOS restart
the interface and initialise the modem again (its ``modem-init`` line), so the modem's settings are
read and written after it, and the data connection, which ``allow-roaming=no`` would keep down while
roaming, comes later still. Then the SIM (nothing registers before it is unlocked), the radio, mode
and bands, APNs, and the data connection last.
"""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._state.apn import ApnResource
from ansible_collections.lte.modem.plugins.module_utils._state.connection import ConnectionResource
from ansible_collections.lte.modem.plugins.module_utils._state.port_mode import PortModeResource
from ansible_collections.lte.modem.plugins.module_utils._state.radio import RadioResource
from ansible_collections.lte.modem.plugins.module_utils._state.routeros import RouterosResource
from ansible_collections.lte.modem.plugins.module_utils._state.sim import SimResource
from ansible_collections.lte.modem.plugins.module_utils._state.syscfg import SyscfgResource

RESOURCES = {resource.name: resource for resource in (
    PortModeResource(),
    RouterosResource(),
    SimResource(),
    RadioResource(),
    SyscfgResource(),
    ApnResource(),
    ConnectionResource(),
)}
