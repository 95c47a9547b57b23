# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A fleet of simulated MikroTik routers, each on its own loopback address with one modem behind lte1.

    with Fleet(20, mix=FleetMix(profiles="ME909u-521:10,E3372h-153", down=2, foreign_sims="10%"), seed=7) as fleet:
        fleet.write_inventory(path)      # and path's .manifest.json: which routers are down, slow, …

A router's modem is made when the router first needs it, and every listener shares one accepting
thread, so a fleet of a thousand routers starts in seconds and idles without threads of its own.
"""

from __future__ import annotations

import ipaddress
import os
import resource
import secrets
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from typing import Any, Callable

from ..routeros.api_server import ApiServer, serve_api
from ..routeros.certs import KeyPair, make_ca
from ..routeros.router import SimulatedRouter
from ..routeros.ssh_server import SshServer, serve_ssh
from ..routeros.tcp import LOOPBACK
from .inventory import inventory_text, manifest, write_private
from .knobs import KnobValues, make_knobs
from .plan import FleetMix, RouterPlan, plan_fleet

DEFAULT_PROFILE = "ME909u-521"
TLS_CHOICES = ("cert", "anon")
SLOW_LATENCY = 3.0
# open files a fleet may need besides its listening sockets: client connections, files, the interpreter's own
SPARE_FILES = 1024
UNLIMITED_FILES = 65536  # the soft limit asked for when the hard one is unlimited

ModemFactory = Callable[[str, KnobValues, "str | None", "int | None"], Any]


def raise_open_files_limit(needed: int | None = None) -> int:
    """Raise the soft limit of open files to the hard one if it is below ``needed`` (always when None); returns the soft limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = hard if hard != resource.RLIM_INFINITY else max(needed or 0, UNLIMITED_FILES)
    if soft != resource.RLIM_INFINITY and (needed is None or soft < needed) and soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        return target
    return soft


def default_modem_factory(profile: str, knobs: KnobValues, state_file: str | None, seed: int | None) -> Any:
    """A ``SimulatedModem`` from the modem emulator (imported late: only a router that is used needs it)."""
    from ..modem import SimulatedModem  # pylint: disable=import-outside-toplevel

    return SimulatedModem(profile=profile, knobs=make_knobs(knobs), state_file=state_file, seed=seed)


@dataclass
class FleetRouter:
    """One router of the fleet, its plan and its services (none while it is down)."""

    plan: RouterPlan
    router: SimulatedRouter
    api: ApiServer | None = None
    api_tls: ApiServer | None = None
    ssh: SshServer | None = None

    name = property(lambda self: self.plan.name, doc="Inventory name (router01 …).")
    address = property(lambda self: self.plan.address, doc="Loopback address.")
    role = property(lambda self: self.plan.role, doc="up, down, slow or refuse-login.")
    api_port = property(lambda self: self.api.port if self.api else None, doc="API port (None when not served).")
    api_tls_port = property(lambda self: self.api_tls.port if self.api_tls else None, doc="api-ssl port (None when not served).")
    ssh_port = property(lambda self: self.ssh.port if self.ssh else None, doc="SSH port (None when not served).")
    host_key = property(lambda self: self.ssh.host_key if self.ssh else None, doc="The SSH host key (paramiko PKey), None without SSH.")

    @property
    def lte(self) -> Any:
        """The router's lte1."""
        return self.router.interfaces[0]

    @property
    def modem(self) -> Any:
        """The modem behind lte1 (made now if the router has not needed it yet)."""
        return self.lte.modem

    def services(self) -> list[tuple[str, Any]]:
        """(kind, server) of every running service."""
        return [(kind, server) for kind, server in (("api", self.api), ("api-ssl", self.api_tls), ("ssh", self.ssh)) if server is not None]

    def close(self) -> None:
        """Stop this router's services, release its modem port and stop the modem."""
        for dummy, server in self.services():
            server.close()
        self.router.close()
        if self.lte.modem_made and hasattr(self.modem, "close"):
            self.modem.close()


@dataclass
class Fleet:  # pylint: disable=too-many-instance-attributes
    """N routers on consecutive loopback addresses starting at ``base_address``.

    Ports are the same on every address (8728/8729/2222 by default); pass 0 to let the system pick
    (then every router gets its own ports, written per host into the inventory). ``knobs`` are modem
    knob values for every router; ``mix`` says how routers differ (profiles, foreign SIMs, down, slow,
    refusing logins, per-router specs), drawn from ``seed`` (0 when None). Every router's lte1 starts
    with ``allow-roaming=yes`` (a router set up for roaming SIMs; RouterOS itself ships with ``no``)
    unless ``allow_roaming`` is False or a per-router spec says ``allow-roaming=no``.
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
    first_chunk_timeout: float | None = None
    slow_latency: float = SLOW_LATENCY
    username: str = "admin"
    password: str | None = None
    seed: int | None = None
    knobs: KnobValues = field(default_factory=dict)
    mix: FleetMix = field(default_factory=FleetMix)
    allow_roaming: bool = True
    modem_factory: ModemFactory = default_modem_factory
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

    def plan(self) -> list[RouterPlan]:
        """What every router will be (profile, role, knobs), without starting anything."""
        return plan_fleet(self.addresses(), self.profile, self.mix, self.knobs, self.seed or 0, self.allow_roaming)

    # --- lifecycle ------------------------------------------------------------------------------

    def start(self) -> "Fleet":
        """Start every router (all or nothing); returns self."""
        plans = self.plan()
        # a thousand routers with API, api-ssl and SSH listen on three thousand sockets
        raise_open_files_limit(len(plans) * (1 + bool(self.tls) + self.ssh) + SPARE_FILES)
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
            for plan in plans:
                self.routers.append(self._start_router(plan))
        except BaseException:
            self.stop()
            raise
        if self.ssh:
            self.known_hosts_file = os.path.join(self.workdir, "known_hosts")
            with open(self.known_hosts_file, "w", encoding="ascii") as handle:
                handle.writelines(entry.ssh.known_hosts_line() + "\n" for entry in self.routers if entry.ssh)
        return self

    def _make_router(self, plan: RouterPlan) -> SimulatedRouter:
        state_file = os.path.join(self.state_dir, f"{plan.name}.json") if self.state_dir else None
        seed = None if self.seed is None else self.seed + plan.index + 1
        # a router refusing logins has another password than the one the inventory gives
        password = secrets.token_urlsafe(12) if plan.role == "refuse-login" else self.password
        latency = self.slow_latency if plan.role == "slow" else self.at_chat_latency
        options = {"at_chat_wait": self.at_chat_wait, "at_chat_latency": latency, "first_chunk_timeout": self.first_chunk_timeout} | self.router_options
        # lte1 as set up for the fleet: allow-roaming as planned, then whatever router_options configure
        options["lte_settings"] = {"allow-roaming": "yes" if plan.allow_roaming else "no"} | dict(self.router_options.get("lte_settings") or {})
        factory = self.modem_factory
        return SimulatedRouter(identity=plan.name, users={self.username: password},
                               lte={"lte1": lambda: factory(plan.profile, plan.knobs, state_file, seed)}, **options)

    def _start_router(self, plan: RouterPlan) -> FleetRouter:
        entry = FleetRouter(plan, self._make_router(plan))
        if plan.role == "down":
            # nothing listens: connections to the address are refused, as with a router that is off
            return entry
        try:
            entry.api = serve_api(entry.router, plan.address, self.api_port)
            if self.tls:
                entry.api_tls = serve_api(entry.router, plan.address, self.api_tls_port, tls=self.tls, ca=self.ca)
            if self.ssh:
                entry.ssh = serve_ssh(entry.router, plan.address, self.ssh_port)
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

    def wait(self) -> None:
        """Block until ``stop`` is called (from a signal handler or another thread)."""
        self._stopped.wait()

    # --- who is what ----------------------------------------------------------------------------

    def up_routers(self) -> list[FleetRouter]:
        """The routers that serve (all but the down ones)."""
        return [entry for entry in self.routers if entry.role != "down"]

    def by_role(self, role: str) -> list[FleetRouter]:
        """The routers with that role (up, down, slow, refuse-login)."""
        return [entry for entry in self.routers if entry.role == role]

    def router(self, name: str) -> FleetRouter:
        """A router by inventory name."""
        return next(entry for entry in self.routers if entry.name == name)

    # --- inventory and manifest -----------------------------------------------------------------

    def inventory_text(self) -> str:
        """An Ansible YAML inventory: group ``routers`` with every router (down ones too), connection data as vars."""
        return inventory_text(self)

    def write_inventory(self, path: str, manifest_path: str | None = None) -> str:
        """Write the inventory (mode 0600: it holds the simulator password) and its manifest; return the inventory's path.

        The manifest (JSON, default: the inventory's path with ``.manifest.json`` for its extension) says
        which routers are down, slow, refusing logins or hold a foreign SIM.
        """
        write_private(path, self.inventory_text())
        write_private(manifest_path or manifest_path_for(path), manifest(self, path))
        return path


def manifest_path_for(inventory_path: str) -> str:
    """``fleet/inventory.yml`` -> ``fleet/inventory.manifest.json``."""
    return os.path.splitext(inventory_path)[0] + ".manifest.json"
