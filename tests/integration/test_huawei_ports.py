# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""huawei_ports as a real module process, on fake sysfs trees whose ttys lead to simulated modems."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ansible_collections.lte.modem.plugins.module_utils._at.tables import DEFAULT_COMMAND_TIMEOUT

from conftest import PLAYBOOKS, results_of
from simulator.modem import Knobs, SimulatedModem

# The fake hosts are built by the unit tests' builder, from the same device layouts.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'unit'))
from plugins.module_utils._host import layouts  # noqa: E402 pylint: disable=wrong-import-position
from plugins.module_utils._host.fakesys import FakeHost  # noqa: E402 pylint: disable=wrong-import-position

PROBE_TIMEOUT = 1.0


@pytest.fixture
def me906s_host(tmp_path):
    """A host with a USB serial adapter and an ME906s whose modem and PCUI answer AT; diag, GPS control and GPS stay silent."""
    host = FakeHost(tmp_path)
    modem = SimulatedModem(profile='ME906s-158', knobs=Knobs(), seed=11)
    plugged = host.plug(layouts.ME906S, port='5')
    host.plug(layouts.USB_SERIAL_ADAPTER, port='6')
    for number, function in ((2, 'modem'), (3, 'diag'), (4, 'pcui'), (5, 'gps'), (6, 'gps')):
        host.serve(modem, plugged.tty(number), function)
    yield host, modem
    host.close()
    modem.close()


def test_ad_hoc_finds_the_pcui_well_within_a_command_timeout(ansible, me906s_host):
    host, modem = me906s_host
    hosts, proc = ansible.module('huawei_ports', dict(sysfs_path=host.sys, dev_path=host.dev, probe_timeout=PROBE_TIMEOUT))
    assert proc.returncode == 0, proc.stdout
    result = hosts['localhost']
    assert result['changed'] is False
    assert result['at_port'] == host.by_id('ttyUSB2')
    [found] = result['modems']
    assert [(port['tty'], port['role'], port['probe']['status']) for port in found['ports']] == [
        ('ttyUSB0', 'modem', 'answered'), ('ttyUSB1', 'diag', 'skipped'), ('ttyUSB2', 'pcui', 'answered'),
        ('ttyUSB3', 'gps_control', 'no_answer'), ('ttyUSB4', 'gps', 'skipped')]
    # The silent GPS control port cost one probe timeout, not a command timeout.
    assert PROBE_TIMEOUT <= found['ports'][3]['probe']['seconds'] < DEFAULT_COMMAND_TIMEOUT
    assert result['probe_seconds'] < DEFAULT_COMMAND_TIMEOUT
    assert modem.command_log == ['AT', 'AT']


def test_a_play_feeds_the_at_port_to_huawei_info(ansible, me906s_host):
    host, dummy = me906s_host
    tasks, dummy, proc = ansible.playbook(PLAYBOOKS / 'ports.yml', {'sysfs_path': host.sys, 'dev_path': host.dev})
    assert proc.returncode == 0, proc.stdout
    results = results_of(tasks)
    assert results['Read the modem through the port found']['modem']['identity']['model'] == 'ME906s-158'
    checked = results['Find it again in check mode']
    assert checked['changed'] is False and checked['at_port'] == results['Find the modem\'s AT port']['at_port']
    refused = results['Refuse a sysfs root that does not exist']
    assert refused['failed'] and 'Invalid value for option sysfs_path' in refused['msg'] and refused['option'] == 'sysfs_path'


def test_hilink_and_mass_storage_sticks_get_advice_and_no_port(ansible, tmp_path):
    host = FakeHost(tmp_path)
    host.plug(layouts.E3372H_HILINK, port='1')
    host.plug(layouts.E3372_MASS_STORAGE, port='2')
    hosts, proc = ansible.module('huawei_ports', dict(sysfs_path=host.sys, dev_path=host.dev))
    assert proc.returncode == 0, proc.stdout
    result = hosts['localhost']
    assert result['at_port'] is None and result['probe_seconds'] < PROBE_TIMEOUT  # no port to probe
    assert [modem['state'] for modem in result['modems']] == ['hilink', 'mass_storage']
    assert any('http://192.168.8.1' in advice for advice in result['advice'])
    assert any('usb_modeswitch -v 12d1 -p 1f01 -J' in advice for advice in result['advice'])
