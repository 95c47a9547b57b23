# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""`python -m simulator <subcommand> ...`: run simulated devices."""

from __future__ import annotations

import argparse
import importlib
import sys

# Registration point: each module has register(subparsers), which adds its subcommands
# and sets `func` (called with the parsed arguments, returns the exit code).
SUBCOMMAND_MODULES = [
    "simulator.modem.cli",  # modem
    "simulator.fleet",  # fleet, router
]


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every registered subcommand."""
    parser = argparse.ArgumentParser(prog="python -m simulator", description="Simulated Huawei modems and MikroTik routers.")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="SUBCOMMAND")
    for module_name in SUBCOMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv=None) -> int:
    """Parse the arguments and run the chosen subcommand."""
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
