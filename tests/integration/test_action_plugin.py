# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The action plugin as ansible-playbook drives it, and the modules as AnsiballZ payloads on a managed host."""

from __future__ import annotations

import base64
import io
import re
import zipfile
from pathlib import Path

from conftest import PLAYBOOKS, failed_tasks, results_of, writes

LAYERS = ('_transports/serial.py', '_at/client.py', '_huawei/queries.py', '_tasks/runner.py', '_errors.py', '_poll.py')


def test_module_defaults_check_mode_and_where_a_module_runs(ansible, router_modem):
    router = router_modem('ME909u-521')
    variables = {'password': router.password, 'api_port': router.entry.api_port, 'address': router.address}
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'action_plugin.yml', variables, inventory=router.inventory)
    assert proc.returncode == 0, (failed_tasks(tasks), proc.stdout[-3000:])
    assert writes(router.log) == []
    assert router.password not in proc.stdout + proc.stderr
    results = results_of(tasks)
    # Only a module process reports how it was invoked.
    assert 'invocation' not in results['Group defaults reach every module of the group']
    assert 'invocation' in results['Run the module where the connection points, not in the controller process']


def test_a_serial_module_runs_as_a_module_process_with_every_layer_in_its_payload(ansible, serial_modem, tmp_path):
    modem = serial_modem('ME906s-158')
    remote_tmp = tmp_path / 'remote'
    hosts, proc = ansible.module('huawei_info', {'device': modem.device, 'gather_subset': ['identity']},
                                 env={'ANSIBLE_KEEP_REMOTE_FILES': '1', 'ANSIBLE_REMOTE_TMP': str(remote_tmp)})
    assert proc.returncode == 0, proc.stdout
    assert hosts['localhost']['modem']['identity']['model'] == 'ME906s-158'
    payloads = list(remote_tmp.rglob('AnsiballZ_huawei_info.py'))
    assert len(payloads) == 1, payloads
    names = payload_files(payloads[0])
    for layer in LAYERS:
        assert 'ansible_collections/lte/modem/plugins/module_utils/' + layer in names, layer
    # The payload holds module_utils only: the action plugin stays on the controller.
    assert not [name for name in names if 'plugin_utils' in name]


def payload_files(ansiballz):
    """The files inside the zip that an AnsiballZ wrapper carries."""
    text = Path(ansiballz).read_text(encoding='utf-8')
    # The base64 zip is a string literal named ZIPDATA (ansible-core 2.16-2.18) or zip_data (2.19 and later).
    data = re.search(r'''(?:ZIPDATA|zip_data) ?= ?(?:["']{3}|["'])([A-Za-z0-9+/=\s]+)["']''', text)
    assert data, 'no zip payload in %s' % ansiballz
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(''.join(data.group(1).split())))) as archive:
        return set(archive.namelist())


def test_a_serial_port_named_by_the_inventory(ansible, serial_modem, tmp_path):
    modem = serial_modem('ME906s-158')
    hosts, proc = ansible.module('huawei_info', {'gather_subset': ['identity']}, extra=('-e', 'lte_modem_device=%s' % modem.device))
    assert proc.returncode == 0, proc.stdout
    assert hosts['localhost']['modem']['identity']['model'] == 'ME906s-158'
    # The task's own device wins over the inventory's.
    hosts, proc = ansible.module('huawei_info', {'device': modem.device, 'gather_subset': ['identity']},
                                 extra=('-e', 'lte_modem_device=%s' % (tmp_path / 'no-such-port')))
    assert proc.returncode == 0, proc.stdout
