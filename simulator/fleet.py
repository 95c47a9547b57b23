# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A fleet of simulated MikroTik routers, each on its own loopback address with one modem behind lte1.

Python: ``with Fleet(3, ssh=True, tls="cert") as fleet: fleet.write_inventory(path)``.
CLI: ``python -m simulator fleet --routers 3`` and ``python -m simulator router`` (see ``register``).
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import secrets
import shutil
import signal
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from typing import Any, Callable

from .routeros.api_server import ApiServer, serve_api
from .routeros.certs import KeyPair, make_ca
from .routeros.router import SimulatedRouter
from .routeros.ssh_server import SshServer, serve_ssh

LOOPBACK = ipaddress.ip_network("127.0.0.0/8")
DEFAULT_PROFILE = "ME909u-521"
TLS_CHOICES = ("cert", "anon")


def default_modem_factory(profile: str, state_file: str | None, seed: int | None) -> Any:
    """A ``SimulatedModem`` from the modem emulator (imported late: only the fleet needs it)."""
    from .modem import SimulatedModem  # pylint: disable=import-outside-toplevel

    return SimulatedModem(profile=profile, knobs=None, state_file=state_file, seed=seed)


@dataclass
class FleetRouter:  # pylint: disable=too-many-instance-attributes
    """One router of the fleet and its services."""

    name: str
    address: str
    router: SimulatedRouter
    modem: Any
    api: ApiServer | None = None
    api_tls: ApiServer | None = None
    ssh: SshServer | None = None

    @property
    def api_port(self) -> int | None:
        """API port (None when not served)."""
        return self.api.port if self.api else None

    @property
    def api_tls_port(self) -> int | None:
        """api-ssl port (None when not served)."""
        return self.api_tls.port if self.api_tls else None

    @property
    def ssh_port(self) -> int | None:
        """SSH port (None when not served)."""
        return self.ssh.port if self.ssh else None

    @property
    def host_key(self) -> Any:
        """The SSH host key (paramiko PKey), None without SSH."""
        return self.ssh.host_key if self.ssh else None

    def close(self) -> None:
        """Stop this router's services and close its modem port."""
        for server in (self.api, self.api_tls, self.ssh):
            if server is not None:
                server.close()
        self.router.close()


@dataclass
class Fleet:  # pylint: disable=too-many-instance-attributes
    """N routers on consecutive loopback addresses starting at ``base_address``.

    Ports are the same on every address (8728/8729/2222 by default); pass 0 to let the system pick
    (then every router gets its own ports, written per host into the inventory).
    """

    routers_count: int
    profile: str = DEFAULT_PROFILE
    base_address: str = "127.0.0.2"
    api_port: int = 8728
    api_tls_port: int = 8729
    ssh_port: int = 2222
    tls: str | None = None
    ssh: bool = False
    state_dir: str | None = None
    workdir: str | None = None
    at_chat_wait: float = 3.0
    at_chat_latency: float = 0.0
    username: str = "admin"
    password: str | None = None
    seed: int | None = None
    modem_factory: Callable[[str, str | None, int | None], Any] = default_modem_factory
    router_options: dict[str, Any] = field(default_factory=dict)
    routers: list[FleetRouter] = field(default_factory=list, init=False)
    ca: KeyPair | None = field(default=None, init=False)
    ca_file: str | None = field(default=None, init=False)
    known_hosts_file: str | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.tls not in (None,) + TLS_CHOICES:
            raise ValueError(f"tls must be None or one of {TLS_CHOICES}")
        if self.password is None:
            self.password = secrets.token_urlsafe(12)
        self._own_workdir = False
        self._stopped = threading.Event()

    def addresses(self) -> list[str]:
        """The loopback addresses the routers use; refuses anything outside 127.0.0.0/8."""
        base = ipaddress.ip_address(self.base_address)
        addresses = [base + index for index in range(self.routers_count)]
        for address in addresses:
            if address not in LOOPBACK or address == LOOPBACK.broadcast_address:
                raise ValueError(f"{address} is not a usable loopback address")
        return [str(address) for address in addresses]

    # --- lifecycle ------------------------------------------------------------------------------

    def start(self) -> "Fleet":
        """Start every router (all or nothing); returns self."""
        if self.workdir is None:
            self.workdir = tempfile.mkdtemp(prefix="lte-modem-fleet-")
            self._own_workdir = True
        os.makedirs(self.workdir, exist_ok=True)
        if self.state_dir:
            os.makedirs(self.state_dir, exist_ok=True)
        if self.tls == "cert":
            self.ca = make_ca()
            self.ca_file, dummy = self.ca.write(self.workdir, "fleet-ca")
        try:
            for index, address in enumerate(self.addresses(), start=1):
                self.routers.append(self._start_router(index, address))
        except BaseException:
            self.stop()
            raise
        if self.ssh:
            self.known_hosts_file = os.path.join(self.workdir, "known_hosts")
            with open(self.known_hosts_file, "w", encoding="ascii") as handle:
                handle.writelines(entry.ssh.known_hosts_line() + "\n" for entry in self.routers if entry.ssh)
        return self

    def _start_router(self, index: int, address: str) -> FleetRouter:
        name = f"router{index:02d}"
        state_file = os.path.join(self.state_dir, f"{name}.json") if self.state_dir else None
        seed = None if self.seed is None else self.seed + index
        modem = self.modem_factory(self.profile, state_file, seed)
        options = {"at_chat_wait": self.at_chat_wait, "at_chat_latency": self.at_chat_latency} | self.router_options
        router = SimulatedRouter(identity=name, users={self.username: self.password}, lte={"lte1": modem}, **options)
        entry = FleetRouter(name, address, router, modem)
        try:
            entry.api = serve_api(router, address, self.api_port)
            if self.tls:
                entry.api_tls = serve_api(router, address, self.api_tls_port, tls=self.tls, ca=self.ca)
            if self.ssh:
                entry.ssh = serve_ssh(router, address, self.ssh_port)
        except BaseException:
            entry.close()
            raise
        return entry

    def stop(self) -> None:
        """Stop every router and remove the work directory if the fleet created it."""
        for entry in self.routers:
            entry.close()
        self.routers = []
        if self._own_workdir and self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None
        self._stopped.set()

    def __enter__(self) -> "Fleet":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    # --- inventory ------------------------------------------------------------------------------

    def _ports(self) -> dict[str, list[int | None]]:
        return {
            "routeros_api_port": [entry.api_port for entry in self.routers],
            "routeros_api_tls_port": [entry.api_tls_port for entry in self.routers],
            "routeros_ssh_port": [entry.ssh_port for entry in self.routers],
        }

    def inventory_text(self) -> str:
        """An Ansible YAML inventory: group ``routers``, hosts ``router01``…, connection data as vars."""
        ports = self._ports()
        group_vars: dict[str, Any] = {
            "ansible_connection": "local",
            "ansible_python_interpreter": "{{ ansible_playbook_python }}",
            "routeros_username": self.username,
            "routeros_password": self.password,
            "routeros_interface": "lte1",
        }
        shared = {key: values[0] for key, values in ports.items() if values and values[0] is not None and len(set(values)) == 1}
        group_vars.update(shared)
        if self.tls:
            group_vars["routeros_tls_mode"] = self.tls
        if self.ca_file:
            group_vars["routeros_ca_path"] = self.ca_file
        if self.known_hosts_file:
            group_vars["routeros_known_hosts"] = self.known_hosts_file
        lines = [
            "# Written by `python -m simulator fleet`: simulated MikroTik routers on loopback addresses.",
            "# SIMULATOR CREDENTIALS: routeros_password below is the password of the simulated routers only.",
            "all:",
            "  children:",
            "    routers:",
            "      hosts:",
        ]
        for index, entry in enumerate(self.routers):
            lines.append(f"        {entry.name}:")
            lines.append(f"          ansible_host: {json.dumps(entry.address)}")
            for key, values in ports.items():
                if key not in shared and values[index] is not None:
                    lines.append(f"          {key}: {values[index]}")
        lines.append("      vars:")
        lines.extend(f"        {key}: {json.dumps(value)}" for key, value in group_vars.items())
        return "\n".join(lines) + "\n"

    def write_inventory(self, path: str) -> str:
        """Write the inventory (mode 0600: it holds the simulator password) and return its path."""
        directory = os.path.dirname(os.path.abspath(path))
        os.makedirs(directory, exist_ok=True)
        with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as handle:
            handle.write(self.inventory_text())
        return path

    def wait(self) -> None:
        """Block until ``stop`` is called (from a signal handler or another thread)."""
        while not self._stopped.wait(0.5):
            pass


# --- command line ---------------------------------------------------------------------------------

def _read_password(path: str | None) -> str | None:
    if not path:
        return None
    with open(path, encoding="utf-8") as handle:
        return handle.readline().strip()


def _common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", default=DEFAULT_PROFILE, help="modem profile behind lte1 (default %(default)s)")
    parser.add_argument("--api-port", type=int, default=8728, help="API port on every address (0: any free port)")
    parser.add_argument("--api-tls-port", type=int, default=8729, help="api-ssl port on every address")
    parser.add_argument("--ssh-port", type=int, default=2222, help="SSH port on every address")
    parser.add_argument("--tls", nargs="?", const="cert", choices=TLS_CHOICES, help="also serve api-ssl (default mode: cert, signed by a generated CA)")
    parser.add_argument("--ssh", action="store_true", help="also serve the SSH CLI")
    parser.add_argument("--inventory", help="where to write the Ansible inventory (default: in the work directory)")
    parser.add_argument("--state-dir", help="directory for the modems' state files (kept across runs)")
    parser.add_argument("--workdir", help="directory for the CA, known_hosts and inventory (default: a temporary one)")
    parser.add_argument("--at-chat-wait", type=float, default=3.0, help="seconds an at-chat with wait=yes lasts")
    parser.add_argument("--at-chat-latency", type=float, default=0.0, help="extra seconds per at-chat call")
    parser.add_argument("--username", default="admin")
    parser.add_argument("--password-file", help="file whose first line is the routers' password (default: a random one)")
    parser.add_argument("--seed", type=int, help="seed for the modems' randomness")


def register(subparsers: Any) -> None:
    """Add the ``fleet`` and ``router`` subcommands to the simulator's argparse subparsers."""
    fleet = subparsers.add_parser("fleet", help="run N simulated MikroTik routers with one LTE modem each")
    fleet.add_argument("--routers", type=int, default=3, help="number of routers (default %(default)s)")
    fleet.add_argument("--base-address", default="127.0.0.2", help="address of the first router; the next get +1 (default %(default)s)")
    _common_arguments(fleet)
    fleet.set_defaults(func=run_fleet)
    router = subparsers.add_parser("router", help="run one simulated MikroTik router with one LTE modem")
    router.add_argument("--address", default="127.0.0.1", help="loopback address to listen on (default %(default)s)")
    router.add_argument("--version", dest="routeros_version", default="7.15.3 (stable)", help="RouterOS version string")
    router.add_argument("--login-style", choices=("plain", "legacy", "pre643"), default="plain")
    router.add_argument("--no-empty-replies", action="store_true", help="answer empty prints with !done only (before 7.18)")
    _common_arguments(router)
    router.set_defaults(func=run_router)


def _fleet_from_args(args: argparse.Namespace, count: int, base_address: str, router_options: dict[str, Any]) -> Fleet:
    return Fleet(
        count, profile=args.profile, base_address=base_address, api_port=args.api_port, api_tls_port=args.api_tls_port,
        ssh_port=args.ssh_port, tls=args.tls, ssh=args.ssh, state_dir=args.state_dir, workdir=args.workdir,
        at_chat_wait=args.at_chat_wait, at_chat_latency=args.at_chat_latency, username=args.username,
        password=_read_password(args.password_file), seed=args.seed, router_options=router_options,
    )


def _serve(fleet: Fleet, args: argparse.Namespace) -> int:
    try:
        fleet.start()
    except OSError as error:
        print(f"cannot start: {error}", file=sys.stderr)
        return 1
    inventory = args.inventory or os.path.join(fleet.workdir or ".", "inventory.yml")
    fleet.write_inventory(inventory)

    def handle_signal(_signum, _frame) -> None:
        fleet.stop()

    signal.signal(signal.SIGINT, handle_signal)
    signal.signal(signal.SIGTERM, handle_signal)
    for entry in fleet.routers:
        services = [f"api {entry.address}:{entry.api_port}"]
        if entry.api_tls:
            services.append(f"api-ssl {entry.address}:{entry.api_tls_port}")
        if entry.ssh:
            services.append(f"ssh {entry.address}:{entry.ssh_port}")
        print(f"{entry.name}: " + ", ".join(services), flush=True)
    print("ready", flush=True)
    print(f"inventory: {os.path.abspath(inventory)}", flush=True)
    fleet.wait()
    return 0


def run_fleet(args: argparse.Namespace) -> int:
    """``python -m simulator fleet``."""
    return _serve(_fleet_from_args(args, args.routers, args.base_address, {}), args)


def run_router(args: argparse.Namespace) -> int:
    """``python -m simulator router``: a fleet of one, with version and protocol options."""
    options = {"version": args.routeros_version, "login_style": args.login_style, "empty_replies": not args.no_empty_replies}
    return _serve(_fleet_from_args(args, 1, args.address, options), args)


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry point (``python -m simulator.fleet``) until the simulator CLI registers these subcommands."""
    parser = argparse.ArgumentParser(prog="python -m simulator")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
