# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""What a fleet writes: the Ansible inventory (every router, as a real inventory lists them) and a JSON manifest.

The manifest tells tests and benchmarks what to expect of each router::

    {"seed": 7, "inventory": "…/inventory.yml", "routers": 20,
     "down": ["router03"], "slow": ["router11"], "refuse_login": ["router05"], "foreign_sim": ["router07"],
     "allow_roaming_off": [],
     "profiles": {"ME909u-521": ["router01", …], "E3372h-153": […]},
     "hosts": {"router01": {"address": "127.0.0.2", "role": "up", "profile": "ME909u-521", "foreign_sim": false, "allow_roaming": true,
                            "knobs": {…}, "api_port": 8728, "api_tls_port": null, "ssh_port": null}, …}}
"""

from __future__ import annotations

import json
import os
from typing import Any

from .knobs import jsonable

PORT_VARIABLES = (("routeros_api_port", "api_port"), ("routeros_api_tls_port", "api_tls_port"), ("routeros_ssh_port", "ssh_port"))
HEADER = [
    "# Written by `python -m simulator fleet`: simulated MikroTik routers on loopback addresses.",
    "# SIMULATOR CREDENTIALS: routeros_password below is the password of the simulated routers only.",
]


def _shared_ports(fleet) -> dict[str, int]:
    """Port variables that are the same on every router that serves them: group variables."""
    shared = {}
    for variable, attribute in PORT_VARIABLES:
        ports = {getattr(entry, attribute) for entry in fleet.routers} - {None}
        served = [entry for entry in fleet.routers if getattr(entry, attribute) is not None]
        if len(ports) == 1 and len(served) == len(fleet.up_routers()):
            shared[variable] = ports.pop()
    return shared


def _group_vars(fleet, shared: dict[str, int]) -> dict[str, Any]:
    optional = {"routeros_tls_mode": fleet.tls, "routeros_ca_path": fleet.ca_file, "routeros_known_hosts": fleet.known_hosts_file}
    return {
        "ansible_connection": "local",
        "ansible_python_interpreter": "{{ ansible_playbook_python }}",
        "lte_modem_transport": "routeros_api",
        "routeros_username": fleet.username,
        "routeros_password": fleet.password,
        "routeros_interface": "lte1",
        **shared,
        **{key: value for key, value in optional.items() if value},
    }


def inventory_text(fleet) -> str:
    """An Ansible YAML inventory: group ``routers``, hosts ``router01``…, connection data as variables."""
    shared = _shared_ports(fleet)
    lines = HEADER + ["all:", "  children:", "    routers:", "      hosts:"]
    for entry in fleet.routers:
        lines.append(f"        {entry.name}:")
        lines.append(f"          ansible_host: {json.dumps(entry.address)}")
        for variable, attribute in PORT_VARIABLES:
            port = getattr(entry, attribute)
            if variable not in shared and port is not None:
                lines.append(f"          {variable}: {port}")
    lines.append("      vars:")
    lines.extend(f"        {key}: {json.dumps(value)}" for key, value in _group_vars(fleet, shared).items())
    return "\n".join(lines) + "\n"


def manifest(fleet, inventory_path: str) -> str:
    """The manifest as JSON text."""
    hosts = {entry.name: {"address": entry.address, "role": entry.role, "profile": entry.plan.profile, "foreign_sim": entry.plan.foreign_sim,
                          "allow_roaming": entry.plan.allow_roaming, "knobs": jsonable(entry.plan.knobs), "api_port": entry.api_port,
                          "api_tls_port": entry.api_tls_port, "ssh_port": entry.ssh_port}
             for entry in fleet.routers}
    profiles: dict[str, list[str]] = {}
    for entry in fleet.routers:
        profiles.setdefault(entry.plan.profile, []).append(entry.name)
    document = {
        "seed": fleet.seed or 0,
        "inventory": os.path.abspath(inventory_path),
        "routers": len(fleet.routers),
        **{role.replace("-", "_"): [entry.name for entry in fleet.by_role(role)] for role in ("down", "slow", "refuse-login")},
        "foreign_sim": [entry.name for entry in fleet.routers if entry.plan.foreign_sim],
        "allow_roaming_off": [entry.name for entry in fleet.routers if not entry.plan.allow_roaming],
        "profiles": profiles,
        "hosts": hosts,
    }
    return json.dumps(document, indent=1) + "\n"


def write_private(path: str, text: str) -> None:
    """Write a file readable by its owner only (it may hold the simulator password)."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as handle:
        handle.write(text)
