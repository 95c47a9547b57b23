# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The huawei_host role for real, in a throw-away Debian root (not in check mode only).

``make host`` builds the root once (tools/debian_root.sh, debootstrap) and runs these tests; each
test works on its own copy. ansible-playbook reaches the copy through a small chroot connection
(tests/host/connection_plugins), so the modules run on the root's own Python, and the files the
role writes are checked by the programs that will read them, run inside the root:
``udevadm verify`` and ``systemd-analyze verify``. The sysfs tree the role's discovery reads is a
fake one, built inside the root by the unit tests' builder. Nothing outside the copy is written.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / 'tests' / 'integration'))
sys.path.insert(0, str(REPO / 'tests' / 'unit'))
# pylint: disable=wrong-import-position
from conftest import AnsibleRunner, ansible_env  # noqa: E402,F401 pylint: disable=unused-import
from plugins.module_utils._host import layouts  # noqa: E402
from plugins.module_utils._host.fakesys import FakeHost  # noqa: E402

RULES = '/etc/udev/rules.d/70-lte-modem-huawei.rules'
DIAL_CONFIG = '/etc/lte-modem/huawei-dial.conf'
WVDIAL_CONFIG = '/etc/lte-modem/wvdial.conf'
SECRET = 'pa$s "w0rd\\'

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason='chroot needs root')


@pytest.fixture(scope='session')
def debian_root():
    """The root built by tools/debian_root.sh (make host builds it first; built here when missing)."""
    root = Path(os.environ.get('LTE_MODEM_DEBIAN_ROOT', REPO / '.build' / 'debian-root'))
    subprocess.run([str(REPO / 'tools' / 'debian_root.sh'), str(root)], check=True)
    return root


@pytest.fixture
def host(debian_root, tmp_path):
    """A copy of the root, with a fake sysfs (an ME906s in its ECM configuration) below /srv/fake."""
    root = tmp_path / 'root'
    subprocess.run(['cp', '-a', '--reflink=auto', str(debian_root), str(root)], check=True)
    FakeHost(root / 'srv' / 'fake').plug(layouts.ME906S, port='5')
    inventory = tmp_path / 'inventory'
    inventory.write_text('debian ansible_host=%s ansible_connection=test_chroot ansible_python_interpreter=/usr/bin/python3\n' % root)
    return Host(root, inventory)


class Host:
    def __init__(self, root, inventory):
        self.root = root
        self.inventory = inventory

    def path(self, path):
        return self.root / path.lstrip('/')

    def read(self, path):
        return self.path(path).read_text(encoding='utf-8')

    def run(self, *argv):
        return subprocess.run(['chroot', str(self.root)] + list(argv), capture_output=True, text=True, check=False,
                              env={'PATH': '/usr/sbin:/usr/bin:/sbin:/bin', 'LANG': 'C.UTF-8'})


@pytest.fixture
def play(ansible_env, host):
    runner = AnsibleRunner(dict(ansible_env, ANSIBLE_CONNECTION_PLUGINS=str(HERE / 'connection_plugins'), ANSIBLE_PIPELINING='1'))

    def run(check=False, **variables):
        defaults = dict(huawei_host_sysfs_path='/srv/fake/sys', huawei_host_dev_path='/srv/fake/dev')
        tasks, stats, proc = runner.playbook(HERE / 'playbooks' / 'host_role.yml', dict(defaults, **variables), inventory=host.inventory,
                                             check=check, diff=True)
        assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
        # the role's task names, without the role's prefix
        return {name.split(' : ', 1)[-1]: result['debian'] for name, result in tasks}, stats['debian'], proc
    return run


def verified(host, tool, path):
    """Run a validator inside the root on an installed file; its complaints, if any."""
    argv = {'udevadm': ['udevadm', 'verify', '--resolve-names=never', path], 'systemd': ['systemd-analyze', 'verify', path]}[tool]
    result = host.run(*argv)
    complaints = [line for line in (result.stdout + result.stderr).splitlines()
                  if line.strip() and 'proc/' not in line and 'mileage' not in line and 'invocation environment' not in line
                  and 'rules files have been checked' not in line and not line.strip().startswith(('Success:', 'Fail:'))]
    return result.returncode, complaints


def mode_of(host, path):
    return stat.S_IMODE(os.stat(host.path(path)).st_mode)


def test_ndis_with_networkd_installs_valid_files_and_a_second_run_changes_nothing(play, host):
    variables = dict(huawei_host_apn='internet.example', huawei_host_apn_username='edge', huawei_host_apn_password=SECRET)
    results, stats, proc = play(**variables)
    assert stats['changed'] > 0 and stats['failures'] == 0

    rules = host.read(RULES)
    # the ME906s of the fake sysfs: PCUI on interface 4, modem 2, GPS 6 (what huawei_ports found)
    found = rules.split('(found at USB 1-5)')[1].split('\n\n')[0]
    assert 'ENV{ID_VENDOR_ID}=="12d1", ENV{ID_MODEL_ID}=="15c1", ENV{ID_USB_INTERFACE_NUM}=="04", SYMLINK+="huawei-at0"' in found
    assert 'ENV{ID_USB_INTERFACE_NUM}=="02", SYMLINK+="huawei-modem0"' in found
    assert rules.count('ENV{ID_MODEL_ID}=="15c1"') == 3  # the table's own ME906s entry was replaced, not doubled
    assert 'ENV{ID_MODEL_ID}=="1506", ENV{ID_USB_INTERFACE_NUM}=="01", SYMLINK+="huawei-at0"' in rules  # E3272 of the table
    assert 'ATTRS{idVendor}=="12d1", ATTRS{idProduct}=="15c1", ENV{ID_MM_DEVICE_IGNORE}="1"' in rules
    assert verified(host, 'udevadm', RULES) == (0, [])

    unit = '/etc/systemd/system/huawei-dial.service'
    assert 'BindsTo=dev-huawei\\x2dat0.device' in host.read(unit)
    assert verified(host, 'systemd', unit) == (0, [])
    assert host.run('systemctl', 'is-enabled', 'huawei-dial.service', 'systemd-networkd.service').stdout.split() == ['enabled', 'enabled']
    network = host.read('/etc/systemd/network/70-lte-modem-huawei.network')
    assert 'Property=LTE_MODEM_HUAWEI=1' in network and 'DHCP=ipv4' in network and 'RouteMetric=700' in network

    # the credentials: in a file only root reads, never in the output of ansible-playbook
    assert mode_of(host, DIAL_CONFIG) == 0o600
    config = host.read(DIAL_CONFIG)
    assert 'password = %s\n' % SECRET in config and 'apn = internet.example' in config
    assert SECRET not in proc.stdout and json.dumps(SECRET)[1:-1] not in proc.stdout
    assert mode_of(host, '/usr/local/lib/lte-modem/huawei_dial.py') == 0o644
    assert host.run('python3', '/usr/local/lib/lte-modem/huawei_dial.py', '--help').returncode == 0
    # not a live host (no systemd, no udev running in the root): nothing was started
    assert results['Decide whether udev and systemd are told about the changes now']['ansible_facts']['__huawei_host_live'] is False

    dummy, stats, dummy = play(**variables)
    assert stats['changed'] == 0, stats


def test_check_mode_on_a_bare_host_writes_nothing(play, host):
    results, stats, dummy = play(check=True, huawei_host_apn='internet')
    assert stats['changed'] > 0 and stats['failures'] == 0
    assert not host.path(RULES).exists() and not host.path(DIAL_CONFIG).exists()
    assert results['Find the modems and their AT port']['modems'][0]['usb_id'] == '12d1:15c1'


def test_ppp_with_modemmanager_masked_then_no_connection(play, host):
    results, stats, dummy = play(huawei_host_connection='ppp', huawei_host_modemmanager='mask', huawei_host_apn='web.example',
                                 huawei_host_links={'at': 'huawei-at0', 'modem': 'gsm0', 'gps': ''})
    assert stats['failures'] == 0
    wvdial = host.read(WVDIAL_CONFIG)
    assert 'Modem = /dev/gsm0' in wvdial and 'Init2 = AT+CGDCONT=1,"IP","web.example"' in wvdial and 'Auto Reconnect = on' in wvdial
    assert mode_of(host, WVDIAL_CONFIG) == 0o600
    unit = '/etc/systemd/system/huawei-ppp.service'
    assert verified(host, 'systemd', unit) == (0, [])
    rules = host.read(RULES)
    assert 'SYMLINK+="gsm0", TAG+="systemd", ENV{SYSTEMD_WANTS}+="huawei-ppp.service"' in rules
    assert 'huawei-gps0' not in rules and 'ID_MM_DEVICE_IGNORE' not in rules
    assert verified(host, 'udevadm', RULES) == (0, [])
    assert os.readlink(host.path('/etc/systemd/system/ModemManager.service')) == '/dev/null'
    assert not host.path(DIAL_CONFIG).exists()

    dummy, stats, dummy = play(huawei_host_connection='none', huawei_host_modemmanager='mask')
    assert stats['changed'] > 0
    assert not host.path(unit).exists() and not host.path(WVDIAL_CONFIG).exists()
    assert 'SYSTEMD_WANTS' not in host.read(RULES)
    dummy, stats, dummy = play(huawei_host_connection='none', huawei_host_modemmanager='mask')
    assert stats['changed'] == 0, stats


def test_the_machine_running_the_tests_was_not_touched(debian_root):
    for path in (RULES, DIAL_CONFIG, '/etc/systemd/system/huawei-dial.service', '/usr/local/lib/lte-modem'):
        assert not os.path.exists(path), path
    assert shutil.which('chroot')
