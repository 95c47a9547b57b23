# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""huawei_ports' options are checked before anything is read; the host task runs without a transport."""

from __future__ import annotations

import pytest

from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError
from ansible_collections.lte.modem.plugins.module_utils._tasks.huawei_ports import TASK
from ansible_collections.lte.modem.plugins.module_utils._tasks.runner import execute_host

from .._host import layouts


def params(host, **options):
    values = dict(sysfs_path=host.sys, dev_path=host.dev, probe=False, probe_timeout=1.0, getportmode=False)
    values.update(options)
    return values


@pytest.mark.parametrize('options, option', [
    (dict(sysfs_path='missing'), 'sysfs_path'),
    (dict(dev_path='missing'), 'dev_path'),
    (dict(probe=True, probe_timeout=0), 'probe_timeout'),
    (dict(probe=False, getportmode=True), 'getportmode'),
])
def test_bad_options_are_refused_naming_the_option(host, tmp_path, options, option):
    options = {key: str(tmp_path / value) if value == 'missing' else value for key, value in options.items()}
    with pytest.raises(InvalidInputError) as caught:
        execute_host(TASK, params(host, **options))
    assert caught.value.option == option


def test_the_task_runs_on_the_host_and_changes_nothing(host):
    host.plug(layouts.E3272_STICK)
    result = execute_host(TASK, params(host), check_mode=True)
    assert result['changed'] is False and result['at_port'] == host.by_id('ttyUSB1')


def test_the_module_takes_no_transport_options():
    assert set(TASK.argument_spec) == {'sysfs_path', 'dev_path', 'probe', 'probe_timeout', 'getportmode'}
    assert TASK.module_kwargs()['supports_check_mode'] is True
