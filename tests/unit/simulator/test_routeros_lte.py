# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""RouterOS' own LTE settings and their effect: APN profiles, allow-roaming, modem-init, the router's data session."""

import librouteros
import pytest
from librouteros.exceptions import MultiTrapError, TrapError

from simulator.modem import Knobs, SimulatedModem
from simulator.routeros import Cli, SimulatedRouter, serve_api

TIMEOUT = 30
ROAM_ON = 'AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,'
ROAM_OFF = 'AT^SYSCFGEX="00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF,,'


def make_modem(**knobs):
    return SimulatedModem(profile="ME909u-521", knobs=Knobs(reboot_delay=0.05, **knobs), seed=1)


@pytest.fixture(name="routers")
def fixture_routers():
    """Factory: routers(version=…, **knobs) -> (router, api, modem); everything closed after the test."""
    started = []

    def start(version="7.15.3 (stable)", **knobs):
        modem = make_modem(**knobs)
        router = SimulatedRouter(version=version, lte={"lte1": modem}, at_chat_wait=0.2, first_chunk_timeout=TIMEOUT)
        server = serve_api(router)
        started.append((router, server, modem))
        api = librouteros.connect(server.host, "admin", "secret", port=server.port, timeout=TIMEOUT)
        return router, api, modem

    yield start
    for router, server, modem in started:
        server.close()
        router.close()
        modem.close()


def call(api, path, **arguments):
    return tuple(api(path, **arguments))


def monitor(api):
    return call(api, "/interface/lte/monitor", numbers="lte1", once=True)[0]


def running(api):
    return call(api, "/interface/lte/print")[0]["running"]


def at_chat(api, command):
    return call(api, "/interface/lte/at-chat", number="lte1", input=command)[0]["output"]


def set_lte(api, **settings):
    return call(api, "/interface/lte/set", **{".id": "lte1", **settings})


def test_home_sim_connects_with_the_default_profile(routers):
    dummy, api, dummy = routers()
    row = monitor(api)
    assert (row["status"], row["registration-status"]) == ("connected", "registered")
    assert "session-uptime" in row and running(api) is True


def test_foreign_sim_needs_the_roam_bit_and_allow_roaming(routers):
    dummy, api, modem = routers(home_network=False)
    row = monitor(api)
    assert (row["status"], row["registration-status"], running(api)) == ("searching", "denied", False)
    assert at_chat(api, ROAM_ON) == "OK"
    assert at_chat(api, "AT+CREG?") == "+CREG: 0,5\r\nOK"
    # the modem roams, but a router with allow-roaming=no keeps its data session down
    row = monitor(api)
    assert (row["status"], row["registration-status"], running(api)) == ("registered", "roaming", False)
    set_lte(api, **{"allow-roaming": True})
    assert (monitor(api)["status"], running(api)) == ("connected", True)
    # RouterOS' own allow-roaming does not touch the modem's roam bit
    set_lte(api, **{"allow-roaming": False})
    assert modem.state.syscfgex.roam == 1 and running(api) is False


def test_apn_refused_by_the_network_does_not_connect(routers):
    dummy, api, dummy = routers(valid_apns={"internet"})
    assert running(api) is True
    call(api, "/interface/lte/apn/set", numbers="default", apn="wrong.apn")
    assert (monitor(api)["status"], running(api)) == ("registered", False)
    assert call(api, "/interface/lte/apn/add", name="work", apn="INTERNET") == ({"ret": "*2"},)
    set_lte(api, **{"apn-profiles": "work"})
    assert running(api) is True


def test_apn_profiles_over_the_api(routers):
    dummy, api, dummy = routers()
    (default,) = call(api, "/interface/lte/apn/print")
    assert default[".id"] == "*1" and default["name"] == "default" and default["apn"] == "internet" and default["default"] is True
    assert call(api, "/interface/lte/apn/add", name="m2m", apn="m2m.example", authentication="chap", user="u", password="p") == ({"ret": "*2"},)
    call(api, "/interface/lte/apn/set", **{".id": "*2", "ip-type": "ipv4", "default-route-distance": 5})
    added = call(api, "/interface/lte/apn/print", **{".proplist": "name,apn,authentication,ip-type,default-route-distance,default"})[1]
    assert added == {"name": "m2m", "apn": "m2m.example", "authentication": "chap", "ip-type": "ipv4", "default-route-distance": 5, "default": False}
    for path, arguments, message in (
        ("/interface/lte/apn/add", {"name": "m2m"}, "already exists"),
        ("/interface/lte/apn/add", {"name": "x", "authentication": "md5"}, "invalid value for argument authentication"),
        ("/interface/lte/apn/add", {"name": "x", "colour": "red"}, "unknown parameter"),
        ("/interface/lte/apn/remove", {"numbers": "default"}, "can not remove default profile"),
        ("/interface/lte/set", {".id": "lte1", "apn-profiles": "nope"}, "input does not match any value of apn-profiles"),
        ("/interface/lte/set", {".id": "lte1", "network-mode": "4g"}, "invalid value for argument network-mode"),
    ):
        with pytest.raises(TrapError, match=message):
            call(api, path, **arguments)
    call(api, "/interface/lte/apn/remove", numbers="m2m")
    assert [row["name"] for row in call(api, "/interface/lte/apn/print")] == ["default"]


def test_routeros6_has_the_apn_on_the_interface(routers):
    dummy, api, dummy = routers(version="6.39.2", valid_apns={"internet"})
    with pytest.raises(MultiTrapError, match=r"no such command or directory \(apn\)"):
        call(api, "/interface/lte/apn/print")
    row = call(api, "/interface/lte/print")[0]
    assert row["apn"] == "internet" and "apn-profiles" not in row and row["running"] is True
    set_lte(api, apn="wrong.apn")
    assert running(api) is False


def test_modem_init_runs_at_every_initialisation(routers):
    router, api, modem = routers(home_network=False)
    lte = router.interfaces[0]
    set_lte(api, **{"allow-roaming": True, "modem-init": ROAM_OFF})
    assert modem.command_log[-1] == ROAM_OFF  # the change restarted the interface
    assert at_chat(api, ROAM_ON) == "OK" and running(api) is True
    # disabling and enabling the interface initialises the modem again: modem-init undoes the at-chat change
    set_lte(api, disabled=True)
    assert running(api) is False
    set_lte(api, disabled=False)
    assert modem.state.syscfgex.roam == 0 and running(api) is False
    # so does the modem coming back from a reset, without anyone asking
    assert at_chat(api, ROAM_ON) == "OK"
    done = lte.channel.initialisations
    assert at_chat(api, "AT^RESET") == "OK"
    assert lte.channel.wait_initialised(done + 1, TIMEOUT)
    assert modem.state.syscfgex.roam == 0 and modem.command_log[-2:] == ["ATE0", ROAM_OFF]


def test_modem_is_made_on_first_use():
    made = []

    def factory():
        made.append(make_modem())
        return made[-1]

    router = SimulatedRouter(lte={"lte1": factory}, at_chat_wait=0.2, first_chunk_timeout=TIMEOUT)
    cli = Cli(router)
    try:
        assert cli.run("/interface lte set lte1 comment=spare") == "" and not made
        assert cli.run('/interface lte at-chat lte1 input="AT"') == "  output: OK\r\n" and len(made) == 1
        assert router.interfaces[0].modem is made[0]
    finally:
        router.close()
        for modem in made:
            modem.close()


def test_lte_and_apn_menus_in_the_cli():
    modem = make_modem()
    router = SimulatedRouter(lte={"lte1": modem}, at_chat_wait=0.2, first_chunk_timeout=TIMEOUT)
    cli = Cli(router)
    try:
        assert cli.run('/interface lte apn add name=work apn=corp.example authentication=pap user=fleet password="s3cret"') == ""
        assert cli.run("/interface lte apn set work ip-type=ipv4") == ""
        assert cli.run("/interface lte apn add name=work") == "failure: profile with the same name already exists\r\n"
        printed = cli.run("/interface lte apn print")
        assert printed.startswith("Flags: * - default\r\n 0 * name=default apn=internet ")
        assert " 1   name=work apn=corp.example authentication=pap user=fleet password=s3cret ip-type=ipv4 " in printed
        assert "password=<redacted>" in router.cli_log[0]
        assert cli.run(f'/interface lte set [find name="lte1"] apn-profiles=work modem-init="{ROAM_ON.replace(chr(34), chr(92) + chr(34))}"') == ""
        assert modem.command_log[-1] == ROAM_ON
        printed = cli.run("/interface lte print")
        assert " 0 R name=lte1 mtu=1500 allow-roaming=no apn-profiles=work band=\"\" network-mode=3g,lte " in printed
        assert ' modem-init="AT^SYSCFGEX=\\"00\\",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,," ' in printed
        assert "   status: connected\r\n" in cli.run("/interface lte monitor lte1 once")
        assert cli.run("/interface lte apn remove [find default=no]") == ""
        assert cli.run("/interface lte apn remove default") == "failure: can not remove default profile\r\n"
        # the interface still names the removed profile: no APN to dial
        assert "   status: registered\r\n" in cli.run("/interface lte monitor lte1 once")
    finally:
        router.close()
        modem.close()


def test_print_detail_as_routeros7_prints_it():
    modem = make_modem()
    router = SimulatedRouter(lte={"lte1": modem}, at_chat_wait=0.2, first_chunk_timeout=TIMEOUT, lte_settings={"allow-roaming": "yes"})
    cli = Cli(router)
    try:
        assert cli.run('/interface lte apn add name="Wind Tre" apn=myinternet.wind authentication=chap user=fleet password="p\\"w" comment=backup') == ""
        assert cli.run(f'/interface lte set lte1 comment=uplink modem-init="{ROAM_ON.replace(chr(34), chr(92) + chr(34))}"') == ""
        lines = cli.run("/interface lte print detail without-paging").split("\r\n")
        assert lines[0] == "Flags: X - disabled; R - running "
        assert lines[1] == " 0 R ;;; uplink"
        assert lines[2].startswith('     name="lte1" default-name="lte1" mtu=1500 allow-roaming=yes ')
        # items wrap between properties at 80 columns, continuing under the first property
        assert all(len(line) <= 81 or "modem-init=" in line for line in lines) and lines[3].startswith("     apn-profiles=default ")
        assert '     modem-init="AT^SYSCFGEX=\\"00\\",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,," sms-read=no ' in lines
        printed = cli.run("/interface lte apn print detail")
        assert printed.startswith('Flags: * - default \r\n 0 * name="default" apn="internet" authentication=none ip-type=auto ')
        assert ' 1   ;;; backup\r\n     name="Wind Tre" apn="myinternet.wind" authentication=chap user="fleet" \r\n     password="p\\"w" ' in printed
    finally:
        router.close()
        modem.close()


def test_the_router_can_start_with_its_own_settings():
    modem = make_modem()
    router = SimulatedRouter(lte={"lte1": modem}, at_chat_wait=0.2, lte_settings={"allow-roaming": "no", "comment": "wan"})
    try:
        assert router.interfaces[0].settings["allow-roaming"] == "false" and router.interfaces[0].settings["comment"] == "wan"
        assert not router.interfaces[0].modem_made or modem.command_log == []  # nothing initialised the modem for it
        with pytest.raises(Exception, match="value of allow-roaming must be yes or no"):
            SimulatedRouter(lte={"lte1": modem}, lte_settings={"allow-roaming": "maybe"})
    finally:
        router.close()
        modem.close()
