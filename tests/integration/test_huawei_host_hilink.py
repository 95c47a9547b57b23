# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Out of HiLink mode, end to end: huawei_hilink and the huawei_host role against a simulated HiLink stick.

The stick's web API listens on 127.0.0.5. The fake host's sysfs and /dev follow the stick: each
time it re-enumerates (HiLink 12d1:14dc, serial configuration 12d1:1442 after the switch, stick
12d1:1506 after AT^SETPORT and AT^RESET) a new tree is built with the unit tests' builder and the
host's sysfs and /dev links are swapped to it, as the kernel and udev replace a device; its ttys
are ptys of the stick's simulated modem.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from conftest import PLAYBOOKS, failed_tasks, writes
from simulator.hilink import HilinkStick, serve_hilink
from simulator.hilink.stick import DEBUG_ID, HILINK_ID, STICK_ID

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'unit'))
# pylint: disable=wrong-import-position
from plugins.module_utils._host import layouts  # noqa: E402
from plugins.module_utils._host.fakesys import FakeHost, Layout, interface  # noqa: E402

ADDRESS = '127.0.0.5'
OLD_FIRMWARE = '21.420.07.00.00'
NEW_FIRMWARE = '22.470.07.00.00'

# The E3272 as its three USB identities show it.
E3272_HILINK = Layout('12d1', '14dc', 'HUAWEI Technology', 'HUAWEI Mobile', None, 1, (
    interface(0, '02/06/00', 'cdc_ether', net=True),
    interface(1, '0a/00/00', 'cdc_ether'),
    interface(2, '08/06/50', 'usb-storage'),
))
E3272_SERIAL_MODE = Layout('12d1', '1442', 'HUAWEI Technology', 'HUAWEI Mobile', None, 1, (
    interface(0, 'ff/02/12', 'option', tty=True),
    interface(1, 'ff/02/13', 'option', tty=True),
))
LAYOUTS = {HILINK_ID: (E3272_HILINK, {}), DEBUG_ID: (E3272_SERIAL_MODE, {0: 'pcui', 1: 'diag'}),
           STICK_ID: (layouts.E3272_STICK, {0: 'modem', 1: 'pcui'})}


class StickHost:
    """A host whose sysfs and /dev links point at the tree of the stick's current USB identity."""

    def __init__(self, base, stick):
        self.base = base
        self.sys = str(base / 'sys')
        self.dev = str(base / 'dev')
        self.trees = []
        self.identities = []
        self.replug(stick)
        stick.add_listener(self.replug)

    def replug(self, stick):
        layout, functions = LAYOUTS[stick.usb_id]
        tree = FakeHost(self.base / ('tree%d' % len(self.trees)))
        plugged = tree.plug(layout, port='1.2')
        for number, function in functions.items():
            tree.serve(stick.modem, plugged.tty(number), function)
        self.trees.append(tree)
        self.identities.append(stick.usb_id)
        for name in ('sys', 'dev'):
            link = str(self.base / name)
            os.symlink(getattr(tree, name), link + '.new')
            os.replace(link + '.new', link)

    def close(self):
        for tree in self.trees:
            tree.close()


@pytest.fixture
def hilink_stick(tmp_path):
    """Factory: a simulated HiLink E3272 with ``firmware``, its web API on 127.0.0.5, and the host it is plugged into."""
    made = []

    def start(firmware=OLD_FIRMWARE, password=None):
        stick = HilinkStick(firmware=firmware, password=password, switch_delay=0.2)
        server = serve_hilink(stick, host=ADDRESS)
        host = StickHost(tmp_path, stick)
        made.append((stick, server, host))
        return stick, server, host
    yield start
    for stick, server, host in made:
        server.close()
        host.close()
        stick.close()


def role_vars(server, host):
    return {'huawei_host_sysfs_path': host.sys, 'huawei_host_dev_path': host.dev, 'huawei_host_hilink_switch': True,
            'huawei_host_hilink_address': ADDRESS, 'huawei_host_hilink_port': server.port, 'huawei_host_hilink_wait': 30}


def test_detected_reads_the_stick_and_changes_nothing(ansible, hilink_stick):
    stick, server, dummy = hilink_stick(firmware=NEW_FIRMWARE)
    hosts, proc = ansible.module('huawei_hilink', dict(address=ADDRESS, port=server.port))
    result = hosts['localhost']
    assert proc.returncode == 0, proc.stdout
    assert result['changed'] is False and result['hilink'] is True and result['switchable'] is False
    assert result['device'] == {'model': 'E3272', 'firmware': NEW_FIRMWARE, 'hardware_version': 'CH1E3272SM',
                                'web_ui_version': '17.100.13.01.03'}
    assert stick.switch_requests == 0 and ('GET', '/api/device/information') in server.log


def test_the_role_switches_a_21x_stick_end_to_end_and_a_second_run_changes_nothing(ansible, hilink_stick):
    stick, server, host = hilink_stick(firmware=OLD_FIRMWARE)
    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'host_hilink.yml', role_vars(server, host))
    assert proc.returncode == 0, failed_tasks(tasks) or proc.stdout[-3000:]
    assert host.identities == [HILINK_ID, DEBUG_ID, STICK_ID]
    assert stick.modem.state.setport_current == 'FF;10,12'
    assert [command for command in writes(stick.modem.command_log) if command.startswith(('AT^SETPORT=', 'AT^RESET'))] == \
        ['AT^SETPORT="FF;10,12"', 'AT^RESET']
    found = [result for name, hosts in tasks if name.endswith('Report what the host has now') for result in hosts.values()][0]
    [model] = found['__huawei_host_found_models']
    assert model['usb_id'] == STICK_ID and model['at'] == {'interface': 1} and model['modem'] == {'interface': 0}

    tasks, stats, proc = ansible.playbook(PLAYBOOKS / 'host_hilink.yml', role_vars(server, host))
    assert proc.returncode == 0, failed_tasks(tasks)
    assert stats['localhost']['changed'] == 0 and host.identities[-1] == STICK_ID and stick.switch_requests == 1


def test_22x_firmware_is_refused_before_asking_with_the_way_out(ansible, hilink_stick):
    stick, server, host = hilink_stick(firmware=NEW_FIRMWARE)
    tasks, dummy, proc = ansible.playbook(PLAYBOOKS / 'host_hilink.yml', role_vars(server, host))
    assert proc.returncode != 0
    [failure] = failed_tasks(tasks).values()
    assert 'E3272 firmware 22.470.07.00.00 does not allow the switch' in failure['msg']
    assert 'firmware downgrade to a 21.x release' in failure['msg'] and 'Nothing was changed' in failure['msg']
    assert failure['changed'] is False
    assert stick.switch_requests == 0 and stick.usb_id == HILINK_ID and host.identities == [HILINK_ID]


def test_forced_on_22x_firmware_the_api_refuses_with_100002_and_the_same_way_out(ansible, hilink_stick):
    stick, server, dummy = hilink_stick(firmware=NEW_FIRMWARE)
    hosts, proc = ansible.module('huawei_hilink', dict(address=ADDRESS, port=server.port, state='serial', force=True))
    result = hosts['localhost']
    assert proc.returncode != 0 and result['failed']
    assert result['error_code'] == 100002 and 'answered error 100002' in result['msg'] and 'downgrade' in result['msg']
    assert stick.switch_requests == 1 and stick.usb_id == HILINK_ID


def test_check_mode_asks_nothing(ansible, hilink_stick):
    stick, server, dummy = hilink_stick()
    hosts, proc = ansible.module('huawei_hilink', dict(address=ADDRESS, port=server.port, state='serial'), check=True)
    assert proc.returncode == 0 and hosts['localhost']['changed'] is True and hosts['localhost']['switched'] is True
    assert stick.switch_requests == 0 and not [request for request in server.log if request[0] == 'POST']


def test_a_web_interface_with_a_password_needs_it_and_never_shows_it(ansible, hilink_stick):
    stick, server, dummy = hilink_stick(password='Adm1n"pw')
    hosts, proc = ansible.module('huawei_hilink', dict(address=ADDRESS, port=server.port))
    assert proc.returncode != 0 and 'asks for a login' in hosts['localhost']['msg']
    hosts, proc = ansible.module('huawei_hilink', dict(address=ADDRESS, port=server.port, password='Adm1n"pw', state='serial'))
    assert proc.returncode == 0, proc.stdout
    assert hosts['localhost']['switched'] is True and 'Adm1n' not in proc.stdout
    assert ('POST', '/api/user/login') in server.log and stick.switch_requests == 1


def test_no_web_api_is_no_hilink_stick(ansible):
    hosts, proc = ansible.module('huawei_hilink', dict(address=ADDRESS, port=9, state='serial', timeout=2))
    assert proc.returncode == 0 and hosts['localhost']['hilink'] is False and hosts['localhost']['changed'] is False
