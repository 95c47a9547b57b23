# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""One modem, one conversation: five forks changing five fields of one modem all land."""

from __future__ import annotations

import json

import pytest

from conftest import PLAYBOOKS, failed_tasks
from simulator.modem import serve_tcp

# Each fork rewrites the whole ^SYSCFGEX line from its own read; without the per-modem lock the
# last write would undo the others.
FIELDS = [
    {'roaming': True},
    {'mode_order': ['lte']},
    {'bands': ['GSM1800', 'WCDMA_B1']},
    {'lte_bands': ['B3', 'B20']},
    {'service_domain': 'cs_ps'},
]
LANDED = {'acqorder': '03', 'band': 0x400080, 'roam': 1, 'srvdomain': 2, 'lteband': 0x80004}


def inventory(path, conn, variables=None):
    hosts = {'view%d' % index: {'field': field} for index, field in enumerate(FIELDS, 1)}
    group = {'hosts': hosts, 'vars': dict(variables or {}, ansible_connection='local', conn=conn)}
    path.write_text(json.dumps({'all': {'children': {'modem_views': group}}}))
    return path


@pytest.mark.parametrize('reach', ['pty', 'socket', 'routeros_api'])
def test_five_forks_five_fields_all_land(ansible, serial_modem, router_modem, tmp_path, reach):
    if reach == 'routeros_api':
        target = router_modem('ME909u-521')
        conn = dict(target.args('routeros_api'), hostname=target.address)
        modem = target.modem
    else:
        target = serial_modem('ME909u-521')
        modem = target.modem
        conn = {'device': target.device}
        if reach == 'socket':
            server = serve_tcp(modem)
            target.server_for_test = server
            conn = {'device': 'socket://127.0.0.1:%d' % server.port}
    try:
        tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'forks.yml', inventory=inventory(tmp_path / 'inventory.json', conn), extra=['-f', '5'])
    finally:
        if reach == 'socket':
            server.close()
    assert proc.returncode == 0, (failed_tasks(tasks), proc.stdout[-3000:])
    config = modem.state.syscfgex
    assert {name: getattr(config, name) for name in LANDED} == LANDED
    if reach == 'routeros_api':
        assert target.password not in proc.stdout
