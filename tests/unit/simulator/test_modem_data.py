# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""NDIS data connection, ^NDISSTAT URCs, ^DHCP styles, dial rules (the NO CARRIER and the MikroTik roaming field reports)."""

from __future__ import annotations

import re

import pytest

from modem_terminal import Terminal, wait_for


def connect(term, command="AT^NDISDUP=1,1", until="^NDISSTAT") -> str:
    """Send the dial command; return the answer and the URCs up to the line `until`."""
    return term.until(until.encode(), data=term.raw(command)).decode()


def test_ndis_connect_disconnect_me906s(make_modem):
    modem, term = make_modem("ME906s-158")
    term.raw("ATE0")
    assert term.answer("AT^DHCP?") == ["ERROR"]
    assert term.answer("AT^NDISSTATQRY?") == ['^NDISSTATQRY: 0,,,"IPV4",0,,,"IPV6"', "OK"]
    data = connect(term, 'AT^NDISDUP=1,1,"internet"', '^NDISSTAT: 1,,,"IPV6"\r\n')
    assert data == '\r\nOK\r\n\r\n^NDISSTAT: 1,,,"IPV4"\r\n\r\n^NDISSTAT: 1,,,"IPV6"\r\n'
    assert modem.state.ndis[1].status == "up"
    assert term.answer("AT^NDISSTATQRY?") == ['^NDISSTATQRY: 1,,,"IPV4",1,,,"IPV6"', "OK"]
    dhcp = term.answer("AT^DHCP?")
    assert re.fullmatch(r"\^DHCP: ([0-9a-f]{8},){6}150000000,50000000", dhcp[0])
    assert dhcp[0].split(",")[1] == "fcffffff"
    assert term.answer("AT^DHCPV6?")[0].startswith("^DHCPV6: 2001:db8:")
    assert term.answer("AT+CGACT?") == ["+CGACT: 1,1", "OK"]
    data = connect(term, "AT^NDISDUP=1,0", '^NDISSTAT: 0,,,"IPV6"\r\n')
    assert data == '\r\nOK\r\n\r\n^NDISSTAT: 0,,,"IPV4"\r\n\r\n^NDISSTAT: 0,,,"IPV6"\r\n'
    assert term.answer("AT^NDISDUP=1,0") == ["ERROR"]
    assert term.answer("AT^DHCP?") == ["ERROR"]


def test_dhcp_little_endian_hex_styles(make_modem):
    expected_mask = {"ME906s-158": "fcffffff", "ME909u-521": "0xfcffffff", "E3372h-153": "fcffffff", "E3272": "FCFFFFFF", "E3531": "FCFFFFFF"}
    for profile, mask in expected_mask.items():
        modem, term = make_modem(profile)
        term.raw("ATE0")
        connect(term)
        assert wait_for(lambda: modem.state.ndis[1].status == "up"), profile
        fields = term.answer("AT^DHCP?")[0].split(":", 1)[1].strip().split(",")
        assert fields[1] == mask, profile
        address = modem.data_calls.ipv4["address"]
        text = fields[0].lower().removeprefix("0x").rjust(8, "0")
        assert tuple(int(text[index:index + 2], 16) for index in (6, 4, 2, 0)) == address
        dns = fields[4]
        assert dns.lower().removeprefix("0x") == "d0c0b0a" if profile == "E3272" else dns.lower().endswith("0d0c0b0a")


def test_ndisstatqry_styles(make_modem):
    dummy, term = make_modem("ME909u-521")
    term.raw("ATE0")
    assert term.answer("AT^NDISSTATQRY?") == ["^NDISSTATQRY: 0,,,IPV4", "^NDISSTATQRY: 0,,,IPV6", "OK"]
    dummy, term = make_modem("E3531")
    term.raw("ATE0")
    assert term.answer("AT^NDISSTATQRY?") == ["^NDISSTATQry:0", "OK"]
    assert "^NDISSTAT: 1,,,IPV4" in connect(term, "AT^NDISDUP=1,1", "^NDISSTAT: 1,,,IPV4")
    assert term.answer("AT^NDISSTATQRY?") == ["^NDISSTATQry:1", "OK"]
    dummy, term = make_modem("E3272")
    term.raw("ATE0")
    assert term.answer("AT^NDISSTATQRY?") == ["^NDISSTATQRY: 0,,,IPV4", "OK"]


def test_bad_apn_fails_with_cause_33(make_modem):
    modem, term = make_modem("E3372h-153", valid_apns={"internet"})
    term.raw("ATE0")
    assert "^NDISSTAT: 0,33,,IPV4" in connect(term, 'AT^NDISDUP=1,1,"wrong"', "^NDISSTAT: 0,33,,IPV4")
    assert term.answer("AT^NDISSTATQRY?") == ['^NDISSTATQRY: 0,33,,"IPV4",0,33,,"IPV6"', "OK"]
    term.raw('AT+CGDCONT=1,"IP","Internet"')
    assert "^NDISSTAT: 1,,,IPV4" in connect(term, "AT^NDISDUP=1,1", "^NDISSTAT: 1,,,IPV4")
    assert modem.state.ndis[1].apn == "Internet"


def test_roaming_sim_needs_roam_allowed(make_modem):
    dummy, term = make_modem("ME909u-521", home_network=False)
    term.raw("ATE0")
    assert "^NDISSTAT: 0,111,,IPV4" in connect(term, until="^NDISSTAT: 0,111,,IPV4")
    term.raw('AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,')
    assert "^NDISSTAT: 1,,,IPV4" in connect(term, until="^NDISSTAT: 1,,,IPV4")


def test_radio_off_dial_fails(make_modem):
    modem, term = make_modem("ME906s-158", rf_hardware=False)
    term.raw("ATE0")
    assert term.answer("AT+CSQ") == ["+CSQ: 99,99", "OK"]
    assert term.answer("AT+CREG?") == ["+CREG: 0,2", "OK"]
    assert term.answer("ATD*99#") == ["ERROR"]  # the PCUI beside a modem port does not dial
    modem_port = Terminal(modem.connect("modem"))
    assert modem_port.answer("ATD*99#") == ["NO CARRIER"]
    assert '^NDISSTAT: 0,0,,"IPV4"' in connect(term, until='^NDISSTAT: 0,0,,"IPV4"')
    modem.knobs.rf_hardware = True
    assert '^NDISSTAT: 1,,,"IPV4"' in connect(term, until='^NDISSTAT: 1,,,"IPV4"')


def test_connection_drops_when_radio_goes_off(make_modem):
    modem, term = make_modem("ME906s-158")
    term.raw("ATE0")
    connect(term)
    assert wait_for(lambda: modem.state.ndis[1].status == "up")
    assert b'^NDISSTAT: 0,0,,"IPV4"' in term.until(b'^NDISSTAT: 0,0,,"IPV4"', data=term.raw("AT^RFSWITCH=0"))
    assert modem.state.ndis[1].status == "down"


def test_ndisdup_validation(make_modem):
    dummy, term = make_modem("ME906s-158")
    term.raw("ATE0;+CMEE=1")
    assert term.answer("AT^NDISDUP=1") == ["+CME ERROR: 50"]
    assert term.answer("AT^NDISDUP=0,1") == ["+CME ERROR: 50"]
    assert term.answer("AT^NDISDUP=?") == ["^NDISDUP: (1-20),(0-1)", "OK"]
    assert term.answer("AT^NDISDUP?") == ["OK"]


def test_dial_ppp_connect_and_escape(make_modem):
    dummy, term = make_modem("E3272")
    term.raw("ATE0")
    assert term.answer("ATD*99#") == ["CONNECT 150000000"]
    term.link.write(b"\x7e\xff\x03 ppp frames")  # swallowed: the next bytes are the escape's OK
    term.link.write(b"+++")
    assert term.until(b"OK\r\n") == b"\r\nOK\r\n"
    assert term.answer("ATH") == ["OK"]
    assert term.answer("ATD123;") == ["NO CARRIER"]


@pytest.mark.parametrize("profile", ["ME906s-158", "E3372h-153"])
def test_ipv4_context_brings_up_only_ipv4(make_modem, profile):
    modem, term = make_modem(profile)
    term.raw('ATE0;+CGDCONT=1,"IP","internet"')
    data = connect(term)
    assert "IPV4" in data and "IPV6" not in data
    assert wait_for(lambda: modem.state.ndis[1].status == "up") and modem.state.ndis[1].families == ("IPV4",)
    assert term.answer("AT^DHCPV6?")[0].split(":", 1)[1].strip() == "::,::,::,::,::,::,0,0"  # no IPv6 address
