# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The module boundary: options checked once before anything opens, errors turned into failed tasks."""

from __future__ import annotations

import contextlib
import json

import pytest

from ansible.module_utils import basic

from ansible_collections.lte.modem.plugins.module_utils._errors import AtCommandError, InvalidInputError
from ansible_collections.lte.modem.plugins.module_utils._state.radio import RadioResource
from ansible_collections.lte.modem.plugins.module_utils._tasks.base import resource_task
from ansible_collections.lte.modem.plugins.module_utils._tasks.huawei_at import TASK as AT_TASK
from ansible_collections.lte.modem.plugins.module_utils._tasks.runner import execute, failure, run_module

from ...conftest import TranscriptTransport, ok

RADIO = resource_task(RadioResource())


def params(task, **given):
    values = {name: spec.get('default') for name, spec in task.argument_spec.items()}
    values.update(device='/dev/ttyUSB2', **given)
    return values


class Opener:
    """A transport factory that counts how often it was asked to open."""

    def __init__(self, answers):
        self.transport = TranscriptTransport(answers)
        self.opened = 0

    def __call__(self, params):
        self.opened += 1
        return self.transport


def test_bad_options_are_refused_before_anything_opens():
    opener = Opener({})
    with pytest.raises(InvalidInputError) as caught:
        execute(RADIO, params(RADIO, rf=True, timeout=-1), transport_factory=opener)
    assert caught.value.option == 'timeout' and opener.opened == 0
    with pytest.raises(InvalidInputError) as caught:
        execute(AT_TASK, params(AT_TASK, commands=['AT', 'AT+CFUN=1\r']), transport_factory=opener)
    assert caught.value.option == 'commands[1]' and opener.opened == 0


def test_a_run_returns_the_result_with_the_urcs_and_closes_the_transport():
    opener = Opener({'AT+CFUN?;^RFSWITCH?': '\r\n^RSSI:20\r\n' + ok('+CFUN: 1', '^RFSWITCH: 1,1')})
    result = execute(RADIO, params(RADIO, rf=True), check_mode=True, transport_factory=opener)
    assert result == dict(changed=False, commands=[], before={'rf': 'on', 'rf_hardware': 'on', 'functionality': 'full'},
                          after={'rf': 'on', 'rf_hardware': 'on', 'functionality': 'full'}, urcs=['^RSSI:20'])
    assert opener.transport.closed


def test_a_modem_error_becomes_the_keys_of_a_failed_task():
    opener = Opener({'AT^FOO': '\r\n+CME ERROR: 50\r\n'})
    with pytest.raises(AtCommandError) as caught:
        execute(AT_TASK, params(AT_TASK, command='AT^FOO'), transport_factory=opener)
    keys = failure(caught.value.add_details(exception='traceback text'))
    assert keys['msg'] == 'AT^FOO failed: the modem answered +CME ERROR: 50 (incorrect parameters)'
    assert keys['error_code'] == 50 and keys['command'] == 'AT^FOO' and 'exception' not in keys


@contextlib.contextmanager
def module_args(args, monkeypatch):
    """Give AnsibleModule its arguments, the way the running ansible-core expects them."""
    try:
        from ansible.module_utils.testing import patch_module_args  # ansible-core 2.19 and later
    except ImportError:
        monkeypatch.setattr(basic, '_ANSIBLE_ARGS', json.dumps({'ANSIBLE_MODULE_ARGS': args}).encode())
        yield
        return
    with patch_module_args(args):
        yield


def test_run_module_fails_the_task_with_the_message(capsys, monkeypatch):
    with module_args({'device': '/dev/ttyUSB2', 'rf': True, 'timeout': 0}, monkeypatch), pytest.raises(SystemExit) as caught:
        run_module(RADIO)
    output = json.loads(capsys.readouterr().out)
    assert caught.value.code == 1 and output['failed']
    assert output['msg'] == 'Invalid value for option timeout: 0.0 (must be a positive number of seconds). Nothing was sent to the modem.'
    assert output['option'] == 'timeout'
