# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""``print detail`` read back into rows, in the variants RouterOS 6 and 7 print, and command lines written and shown."""

from __future__ import annotations

import pytest

from ansible_collections.lte.modem.plugins.module_utils._routeros.cli import command_line, error_of, parse_detail, unescape

V7_LTE = (
    'Flags: X - disabled; R - running \r\n'
    ' 0 R ;;; uplink\r\n'
    '     name="lte1" default-name="lte1" mtu=1500 allow-roaming=no \r\n'
    '     apn-profiles=default,backup band="" network-mode=3g,lte \r\n'
    '     modem-init="AT^SYSCFGEX=\\"00\\",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,," sms-read=no \r\n'
    ' 1 X  name="lte2" mtu=1500 allow-roaming=yes apn-profiles=default band="" \r\n'
    '      network-mode=lte \r\n'
)
V6_LTE = (
    'Flags: X - disabled, R - running\n'
    ' 0  R name=lte1 mtu=1500 mac-address=AC:FF:FF:00:00:00 apn=internet allow-roaming=yes band="" \n'
)
V7_APN = (
    'Flags: * - DEFAULT\r\n'
    ' 0 * name="default" apn="internet" authentication=none ip-type=auto use-network-apn=yes \r\n'
    ' 1   name="Wind Tre" apn="myinternet.wind" authentication=chap user="fleet" password="p\\"w\\\\d\\$" \r\n'
    '     ip-type=ipv4 \r\n'
)


def test_routeros7_detail_with_comment_wrapping_and_escapes():
    rows = parse_detail(V7_LTE)
    assert rows[0] == {
        'disabled': 'false', 'running': 'true', 'comment': 'uplink', 'name': 'lte1', 'default-name': 'lte1', 'mtu': '1500',
        'allow-roaming': 'no', 'apn-profiles': 'default,backup', 'band': '', 'network-mode': '3g,lte',
        'modem-init': 'AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,', 'sms-read': 'no',
    }
    assert (rows[1]['name'], rows[1]['disabled'], rows[1]['running'], rows[1]['network-mode']) == ('lte2', 'true', 'false', 'lte')


def test_routeros6_detail_unquoted_values_and_comma_legend():
    (row,) = parse_detail(V6_LTE)
    assert row['running'] == 'true' and row['name'] == 'lte1' and row['apn'] == 'internet' and row['mac-address'] == 'AC:FF:FF:00:00:00'


def test_apn_profiles_with_upper_case_legend_spaces_and_escaped_password():
    rows = parse_detail(V7_APN)
    assert [row['default'] for row in rows] == ['true', 'false']
    assert rows[1]['name'] == 'Wind Tre' and rows[1]['password'] == 'p"w\\d$' and rows[1]['ip-type'] == 'ipv4'


@pytest.mark.parametrize('text', ['', 'Flags: * - default\r\n', '\r\n'])
def test_no_items(text):
    assert parse_detail(text) == []


@pytest.mark.parametrize('text, value', [
    (r'a\_b', 'a b'), (r'\48\45\4C\4C\4F', 'HELLO'), (r'\?\$\"', '?$"'), ('trailing\\', 'trailing\\'),
])
def test_unescape(text, value):
    assert unescape(text) == value


@pytest.mark.parametrize('text, error', [
    ('bad command name apn (line 1 column 16)\r\n', 'bad command name apn (line 1 column 16)'),
    ('input does not match any value of apn-profiles\r\n', 'input does not match any value of apn-profiles'),
    ('failure: profile with the same name already exists\r\n', 'failure: profile with the same name already exists'),
    ('', None),
    (V7_LTE, None),
])
def test_console_errors(text, error):
    assert error_of(text) == error


def test_command_lines_to_run_and_to_show():
    values = [('apn', 'm2m.example'), ('user', 'fleet'), ('password', 'pa$$ "w?'), ('comment', '')]
    assert command_line(('interface', 'lte', 'apn'), 'set', 'Wind Tre', values) == (
        '/interface lte apn set [find name="Wind Tre"] apn="m2m.example" user="fleet" password="pa\\$\\$ \\"w\\?" comment=""')
    assert command_line(('interface', 'lte', 'apn'), 'set', 'Wind Tre', values, ('password',), shown=True) == (
        '/interface lte apn set [find name="Wind Tre"] apn=m2m.example user=fleet password=******** comment=""')
    assert command_line(('interface', 'lte'), 'print detail without-paging') == '/interface lte print detail without-paging'
