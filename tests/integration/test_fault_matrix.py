# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The fault matrix: what a task says when the modem or the link misbehaves, over every transport.

One row per fault: how to make the simulated modem misbehave, the task, and what the result must
say. Every row also checks that no secret appears in any output at -vvv, that `changed` is honest
(true once a write may have reached the modem), and what the modem's settings are afterwards.
"""

from __future__ import annotations

import re

import pytest

from conftest import TRANSPORTS, start_target, writes

SECRET = 'p\\a"ss'
PIN = '73905128'
ROAMING_ON = 'AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,'


def stray_final_before(prefix, final='OK'):
    """A modem that sends a stray final result just as it receives a line starting with ``prefix``."""
    def setup(target):
        def listener(line):
            if line.upper().startswith(prefix.upper()):
                target.modem.emit_urc(final)
        target.modem.add_command_listener(listener)
    return setup


def knobs(**values):
    def setup(target):
        for name, value in values.items():
            setattr(target.modem.knobs, name, value)
    return setup


ROWS = [
    # (name, setup, module, args, expectations)
    ('silent modem', knobs(silent=True), 'huawei_at', {'command': 'AT+CSQ', 'timeout': 2},
     dict(failed=True, changed=False, msg=r'Timed out after [0-9.]+s waiting for the answer to AT\+CSQ; received so far', written=[])),
    ('garbage instead of an answer', knobs(garbage=b'\x8f garbage \x8f', garbage_mode='instead', garbage_commands={'AT+CSQ'}),
     'huawei_at', {'command': 'AT+CSQ', 'timeout': 2},
     dict(failed=True, changed=False, msg=r'Timed out after [0-9.]+s .*garbage', written=[])),
    ('a stray OK is not the next answer', stray_final_before('AT+CFUN=9'), 'huawei_at',
     {'commands': ['AT+CGMM', 'AT+CFUN=9', 'AT+CGSN'], 'fail_on_error': False},
     dict(failed=False, results=lambda results, target: (results[1]['ok'] is False and results[2]['lines'] == [target.modem.identity.imei]))),
    ('link gone while a write is answered', knobs(reset_on={'AT^SYSCFGEX='}, reboot_delay=0.3), 'huawei_syscfg', {'roaming': True},
     dict(failed=True, changed=True, msg=r'state is now unknown', roam=1)),
    # The write and its read-back share one line: the modem applies it and the answer never comes.
    ('answer to an applied write never comes', knobs(garbage=b'\r\n', garbage_commands={'AT^SYSCFGEX="'}, garbage_mode='instead'),
     'huawei_syscfg', {'roaming': True, 'timeout': 2},
     dict(failed=True, changed=True, msg=r'Timed out .*state is now unknown', roam=1, written=[ROAMING_ON])),
    ('a write the modem refuses changes nothing', knobs(errors={'AT^SYSCFGEX="': '+CME ERROR: 50'}), 'huawei_syscfg', {'roaming': True},
     dict(failed=True, changed=False, msg=r'failed: the modem answered \+CME ERROR: 50', roam=0)),
    ('password in a dial that never answers', knobs(silent_commands={'AT^NDISDUP'}), 'huawei_connection',
     {'apn': 'internet', 'apn_username': 'user', 'apn_password': SECRET, 'timeout': 2},
     dict(failed=True, changed=True, msg=re.escape('AT^NDISDUP=1,1,"internet","user",********,2'))),
    ('PIN to a SIM that never answers', knobs(sim='pin', silent_commands={'AT+CPIN='}), 'huawei_sim', {'pin': PIN, 'timeout': 2},
     dict(failed=True, changed=True, msg=re.escape('AT+CPIN=********'))),
]


@pytest.mark.parametrize('transport', TRANSPORTS)
@pytest.mark.parametrize('name, setup, module, args, expect', ROWS, ids=[row[0] for row in ROWS])
def test_fault(ansible, serial_modem, router_modem, transport, name, setup, module, args, expect):
    target = start_target(transport, serial_modem, router_modem)
    setup(target)
    hosts, proc = ansible.module(module, dict(target.args, **args), hosts=target.hosts, inventory=target.inventory, extra=['-vvv'])
    result = next(iter(hosts.values()))
    assert bool(result.get('failed')) is expect['failed'], result
    if 'changed' in expect:
        assert bool(result.get('changed')) is expect['changed'], result
    if 'msg' in expect:
        assert re.search(expect['msg'], result['msg'], re.S), result['msg']
    if 'results' in expect:
        assert expect['results'](result['results'], target), result['results']
    if 'written' in expect:
        assert writes(target.log) == expect['written']
    if 'roam' in expect:
        target.modem.wait_ready(10)
        assert target.modem.state.syscfgex.roam == expect['roam']
    output = proc.stdout + proc.stderr
    for secret in (SECRET, 'p\\\\a', 'p\\5Ca', PIN):
        assert secret not in output, secret
