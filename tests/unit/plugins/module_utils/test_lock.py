# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The per-modem lock: one conversation at a time, and a clear message when the wait is too long."""

from __future__ import annotations

import os

import pytest

from ansible_collections.lte.modem.plugins.module_utils._errors import ModemBusyError
from ansible_collections.lte.modem.plugins.module_utils._lock import ModemLock


def test_a_second_task_on_the_same_modem_waits_then_is_told_who_holds_it(tmp_path):
    with ModemLock('serial /dev/ttyUSB2', str(tmp_path)).acquire(1):
        with pytest.raises(ModemBusyError) as caught:
            ModemLock('serial /dev/ttyUSB2', str(tmp_path)).acquire(0.3)
    message = str(caught.value)
    assert 'serial /dev/ttyUSB2' in message and 'process %d' % os.getpid() in message and 'lock_timeout' in message


def test_another_modem_is_not_held_up(tmp_path):
    with ModemLock('router 10.0.0.1 lte1', str(tmp_path)).acquire(1):
        with ModemLock('router 10.0.0.2 lte1', str(tmp_path)).acquire(0.3):
            pass


def test_the_lock_is_free_again_once_released(tmp_path):
    ModemLock('serial socket://127.0.0.1:7000', str(tmp_path)).acquire(1).release()
    with ModemLock('serial socket://127.0.0.1:7000', str(tmp_path)).acquire(0.3) as lock:
        assert oct(os.stat(lock.path).st_mode & 0o777) == '0o600'
