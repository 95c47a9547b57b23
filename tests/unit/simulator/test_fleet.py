# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The simulated fleet: routers on their own loopback addresses, inventory, manifest, known_hosts, CA, CLI start/stop."""

import json
import os
import signal
import socket
import ssl
import subprocess
import sys

import librouteros
import paramiko
import pytest
import yaml

from simulator.fleet import Fleet, main

TIMEOUT = 30
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def free_port(address):
    with socket.socket() as sock:
        sock.bind((address, 0))
        return sock.getsockname()[1]


def refused(address, port):
    with socket.socket() as sock:
        sock.settimeout(TIMEOUT)
        return sock.connect_ex((address, port)) != 0


def check_api(address, port, name, ssl_wrapper=None):
    api = librouteros.connect(address, "admin", "sim-pass", port=port, timeout=TIMEOUT, ssl_wrapper=ssl_wrapper)
    assert tuple(api("/system/identity/print")) == ({"name": name},)
    output = tuple(api("/interface/lte/at-chat", **{".id": "lte1", "input": "AT^SYSCFGEX?", "wait": True}))[0]["output"]
    assert output.startswith("^SYSCFGEX:") and output.endswith("OK")
    api.close()


def check_ssh(address, port, known_hosts):
    client = paramiko.SSHClient()
    client.load_host_keys(known_hosts)
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(address, port=port, username="admin", password="sim-pass", timeout=TIMEOUT, look_for_keys=False, allow_agent=False)
    _stdin, stdout, _stderr = client.exec_command(r'/interface lte at-chat lte1 input="AT+CPIN\?"', timeout=TIMEOUT)
    assert stdout.read() == b"  output: +CPIN: READY\r\n          OK\r\n"
    client.close()


def test_fleet_serves_each_router_and_writes_inventory(tmp_path):
    port = free_port("127.0.0.201")
    fleet = Fleet(3, base_address="127.0.0.201", api_port=port, api_tls_port=0, ssh_port=0, tls="cert", ssh=True,
                  at_chat_wait=0.2, first_chunk_timeout=TIMEOUT, password="sim-pass", state_dir=str(tmp_path / "state"), seed=5)
    with fleet:
        with open(fleet.write_inventory(str(tmp_path / "inventory.yml")), encoding="utf-8") as handle:
            group = yaml.safe_load(handle)["all"]["children"]["routers"]
        assert list(group["hosts"]) == ["router01", "router02", "router03"]
        assert [host["ansible_host"] for host in group["hosts"].values()] == ["127.0.0.201", "127.0.0.202", "127.0.0.203"]
        variables = group["vars"]
        assert variables["routeros_username"] == "admin" and variables["routeros_password"] == "sim-pass"
        assert variables["routeros_api_port"] == port  # same on every address: a group var
        assert "routeros_ssh_port" in group["hosts"]["router02"]  # system-chosen: per host
        assert os.path.isfile(variables["routeros_ca_path"]) and os.path.isfile(variables["routeros_known_hosts"])
        context = ssl.create_default_context(cafile=variables["routeros_ca_path"])
        for name, host in group["hosts"].items():
            address = host["ansible_host"]
            check_api(address, port, name)
            check_api(address, host["routeros_api_tls_port"], name, lambda sock, address=address: context.wrap_socket(sock, server_hostname=address))
            check_ssh(address, host["routeros_ssh_port"], variables["routeros_known_hosts"])
        assert [entry.modem.command_log[0] for entry in fleet.routers] == ["ATE0"] * 3
        workdir = fleet.workdir
    assert all(refused(f"127.0.0.{last}", port) for last in (201, 202, 203))
    assert not os.path.exists(workdir)
    assert not fleet.routers


def test_fleet_refuses_non_loopback_addresses():
    with pytest.raises(ValueError):
        Fleet(2, base_address="10.0.0.1").addresses()
    with pytest.raises(ValueError):
        Fleet(2, base_address="127.255.255.254").addresses()


def test_fleet_releases_addresses_when_a_port_is_taken():
    blocker = socket.socket()
    blocker.bind(("127.0.0.232", 0))
    blocker.listen()
    port = blocker.getsockname()[1]
    with blocker:
        fleet = Fleet(3, base_address="127.0.0.231", api_port=port, at_chat_wait=0.1)
        with pytest.raises(OSError):
            fleet.start()
        assert refused("127.0.0.231", port)


def read_until(process, prefix):
    """Lines printed by the simulator up to the one starting with prefix (all of them if it exits first)."""
    lines = []
    for line in process.stdout:
        lines.append(line.strip())
        if line.startswith(prefix):
            break
    return lines


def test_cli_fleet_runs_until_sigterm(tmp_path):
    inventory = tmp_path / "inventory.yml"
    password_file = tmp_path / "password"
    password_file.write_text("from-file\n")
    command = [sys.executable, "-m", "simulator", "fleet", "--routers", "3", "--base-address", "127.0.0.241", "--api-port", "0",
               "--ssh", "--ssh-port", "0", "--tls", "anon", "--api-tls-port", "0", "--inventory", str(inventory),
               "--password-file", str(password_file), "--at-chat-wait", "0.2", "--first-chunk-timeout", str(TIMEOUT), "--workdir", str(tmp_path / "work"),
               "--roaming-sim", "--router", "router03:down", "--modem-knob", "rssi=25", "--allow-roaming", "no",
               "--router", "router01:allow-roaming=yes"]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        try:
            lines = read_until(process, "manifest:")
            assert "ready" in lines, (lines, process.stderr.read() if process.poll() is not None else "")
            assert lines[-3:] == ["ready", f"inventory: {inventory}", f"manifest: {tmp_path / 'inventory.manifest.json'}"]
            assert "router03: down" in lines and "down: router03" in lines and "foreign-sim: router01 router02 router03" in lines
            assert "allow-roaming=no: router02 router03" in lines
            hosts = yaml.safe_load(inventory.read_text())["all"]["children"]["routers"]
            assert hosts["vars"]["routeros_password"] == "from-file" and hosts["vars"]["lte_modem_transport"] == "routeros_api"
            assert list(hosts["hosts"]) == ["router01", "router02", "router03"]  # the down router is listed too
            manifest = json.loads((tmp_path / "inventory.manifest.json").read_text())
            assert manifest["down"] == ["router03"] and manifest["hosts"]["router02"]["knobs"]["rssi"] == 25
            assert manifest["allow_roaming_off"] == ["router02", "router03"] and manifest["hosts"]["router01"]["allow_roaming"] is True
            host = hosts["hosts"]["router02"]
            api = librouteros.connect(host["ansible_host"], "admin", "from-file", port=host["routeros_api_port"], timeout=TIMEOUT)
            assert tuple(api("/system/identity/print")) == ({"name": "router02"},)
            # --roaming-sim: the foreign SIM is denied while the modem's roam bit is off
            assert tuple(api("/interface/lte/at-chat", number="lte1", input="AT+CREG?"))[0]["output"] == "+CREG: 0,3\r\nOK"
            # --allow-roaming no: the router starts with RouterOS's own setting off
            assert tuple(api("/interface/lte/print", **{".proplist": "allow-roaming"})) == ({"allow-roaming": False},)
            api.close()
        finally:
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=TIMEOUT) == 0


def run_main(arguments):
    """``python -m simulator …`` in this process; its exit code."""
    try:
        return main(arguments)
    except SystemExit as exit_:
        return exit_.code


@pytest.mark.parametrize("subcommand", ["router", "fleet"])
def test_cli_takes_the_modem_knob_options(subcommand, capsys):
    assert run_main([subcommand, "--help"]) == 0
    shown = capsys.readouterr().out
    for option in ("--roaming-sim", "--sim", "--valid-apn", "--latency", "--modem-knob", "--allow-roaming"):
        assert option in shown
    assert ("--login-style" in shown) == (subcommand == "router")


@pytest.mark.parametrize("arguments, message", [
    (["--modem-knob", "colour=red"], "unknown modem knob 'colour'"),
    (["--router", "router09:slow"], "no router named 'router09'"),
    (["--profiles", "ME909u-521:2"], "gives 2 routers, the fleet has 3"),
    (["--down", "4"], "not between 0 and 3 routers"),
    (["--router", "router01:allow-roaming=maybe"], "router01: allow-roaming: 'maybe' is neither yes nor no"),
])
def test_cli_refuses_a_bad_knob_or_mix(arguments, message, capsys):
    assert run_main(["fleet", "--base-address", "127.0.0.245", *arguments]) == 2
    assert message in capsys.readouterr().err
