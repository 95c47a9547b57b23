# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""One modem, one conversation: a lock per modem that every task on this host honours.

Five forks that change five fields of one modem must not each read the whole setting, change
their field and write the whole setting back from what they read: the last write would undo the
others. So a task takes the modem's lock before it opens the modem and keeps it until it closed
it, and a task that finds the lock taken waits for its turn.

The lock is a file lock (``flock``) in ``~/.ansible/lte_modem/locks`` of the user that runs the
task: every fork and process of one controller (RouterOS transports) or of one managed host
(serial transport) shares it. It cannot see another controller, or an execution node of a sliced
job, talking to the same router; nor programs that do not use it (RouterOS's own polling of its
modem, ModemManager on a serial port, which the port's exclusive open reports as busy instead).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import time

from ansible_collections.lte.modem.plugins.module_utils._errors import ModemBusyError
from ansible_collections.lte.modem.plugins.module_utils._poll import poll_until

LOCK_DIR = '~/.ansible/lte_modem/locks'
RETRY_INTERVAL = 0.1


class ModemLock:
    """The lock of the modem named ``key`` (for example ``serial /dev/ttyUSB2``)."""

    def __init__(self, key, directory=LOCK_DIR):
        self.key = key
        self.path = os.path.join(os.path.expanduser(directory), hashlib.sha256(key.encode('utf-8')).hexdigest()[:20] + '.lock')
        self._fd = None

    def acquire(self, timeout):
        """Take the lock, waiting up to ``timeout`` seconds for another task to finish (ModemBusyError then)."""
        os.makedirs(os.path.dirname(self.path), mode=0o700, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        started = time.monotonic()
        if not poll_until(lambda: _try_lock(fd), timeout, RETRY_INTERVAL):
            holder = _holder(fd)
            os.close(fd)
            raise ModemBusyError('Another task has been talking to this modem (%s) for longer than %gs%s. Run fewer forks on one modem, '
                                 'or raise lock_timeout.' % (self.key, round(time.monotonic() - started, 1), holder), lock=self.path)
        os.ftruncate(fd, 0)
        os.write(fd, ('%d %d %s\n' % (os.getpid(), int(time.time()), self.key)).encode('utf-8'))
        self._fd = fd
        return self

    def release(self):
        """Give the lock back (never raises)."""
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.release()


def _try_lock(fd):
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return None
    return True


def _holder(fd):
    try:
        pid, since = os.pread(fd, 200, 0).decode('utf-8', 'replace').split()[:2]
        return ' (process %s, since %s)' % (pid, time.strftime('%H:%M:%S', time.localtime(int(since))))
    except (OSError, ValueError):
        return ''
