# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The SSH CLI emulation: escapes, output layout, login flags, paramiko exec."""

import paramiko
import pytest

from simulator.modem import SimulatedModem
from simulator.routeros import Cli, SimulatedRouter, serve_ssh
from simulator.routeros.cli import CliError, Tokenizer

TIMEOUT = 30
SYSCFGEX = '^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF'


@pytest.fixture(name="modem")
def fixture_modem():
    return SimulatedModem(profile="ME909u-521", seed=1)


@pytest.fixture(name="router")
def fixture_router(modem):
    router = SimulatedRouter(lte={"lte1": modem}, at_chat_wait=0.2, first_chunk_timeout=TIMEOUT)
    yield router
    router.close()


@pytest.mark.parametrize("text, value", [
    (r'"AT^SYSCFGEX\?"', b"AT^SYSCFGEX?"),
    (r'"AT^SYSCFGEX=\"00\",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,"', b'AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,'),
    (r'"a\\b\$c\_d\n\r\t"', b"a\\b$c d\n\r\t"),
    (r'"\48\45\4C\4C\4F"', b"HELLO"),
    (r'"\a\b\f\v"', b"\x07\x08\x0c\x0b"),
    (r'"AT+CUSD=1,\"*245#\",15"', b'AT+CUSD=1,"*245#",15'),
    ("ATG+USBMODE=7", b"ATG+USBMODE=7"),
    ('"Telef\u00f3nica"', "Telef\u00f3nica".encode()),
])
def test_unescaping(text, value):
    token = Tokenizer("input=" + text).tokens()[0]
    assert token.name == "input" and token.value == value


@pytest.mark.parametrize("line, column", [
    ('input="AT"x"', 11), ('input="A$T"', 9), ("input=A$T", 8), ('input="AT', 10), (r'input="\q"', 8), ('input=AT"', 9),
])
def test_syntax_errors(line, column):
    with pytest.raises(CliError, match=rf"^syntax error \(line 1 column {column}\)$"):
        Tokenizer(line).tokens()


@pytest.mark.parametrize("line", [
    r'/interface lte at-chat lte1 input="AT^SYSCFGEX\?"',
    r'/interface/lte/at-chat lte1 input="AT^SYSCFGEX\?"',
    r'interface lte at-chat [find] input="AT^SYSCFGEX\?" wait=yes',
    r'/interface lte at-chat [find name="lte1"] input="AT^SYSCFGEX\?"',
    r'/interface lte at-chat number=lte1 input="AT^SYSCFGEX\?"',
    r'/interface lte at-chat *1 input="AT^SYSCFGEX\?"',
    r'/interface lte at-chat lte1 input="AT^SYSCFGEX?"',
    r'/interface lte at-chat lte1 input="\41\54\5E\53\59\53\43\46\47\45\58\3F"',
])
def test_at_chat_forms(router, line):
    assert Cli(router).run(line) == f"  output: {SYSCFGEX}\r\n          OK\r\n"


def test_cli_errors(router):
    cli = Cli(router)
    assert cli.run('/interface lte at-chatt lte1 input="AT"') == "bad command name at-chatt (line 1 column 16)\r\n"
    assert cli.run('/interface lte at-chat lte2 input="AT"') == "no such item\r\n"
    assert cli.run('/interface lte at-chat lte1 input="AT" foo=bar') == "expected end of command (line 1 column 40)\r\n"
    assert cli.run('/interface lte at-chat lte1 lte2 input="AT"') == "expected end of command (line 1 column 29)\r\n"
    assert cli.run('/interface lte at-chat lte1 input="AT$x"') == "syntax error (line 1 column 38)\r\n"
    router.no_at_chat = True
    assert cli.run('/interface lte at-chat lte1 input="AT"') == "bad command name at-chat (line 1 column 16)\r\n"


def test_v6_layout_and_slash_paths(modem):
    router = SimulatedRouter(version="6.39.2", lte={"lte1": modem}, at_chat_wait=0.2, first_chunk_timeout=TIMEOUT)
    cli = Cli(router)
    # 6.39.2 printed the empty line and "OK" at column 0
    assert cli.run(r'/interface lte at-chat lte1 input="AT^SYSCFGEX\?"') == f"  output: {SYSCFGEX}\r\n\r\nOK\r\n"
    assert cli.run(r'/interface/lte/at-chat lte1 input="AT"').startswith("bad command name interface/lte/at-chat")
    assert "  access-technology: Evolved 3G (LTE)\r\n" in cli.run("/interface lte info lte1 once")


def test_put_as_value(router):
    cli = Cli(router)
    line = r':put ([/interface lte at-chat lte1 input="AT^SYSCFGEX\?" as-value]->"output")'
    assert cli.run(line) == f"{SYSCFGEX}\r\nOK\r\n"
    assert cli.run(r':put [/interface lte at-chat lte1 input="AT" as-value]') == "output=OK\r\n"


def test_other_commands(router):
    cli = Cli(router)
    assert cli.run("/system identity print") == "  name: MikroTik\r\n"
    assert "  version: 7.15.3 (stable)\r\n" in cli.run("/system resource print")
    assert cli.run("/interface lte set lte1 allow-roaming=yes") == ""
    assert "allow-roaming=yes" in cli.run("/interface lte print")
    assert cli.run("/interface lte") == ""


def client_for(known_hosts):
    client = paramiko.SSHClient()
    client.load_host_keys(str(known_hosts))
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    return client


def run(client, command):
    _stdin, stdout, _stderr = client.exec_command(command, timeout=TIMEOUT)
    data = stdout.read()
    return data, stdout.channel.recv_exit_status()


def test_paramiko_exec_with_known_hosts(router, tmp_path, modem):
    with serve_ssh(router) as server:
        known_hosts = tmp_path / "known_hosts"
        known_hosts.write_text(server.known_hosts_line() + "\n")
        client = client_for(known_hosts)
        client.connect(server.host, port=server.port, username="admin+cet512w", password="secret", timeout=TIMEOUT,
                       banner_timeout=TIMEOUT, auth_timeout=TIMEOUT, look_for_keys=False, allow_agent=False)
        assert client.get_transport().remote_version == "SSH-2.0-ROSSSH"
        data, status = run(client, r'/interface lte at-chat lte1 input="AT^SYSCFGEX=\"00\",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,"')
        assert (data, status) == (b"  output: OK\r\n", 0)
        assert modem.command_log[-1] == 'AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,'
        roaming = SYSCFGEX.replace(",0,1,", ",1,1,")
        assert run(client, r'/interface lte at-chat lte1 input="AT^SYSCFGEX\?"') == (f"  output: {roaming}\r\n          OK\r\n".encode(), 0)
        client.close()
        assert router.cli_log[-1] == r'/interface lte at-chat lte1 input="AT^SYSCFGEX\?"'


def test_wrong_host_key_and_password_are_refused(router, tmp_path):
    with serve_ssh(router) as server, serve_ssh(router) as other:
        known_hosts = tmp_path / "known_hosts"
        known_hosts.write_text(other.known_hosts_line().replace(str(other.port), str(server.port)) + "\n")
        with pytest.raises(paramiko.BadHostKeyException):
            client_for(known_hosts).connect(server.host, port=server.port, username="admin", password="secret", timeout=TIMEOUT,
                                            look_for_keys=False, allow_agent=False)
        client = paramiko.SSHClient()
        client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
        with pytest.raises(paramiko.AuthenticationException):
            client.connect(server.host, port=server.port, username="admin", password="nope", timeout=TIMEOUT, look_for_keys=False, allow_agent=False)


def test_public_key_login(router):
    key = paramiko.ECDSAKey.generate()
    router.authorized_keys["admin"] = [paramiko.ECDSAKey(data=key.asbytes())]
    with serve_ssh(router) as server:
        client = paramiko.SSHClient()
        client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
        client.connect(server.host, port=server.port, username="admin+t", pkey=key, timeout=TIMEOUT, look_for_keys=False, allow_agent=False)
        assert run(client, "/system identity print") == (b"  name: MikroTik\r\n", 0)
        client.close()
