# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""``python -m simulator fleet`` and ``python -m simulator router``: run simulated routers until SIGINT/SIGTERM.

Both print one line per router, the routers that are down, slow, refusing logins, hold a foreign
SIM or have allow-roaming=no, then ``ready``, ``inventory: PATH`` and ``manifest: PATH``.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from typing import Any

from .fleet import DEFAULT_PROFILE, SLOW_LATENCY, TLS_CHOICES, Fleet, manifest_path_for, raise_open_files_limit
from .knobs import add_modem_knob_options, knobs_from_args
from .plan import FleetMix, read_router_spec


def _read_password(path: str | None) -> str | None:
    if not path:
        return None
    with open(path, encoding="utf-8") as handle:
        return handle.readline().strip()


def _router_spec(text: str) -> tuple[str, str]:
    try:
        return read_router_spec(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", default=DEFAULT_PROFILE, help="modem profile behind lte1 (default %(default)s)")
    parser.add_argument("--api-port", type=int, default=8728, help="API port on every address (0: any free port)")
    parser.add_argument("--api-tls-port", type=int, default=8729, help="api-ssl port on every address")
    parser.add_argument("--ssh-port", type=int, default=2222, help="SSH port on every address")
    parser.add_argument("--tls", nargs="?", const="cert", choices=TLS_CHOICES, help="also serve api-ssl (default mode: cert, signed by a generated CA)")
    parser.add_argument("--ssh", action="store_true", help="also serve the SSH CLI")
    parser.add_argument("--inventory", help="where to write the Ansible inventory (default: in the work directory)")
    parser.add_argument("--manifest", help="where to write the JSON manifest (default: next to the inventory, .manifest.json)")
    parser.add_argument("--state-dir", help="directory for the modems' state files (kept across runs)")
    parser.add_argument("--workdir", help="directory for the CA, known_hosts and inventory (default: a temporary one)")
    parser.add_argument("--at-chat-wait", type=float, default=3.0, help="seconds an at-chat with wait=yes lasts")
    parser.add_argument("--at-chat-latency", type=float, default=0.0, help="extra seconds per at-chat call")
    parser.add_argument("--first-chunk-timeout", type=float, help="seconds at-chat without wait waits for the modem's first chunk (default: --at-chat-wait)")
    parser.add_argument("--username", default="admin")
    parser.add_argument("--password-file", help="file whose first line is the routers' password (default: a random one)")
    parser.add_argument("--seed", type=int, help="seed for the modems' randomness and for which routers get what (default: 0 for the draw)")
    parser.add_argument("--allow-roaming", choices=("yes", "no"), default="yes",
                        help="the routers' own allow-roaming on lte1 (default %(default)s; RouterOS ships with no): with no, "
                             "a router keeps its data session down while the modem roams")
    add_modem_knob_options(parser)


def _mix_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("mixed fleet", "SHARE is a count (3) or a percentage of the fleet (5%%); the routers are drawn from --seed")
    group.add_argument("--profiles", metavar="MIX",
                       help="profiles across the fleet: NAME:SHARE,… (an entry without a share takes the rest), e.g. ME909u-521:10,ME906s-158:5,E3372h-153")
    group.add_argument("--foreign-sims", metavar="SHARE", default="0", help="routers whose SIM registers only with the modem's roam bit on")
    group.add_argument("--down", metavar="SHARE", default="0", help="routers that are off: their address refuses connections")
    group.add_argument("--slow", metavar="SHARE", default="0", help="routers whose every at-chat takes --slow-latency seconds more")
    group.add_argument("--refuse-login", metavar="SHARE", default="0", help="routers that refuse the inventory's credentials")
    group.add_argument("--slow-latency", type=float, default=SLOW_LATENCY, help="extra seconds per at-chat on slow routers (default %(default)s)")
    group.add_argument("--router", dest="router_specs", action="append", default=[], metavar="NAME:SPEC", type=_router_spec,
                       help="one router: comma-separated down, slow, refuse-login, up, foreign-sim, home-sim, profile=NAME, "
                            "allow-roaming=yes|no or a modem knob NAME=VALUE (repeatable), e.g. router07:foreign-sim,slow")


def register(subparsers: Any) -> None:
    """Add the ``fleet`` and ``router`` subcommands to the simulator's argparse subparsers."""
    fleet = subparsers.add_parser("fleet", help="run N simulated MikroTik routers with one LTE modem each")
    fleet.add_argument("--routers", type=int, default=3, help="number of routers (default %(default)s)")
    fleet.add_argument("--base-address", default="127.0.0.2", help="address of the first router; the next get +1 (default %(default)s)")
    _common_arguments(fleet)
    _mix_arguments(fleet)
    fleet.set_defaults(func=run_fleet)
    router = subparsers.add_parser("router", help="run one simulated MikroTik router with one LTE modem")
    router.add_argument("--address", default="127.0.0.1", help="loopback address to listen on (default %(default)s)")
    router.add_argument("--version", dest="routeros_version", default="7.15.3 (stable)", help="RouterOS version string")
    router.add_argument("--login-style", choices=("plain", "legacy", "pre643"), default="plain")
    router.add_argument("--no-empty-replies", action="store_true", help="answer empty prints with !done only (before 7.18)")
    _common_arguments(router)
    router.set_defaults(func=run_router)


def _mix_from_args(args: argparse.Namespace) -> FleetMix:
    if not hasattr(args, "router_specs"):
        return FleetMix()
    return FleetMix(profiles=args.profiles, foreign_sims=args.foreign_sims, down=args.down, slow=args.slow,
                    refuse_login=args.refuse_login, routers=dict(args.router_specs))


def _fleet_from_args(args: argparse.Namespace, count: int, base_address: str, router_options: dict[str, Any]) -> Fleet:
    return Fleet(
        count, profile=args.profile, base_address=base_address, api_port=args.api_port, api_tls_port=args.api_tls_port,
        ssh_port=args.ssh_port, tls=args.tls, ssh=args.ssh, state_dir=args.state_dir, workdir=args.workdir,
        at_chat_wait=args.at_chat_wait, at_chat_latency=args.at_chat_latency, first_chunk_timeout=args.first_chunk_timeout,
        slow_latency=getattr(args, "slow_latency", SLOW_LATENCY),
        username=args.username, password=_read_password(args.password_file), seed=args.seed, knobs=knobs_from_args(args),
        mix=_mix_from_args(args), router_options=router_options, allow_roaming=args.allow_roaming == "yes",
    )


def _report(fleet: Fleet) -> None:
    for entry in fleet.routers:
        services = [f"{kind} {server.host}:{server.port}" for kind, server in entry.services()]
        print(f"{entry.name}: " + (", ".join(services) or "down"), flush=True)
    groups = {role: [entry.name for entry in fleet.by_role(role)] for role in ("down", "slow", "refuse-login")}
    groups["foreign-sim"] = [entry.name for entry in fleet.routers if entry.plan.foreign_sim]
    groups["allow-roaming=no"] = [entry.name for entry in fleet.routers if not entry.plan.allow_roaming]
    for label, names in groups.items():
        if names:
            print(f"{label}: {' '.join(names)}", flush=True)


def _serve(fleet: Fleet, args: argparse.Namespace) -> int:
    raise_open_files_limit()
    for step, failure_code in ((fleet.plan, 2), (fleet.start, 1)):
        try:
            step()
        except (OSError, ValueError) as error:
            print(f"cannot start: {error}", file=sys.stderr)
            return failure_code
    inventory = args.inventory or os.path.join(fleet.workdir or ".", "inventory.yml")
    manifest = args.manifest or manifest_path_for(inventory)
    fleet.write_inventory(inventory, manifest)

    def handle_signal(_signum, _frame) -> None:
        fleet.stop()

    signal.signal(signal.SIGINT, handle_signal)
    signal.signal(signal.SIGTERM, handle_signal)
    _report(fleet)
    print("ready", flush=True)
    print(f"inventory: {os.path.abspath(inventory)}", flush=True)
    print(f"manifest: {os.path.abspath(manifest)}", flush=True)
    fleet.wait()
    return 0


def run_fleet(args: argparse.Namespace) -> int:
    """``python -m simulator fleet``."""
    try:
        fleet = _fleet_from_args(args, args.routers, args.base_address, {})
    except ValueError as error:
        print(f"cannot start: {error}", file=sys.stderr)
        return 2
    return _serve(fleet, args)


def run_router(args: argparse.Namespace) -> int:
    """``python -m simulator router``: a fleet of one, with version and protocol options."""
    options = {"version": args.routeros_version, "login_style": args.login_style, "empty_replies": not args.no_empty_replies}
    return _serve(_fleet_from_args(args, 1, args.address, options), args)


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry point: ``python -m simulator.fleet fleet …``."""
    parser = argparse.ArgumentParser(prog="python -m simulator")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)
