# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The emulator through real pyserial: pty, socket://, reset re-creating the port, lock-out, CLI, state file."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import pytest
import serial

from modem_terminal import TIMEOUT, wait_for, wait_reboot
from simulator.modem import Knobs, SimulatedModem, serve_pty, serve_tcp

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def fast_knobs(**overrides) -> Knobs:
    """Short delays for tests."""
    return Knobs(**{"reboot_delay": 0.05, "connect_delay": 0.05, **overrides})


def exchange(port, command: bytes, timeout=TIMEOUT) -> bytes:
    """Write a command and read until OK/ERROR, from a pyserial port or a simulator link.

    Waiting for the answer matters: like real firmware, the modem drops a line sent while
    a command is still running.
    """
    read = (lambda: port.read(port.in_waiting or 1)) if hasattr(port, "in_waiting") else (lambda: port.read(0.05))
    port.write(command + b"\r")
    deadline = time.monotonic() + timeout
    data = b""
    while time.monotonic() < deadline and not data.endswith((b"OK\r\n", b"ERROR\r\n")):
        data += read()
    return data


def reset_without_waiting_for_ok(port):
    """Send AT^RESET on a pty: the OK may be lost when the pty vanishes before the client reads it, as with a real ttyUSB."""
    try:
        exchange(port, b"AT^RESET")
    except serial.SerialException:
        pass


def disconnected(port) -> bool:
    """True once the far end closed a pyserial socket:// port."""
    try:
        port.read(1)
    except serial.SerialException:
        return True
    return False


@pytest.fixture(name="modem")
def modem_fixture():
    """E3272 with fast reboot."""
    device = SimulatedModem(profile="E3272", knobs=fast_knobs(), seed=3)
    yield device
    device.close()


def test_pyserial_over_pty(modem, tmp_path):
    link_path = str(tmp_path / "gsm0")
    server = serve_pty(modem, link_path=link_path)
    try:
        assert os.path.realpath(link_path) == server.path and server.path.startswith("/dev/pts/")
        with serial.Serial(link_path, 115200, timeout=0.1) as port:
            assert exchange(port, b"AT") == b"AT\r\r\nOK\r\n"
            assert exchange(port, b"AT^FHVER") == b'AT^FHVER\r\r\n^FHVER:"E3272S-153 21.420.07.00.00,CH1E3272SM Ver.A"\r\n\r\nOK\r\n'
            assert exchange(port, b"ATE0").endswith(b"OK\r\n")
        with serial.Serial(server.path, 9600, timeout=0.1) as port:  # reopen: same link, echo still off
            port.reset_input_buffer()
            assert exchange(port, b"AT") == b"\r\nOK\r\n"
    finally:
        server.close()
    assert not os.path.lexists(link_path)


def test_reset_recreates_pty_with_new_path(modem, tmp_path):
    link_path = str(tmp_path / "gsm0")
    server = serve_pty(modem, link_path=link_path)
    try:
        old_path = server.path
        with serial.Serial(old_path, timeout=0.1) as port:
            assert b"OK" in exchange(port, b'AT^SETPORT="FF;10,12"')
            assert b"^SETPORT:A1,A2;12,16,A1,A2" in exchange(port, b"AT^SETPORT?")
            reset_without_waiting_for_ok(port)
            assert wait_for(lambda: server.path is None)
            with pytest.raises(serial.SerialException):
                for dummy in range(100):  # each read waits up to the port's 0.1 s timeout
                    port.read(1)
        assert modem.wait_ready(TIMEOUT) and wait_for(lambda: server.path is not None)
        assert server.path != old_path
        assert os.path.realpath(link_path) == server.path
        with serial.Serial(link_path, timeout=0.1) as port:
            data = exchange(port, b"AT^SETPORT?")
            assert b"^SETPORT:;10,12\r\n" in data
    finally:
        server.close()


def test_lock_out_when_no_at_port_remains(modem, tmp_path):
    link_path = str(tmp_path / "gsm0")
    server = serve_pty(modem, link_path=link_path)
    tcp = serve_tcp(modem)
    try:
        link = modem.connect()
        assert exchange(link, b'AT^SETPORT="FF;16"').endswith(b"OK\r\n")
        link.write(b"AT^RESET\r")
        assert wait_reboot(modem, link)  # ready means every server has followed the reboot
        assert server.path is None and not os.path.lexists(link_path)
        assert not modem.has_at_port
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(tcp.address, timeout=1).close()
        modem.state.setport_current = "FF;12,16"  # the bench fix: reflash the composition
        modem.reset()
        assert wait_reboot(modem, link) and wait_for(lambda: server.path is not None)
        assert wait_for(lambda: os.path.realpath(link_path) == server.path)
    finally:
        server.close()
        tcp.close()


def test_pyserial_socket_url_and_refusal_during_reboot():
    # The reboot must outlast the refused connect below even on a loaded machine.
    device = SimulatedModem(profile="ME909u-521", knobs=fast_knobs(reboot_delay=2.0), seed=4)
    server = serve_tcp(device)
    try:
        url = f"socket://127.0.0.1:{server.port}"
        with serial.serial_for_url(url, timeout=0.1) as port:
            assert exchange(port, b"AT^SYSCFGEX?") == b'AT^SYSCFGEX?\r\r\n^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF\r\n\r\nOK\r\n'
            with serial.serial_for_url(url, timeout=0.1) as second:  # one link per connection
                assert exchange(second, b"ATE0") == b"ATE0\r\r\nOK\r\n"
            assert exchange(port, b"AT") == b"AT\r\r\nOK\r\n"
            assert exchange(port, b"AT^RESET").endswith(b"OK\r\n")
            assert wait_for(lambda: disconnected(port))  # the server stops listening before it drops the connections
            with pytest.raises(ConnectionRefusedError):
                socket.create_connection(server.address, timeout=1).close()
        assert device.wait_ready(TIMEOUT)
        with serial.serial_for_url(url, timeout=0.1) as port:
            assert exchange(port, b"AT") == b"AT\r\r\nOK\r\n"
    finally:
        server.close()
        device.close()


def test_tcp_refuses_non_loopback():
    device = SimulatedModem(knobs=fast_knobs())
    try:
        with pytest.raises(ValueError):
            serve_tcp(device, host="0.0.0.0")
    finally:
        device.close()


def test_servers_do_not_leak_descriptors(modem):
    before = len(os.listdir("/proc/self/fd"))
    for dummy in range(3):
        pty_server = serve_pty(modem)
        tcp_server = serve_tcp(modem)
        with serial.serial_for_url(f"socket://127.0.0.1:{tcp_server.port}", timeout=0.1) as port:
            exchange(port, b"AT")
        pty_server.close()
        tcp_server.close()
    assert wait_for(lambda: len(os.listdir("/proc/self/fd")) <= before)  # connections close in their own threads


def test_state_file_keeps_nvram_and_applies_pending_setport(tmp_path):
    path = str(tmp_path / "modem.json")
    first = SimulatedModem(profile="ME909u-521", knobs=fast_knobs(), state_file=path)
    link = first.connect()
    for command in (b'AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,', b'AT+CGDCONT=1,"IP","fleet.apn"', b'AT^SETPORT="FF;12,16"'):
        assert exchange(link, command).endswith(b"OK\r\n")
    first.close()
    with open(path, encoding="utf-8") as handle:
        saved = json.load(handle)
    assert saved["syscfgex"]["roam"] == 1 and saved["setport_pending"] == "FF;12,16"
    second = SimulatedModem(profile="ME909u-521", knobs=fast_knobs(), state_file=path)
    try:
        assert second.state.syscfgex.roam == 1
        assert second.state.pdp_contexts[1].apn == "fleet.apn"
        assert second.state.setport_current == "FF;12,16" and second.state.setport_pending is None
    finally:
        second.close()


def test_cli_runs_pty_and_tcp_until_sigterm(tmp_path):
    link_path = str(tmp_path / "ttyHUAWEI")
    log_path = str(tmp_path / "commands.log")
    command = [sys.executable, "-m", "simulator", "modem", "--profile", "E3372h-153", "--pty", "--link", link_path,
               "--tcp", "0", "--command-log", log_path, "--reboot-delay", "0.05", "--seed", "9"]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True) as process:
        try:
            lines = []
            while not lines or lines[-1] != "ready":
                lines.append(process.stdout.readline().strip())
            assert lines[0].startswith("pty /dev/pts/") and lines[1] == f"link {link_path}" and lines[2].startswith("tcp 127.0.0.1:")
            with serial.Serial(link_path, timeout=0.1) as port:
                assert exchange(port, b"AT+CGMM") == b"AT+CGMM\r\r\nE3372\r\n\r\nOK\r\n"
            port_number = int(lines[2].rsplit(":", 1)[1])
            with serial.serial_for_url(f"socket://127.0.0.1:{port_number}", timeout=0.1) as port:
                assert b"^SETPORT:A1,A2;12,10,16,A1,A2" in exchange(port, b"AT^SETPORT?")
        finally:
            process.terminate()
            assert process.wait(TIMEOUT) == 0
    assert not os.path.lexists(link_path)
    with open(log_path, encoding="utf-8") as handle:
        assert handle.read() == "AT+CGMM\nAT^SETPORT?\n"


def test_cli_lists_profiles():
    output = subprocess.run([sys.executable, "-m", "simulator", "modem", "--list-profiles"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert [line.split()[0] for line in output.splitlines()] == ["ME906s-158", "ME909s-120", "ME909u-521", "E3372h-153", "E3272", "E3531", "E1752"]


def test_silent_and_modem_ports_of_a_module(modem):
    modem.state.setport_current = "FF;10,12,13,14,16"
    assert modem.available_functions() == ["pcui", "modem", "diag", "gps"]
    gps = modem.connect("gps")
    gps.write(b"AT\r")
    assert gps.read(0.1) == b""
    data_port = serve_pty(modem, function="modem")
    try:
        with serial.Serial(data_port.path, timeout=0.1) as port:
            assert exchange(port, b"AT") == b"AT\r\r\nOK\r\n"
    finally:
        data_port.close()
    with pytest.raises(ConnectionError):
        modem.connect("nmea")


def test_cli_all_ports():
    command = [sys.executable, "-m", "simulator", "modem", "--profile", "ME906s-158", "--all-ports"]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True) as process:
        try:
            lines = []
            while not lines or lines[-1] != "ready":
                lines.append(process.stdout.readline().strip())
        finally:
            process.terminate()
            assert process.wait(TIMEOUT) == 0
    assert [line.split()[0] for line in lines] == ["pty", "pty-modem", "pty-diag", "pty-gps", "ready"]
