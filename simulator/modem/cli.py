# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""`python -m simulator modem`: run one emulated modem on a pty and/or a loopback TCP port."""

from __future__ import annotations

import signal
import sys
import threading

from .describe import describe
from .device import HANDLERS, SimulatedModem
from .knobs import RATS, REGISTRATION_MODES, SIM_STATES, Knobs
from .profiles import PROFILES
from .servers import serve_pty, serve_tcp


def register(subparsers):
    """Add the `modem` subcommand to the simulator's argparse subparsers."""
    parser = subparsers.add_parser("modem", help="run one simulated Huawei modem on a pty and/or TCP")
    parser.add_argument("--profile", default="ME906s-158", choices=sorted(PROFILES), help="device profile (default %(default)s)")
    parser.add_argument("--list-profiles", action="store_true", help="list the profiles and exit")
    parser.add_argument("--describe", action="store_true", help="print every profile's commands and firmware variants (markdown) and exit")
    _server_arguments(parser.add_argument_group("ports"))
    _timing_arguments(parser.add_argument_group("timing"))
    _sim_arguments(parser.add_argument_group("SIM"))
    _radio_arguments(parser.add_argument_group("radio and network (each a cause of NO CARRIER)"))
    parser.set_defaults(func=run)


def _server_arguments(group):
    group.add_argument("--pty", action="store_true", help="serve the AT port on a pty (default when --tcp is not given)")
    group.add_argument("--link", metavar="PATH", help="symlink that always points at the current pty")
    group.add_argument("--all-ports", action="store_true",
                       help="also serve the other tty functions (modem, diag, gps) on their own ptys, printed as `pty-<function> PATH`")
    group.add_argument("--tcp", metavar="PORT", type=int, help="serve the AT port on TCP (0 = any free port)")
    group.add_argument("--host", default="127.0.0.1", help="loopback address for --tcp (default %(default)s)")
    group.add_argument("--state-file", metavar="FILE", help="JSON file keeping the modem's NVRAM across restarts (it wins over the factory options)")
    group.add_argument("--command-log", metavar="FILE", help="append every received command line to FILE")
    group.add_argument("--seed", type=int, help="seed for serial numbers, addresses and random URCs")


def _timing_arguments(group):
    group.add_argument("--latency", type=float, default=0.0, help="seconds before every answer")
    group.add_argument("--urc-interval", type=float, help="send a random URC every N seconds")
    group.add_argument("--reboot-delay", type=float, default=1.0, help="seconds AT^RESET takes (default %(default)s)")
    group.add_argument("--reset-grace", type=float, default=0.0, help="seconds the port keeps answering after AT^RESET's OK (default %(default)s)")
    group.add_argument("--connect-delay", type=float, default=0.5, help="seconds ^NDISDUP takes (default %(default)s)")


def _sim_arguments(group):
    group.add_argument("--sim", choices=SIM_STATES, default="ready",
                       help="what the SIM asks for at boot, or absent (CME 10), busy (14), failure (13), wrong (15)")
    group.add_argument("--pin", default="1234", help="the SIM's PIN (default %(default)s)")
    group.add_argument("--puk", default="12345678", help="the SIM's PUK (default %(default)s)")
    group.add_argument("--pin2", default="5678", help="the SIM's PIN2 (default %(default)s)")
    group.add_argument("--puk2", default="87654321", help="the SIM's PUK2 (default %(default)s)")
    for name, default in (("pin", 3), ("puk", 10), ("pin2", 3), ("puk2", 10)):
        group.add_argument(f"--{name}-retries", type=int, default=default, metavar="N", help=f"{name.upper()} tries left on the SIM (default {default})")
    group.add_argument("--cmee", type=int, choices=(0, 1, 2), help="+CMEE after boot: 0 ERROR, 1 numeric, 2 text (default: the profile's)")


def _radio_arguments(group):
    group.add_argument("--cfun", type=int, choices=(0, 1, 4), default=1, help="+CFUN after boot (default %(default)s)")
    group.add_argument("--rf-software-off", action="store_true", help="software RF switch off: ^RFSWITCH: 0,1 (factory NVRAM)")
    group.add_argument("--rf-hardware-off", action="store_true", help="hardware RF switch (W_DISABLE#) off: ^RFSWITCH: 1,0")
    group.add_argument("--no-signal", action="store_true", help="no cell at all: +CSQ: 99,99, ^HCSQ: \"NOSERVICE\", +CREG: 0,2")
    group.add_argument("--network-rats", default=",".join(RATS), metavar="RATS",
                       help="RATs with a cell, e.g. WCDMA or WCDMA,GSM for a 3G-only area (default %(default)s)")
    group.add_argument("--registration", choices=REGISTRATION_MODES, default="auto",
                       help="force the registration: searching (+CREG: 0,2), not_searching (0,0), unknown (0,4)")
    group.add_argument("--reject-cause", type=int, metavar="N", help="registration denied (+CREG: 0,3) with this reject cause, reported by +CEER")
    group.add_argument("--roaming-sim", action="store_true", help="foreign SIM: registration needs roaming allowed")
    group.add_argument("--roam-off", action="store_true", help="the modem's roam bit off (factory NVRAM)")
    group.add_argument("--syscfg", metavar="FIELDS", help="factory ^SYSCFGEX (or ^SYSCFG) setting as its query prints it, "
                                                          "e.g. '\"03\",3FFFFFFF,1,2,80000' (LTE band 20 only: no band of the cell's)")
    group.add_argument("--port-mode", metavar="MODE", help="factory ^SETPORT composition, e.g. 'FF;10,12' (no network interface)")
    group.add_argument("--no-pdp-context", action="store_true", help="no +CGDCONT context (factory NVRAM)")
    group.add_argument("--valid-apn", action="append", metavar="APN",
                       help="APN the network accepts (repeatable; default any); others fail with cause 33, none with 27")
    group.add_argument("--dial-failure-cause", type=int, metavar="N", help="every data call fails with this ^NDISSTAT cause")
    group.add_argument("--rssi", type=int, default=20, help="+CSQ rssi while camped (default %(default)s)")


def knobs_from_args(args) -> Knobs:
    """Knobs matching the command-line options."""
    return Knobs(
        latency=args.latency, urc_interval=args.urc_interval, reboot_delay=args.reboot_delay, reset_grace=args.reset_grace,
        connect_delay=args.connect_delay,
        sim=args.sim, pin=args.pin, puk=args.puk, pin2=args.pin2, puk2=args.puk2, cmee=args.cmee,
        pin_retries=args.pin_retries, puk_retries=args.puk_retries, pin2_retries=args.pin2_retries, puk2_retries=args.puk2_retries,
        cfun=args.cfun, rf_software=not args.rf_software_off, rf_hardware=not args.rf_hardware_off,
        coverage=not args.no_signal, network_rats=tuple(rat.strip().upper() for rat in args.network_rats.split(",") if rat.strip()),
        registration=args.registration, reject_cause=args.reject_cause, home_network=not args.roaming_sim,
        roaming=False if args.roam_off else None, syscfg=args.syscfg, port_mode=args.port_mode,
        pdp_contexts=() if args.no_pdp_context else None,
        valid_apns=set(args.valid_apn) if args.valid_apn else None, dial_failure_cause=args.dial_failure_cause, rssi=args.rssi,
    )


def list_profiles(out=sys.stdout):
    """One line per profile: name, model, firmware, description."""
    for name, profile in PROFILES.items():
        print(f"{name:<12} {profile.manufacturer} {profile.model} {profile.revision}: {profile.description}", file=out)


def describe_profiles() -> list:
    """Markdown lines describing every profile."""
    return [line for profile in PROFILES.values() for line in describe(profile, HANDLERS)]


def run(args) -> int:
    """Run until SIGINT/SIGTERM; print one line per server, then `ready`."""
    if args.list_profiles:
        list_profiles()
        return 0
    if args.describe:
        print("\n".join(describe_profiles()))
        return 0
    try:
        modem = SimulatedModem(profile=args.profile, knobs=knobs_from_args(args), state_file=args.state_file, seed=args.seed)
    except ValueError as error:
        print(f"cannot start: {error}", file=sys.stderr)
        return 2
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
    """One pty per further tty function of the composition (a module has several ttyUSB ports, only some speak AT)."""
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
