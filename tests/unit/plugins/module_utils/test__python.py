# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The Python floor of the modules: one number, checked first in every module file.

tests/integration/test_target_python.py runs the modules on the real interpreters.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest
import yaml

from ansible_collections.lte.modem.plugins.module_utils._python import MINIMUM_PYTHON, require_python, unsupported_python_message

REPO = Path(__file__).resolve().parents[4]
MODULES = sorted((REPO / 'plugins' / 'modules').glob('*.py'))
GUARD = 'ansible_collections.lte.modem.plugins.module_utils._python'


def test_the_sanity_tests_claim_the_same_floor():
    with open(REPO / 'tests' / 'config.yml', encoding='utf-8') as handle:
        assert yaml.safe_load(handle)['modules']['python_requires'] == '>=%d.%d' % MINIMUM_PYTHON


def test_the_message_names_module_interpreter_and_way_out():
    message = unsupported_python_message('huawei_at', (3, 6, 8, 'final', 0), '/usr/libexec/platform-python')
    assert message.startswith('lte.modem.huawei_at needs Python 3.7 or later on the host that runs it; '
                              '/usr/libexec/platform-python is Python 3.6.8. ')
    assert 'ansible_python_interpreter' in message


def test_a_supported_python_passes(capsys):
    assert sys.version_info[:2] >= MINIMUM_PYTHON
    require_python('huawei_at')
    assert capsys.readouterr().out == ''


@pytest.mark.parametrize('path', MODULES, ids=[path.stem for path in MODULES])
def test_every_module_checks_the_python_before_the_collection_code(path):
    tree = ast.parse(path.read_text(encoding='utf-8'))
    statements = [node for node in tree.body if not (isinstance(node, ast.Assign) and node.targets[0].id in ('DOCUMENTATION', 'EXAMPLES', 'RETURN'))]
    # Module docstring aside, the guard's import and call come before any other import of the collection.
    imports = [node for node in statements if isinstance(node, ast.ImportFrom) and node.module.startswith('ansible_collections.')]
    assert imports and imports[0].module == GUARD, 'the first import of the collection must be %s' % GUARD
    call = statements[statements.index(imports[0]) + 1]
    assert isinstance(call, ast.Expr) and isinstance(call.value, ast.Call) and call.value.func.id == 'require_python'
    assert call.value.args[0].value == path.stem
    # Nothing a Python older than the floor cannot compile: no __future__ annotations, no f-strings.
    assert not any(isinstance(node, ast.ImportFrom) and node.module == '__future__' and any(alias.name == 'annotations' for alias in node.names)
                   for node in tree.body)
    assert not any(isinstance(node, ast.JoinedStr) for node in ast.walk(tree))
