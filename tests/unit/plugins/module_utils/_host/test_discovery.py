# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Classification from sysfs alone (probe=false) on fake trees of real devices' layouts."""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._host.discovery import discover

from . import layouts


def classify(host):
    return discover(host.sys, host.dev, probe=False)


def roles(modem):
    return {port['tty']: port['role'] for port in modem['ports']}


def test_me906s_five_ttys_and_cdc_ether(host):
    host.plug(layouts.ME906S)
    result = classify(host)
    [modem] = result['modems']
    assert (modem['usb_id'], modem['state'], modem['vendor'], modem['known_as']) == ('12d1:15c1', 'serial', 'Huawei', ['ME906s', 'ME909s'])
    assert roles(modem) == {'ttyUSB0': 'modem', 'ttyUSB1': 'diag', 'ttyUSB2': 'pcui', 'ttyUSB3': 'gps_control', 'ttyUSB4': 'gps'}
    pcui = modem['ports'][2]
    assert (pcui['interface'], pcui['class'], pcui['subclass'], pcui['protocol'], pcui['driver'], pcui['function']) == (
        4, 'ff', '06', '12', 'option', 'pcui_4g')
    assert [(port['tty'], port['at_capable']) for port in modem['ports']] == [
        ('ttyUSB0', True), ('ttyUSB1', False), ('ttyUSB2', True), ('ttyUSB3', None), ('ttyUSB4', False)]
    assert modem['network'] == [dict(name='usb0', driver='cdc_ether', protocol='ecm', usb_interface='1-5:2.0', interface=0, control_devices=[])]
    assert result['at_port'] == host.by_id('ttyUSB2') == modem['at_port']
    assert result['at_port'].endswith('/serial/by-id/usb-Huawei_Technologies_Co.__Ltd._HUAWEI_Mobile_0123456789ABCDEF-if04-port0')
    assert result['advice'] == [] and result['probe_seconds'] is None and result['changed'] is False
    assert all(port['probe'] is None for port in modem['ports'])


def test_me909u_521_qualcomm_subclass_01(host):
    host.plug(layouts.ME909U_521)
    [modem] = classify(host)['modems']
    assert roles(modem) == {'ttyUSB0': 'modem', 'ttyUSB1': 'diag', 'ttyUSB2': 'pcui', 'ttyUSB3': 'gps'}
    assert modem['at_port'] == host.by_id('ttyUSB2')
    assert modem['at_port'].endswith('/usb-Huawei_Technologies_Co.__Ltd._HUAWEI_Mobile-if04-port0')


def test_e3372h_stick_ncm_and_two_ttys(host):
    host.plug(layouts.E3372H_STICK)
    [modem] = classify(host)['modems']
    assert (modem['state'], modem['vendor'], modem['manufacturer']) == ('serial', 'Huawei', 'HUAWEI_MOBILE')
    assert roles(modem) == {'ttyUSB0': 'modem', 'ttyUSB1': 'pcui'}
    assert modem['network'] == [dict(name='wwan0', driver='huawei_cdc_ncm', protocol='ncm', usb_interface='1-5:1.2',
                                     interface=2, control_devices=[host.dev + '/cdc-wdm0'])]
    assert [interface['function'] for interface in modem['interfaces']] == ['modem_4g', 'pcui_4g', 'ncm', 'mass_storage', 'mass_storage']
    assert modem['at_port'] == host.by_id('ttyUSB1')


def test_e3372h_in_hilink_mode_says_what_to_do(host):
    host.plug(layouts.E3372H_HILINK)
    result = classify(host)
    [modem] = result['modems']
    assert (modem['state'], modem['vendor'], modem['ports'], result['at_port']) == ('hilink', 'Huawei', [], None)
    assert modem['network'][0]['name'] == 'usb0' and modem['network'][0]['protocol'] == 'ecm'
    [advice] = modem['advice']
    assert 'HiLink' in advice and 'http://192.168.8.1' in advice and '(usb0)' in advice
    assert 'AT^SETPORT="FF;10,12"' in advice and 'lte.modem.huawei_port_mode' in advice
    assert result['advice'] == modem['advice']


def test_e3272_out_of_hilink_has_its_pcui_on_interface_1(host):
    host.plug(layouts.E3272_STICK, port='1.2')
    result = classify(host)
    [modem] = result['modems']
    assert roles(modem) == {'ttyUSB0': 'modem', 'ttyUSB1': 'pcui'}
    assert result['at_port'].endswith('/serial/by-id/usb-HUAWEI_Technology_HUAWEI_Mobile-if01-port0')
    assert modem['network'] == [] and modem['advice'] == []


def test_a_stick_in_mass_storage_mode_needs_a_mode_switch(host):
    host.plug(layouts.E3372_MASS_STORAGE)
    result = classify(host)
    [modem] = result['modems']
    assert (modem['state'], modem['ports'], result['at_port']) == ('mass_storage', [], None)
    assert 'usb_modeswitch -v 12d1 -p 1f01 -J' in modem['advice'][0]


def test_a_host_without_a_modem(host):
    host.plug(layouts.MOUSE_RECEIVER, port='1')
    host.plug(layouts.USB_SERIAL_ADAPTER, port='2')
    result = classify(host)
    assert (result['modems'], result['at_port']) == ([], None)
    assert result['advice'] == ['No Huawei USB modem is attached: no USB device with vendor ID 12d1 or a known ID under '
                                '%s/bus/usb/devices. Check lsusb, the slot or cable, and that the module is not held off by '
                                'its W_DISABLE pin.' % host.sys]


def test_a_host_with_two_modems(host):
    host.plug(layouts.USB_SERIAL_ADAPTER, port='1')
    host.plug(layouts.E3372H_HILINK, port='2')
    host.plug(layouts.ME909U_521, port='4')
    host.plug(layouts.ME906S, port='3')
    result = classify(host)
    assert [(modem['usb_path'], modem['state']) for modem in result['modems']] == [('1-2', 'hilink'), ('1-3', 'serial'), ('1-4', 'serial')]
    me906s, me909u = result['modems'][1:]
    assert result['at_port'] == me906s['at_port'] == host.by_id(me906s['ports'][2]['tty'])
    assert me909u['at_port'] == host.by_id(me909u['ports'][2]['tty']) != me906s['at_port']
    assert '3 modems found; at_port is the one of 12d1:15c1 (ME906s, ME909s) at USB 1-3.' in result['advice'][0]


def test_two_identical_sticks_are_told_apart_by_usb_path(host):
    host.plug(layouts.E3372H_STICK, port='1')
    host.plug(layouts.E3372H_STICK, port='2')
    result = classify(host)
    first, second = result['modems']
    assert first['ports'][1]['by_id'] is None  # udev gave the shared by-id name to the stick that came last
    assert first['at_port'] == host.by_path('ttyUSB1') and first['at_port'].endswith('/by-path/pci-0000:00:14.0-usb-0:1:1.1-port0')
    assert second['at_port'] == host.by_path('ttyUSB3')
    assert any('/dev/serial/by-path' in advice for advice in result['advice'])


def test_hp_lt4132_is_an_me906s_with_hp_ids(host):
    host.plug(layouts.HP_LT4132)
    [modem] = classify(host)['modems']
    assert (modem['usb_id'], modem['vendor'], modem['known_as'], modem['state']) == ('03f0:a31d', 'HP', ['HP lt4132 (ME906s)'], 'serial')
    assert roles(modem) == {'ttyUSB0': 'gps'}
    assert modem['network'][0]['protocol'] == 'mbim'
    assert (modem['configuration'], modem['configurations']) == (3, 3)
    assert modem['advice'] == ['03f0:a31d (HP lt4132 (ME906s)) at USB 1-5: its active USB configuration (3) has no AT '
                               'port, but the device has 3. Choose another as root, for example echo 2 > '
                               '/sys/bus/usb/devices/1-5/bConfigurationValue (ME906s-class modules: 1 and 2 hold the '
                               'serial ports, 3 is MBIM); usb_modeswitch -u <n> in a udev rule makes it last.']


def test_a_composition_without_an_at_port_needs_setport(host):
    host.plug(layouts.HP_LT4132._replace(configurations=1))
    [modem] = classify(host)['modems']
    assert 'no AT port in its USB composition' in modem['advice'][0] and 'AT^SETPORT' in modem['advice'][0]


def test_an_at_interface_without_a_driver_is_reported(host):
    host.plug(layouts.E3372H_STICK_UNBOUND_MODEM)
    [modem] = classify(host)['modems']
    assert roles(modem) == {'ttyUSB0': 'pcui'}
    assert modem['at_port'] == host.by_id('ttyUSB0')
    assert modem['advice'] == ['12d1:1506 (E3372h, E3272, E3276, MU609) at USB 1-5: interface 0 is a modem port but no driver '
                               'serves it (no tty). Load the option driver and give it the ID: modprobe option; echo 12d1 '
                               '1506 > /sys/bus/usb-serial/drivers/option1/new_id']


def test_unmarked_ports_need_a_probe(host):
    host.plug(layouts.UNMARKED_STICK)
    result = classify(host)
    [modem] = result['modems']
    assert set(roles(modem).values()) == {'unknown'} and result['at_port'] is None
    assert modem['state'] == 'serial' and modem['known_as'] == []
    assert 'run with probe=true' in modem['advice'][0]
