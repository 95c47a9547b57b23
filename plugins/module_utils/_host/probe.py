# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""Ask tty ports whether they speak AT: all at once, each for a short time.

Every port is opened exclusively through the collection's serial transport and asked ``AT`` through
the AT client, so framing, echo and URC handling are the same as for every other command. A silent
port costs ``timeout`` seconds and the ports are probed in parallel threads, so a probe of many
silent ports costs about one ``timeout``, never a command timeout per port.
"""

from __future__ import annotations

import re
import time
from concurrent.futures import ThreadPoolExecutor

from ansible_collections.lte.modem.plugins.module_utils._at.client import AtClient
from ansible_collections.lte.modem.plugins.module_utils._errors import AtTimeoutError, PortBusyError, TransportError
from ansible_collections.lte.modem.plugins.module_utils._host.tables import GETPORTMODE_ROLES, ROLE_UNKNOWN
from ansible_collections.lte.modem.plugins.module_utils._transports.serial import SerialTransport

PROBE_COMMAND = 'AT'
GETPORTMODE_COMMAND = 'AT^GETPORTMODE'
# ModemManager gives ^GETPORTMODE 3 s; it is sent only to a port that has just answered AT.
GETPORTMODE_TIMEOUT = 3.0
MAX_PARALLEL_PROBES = 32
RECEIVED_SHOWN = 200

STATUS_ANSWERED = 'answered'
STATUS_NO_ANSWER = 'no_answer'
STATUS_BUSY = 'busy'
STATUS_UNAVAILABLE = 'unavailable'

_GETPORTMODE_ITEM = re.compile(r'^\s*([A-Za-z0-9_]+)\s*:\s*(\d+)\s*$')


def probe_ports(devices, timeout):
    """Probe every device path at once; return ``{device: outcome}`` (see ``probe_port``)."""
    if not devices:
        return {}
    with ThreadPoolExecutor(max_workers=min(len(devices), MAX_PARALLEL_PROBES)) as pool:
        futures = {device: pool.submit(probe_port, device, timeout) for device in devices}
        return {device: future.result() for device, future in futures.items()}


def probe_port(device, timeout):
    """Open ``device`` exclusively, send ``AT`` and wait at most ``timeout`` seconds for the final result.

    Returns a dict: ``status`` (``answered``, ``no_answer``, ``busy`` or ``unavailable``), ``seconds``,
    and ``final`` (the final result, which may be an error: the port still speaks AT), ``received``
    (what a port sent that was not an answer) or ``error``.
    """
    started = time.monotonic()
    try:
        with SerialTransport(device) as transport:
            result = AtClient(transport).run(PROBE_COMMAND, timeout)
    except AtTimeoutError as exc:
        return _outcome(STATUS_NO_ANSWER, started, received=exc.received[:RECEIVED_SHOWN] or None)
    except TransportError as exc:
        # A port held by another program is reported apart from one that is missing or refused.
        return _outcome(STATUS_BUSY if isinstance(exc, PortBusyError) else STATUS_UNAVAILABLE, started, error=str(exc))
    return _outcome(STATUS_ANSWERED, started, final=result.final)


def _outcome(status, started, **details):
    outcome = dict(status=status, seconds=round(time.monotonic() - started, 3))
    outcome.update((key, value) for key, value in details.items() if value is not None)
    return outcome


def query_getportmode(device):
    """Send ``AT^GETPORTMODE`` on ``device`` and return the AtResult (TransportError, AtTimeoutError)."""
    with SerialTransport(device) as transport:
        return AtClient(transport).run(GETPORTMODE_COMMAND, GETPORTMODE_TIMEOUT)


def parse_getportmode(lines):
    """The functions of a ``^GETPORTMODE`` answer, in the order listed.

    ``^GETPORTMODE: TYPE: WCDMA: huawei,PCUI:0,MDM:1,NDIS:2`` ->
    ``[{'name': 'PCUI', 'number': 0, 'role': 'pcui'}, {'name': 'MDM', 'number': 1, 'role': 'modem'}, ...]``.
    The first comma-separated item holds the prefix, the type and the vendor; items without a
    ``name:number`` shape (an empty vendor, a trailing comma) are passed over. Unknown names have the
    role ``unknown``.
    """
    functions = []
    for line in lines:
        if not line.upper().startswith('^GETPORTMODE:'):
            continue
        for item in line.split(',')[1:]:
            match = _GETPORTMODE_ITEM.match(item)
            if match:
                name, number = match.group(1), int(match.group(2))
                functions.append(dict(name=name, number=number, role=GETPORTMODE_ROLES.get(name.lower(), ROLE_UNKNOWN)))
    return functions
