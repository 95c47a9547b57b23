# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The supported ansible-core releases and target Pythons are said the same way everywhere, and tested.

The tested releases are the matrix (tests/matrix/cores.txt) and the newest in .venv
(tests/requirements.txt); the target Python floor is plugins/module_utils/_python.py's.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ansible_collections.lte.modem.plugins.module_utils._python import MINIMUM_PYTHON

REPO = Path(__file__).resolve().parents[2]


def release(version):
    return tuple(int(part) for part in version.split('.')[:2])


def releases_under_test():
    matrix = [release(line.split()[0]) for line in (REPO / 'tests' / 'matrix' / 'cores.txt').read_text().splitlines()
              if line.strip() and not line.startswith('#')]
    newest = re.search(r'^ansible-core==([0-9.]+)', (REPO / 'tests' / 'requirements.txt').read_text(), re.M).group(1)
    return sorted(matrix + [release(newest)])


def test_every_release_from_the_oldest_to_the_newest_is_tested():
    tested = releases_under_test()
    assert tested == [(2, minor) for minor in range(tested[0][1], tested[-1][1] + 1)]


def test_the_range_is_stated_the_same_way_everywhere():
    tested = releases_under_test()
    oldest, newest = '%d.%d' % tested[0], '%d.%d' % tested[-1]
    runtime = yaml.safe_load((REPO / 'meta' / 'runtime.yml').read_text())
    assert runtime['requires_ansible'] == '>=%s.0' % oldest
    python = 'Python %d.%d or later' % MINIMUM_PYTHON
    readme = (REPO / 'README.md').read_text()
    assert '- ansible-core %s or later (tested with %s to %s)' % (oldest, oldest, newest) in readme
    assert '- %s on the host that runs a module' % python in readme
    requirement = '%s on the host that runs the module; ansible-core %s or later.' % (python, oldest)
    for path in (REPO / 'plugins' / 'doc_fragments' / 'connection.py', REPO / 'plugins' / 'modules' / 'huawei_ports.py'):
        assert requirement in path.read_text(), path
    for path in (REPO / 'roles').glob('*/meta/main.yml'):
        assert yaml.safe_load(path.read_text())['galaxy_info']['min_ansible_version'] == oldest, path
