# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Offline stand-in for ansible-test's cached ``get-pip.py``.

ansible-test bootstraps pip in every per-test virtual environment by running
``~/.ansible/test/cache/get_pip_<ver>.py`` and downloads that script from
Ansible's CI file server when it is missing. tools/sanity.sh copies this file
there instead. It installs pip from the Python's own ensurepip wheel, then
lets that pip install what ansible-test asked for (e.g. ``pip==24.2``).
"""

import os
import subprocess
import sys

DROPPED = ('--no-setuptools', '--no-wheel')


def main():
    # Bundled pip wheel, no network. ensurepip points PIP_CONFIG_FILE at
    # /dev/null, which must not leak into the install below (it would hide
    # the machine's pip.conf: index, CA bundle), so it runs in a child.
    subprocess.run([sys.executable, '-m', 'ensurepip'], stdout=subprocess.DEVNULL, check=True)
    os.environ.pop('PIP_CONFIG_FILE', None)
    args = [arg for arg in sys.argv[1:] if arg not in DROPPED]
    return subprocess.call([sys.executable, '-m', 'pip', 'install', '--quiet'] + args)


if __name__ == '__main__':
    sys.exit(main())
