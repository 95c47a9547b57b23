# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""`python -m simulator hilink`: a stick in HiLink mode, its web API on loopback; its AT port on a pty once switched."""

from __future__ import annotations

import signal
import threading

from simulator.modem import serve_pty

from .server import serve_hilink
from .stick import HilinkStick


def register(subparsers):
    """Add the `hilink` subcommand."""
    parser = subparsers.add_parser("hilink", help="run a simulated HiLink stick (web API on loopback)")
    parser.add_argument("--model", default="E3272", help="DeviceName (default %(default)s)")
    parser.add_argument("--firmware", default="22.470.07.00.00",
                        help="SoftwareVersion; 22.x and later refuse the switch (default %(default)s)")
    parser.add_argument("--password", help="admin password of the web interface (default: none asked)")
    parser.add_argument("--host", default="127.0.0.1", help="loopback address (default %(default)s)")
    parser.add_argument("--port", type=int, default=0, help="TCP port (default: any free port)")
    parser.add_argument("--link", metavar="PATH", help="symlink to the AT port's pty once the stick shows serial ports")
    parser.set_defaults(func=run)


def run(args) -> int:
    """Print `api HOST:PORT` and `ready`; then `serial USB-ID [pty PATH]` at every re-enumeration."""
    stick = HilinkStick(model=args.model, firmware=args.firmware, password=args.password)
    server = serve_hilink(stick, host=args.host, port=args.port)
    ptys = []

    def enumerated(current):
        if not ptys and current.modem is not None:
            ptys.append(serve_pty(current.modem, link_path=args.link))
        print("serial %s %s" % (current.usb_id, "pty " + ptys[0].path if ptys and ptys[0].path else ""), flush=True)

    stick.add_listener(enumerated)
    stop = threading.Event()
    signal.signal(signal.SIGINT, lambda _signum, _frame: stop.set())
    signal.signal(signal.SIGTERM, lambda _signum, _frame: stop.set())
    print("api %s" % server.address, flush=True)
    print("ready", flush=True)
    while not stop.wait(0.5):
        pass
    server.close()
    for pty in ptys:
        pty.close()
    stick.close()
    return 0
