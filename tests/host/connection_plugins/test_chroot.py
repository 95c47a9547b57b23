# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A connection into a directory tree with chroot(8), for the host role's tests only.

The collection does not depend on community.general (whose chroot connection does the same and
more); this one runs each command as ``chroot ROOT /bin/sh -c CMD`` with a clean environment and
copies files into and out of the tree. It needs root. The tree's own Python runs the modules.
"""

from __future__ import annotations

DOCUMENTATION = r"""
name: test_chroot
short_description: Run tasks inside a directory tree with chroot (tests of lte.modem only)
description:
  - Runs commands with C(chroot ROOT /bin/sh -c) and copies files into and out of ROOT.
author:
  - lte.modem contributors (@lte-modem)
options:
  remote_addr:
    description: The root directory of the tree.
    vars:
      - name: ansible_host
"""

import os
import shutil
import subprocess

from ansible.errors import AnsibleConnectionFailure, AnsibleError
from ansible.plugins.connection import ConnectionBase

ENVIRONMENT = {'PATH': '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'LANG': 'C.UTF-8', 'HOME': '/root'}


class Connection(ConnectionBase):
    """chroot into the tree named by ansible_host."""

    transport = 'test_chroot'
    has_pipelining = True
    default_user = 'root'

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.root = None

    def _connect(self):
        if not self._connected:
            self.root = os.path.realpath(self.get_option('remote_addr'))
            if not os.path.isfile(os.path.join(self.root, 'bin', 'sh')):
                raise AnsibleConnectionFailure('%s is not a root tree (no /bin/sh)' % self.root)
            self._connected = True
        return self

    def exec_command(self, cmd, in_data=None, sudoable=False):
        super().exec_command(cmd, in_data=in_data, sudoable=sudoable)
        self._connect()
        process = subprocess.run(['chroot', self.root, '/bin/sh', '-c', cmd], input=in_data, capture_output=True,
                                 env=ENVIRONMENT, check=False)
        return process.returncode, process.stdout, process.stderr

    def _inside(self, path):
        inside = os.path.normpath(os.path.join(self.root, path.lstrip('/')))
        if os.path.commonpath([inside, self.root]) != self.root:
            raise AnsibleError('%s is outside the tree' % path)
        return inside

    def put_file(self, in_path, out_path):
        super().put_file(in_path, out_path)
        self._connect()
        shutil.copyfile(in_path, self._inside(out_path))

    def fetch_file(self, in_path, out_path):
        super().fetch_file(in_path, out_path)
        self._connect()
        shutil.copyfile(self._inside(in_path), out_path)

    def close(self):
        self._connected = False
