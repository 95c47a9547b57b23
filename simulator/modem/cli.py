# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""`python -m simulator modem`: run one emulated modem on a pty and/or a loopback TCP port."""

from __future__ import annotations

import signal
import sys
import threading

from .device import SimulatedModem
from .knobs import Knobs
from .profiles import PROFILES
from .servers import serve_pty, serve_tcp


def register(subparsers):
    """Add the `modem` subcommand to the simulator's argparse subparsers."""
    parser = subparsers.add_parser("modem", help="run one simulated Huawei modem on a pty and/or TCP")
    parser.add_argument("--profile", default="ME906s-158", choices=sorted(PROFILES), help="device profile (default %(default)s)")
    parser.add_argument("--list-profiles", action="store_true", help="list the profiles and exit")
    parser.add_argument("--pty", action="store_true", help="serve the AT port on a pty (default when --tcp is not given)")
    parser.add_argument("--link", metavar="PATH", help="symlink that always points at the current pty")
    parser.add_argument("--all-ports", action="store_true",
                        help="also serve the other tty functions (modem, diag, gps) on their own ptys, printed as `pty-<function> PATH`")
    parser.add_argument("--tcp", metavar="PORT", type=int, help="serve the AT port on TCP (0 = any free port)")
    parser.add_argument("--host", default="127.0.0.1", help="loopback address for --tcp (default %(default)s)")
    parser.add_argument("--state-file", metavar="FILE", help="JSON file keeping the modem's NVRAM across restarts")
    parser.add_argument("--command-log", metavar="FILE", help="append every received command line to FILE")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds before every answer")
    parser.add_argument("--urc-interval", type=float, help="send a random URC every N seconds")
    parser.add_argument("--sim", choices=("ready", "pin", "puk", "absent"), default="ready", help="SIM state at boot")
    parser.add_argument("--pin", default="1234", help="the SIM's PIN (default %(default)s)")
    parser.add_argument("--roaming-sim", action="store_true", help="foreign SIM: registration needs roaming allowed")
    parser.add_argument("--rf-hardware-off", action="store_true", help="hardware RF switch (W_DISABLE#) off")
    parser.add_argument("--reboot-delay", type=float, default=1.0, help="seconds AT^RESET takes (default %(default)s)")
    parser.add_argument("--connect-delay", type=float, default=0.5, help="seconds ^NDISDUP takes (default %(default)s)")
    parser.add_argument("--valid-apn", action="append", metavar="APN", help="APN the network accepts (repeatable; default any)")
    parser.add_argument("--seed", type=int, help="seed for serial numbers, addresses and random URCs")
    parser.set_defaults(func=run)


def knobs_from_args(args) -> Knobs:
    """Knobs matching the command-line options."""
    return Knobs(
        latency=args.latency, urc_interval=args.urc_interval, sim=args.sim, pin=args.pin,
        home_network=not args.roaming_sim, rf_hardware=not args.rf_hardware_off,
        reboot_delay=args.reboot_delay, connect_delay=args.connect_delay,
        valid_apns=set(args.valid_apn) if args.valid_apn else None,
    )


def list_profiles(out=sys.stdout):
    """One line per profile: name, model, firmware, description."""
    for name, profile in PROFILES.items():
        print(f"{name:<12} {profile.manufacturer} {profile.model} {profile.revision}: {profile.description}", file=out)


def run(args) -> int:
    """Run until SIGINT/SIGTERM; print one line per server, then `ready`."""
    if args.list_profiles:
        list_profiles()
        return 0
    modem = SimulatedModem(profile=args.profile, knobs=knobs_from_args(args), state_file=args.state_file, seed=args.seed)
    log_lock = threading.Lock()
    if args.command_log:
        def append_to_log(line):
            with log_lock, open(args.command_log, "a", encoding="utf-8") as handle:
                handle.write(line + "\n")
        modem.add_command_listener(append_to_log)
    servers = []
    try:
        if args.pty or args.tcp is None:
            pty_server = serve_pty(modem, link_path=args.link)
            servers.append(pty_server)
            print(f"pty {pty_server.path}", flush=True)
            if args.link:
                print(f"link {args.link}", flush=True)
            pty_server.add_path_listener(lambda path: path and print(f"pty {path}", flush=True))
            if args.all_ports:
                servers.extend(_serve_other_ports(modem, modem.default_at_function()))
        if args.tcp is not None:
            tcp_server = serve_tcp(modem, host=args.host, port=args.tcp)
            servers.append(tcp_server)
            print(f"tcp {tcp_server.host}:{tcp_server.port}", flush=True)
    except (OSError, ValueError) as error:
        print(f"cannot start: {error}", file=sys.stderr)
        _shut_down(servers, modem)
        return 1
    stop = threading.Event()
    signal.signal(signal.SIGINT, lambda _signum, _frame: stop.set())
    signal.signal(signal.SIGTERM, lambda _signum, _frame: stop.set())
    print("ready", flush=True)
    while not stop.wait(0.5):
        pass
    _shut_down(servers, modem)
    return 0


def _serve_other_ports(modem, main_function):
    """One pty per further tty function of the composition (seed 000: several ttyUSB, only some speak AT)."""
    servers = []
    for function in modem.available_functions():
        if function == main_function:
            continue
        server = serve_pty(modem, function=function)
        servers.append(server)
        print(f"pty-{function} {server.path}", flush=True)
        server.add_path_listener(lambda path, name=function: path and print(f"pty-{name} {path}", flush=True))
    return servers


def _shut_down(servers, modem):
    for server in servers:
        server.close()
    modem.close()
