# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The huawei_host role's dialer as the process systemd runs, against a simulated modem on a pty.

The fake host's ME906s serves its PCUI from the simulated modem, so the dialer finds the modem's
network interface (usb0) from sysfs as it does on a real host. systemd's side (the notify socket
of Type=notify and WatchdogSec=) is a datagram socket the test reads. ``dhcp = none``: no address
is configured anywhere.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from simulator.modem import Knobs, SimulatedModem

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'unit'))
from plugins.module_utils._host import layouts  # noqa: E402 pylint: disable=wrong-import-position
from plugins.module_utils._host.fakesys import FakeHost  # noqa: E402 pylint: disable=wrong-import-position
from ansible_collections.lte.modem.plugins.module_utils._poll import poll_until  # noqa: E402 pylint: disable=wrong-import-position

DIALER = Path(__file__).resolve().parents[2] / 'roles' / 'huawei_host' / 'files' / 'huawei_dial.py'
SECRET = 'se"cr\\et%x'
BOUND = 30  # seconds: a generous bound for every event waited for


def wait_for(predicate, what, timeout=BOUND):
    """The first true value of ``predicate()``: waits for the event, with a generous bound."""
    value = poll_until(lambda: predicate() or None, timeout, 0.05)
    if value is None:
        raise AssertionError('timed out waiting for %s' % what)
    return value


@pytest.fixture
def laptop(tmp_path):
    """An ME906s whose PCUI (ttyUSB2, by-id) is a pty of the simulated modem."""
    host = FakeHost(tmp_path / 'host')
    modem = SimulatedModem(profile='ME906s-158', knobs=Knobs(connect_delay=0.2), seed=3)
    plugged = host.plug(layouts.ME906S, port='5')
    host.serve(modem, plugged.tty(4), 'pcui')
    yield host, modem
    host.close()
    modem.close()


class Dialer:
    """huawei_dial.py with a configuration file, a notify socket and a state file in the test's directory."""

    def __init__(self, directory, host, **options):
        self.directory = directory
        self.state_file = directory / 'state.json'
        self.config = directory / 'huawei-dial.conf'
        settings = dict(device=host.by_id('ttyUSB2'), sysfs=host.sys, dhcp='none', state_file=str(self.state_file),
                        check_interval='1', dial_timeout='10', command_timeout='5')
        settings.update(options)
        self.config.write_text('[modem]\n' + ''.join('%s = %s\n' % item for item in settings.items()), encoding='utf-8')
        os.chmod(self.config, 0o600)
        self.notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.notify.bind(str(directory / 'notify'))
        self.notify.settimeout(BOUND)
        self.process = None

    def run_once(self):
        return subprocess.run([sys.executable, str(DIALER), '--config', str(self.config), '--once'], capture_output=True,
                              text=True, timeout=BOUND, env=self._environment(), check=False)

    def start(self):
        self.process = subprocess.Popen([sys.executable, str(DIALER), '--config', str(self.config)], stderr=subprocess.PIPE, text=True,
                                        env=self._environment())

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        stderr = self.process.communicate(timeout=BOUND)[1]
        return self.process.returncode, stderr

    def _environment(self):
        return dict(os.environ, NOTIFY_SOCKET=str(self.directory / 'notify'))

    def state(self):
        try:
            return json.loads(self.state_file.read_text(encoding='utf-8'))
        except (OSError, ValueError):
            return {}

    def messages(self, until):
        """Datagrams sent to the notify socket, until one contains ``until``."""
        seen = []
        while not any(until in message for message in seen):
            seen.append(self.notify.recv(4096).decode())
        return seen

    def close(self):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.communicate()
        self.notify.close()


@pytest.fixture
def dialer(tmp_path, laptop):
    made = []

    def make(**options):
        made.append(Dialer(tmp_path, laptop[0], **options))
        return made[-1]
    yield make
    for item in made:
        item.close()


def test_dials_with_the_apn_and_credentials_and_finds_the_interface(laptop, dialer):
    dummy, modem = laptop
    run = dialer(apn='internet.example', username='edge', password=SECRET).run_once()
    assert run.returncode == 0, run.stderr
    dials = [line for line in modem.command_log if line.startswith('AT^NDISDUP')]
    assert dials == ['AT^NDISDUP=1,1,"internet.example","edge","se\\22cr\\5Cet%x",2']
    assert 'connected (IPV4 connected' in run.stderr and 'interface usb0' in run.stderr
    assert SECRET not in run.stderr and 'se\\22cr' not in run.stderr and '"********"' in run.stderr


def test_a_second_check_finds_the_link_up_and_does_not_dial(laptop, dialer):
    dummy, modem = laptop
    once = dialer(apn='internet')
    assert once.run_once().returncode == 0
    assert once.run_once().returncode == 0
    assert len([line for line in modem.command_log if line.startswith('AT^NDISDUP')]) == 1
    assert once.state()['state'] == 'connected' and once.state()['interface'] == 'usb0'


def test_as_a_service_it_tells_systemd_and_dials_again_when_the_link_drops(laptop, dialer):
    dummy, modem = laptop
    service = dialer(apn='internet')
    service.start()
    messages = service.messages('READY=1')
    assert any('WATCHDOG=1' in message and 'STATUS=connected on usb0' in message for message in messages)
    wait_for(lambda: service.state().get('state') == 'connected', 'the first connection')

    modem.knobs.coverage = False  # the cell goes away: the modem drops the call (^NDISSTAT: 0,...)
    wait_for(lambda: service.state().get('state') == 'disconnected', 'the dialer to see the drop')
    modem.knobs.coverage = True
    state = wait_for(lambda: service.state().get('state') == 'connected' and service.state(), 'the dialer to dial again')
    assert state['dials'] >= 2

    status, stderr = service.stop()
    assert status == 0, stderr
    assert 'the link dropped' in stderr and 'hung up' in stderr
    assert modem.command_log[-1] == 'AT^NDISDUP=1,0'
    assert service.state()['state'] == 'stopped'


def test_a_refused_call_is_reported_with_its_cause(laptop, dialer):
    dummy, modem = laptop
    modem.knobs.valid_apns = {'internet'}
    refused = dialer(apn='wrong.apn')
    run = refused.run_once()
    assert run.returncode == 0, run.stderr
    assert 'the network refused the call (IPV4 disconnected (cause 33)' in run.stderr
    assert refused.state()['state'] == 'disconnected' and 'cause 33' in refused.state()['error']


def test_a_password_in_a_file_others_can_read_is_refused_and_not_retried(dialer):
    exposed = dialer(apn='internet', password=SECRET)
    os.chmod(exposed.config, 0o644)
    run = exposed.run_once()
    assert run.returncode == 2  # RestartPreventExitStatus=2: systemd does not retry a configuration error
    assert 'must be readable by its owner only' in run.stderr and SECRET not in run.stderr


def test_a_modem_that_is_gone_ends_the_service_for_systemd_to_restart(laptop, dialer):
    host, dummy = laptop
    gone = dialer(apn='internet', device=os.path.join(host.dev, 'huawei-at0'))
    run = gone.run_once()
    assert run.returncode == 1 and 'cannot open' in run.stderr
    assert gone.state()['state'] == 'no_modem'
