# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""`python -m simulator <subcommand> ...`: run simulated devices.

Only the module of the subcommand that runs is imported: the modem needs nothing but the
standard library, while the routers need paramiko and cryptography.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# Subcommand -> (module with register(subparsers), help for the listing). register() adds
# the module's subcommands and sets `func` (called with the parsed arguments, returns the exit code).
SUBCOMMANDS = {
    "modem": ("simulator.modem.cli", "run one simulated Huawei modem on a pty and/or TCP"),
    "fleet": ("simulator.fleet", "run N simulated MikroTik routers with one LTE modem each"),
    "router": ("simulator.fleet", "run one simulated MikroTik router with one LTE modem"),
    "hilink": ("simulator.hilink.cli", "run a simulated USB stick in HiLink mode (web API on loopback)"),
}


def chosen_subcommand(argv) -> str | None:
    """The first argument that is not an option, if it names a subcommand."""
    for argument in argv:
        if not argument.startswith("-"):
            return argument if argument in SUBCOMMANDS else None
    return None


def build_parser(argv=()) -> argparse.ArgumentParser:
    """The top-level parser: the chosen subcommand in full, the others as names with their help."""
    parser = argparse.ArgumentParser(prog="python -m simulator", description="Simulated Huawei modems and MikroTik routers.")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="SUBCOMMAND")
    chosen = chosen_subcommand(argv)
    if chosen is not None:
        importlib.import_module(SUBCOMMANDS[chosen][0]).register(subparsers)
    for name, (dummy, help_text) in SUBCOMMANDS.items():
        if name not in subparsers.choices:
            subparsers.add_parser(name, help=help_text)
    return parser


def main(argv=None) -> int:
    """Parse the arguments and run the chosen subcommand."""
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(argv).parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
