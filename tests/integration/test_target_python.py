# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The modules on each target Python, with the newest ansible-core under test that accepts it (tests/matrix/targets.txt).

From Python 3.7 on, huawei_at runs over a real pty; an older Python (2.7 and 3.6, which only
ansible-core 2.16 still accepts) gets a failed task that says what to do, not a SyntaxError.
"""

from __future__ import annotations

import subprocess

import ansible
import pytest

from ansible_collections.lte.modem.plugins.module_utils._python import MINIMUM_PYTHON
from conftest import REPO

try:  # the target Pythons this ansible-core runs modules with (ansible-test's view of them)
    from ansible_test._util.target.common.constants import CONTROLLER_PYTHON_VERSIONS, REMOTE_ONLY_PYTHON_VERSIONS
except ImportError:  # pragma: no cover - ansible-test is part of every ansible-core release
    REMOTE_ONLY_PYTHON_VERSIONS = CONTROLLER_PYTHON_VERSIONS = ()


def version_tuple(version):
    return tuple(int(part) for part in version.split('.'))


# target Python -> the ansible-core release (X.Y) that tests it
TESTED_ON = dict(line.split()[:2] for line in (REPO / 'tests' / 'matrix' / 'targets.txt').read_text(encoding='utf-8').splitlines()
                 if line.strip() and not line.startswith('#'))
RELEASE = '.'.join(ansible.__version__.split('.')[:2])
ACCEPTED = set(REMOTE_ONLY_PYTHON_VERSIONS + CONTROLLER_PYTHON_VERSIONS)
HERE = sorted((version for version, release in TESTED_ON.items() if release == RELEASE), key=version_tuple)
REFUSED = sorted((version for version in HERE if version_tuple(version) < MINIMUM_PYTHON), key=version_tuple)


def interpreter(version):
    """The target Python X.Y: its .venv-matrix environment (with pyserial), else the bare interpreter."""
    in_venv = REPO / '.venv-matrix' / ('target-' + version) / 'bin' / 'python'
    if in_venv.exists():
        return str(in_venv)
    found = subprocess.run([str(REPO / 'tools' / 'find_python.sh'), version], capture_output=True, text=True, check=False)
    if found.returncode != 0:
        pytest.skip('no Python %s on this machine' % version)
    return found.stdout.strip()


def test_each_target_is_tested_on_the_newest_release_that_accepts_it():
    assert ACCEPTED, 'ansible-test constants not found in ansible-core %s' % ansible.__version__
    assert ACCEPTED <= set(TESTED_ON), 'tests/matrix/targets.txt misses %s' % sorted(ACCEPTED - set(TESTED_ON), key=version_tuple)
    assert set(HERE) <= ACCEPTED, 'ansible-core %s does not accept %s' % (RELEASE, sorted(set(HERE) - ACCEPTED, key=version_tuple))
    older = [version for version in ACCEPTED if version_tuple(TESTED_ON[version]) < version_tuple(RELEASE)]
    assert not older, 'ansible-core %s accepts %s too: test it here' % (RELEASE, sorted(older, key=version_tuple))


@pytest.mark.parametrize('version', HERE)
def test_huawei_at_on_the_target_python(ansible, serial_modem, version):
    python = interpreter(version)
    modem = serial_modem('ME909u-521')
    hosts, proc = ansible.module('huawei_at', {'device': modem.device, 'command': 'AT+CGMM'},
                                 extra=['-e', 'ansible_python_interpreter=%s' % python])
    result = hosts['localhost']
    if version_tuple(version) >= MINIMUM_PYTHON:
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert result['results'][0]['lines'] == ['ME909u-521']
        assert modem.log == ['AT+CGMM']
    else:
        assert proc.returncode != 0
        assert result['failed'] is True
        assert result['msg'].startswith('lte.modem.huawei_at needs Python %s or later on the host that runs it; ' % '.'.join(map(str, MINIMUM_PYTHON)))
        assert 'is Python %s.' % version in result['msg'] and 'ansible_python_interpreter' in result['msg']
        assert 'Traceback' not in proc.stdout + proc.stderr and 'SyntaxError' not in proc.stdout + proc.stderr
        assert modem.log == []


@pytest.mark.parametrize('version', REFUSED)
def test_module_files_compile_on_a_python_they_refuse(version):
    python = interpreter(version)
    files = sorted(str(path) for path in (REPO / 'plugins' / 'modules').glob('*.py')) + [str(REPO / 'plugins' / 'module_utils' / '_python.py')]
    script = 'import sys\nfor name in sys.argv[1:]:\n    compile(open(name).read(), name, "exec")\n'
    proc = subprocess.run([python, '-c', script] + files, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
