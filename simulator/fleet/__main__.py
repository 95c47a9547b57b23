# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""``python -m simulator.fleet fleet …`` (the same as ``python -m simulator fleet …``)."""

import sys

from .cli import main

sys.exit(main())
