# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""`python -m simulator modem` needs only the standard library: the router's modules load only for their subcommands."""

from __future__ import annotations

import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))

# Runs `python -m simulator ARGS` in an interpreter where importing paramiko or cryptography fails.
WITHOUT_ROUTER_DEPENDENCIES = (
    "import runpy, sys\n"
    "sys.modules['paramiko'] = None\n"
    "sys.modules['cryptography'] = None\n"
    "sys.argv = ['simulator'] + sys.argv[1:]\n"
    "runpy.run_module('simulator', run_name='__main__', alter_sys=True)\n"
)


def run_without_router_dependencies(*arguments):
    """Completed process of `python -m simulator ARGUMENTS` with paramiko and cryptography unimportable."""
    command = [sys.executable, "-c", WITHOUT_ROUTER_DEPENDENCIES, *arguments]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)


def test_modem_list_profiles_without_paramiko():
    process = run_without_router_dependencies("modem", "--list-profiles")
    assert process.returncode == 0, process.stderr
    assert "ME909u-521" in process.stdout


def test_help_lists_every_subcommand_without_paramiko():
    process = run_without_router_dependencies("--help")
    assert process.returncode == 0, process.stderr
    assert all(name in process.stdout for name in ("modem", "fleet", "router"))


def test_the_poisoned_interpreter_really_lacks_the_router_dependencies():
    process = run_without_router_dependencies("router", "--help")
    assert process.returncode != 0 and "halted; None in sys.modules" in process.stderr


def test_readme_describes_every_profile_as_the_data_says():
    with open(os.path.join(ROOT, "simulator", "README.md"), encoding="utf-8") as handle:
        readme = handle.read()
    process = subprocess.run([sys.executable, "-m", "simulator", "modem", "--describe"], cwd=ROOT, capture_output=True, text=True,
                             timeout=60, check=True)
    assert process.stdout.strip() in readme
