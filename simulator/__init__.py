# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Device simulators for lte.modem: Huawei modems (simulator.modem) and MikroTik routers (simulator.routeros).

Stand-alone: shares no code with plugins/. Run `python -m simulator --help`.
"""
