# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The huawei_host role's dialer: what it reads of ^NDISSTATQRY, what it sends, what it refuses."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

PATH = Path(__file__).resolve().parents[3] / 'roles' / 'huawei_host' / 'files' / 'huawei_dial.py'
SPEC = importlib.util.spec_from_file_location('huawei_dial', PATH)
dial = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(dial)


@pytest.mark.parametrize('lines, expected', [
    (['^NDISSTATQRY: 1,,,"IPV4",0,,,"IPV6"'], {'IPV4': (1, None), 'IPV6': (0, None)}),
    (['^NDISSTATQRY: 1,,,IPV4', '^NDISSTATQRY: 0,33,,IPV6'], {'IPV4': (1, None), 'IPV6': (0, 33)}),
    (['^NDISSTATQRY: 1,1,,,"IPV4",1,0,,,"IPV6"'], {'IPV4': (1, None), 'IPV6': (0, None)}),
    (['^NDISSTATQry:1'], {'IPV4': (1, None)}),
    (['^NDISSTATQRY:0,33,,"IPV4"'], {'IPV4': (0, 33)}),
    (['+CREG: 0,1'], {}),
])
def test_every_ndisstatqry_variant(lines, expected):
    assert dial.parse_ndisstat(lines) == expected


def config(**options):
    values = dict(dial.DEFAULTS, cid=1, check_interval=30, dial_timeout=60, command_timeout=10)
    values.update(options)
    dial.check_config(values)
    return values


def test_the_dial_command_quotes_and_masks():
    assert dial.dial_command(config()) == 'AT^NDISDUP=1,1'
    assert dial.dial_command(config(apn='internet')) == 'AT^NDISDUP=1,1,"internet"'
    secret = config(apn='a.b', username='u', password='p"\\w')
    assert dial.dial_command(secret) == 'AT^NDISDUP=1,1,"a.b","u","p\\22\\5Cw",2'
    assert 'p"' not in dial.dial_command(secret, masked=True) and '"********"' in dial.dial_command(secret, masked=True)
    assert dial.dial_command(config(username='u', password='p', auth='pap')).endswith(',1')


@pytest.mark.parametrize('options', [dict(apn='bad apn'), dict(apn='a;b'), dict(password='line\nbreak'), dict(ip_type='ipx'),
                                     dict(cid=21), dict(dhcp='dhcpcd'), dict(auth='mschap')])
def test_bad_configuration_is_refused(options):
    with pytest.raises(dial.ConfigError):
        config(**options)
