# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The bad-input matrix: every option of every module, refused before anything is sent.

One row per case: the module, its arguments, the option the message must name, and a part of
the message. Each transport runs every row of its kind in one ansible-playbook run; afterwards the
simulated modem must have received nothing at all and kept every setting.
"""

from __future__ import annotations

import json

import pytest


SECRET = 'p\\a"ss'  # a password that a naive %r or an unescaped quote would expose
ROWS = [
    # (name, module, args, option, part of the message)
    ('connection apn with a semicolon', 'huawei_connection', {'apn': 'inter;net'}, 'apn', 'not allowed'),
    ('connection apn with a quote', 'huawei_connection', {'apn': "in'ternet"}, 'apn', 'not allowed'),
    ('connection apn with a comma', 'huawei_connection', {'apn': 'a,b'}, 'apn', 'not allowed'),
    ('connection apn with a backslash', 'huawei_connection', {'apn': 'a\\b'}, 'apn', 'not allowed'),
    ('connection apn empty', 'huawei_connection', {'apn': ''}, 'apn', 'empty'),
    ('connection apn blank', 'huawei_connection', {'apn': '   '}, 'apn', 'empty'),
    ('connection user empty', 'huawei_connection', {'apn': 'internet', 'apn_username': ''}, 'apn_username', 'empty'),
    ('connection user with LF', 'huawei_connection', {'apn': 'internet', 'apn_username': 'a\nb'}, 'apn_username', 'printable ASCII'),
    ('connection user non-ASCII', 'huawei_connection', {'apn': 'internet', 'apn_username': 'ü'}, 'apn_username', 'printable ASCII'),
    ('connection password with NUL', 'huawei_connection', {'apn': 'internet', 'apn_username': 'u', 'apn_password': SECRET + '\x00'},
     'apn_password', 'printable ASCII'),
    ('connection password blank', 'huawei_connection', {'apn': 'internet', 'apn_username': 'u', 'apn_password': ' '}, 'apn_password', 'empty'),
    ('connection cid 0', 'huawei_connection', {'cid': 0}, 'cid', 'from 1 to 20'),
    ('connection cid 21', 'huawei_connection', {'cid': 21}, 'cid', 'from 1 to 20'),
    ('connection pap without user', 'huawei_connection', {'apn': 'internet', 'auth': 'pap'}, 'apn_username', 'needs a user name'),
    ('connection wait_timeout 0', 'huawei_connection', {'wait_timeout': 0}, 'wait_timeout', 'positive'),
    ('apn empty', 'huawei_apn', {'apn': ''}, 'apn', 'empty'),
    ('apn blank', 'huawei_apn', {'apn': '  '}, 'apn', 'empty'),
    ('apn with a semicolon', 'huawei_apn', {'apn': 'a;+CFUN=0'}, 'apn', 'not allowed'),
    ('apn with a backslash', 'huawei_apn', {'apn': 'a\\b'}, 'apn', 'not allowed'),
    ('apn cid 0', 'huawei_apn', {'cid': 0, 'apn': 'internet'}, 'cid', 'from 1 to 31'),
    ('apn pdp_type ppp', 'huawei_apn', {'apn': 'internet', 'pdp_type': 'ppp'}, 'pdp_type', 'must be one of'),
    ('syscfg unknown LTE band', 'huawei_syscfg', {'lte_bands': ['B3', 'B99']}, 'lte_bands', 'unknown LTE band'),
    ('syscfg unknown band', 'huawei_syscfg', {'bands': ['GSM1800', 'X']}, 'bands', 'unknown GSM/UMTS band'),
    ('syscfg a RAT twice', 'huawei_syscfg', {'mode_order': ['lte', 'lte']}, 'mode_order', 'only once'),
    ('syscfg no_change', 'huawei_syscfg', {'mode_order': ['no_change']}, 'mode_order', 'not a desired state'),
    ('syscfg nothing asked', 'huawei_syscfg', {}, 'roaming', 'one of the following is required'),
    ('port mode without PCUI', 'huawei_port_mode', {'mode': 'FF;10,16'}, 'mode', 'no PCUI'),
    ('port mode malformed', 'huawei_port_mode', {'mode': '10,12'}, 'mode', '<first>;<rewind>'),
    ('port mode wait_timeout 0', 'huawei_port_mode', {'mode': 'FF;10,12', 'wait_timeout': 0}, 'wait_timeout', 'positive'),
    ('radio functionality', 'huawei_radio', {'functionality': 'sideways'}, 'functionality', 'must be one of'),
    ('info unknown subset', 'huawei_info', {'gather_subset': ['rf']}, 'gather_subset', 'choose from'),
    ('at CR in a command', 'huawei_at', {'command': 'AT\rAT+CFUN=0'}, 'command', 'CR at position 2'),
    ('at not AT', 'huawei_at', {'command': 'reboot'}, 'command', 'starts with "AT"'),
    ('at too long', 'huawei_at', {'command': 'AT' + 'X' * 600}, 'command', 'longer than 512'),
    ('at bad entry in a list', 'huawei_at', {'commands': ['AT', 'AT\x1a']}, 'commands[1]', 'Ctrl-Z'),
    ('at command_timeout 0', 'huawei_at', {'command': 'AT', 'command_timeout': 0}, 'command_timeout', 'positive'),
    ('sim pin with a letter', 'huawei_sim', {'pin': '12a4'}, 'pin', '4 to 8 digits'),
    ('sim pin too short', 'huawei_sim', {'pin': '123'}, 'pin', '4 to 8 digits'),
    ('sim pin_lock without pin', 'huawei_sim', {'pin_lock': False}, 'pin', 'missing parameter(s) required by'),
    ('sim keep_attempts negative', 'huawei_sim', {'pin': '1234', 'keep_attempts': -1}, 'keep_attempts', '0 or more'),
    ('timeout 0', 'huawei_info', {'timeout': 0}, 'timeout', 'positive'),
    ('lock_timeout negative', 'huawei_info', {'lock_timeout': -1}, 'lock_timeout', 'positive'),
]
SERIAL_ROWS = [
    ('device with NUL', 'huawei_info', {'device': '/dev/ttyUSB2\x00x'}, 'device', 'control character'),
    ('device missing', 'huawei_info', {'device': None}, 'device', 'needs the path'),
    ('baudrate 0', 'huawei_info', {'baudrate': 0}, 'baudrate', 'positive'),
]
ROUTEROS_ROWS = [
    ('encoding unknown', 'huawei_info', {'encoding': 'no-such-codec'}, 'encoding', 'not a character encoding'),
    ('ca_path missing', 'huawei_info', {'tls': True, 'ca_path': '/nonexistent/ca.pem'}, 'ca_path', 'no such readable file'),
    ('private key missing', 'huawei_info', {'transport': 'routeros_ssh', 'private_key_file': '/nonexistent/key'}, 'private_key_file',
     'no such readable file'),
    ('interface with a semicolon', 'huawei_info', {'interface': 'lte1;/system reboot'}, 'interface', 'name or id of an LTE interface'),
    ('hostname with a space', 'huawei_info', {'hostname': 'router 1'}, 'hostname', 'no spaces'),
    ('port out of range', 'huawei_info', {'port': 70000}, 'port', 'from 1 to 65535'),
]


def playbook(rows, path):
    tasks = [{'name': name, 'lte.modem.%s' % module: args, 'ignore_errors': True} for name, module, args, dummy, dummy in rows]
    play = {'name': 'Bad input', 'hosts': '{{ target_hosts }}', 'gather_facts': False,
            'module_defaults': {'group/lte.modem.modem': '{{ conn }}'}, 'tasks': tasks}
    path.write_text(json.dumps([play]))
    return path


def settings(modem):
    state = modem.state
    return repr((state.syscfgex, state.pdp_contexts, state.setport_current, state.setport_pending, state.rf_software, state.cfun))


@pytest.mark.parametrize('transport', ['serial', 'routeros_api'])
def test_every_bad_input_is_refused_before_anything_is_sent(ansible, serial_modem, router_modem, tmp_path, transport):
    if transport == 'serial':
        target = serial_modem('ME909u-521')
        conn, hosts, inventory, rows = {'device': target.device}, 'localhost', None, ROWS + SERIAL_ROWS
    else:
        target = router_modem('ME909u-521')
        conn, hosts, inventory, rows = target.args('routeros_api'), 'routers', target.inventory, ROWS + ROUTEROS_ROWS
    before = settings(target.modem)
    variables = {'target_hosts': hosts, 'conn': conn}
    if transport == 'serial':
        variables['ansible_connection'] = 'local'
    tasks, stats, proc = ansible.playbook(playbook(rows, tmp_path / 'bad_input.json'), variables, inventory=inventory, extra=['-vvv'])
    results = {name: next(iter(result.values())) for name, result in tasks}
    assert set(results) == {row[0] for row in rows}
    for name, dummy, dummy, option, message in rows:
        result = results[name]
        assert result.get('failed'), (name, result)
        assert option in result['msg'] and message in result['msg'], (name, result['msg'])
        assert not result.get('changed'), name
    assert [line for line in target.log if line != 'ATE0'] == []
    assert settings(target.modem) == before
    output = proc.stdout + proc.stderr
    assert SECRET not in output and 'p\\\\a' not in output
