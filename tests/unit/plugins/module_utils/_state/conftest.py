# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Resources poll the modem while it connects or resets; transcripts answer at once, so nothing needs to wait."""

from __future__ import annotations

import pytest

from ansible_collections.lte.modem.plugins.module_utils import _poll as poll


@pytest.fixture(autouse=True)
def no_sleep(monkeypatch):
    monkeypatch.setattr(poll.time, 'sleep', lambda seconds: None)
