# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The data tables, the ^GETPORTMODE parser, and port roles from a port map."""

from __future__ import annotations

import pytest

from ansible_collections.lte.modem.plugins.module_utils._host import sysfs, tables
from ansible_collections.lte.modem.plugins.module_utils._host.discovery import Modem, apply_getportmode, function_role
from ansible_collections.lte.modem.plugins.module_utils._host.probe import parse_getportmode

from . import layouts

# ModemManager's Huawei udev rules, as (triplet, role).
MODEMMANAGER_TRIPLETS = [
    (('ff', '01', '01'), 'modem'), (('ff', '02', '01'), 'modem'),
    (('ff', '01', '02'), 'pcui'), (('ff', '02', '02'), 'pcui'),
    (('ff', '01', '05'), 'gps'), (('ff', '01', '14'), 'gps'), (('ff', '06', '14'), 'gps'),
]


@pytest.mark.parametrize('triplet, role', MODEMMANAGER_TRIPLETS)
def test_modemmanagers_triplets_have_its_roles(triplet, role):
    assert function_role(tables.TRIPLET_FUNCTIONS[triplet]) == role


def test_newer_subclasses_carry_the_setport_code_in_the_protocol():
    assert tables.TRIPLET_FUNCTIONS[('ff', '06', '12')] == 'pcui_4g'
    assert tables.TRIPLET_FUNCTIONS[('ff', '03', '10')] == 'modem_4g'
    assert tables.TRIPLET_FUNCTIONS[('ff', '02', '16')] == 'ncm'
    assert ('ff', 'ff', 'ff') not in tables.TRIPLET_FUNCTIONS


def test_every_usb_id_has_a_state_and_models():
    states = {tables.STATE_SERIAL, tables.STATE_HILINK, tables.STATE_MASS_STORAGE}
    for usb_id, known in tables.USB_IDS.items():
        assert len(usb_id) == 9 and usb_id == usb_id.lower()
        assert known.state in states and known.known_as
    assert set(tables.NO_GETPORTMODE_IDS) <= set(tables.USB_IDS)


def test_every_state_and_situation_has_advice():
    for key in ('no_modem', tables.STATE_MASS_STORAGE, tables.STATE_HILINK, tables.STATE_NETWORK_ONLY,
                'no_tty_driver', 'other_configuration', 'no_at_port', 'busy', 'silent', 'unprobed', 'unavailable', 'several', 'shared_by_id'):
        assert tables.ADVICE[key]


@pytest.mark.parametrize('line, expected', [
    ('^GETPORTMODE: TYPE: WCDMA: huawei,PCUI:0,MDM:1', [('PCUI', 0, 'pcui'), ('MDM', 1, 'modem')]),
    ('^GETPORTMODE: TYPE: WCDMA: huawei,MDM:0,PCUI:1,NDIS:2,CDROM:3,SD:4,',
     [('MDM', 0, 'modem'), ('PCUI', 1, 'pcui'), ('NDIS', 2, 'network'), ('CDROM', 3, 'storage'), ('SD', 4, 'storage')]),
    ('^getportmode:type:WCDMA:Qualcomm,NDIS:0,DIAG:1,PCUI:2,MDM:3,SD:4',
     [('NDIS', 0, 'network'), ('DIAG', 1, 'diag'), ('PCUI', 2, 'pcui'), ('MDM', 3, 'modem'), ('SD', 4, 'storage')]),
    ('^GETPORTMODE: TYPE: WCDMA: ,pcui:1,modem:2,ncm:3,mass:4,mass_two:5,',
     [('pcui', 1, 'pcui'), ('modem', 2, 'modem'), ('ncm', 3, 'network'), ('mass', 4, 'storage'), ('mass_two', 5, 'storage')]),
    ('^GETPORTMODE: TYPE: WCDMA: huawei ,, rndis: 0, pcui: 1, c_shell: 2, a_shell: 3,3g_diag: 4, gps: 5, 4g_diag: 6, mass_two: 7',
     [('rndis', 0, 'network'), ('pcui', 1, 'pcui'), ('c_shell', 2, 'shell'), ('a_shell', 3, 'shell'), ('3g_diag', 4, 'diag'),
      ('gps', 5, 'gps'), ('4g_diag', 6, 'diag'), ('mass_two', 7, 'storage')]),
    ('^GETPORTMODE: TYPE: WCDMA: huawei,,pcui:0,3g_modem:1,ncm:2,mass:3,mass_two:4,BT:5,xyz:6',
     [('pcui', 0, 'pcui'), ('3g_modem', 1, 'modem'), ('ncm', 2, 'network'), ('mass', 3, 'storage'),
      ('mass_two', 4, 'storage'), ('BT', 5, 'bluetooth'), ('xyz', 6, 'unknown')]),
    ('^GETPORTMODE: TYPE: WCDMA: Huawei Technologies Co.,Ltd.,', []),
])
def test_getportmode_variants(line, expected):
    assert [(item['name'], item['number'], item['role']) for item in parse_getportmode([line])] == expected


def unmarked_modem(host):
    host.plug(layouts.UNMARKED_STICK._replace(interfaces=layouts.UNMARKED_STICK.interfaces[:3]))
    [device] = sysfs.usb_devices(host.sys, lambda device: True)
    return Modem(device, host.dev, {}, {})


def test_a_port_map_names_unmarked_ports_in_interface_order(host):
    modem = unmarked_modem(host)
    functions = parse_getportmode(['^GETPORTMODE: TYPE: WCDMA: huawei,MDM:0,NDIS:1,DIAG:2,PCUI:3'])
    assert apply_getportmode(modem, functions) is True
    assert [(port.tty, port.role, port.getportmode_role) for port in modem.ports] == [
        ('ttyUSB0', 'modem', 'modem'), ('ttyUSB1', 'diag', 'diag'), ('ttyUSB2', 'pcui', 'pcui')]


def test_a_port_map_that_does_not_fit_the_ttys_is_not_applied(host):
    modem = unmarked_modem(host)
    assert apply_getportmode(modem, parse_getportmode(['^GETPORTMODE: TYPE: WCDMA: huawei,PCUI:0,MDM:1'])) is False
    assert {port.role for port in modem.ports} == {'unknown'}
