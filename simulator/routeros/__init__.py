# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""RouterOS emulator: API (plain, api-ssl), SSH CLI, LTE interfaces backed by simulated modems."""

from .api_server import ApiServer, serve_api
from .certs import KeyPair, make_ca, make_server_cert
from .cli import Cli
from .errors import CommandError
from .router import SimulatedRouter
from .ssh_server import SshServer, generate_host_key, serve_ssh

__all__ = [
    "ApiServer", "Cli", "CommandError", "KeyPair", "SimulatedRouter", "SshServer",
    "generate_host_key", "make_ca", "make_server_cert", "serve_api", "serve_ssh",
]
