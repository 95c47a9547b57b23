# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Mixed fleets: profiles, foreign SIMs, routers that are down, slow or refuse logins, per-router specs, modem knobs."""

import json
import socket
import time
from collections import Counter

import librouteros
import pytest
import yaml
from librouteros.exceptions import TrapError

from simulator.fleet import Fleet, FleetMix, read_knob, read_knob_assignment
from simulator.fleet.knobs import modem_knob_options

TIMEOUT = 30
ROAM_ON = 'AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,'


def connect(entry, password):
    return librouteros.connect(entry.address, "admin", password, port=entry.api_port, timeout=TIMEOUT)


def at_chat(api, command):
    return tuple(api("/interface/lte/at-chat", number="lte1", input=command))[0]["output"]


def test_plan_is_drawn_from_the_seed():
    mix = FleetMix(profiles="ME909u-521:10,ME906s-158:25%,E3372h-153", foreign_sims="10%", down=2, slow="5%", refuse_login=1,
                   routers={"router07": "foreign-sim,profile=E3531,sim=pin"})
    plans = Fleet(40, base_address="127.0.6.1", mix=mix, seed=11).plan()
    assert plans == Fleet(40, base_address="127.0.6.1", mix=mix, seed=11).plan()
    assert plans != Fleet(40, base_address="127.0.6.1", mix=mix, seed=12).plan()
    assert [plan.name for plan in plans][:2] == ["router01", "router02"] and plans[-1].address == "127.0.6.40"
    without_specs = Fleet(40, base_address="127.0.6.1", mix=FleetMix(profiles=mix.profiles), seed=11).plan()
    assert Counter(plan.profile for plan in without_specs) == {"ME909u-521": 10, "ME906s-158": 10, "E3372h-153": 20}
    assert [plan.profile for plan in plans if plan.name != "router07"] == [plan.profile for plan in without_specs if plan.name != "router07"]
    roles = Counter(plan.role for plan in plans)
    assert roles == {"up": 35, "down": 2, "slow": 2, "refuse-login": 1}
    router07 = plans[6]
    assert router07.profile == "E3531" and router07.foreign_sim and router07.knobs["sim"] == "pin"
    assert 4 <= sum(plan.foreign_sim for plan in plans) <= 5


@pytest.mark.parametrize("mix, message", [
    (FleetMix(profiles="ME909u-521:3,E3372h-153:3"), "gives 6 routers, the fleet has 4"),
    (FleetMix(profiles="NoSuchModem"), "unknown profile"),
    (FleetMix(down=3, slow="50%"), "add up to more routers"),
    (FleetMix(foreign_sims="a lot"), "neither a count nor a percentage"),
    (FleetMix(routers={"router04": "profile=Nope"}), "unknown profile 'Nope'"),
    (FleetMix(routers={"router04": "colour=red"}), "unknown modem knob"),
    (FleetMix(routers={"router04": "sim=lost"}), "sim must be one of"),
])
def test_bad_mixes_are_refused_before_anything_starts(mix, message):
    with pytest.raises(ValueError, match=message):
        Fleet(4, base_address="127.0.6.1", mix=mix).plan()


@pytest.mark.parametrize("text, expected", [
    ("home-network=no", ("home_network", False)),
    ("latency=0.25", ("latency", 0.25)),
    ("urc_interval=none", ("urc_interval", None)),
    ("valid_apns=internet,m2m.example", ("valid_apns", {"internet", "m2m.example"})),
    ("errors={\"AT+CGDCONT=\": \"+CME ERROR: 50\"}", ("errors", {"AT+CGDCONT=": "+CME ERROR: 50"})),
    ("garbage=\x7f~", ("garbage", b"\x7f~")),
    ("rssi=12", ("rssi", 12)),
])
def test_any_knob_can_be_set_from_text(text, expected):
    assert read_knob_assignment(text) == expected


def test_knob_errors_name_the_knob():
    with pytest.raises(ValueError, match="bad value for modem knob latency"):
        read_knob("latency", "slow")
    with pytest.raises(ValueError, match="expected NAME=VALUE"):
        read_knob_assignment("latency")


def test_the_modem_subcommands_knob_options_are_found():
    flags = {flag for option_flags, dummy in modem_knob_options() for flag in option_flags}
    assert {"--roaming-sim", "--sim", "--pin", "--latency", "--valid-apn", "--reboot-delay"} <= flags
    assert not flags & {"--profile", "--seed", "--tcp", "--state-file"}


def test_allow_roaming_for_the_fleet_and_per_router():
    plans = Fleet(3, base_address="127.0.6.1").plan()
    assert [plan.allow_roaming for plan in plans] == [True, True, True]
    plans = Fleet(3, base_address="127.0.6.1", allow_roaming=False, mix=FleetMix(routers={"router02": "foreign-sim,allow-roaming=yes"})).plan()
    assert [plan.allow_roaming for plan in plans] == [False, True, False] and plans[1].foreign_sim


def test_a_router_without_allow_roaming_keeps_its_session_down_while_roaming(tmp_path):
    fleet = Fleet(1, base_address="127.0.6.15", api_port=0, at_chat_wait=0.2, first_chunk_timeout=TIMEOUT, password="sim-pass",
                  knobs={"home_network": False}, allow_roaming=False, workdir=str(tmp_path))
    with fleet:
        api = connect(fleet.routers[0], "sim-pass")
        assert at_chat(api, ROAM_ON) == "OK" and at_chat(api, "AT+CREG?") == "+CREG: 0,5\r\nOK"
        row = tuple(api("/interface/lte/print"))[0]
        assert (row["allow-roaming"], row["running"]) == (False, False)
        tuple(api("/interface/lte/set", **{".id": "lte1", "allow-roaming": True}))
        assert tuple(api("/interface/lte/print"))[0]["running"] is True
        api.close()


def test_foreign_sim_registers_only_once_the_roam_bit_is_on(tmp_path):
    fleet = Fleet(2, base_address="127.0.6.11", api_port=0, at_chat_wait=0.2, first_chunk_timeout=TIMEOUT, password="sim-pass", knobs={"home_network": False},
                  workdir=str(tmp_path))
    with fleet:
        for entry in fleet.routers:
            api = connect(entry, "sim-pass")
            assert at_chat(api, "AT+CREG?") == "+CREG: 0,3\r\nOK"  # denied: the modem's roam bit is off
            assert at_chat(api, ROAM_ON) == "OK"
            assert at_chat(api, "AT+CREG?") == "+CREG: 0,5\r\nOK"  # registered, roaming
            api.close()


def test_roles_over_the_wire_and_in_the_manifest(tmp_path):
    mix = FleetMix(down=1, slow=1, refuse_login=1, foreign_sims=1)
    fleet = Fleet(4, base_address="127.0.6.21", api_port=0, at_chat_wait=0.2, first_chunk_timeout=TIMEOUT, slow_latency=0.5, password="sim-pass",
                  mix=mix, seed=3, workdir=str(tmp_path))
    with fleet:
        inventory = tmp_path / "fleet.yml"
        fleet.write_inventory(str(inventory))
        manifest = json.loads((tmp_path / "fleet.manifest.json").read_text())
        hosts = yaml.safe_load(inventory.read_text())["all"]["children"]["routers"]["hosts"]
        assert list(hosts) == list(manifest["hosts"]) == ["router01", "router02", "router03", "router04"]
        (down,), (slow,), (refusing,) = (fleet.by_role(role) for role in ("down", "slow", "refuse-login"))
        (up,) = fleet.by_role("up")
        assert (manifest["down"], manifest["slow"], manifest["refuse_login"]) == ([down.name], [slow.name], [refusing.name])
        assert manifest["foreign_sim"] == [entry.name for entry in fleet.routers if entry.plan.foreign_sim] and len(manifest["foreign_sim"]) == 1
        assert manifest["hosts"][up.name]["api_port"] == up.api_port and manifest["hosts"][down.name]["api_port"] is None
        with socket.socket() as probe, pytest.raises(ConnectionRefusedError):
            probe.settimeout(TIMEOUT)
            probe.connect((down.address, 8728))
        with pytest.raises(TrapError, match=r"invalid user name or password \(6\)"):
            connect(refusing, "sim-pass")
        api = connect(slow, "sim-pass")
        started = time.monotonic()
        assert at_chat(api, "AT") == "OK"
        assert time.monotonic() - started >= 0.5
        assert at_chat(connect(up, "sim-pass"), "AT") == "OK"
        assert not down.lte.modem_made  # nothing ever asked the down router for its modem
