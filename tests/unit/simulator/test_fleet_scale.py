# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A large fleet in one process: every router answers at-chat with 20 clients at a time (benchmarks/fleet_scale.py does 1000)."""

import resource
import threading
from concurrent.futures import ThreadPoolExecutor

import librouteros
import pytest

from simulator.fleet import Fleet, raise_open_files_limit

ROUTERS = 200
WORKERS = 20
TIMEOUT = 60


def ask(entry):
    api = librouteros.connect(entry.address, "admin", "sim-pass", port=entry.api_port, timeout=TIMEOUT)
    try:
        return entry.name, tuple(api("/interface/lte/at-chat", number="lte1", input="AT+CGMM"))[0]["output"]
    finally:
        api.close()


def test_every_router_of_a_large_fleet_answers(tmp_path):
    threads_before = set(threading.enumerate())
    fleet = Fleet(ROUTERS, base_address="127.0.7.1", api_port=0, api_tls_port=0, ssh_port=0, at_chat_wait=0.5, first_chunk_timeout=TIMEOUT,
                  password="sim-pass", workdir=str(tmp_path), tls="cert", ssh=True)
    with fleet:
        # listeners share one accepting thread and modems are made on first use: no thread per router yet
        assert len(set(threading.enumerate()) - threads_before) <= 1
        assert not any(entry.lte.modem_made for entry in fleet.routers)
        with ThreadPoolExecutor(WORKERS) as pool:
            answers = dict(pool.map(ask, fleet.routers))
        assert answers == {entry.name: "ME909u-521\r\nOK" for entry in fleet.routers}
    # stopping the fleet stops the modems and the connections' threads too (the shared accepting thread stays)
    left = {thread for thread in set(threading.enumerate()) - threads_before if thread.name != "routeros-acceptor"}
    for thread in left:
        thread.join(TIMEOUT)
    assert not [thread for thread in left if thread.is_alive()]


def test_open_files_limit_is_raised_only_when_needed():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    low = min(256, soft)
    if hard != resource.RLIM_INFINITY and hard <= low:
        pytest.skip("the hard limit of open files leaves nothing to raise")
    resource.setrlimit(resource.RLIMIT_NOFILE, (low, hard))
    try:
        assert raise_open_files_limit(low - 1) == low
        assert raise_open_files_limit(low + 1) > low
        assert resource.getrlimit(resource.RLIMIT_NOFILE)[0] > low
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
