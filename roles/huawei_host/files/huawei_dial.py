# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""huawei-dial: keep the NDIS data connection of a Huawei modem up, from boot on.

Installed by the lte.modem.huawei_host role and run by its systemd unit; needs nothing but
Python 3's standard library (no Ansible, no pyserial at boot). Every ``check_interval``
seconds it opens the AT port (exclusively, as the collection's modules do, so that they can
use the port between two checks), asks ``AT^NDISSTATQRY?`` and, when the link is down, dials
``AT^NDISDUP=<cid>,1[,"<apn>"[,"<user>","<password>",<auth>]]`` and waits until the modem
reports it connected. Then the modem's network interface gets its address by DHCP:
systemd-networkd does it by itself when the link comes up (``dhcp = networkd``), or the dialer
runs ``dhclient`` on it (``dhcp = dhclient``).

The configuration file holds the APN credentials: it must be readable by root only, and the
password never appears in the log or the state file. Each successful check tells systemd's
watchdog that the modem still answers (``WatchdogSec=``); a modem that stops answering is
restarted with the service. Exit status 2 means a configuration error (not restarted).

    python3 huawei_dial.py --config /etc/lte-modem/huawei-dial.conf         # the service
    python3 huawei_dial.py --config /etc/lte-modem/huawei-dial.conf --once  # one check (and dial), then exit
"""

from __future__ import annotations

import argparse
import configparser
import errno
import fcntl
import json
import os
import re
import select
import signal
import socket
import subprocess
import sys
import termios
import time

FINAL_RESULTS = re.compile(r'^(OK|ERROR|NO CARRIER|COMMAND NOT SUPPORT|TOO MANY PARAMETERS|\+CM[ES] ERROR:.*)$')
NDIS_LINE = re.compile(r'^\^NDISSTAT(?:QRY)?:\s*(.*)$', re.IGNORECASE)
FAMILIES = {'ipv4': ('IPV4',), 'ipv6': ('IPV6',), 'ipv4v6': ('IPV4', 'IPV6')}
AUTH_CODES = {'none': 0, 'pap': 1, 'chap': 2}
APN_RE = re.compile(r'^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$')
DEFAULTS = {
    'device': '/dev/huawei-at0', 'cid': '1', 'apn': '', 'ip_type': 'ipv4', 'username': '', 'password': '', 'auth': '',
    'dhcp': 'networkd', 'interface': '', 'check_interval': '30', 'dial_timeout': '60', 'command_timeout': '10',
    'hangup_on_stop': 'yes', 'sysfs': '/sys', 'state_file': '/run/lte-modem/huawei-dial.json',
    'dhclient': 'dhclient', 'lease_dir': '/var/lib/dhcp',
}


class ConfigError(Exception):
    """The configuration cannot work; the service is not restarted for it."""


class PortError(Exception):
    """The AT port is missing, broken or silent."""


class PortBusy(PortError):
    """Another program holds the AT port right now."""


# ---- configuration ----------------------------------------------------------------------

def load_config(path):
    """The [modem] section of ``path`` with defaults, checked; raises ConfigError."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        with open(path, encoding='utf-8') as handle:
            parser.read_file(handle)
    except (OSError, configparser.Error) as exc:
        raise ConfigError('cannot read %s: %s' % (path, exc)) from None
    config = dict(DEFAULTS)
    if parser.has_section('modem'):
        config.update(parser.items('modem'))
    if config['password'] and os.stat(path).st_mode & 0o077:
        raise ConfigError('%s holds a password and must be readable by its owner only (chmod 600)' % path)
    try:
        for name in ('cid', 'check_interval', 'dial_timeout', 'command_timeout'):
            config[name] = int(config[name])
    except ValueError as exc:
        raise ConfigError('%s: %s' % (path, exc)) from None
    config['hangup_on_stop'] = config['hangup_on_stop'].lower() in ('yes', 'true', '1', 'on')
    check_config(config)
    return config


def check_config(config):
    if config['ip_type'] not in FAMILIES:
        raise ConfigError('ip_type must be one of %s' % ', '.join(FAMILIES))
    if config['dhcp'] not in ('networkd', 'dhclient', 'none'):
        raise ConfigError('dhcp must be networkd, dhclient or none')
    if config['apn'] and (len(config['apn']) > 99 or not APN_RE.match(config['apn'])):
        raise ConfigError('apn %r is not an APN name (letters, digits and hyphens, separated by dots)' % config['apn'])
    if not 1 <= config['cid'] <= 20:
        raise ConfigError('cid must be 1-20')
    auth = config['auth'] or ('chap' if config['username'] or config['password'] else 'none')
    if auth not in AUTH_CODES:
        raise ConfigError('auth must be none, pap or chap')
    config['auth'] = auth
    for name in ('username', 'password'):
        value = config[name]
        if len(value) > 99 or any(ord(char) < 32 or ord(char) > 126 for char in value):
            raise ConfigError('%s must be at most 99 printable ASCII characters' % name)


def quoted(value):
    """An AT string constant: backslash and double quote as the V.250 escapes \\5C and \\22."""
    return '"%s"' % value.replace('\\', '\\5C').replace('"', '\\22')


def dial_command(config, masked=False):
    """``AT^NDISDUP=<cid>,1[,"<apn>"[,"<user>","<password>",<auth>]]`` (the password masked for the log)."""
    parts = ['AT^NDISDUP=%d,1' % config['cid']]
    if config['apn'] or config['auth'] != 'none':
        parts.append(quoted(config['apn']))
    if config['auth'] != 'none':
        password = '"********"' if masked else quoted(config['password'])
        parts.append('%s,%s,%d' % (quoted(config['username']), password, AUTH_CODES[config['auth']]))
    return ','.join(parts)


# ---- the AT port ------------------------------------------------------------------------

class AtPort:
    """One exchange at a time on a tty, opened exclusively (flock, as pyserial's exclusive=True does)."""

    def __init__(self, device):
        try:
            self.fd = os.open(device, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
        except OSError as exc:
            raise PortError('cannot open %s: %s' % (device, exc.strerror)) from None
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(self.fd)
            if exc.errno in (errno.EAGAIN, errno.EWOULDBLOCK):
                raise PortBusy('%s is held by another program' % device) from None
            raise PortError('cannot lock %s: %s' % (device, exc.strerror)) from None
        try:
            attributes = termios.tcgetattr(self.fd)
            attributes[0] = 0                                    # iflag: no translation, no flow control
            attributes[1] = 0                                    # oflag: raw output
            attributes[2] = termios.CS8 | termios.CREAD | termios.CLOCAL
            attributes[3] = 0                                    # lflag: no echo, no canonical mode
            attributes[4] = attributes[5] = termios.B115200
            termios.tcsetattr(self.fd, termios.TCSANOW, attributes)
            termios.tcflush(self.fd, termios.TCIOFLUSH)
        except termios.error:
            pass  # not a real serial line (a pty of a simulator takes it as it is)
        self.pending = b''

    def close(self):
        os.close(self.fd)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def command(self, line, timeout):
        """Send ``line``; return (answer lines without echo, final result). PortError when nothing final comes."""
        try:
            os.write(self.fd, line.encode('ascii') + b'\r')
        except OSError as exc:
            raise PortError('cannot write to the AT port: %s' % exc.strerror) from None
        lines = []
        deadline = time.monotonic() + timeout
        while True:
            for text in self._lines(deadline):
                if text == line or not text:
                    continue  # echo, empty lines
                if FINAL_RESULTS.match(text):
                    return lines, text
                lines.append(text)

    def _lines(self, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise PortError('no final result from the AT port')
        readable = select.select([self.fd], [], [], remaining)[0]
        if not readable:
            raise PortError('no final result from the AT port')
        try:
            chunk = os.read(self.fd, 4096)
        except OSError as exc:
            if exc.errno == errno.EAGAIN:
                return []
            raise PortError('the AT port broke: %s' % exc.strerror) from None
        if not chunk:
            raise PortError('the AT port closed')
        self.pending += chunk
        *complete, self.pending = re.split(rb'\r\n|\r|\n', self.pending)
        return [part.decode('ascii', 'replace').strip() for part in complete]


def parse_ndisstat(lines):
    """``^NDISSTATQRY:`` lines -> {family: (stat, error)}; every firmware variant: one line or one per
    family, quoted or not, a leading <cid>, or no family at all (``^NDISSTATQry:1``, IPv4)."""
    families = {}
    for line in lines:
        match = NDIS_LINE.match(line)
        if not match:
            continue
        fields = [field.strip().strip('"') for field in match.group(1).split(',')]
        group = []
        for field in fields:
            group.append(field)
            if field.upper() in ('IPV4', 'IPV6', 'IPV4V6'):
                families[field.upper()] = _ndis_group(group[:-1])
                group = []
        if group and not families:
            families['IPV4'] = _ndis_group(group)
    return families


def _ndis_group(values):
    if len(values) == 4:
        values = values[1:]  # <cid> first
    stat = int(values[0]) if values and values[0].isdigit() else 0
    error = int(values[1]) if len(values) > 1 and values[1].isdigit() else None
    return stat, error


# ---- the network interface ------------------------------------------------------------

def modem_interface(device, sysfs):
    """The network interface of the USB device the AT port belongs to (from sysfs), or None."""
    path, tty = device, None
    for dummy in range(10):  # follow the links (/dev/huawei-at0 -> ttyUSB2) to a name sysfs knows
        name = os.path.basename(path)
        if os.path.exists(os.path.join(sysfs, 'class', 'tty', name)):
            tty = name
            break
        if not os.path.islink(path):
            break
        path = os.path.join(os.path.dirname(path), os.readlink(path))
    if tty is None:
        return None
    node = os.path.realpath(os.path.join(sysfs, 'class', 'tty', tty))
    while node != os.path.dirname(node):
        if os.path.exists(os.path.join(node, 'idVendor')):
            for interface in sorted(os.listdir(node)):
                net = os.path.join(node, interface, 'net')
                if os.path.isdir(net) and os.listdir(net):
                    return sorted(os.listdir(net))[0]
            return None
        node = os.path.dirname(node)
    return None


class Dhcp:
    """What brings the address onto the interface once the modem is connected."""

    def __init__(self, config, log):
        self.config = config
        self.log = log
        self.running_on = None

    def up(self, interface):
        if self.config['dhcp'] != 'dhclient' or interface is None:
            if self.config['dhcp'] == 'networkd':
                self.log('systemd-networkd configures %s by DHCP now that it has a carrier' % (interface or 'the interface'))
            return
        self.log('dhclient on %s' % interface)
        self._run(['-1'] + self._files(interface) + [interface])
        self.running_on = interface

    def down(self):
        if self.running_on is not None:
            self.log('releasing the DHCP lease of %s' % self.running_on)
            self._run(['-r'] + self._files(self.running_on) + [self.running_on])
            self.running_on = None

    def _files(self, interface):
        return ['-pf', '/run/lte-modem/dhclient.%s.pid' % interface,
                '-lf', os.path.join(self.config['lease_dir'], 'dhclient.%s.leases' % interface)]

    def _run(self, arguments):
        try:
            subprocess.run([self.config['dhclient']] + arguments, check=False, timeout=120,
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired) as exc:
            self.log('dhclient failed: %s' % exc)


# ---- the dialer -------------------------------------------------------------------------

def notify(message):
    """Tell systemd (Type=notify, WatchdogSec=): READY=1, WATCHDOG=1, STATUS=..."""
    address = os.environ.get('NOTIFY_SOCKET')
    if not address:
        return
    if address.startswith('@'):
        address = '\0' + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(address)
            sock.sendall(message.encode('utf-8'))
    except OSError:
        pass


class Dialer:
    """Check the link, dial when it is down, keep DHCP in step, report to systemd and a state file."""

    def __init__(self, config, log):
        self.config = config
        self.log = log
        self.dhcp = Dhcp(config, log)
        self.stopping = False
        self.state = {'state': 'starting', 'device': config['device'], 'interface': None, 'dials': 0,
                      'connected_since': None, 'checked': None, 'error': None}
        self.ready = False

    def wanted(self):
        return FAMILIES[self.config['ip_type']]

    def query(self, port):
        lines, final = port.command('AT^NDISSTATQRY?', self.config['command_timeout'])
        if final != 'OK':
            raise PortError('AT^NDISSTATQRY? answered %s' % final)
        return parse_ndisstat(lines)

    def connected(self, families):
        return all(families.get(family, (0, None))[0] == 1 for family in self.wanted())

    def check(self):
        """One check, and a dial if the link is down. PortBusy: skipped; PortError: the port is gone or silent."""
        with AtPort(self.config['device']) as port:
            families = self.query(port)
            if not self.connected(families):
                if self.state['state'] == 'connected':
                    self.log('the link dropped (%s)' % describe(families))
                    self.dhcp.down()
                self.dial(port)
                families = self.query(port)
        self.state['checked'] = time.time()
        if self.connected(families):
            if self.state['state'] != 'connected':
                self.state.update(state='connected', connected_since=time.time(), error=None,
                                  interface=self.config['interface'] or modem_interface(self.config['device'], self.config['sysfs']))
                self.log('connected (%s), interface %s' % (describe(families), self.state['interface']))
                self.dhcp.up(self.state['interface'])
        else:
            self.state.update(state='disconnected', connected_since=None, error=describe(families))
        notify('WATCHDOG=1\nSTATUS=%s' % self.status_line())
        if not self.ready:
            notify('READY=1')
            self.ready = True

    def dial(self, port):
        self.state['dials'] += 1
        self.log('dialling: %s' % dial_command(self.config, masked=True))
        dummy, final = port.command(dial_command(self.config), self.config['command_timeout'])
        if final != 'OK':
            self.log('the dial was refused: %s' % final)
            self.state['error'] = 'AT^NDISDUP answered %s' % final
            return
        deadline = time.monotonic() + self.config['dial_timeout']
        while not self.stopping and time.monotonic() < deadline:
            families = self.query(port)
            if self.connected(families):
                return
            stats = [families.get(family, (0, None)) for family in self.wanted()]
            if all(stat == 0 and error for stat, error in stats):
                self.log('the network refused the call (%s)' % describe(families))
                return
            self.sleep(1)
        self.log('not connected within %ds' % self.config['dial_timeout'])

    def hang_up(self):
        try:
            with AtPort(self.config['device']) as port:
                port.command('AT^NDISDUP=%d,0' % self.config['cid'], self.config['command_timeout'])
            self.log('hung up')
        except PortError as exc:
            self.log('could not hang up: %s' % exc)

    def status_line(self):
        if self.state['state'] == 'connected':
            return 'connected on %s' % (self.state['interface'] or self.config['device'])
        return '%s: %s' % (self.state['state'], self.state['error'] or 'dialling')

    def save_state(self):
        path = self.config['state_file']
        if not path:
            return
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            temporary = '%s.%d' % (path, os.getpid())
            with open(temporary, 'w', encoding='utf-8') as handle:
                json.dump(self.state, handle)
            os.replace(temporary, path)
        except OSError as exc:
            self.log('cannot write %s: %s' % (path, exc))

    def sleep(self, seconds):
        deadline = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(min(0.5, max(0.0, deadline - time.monotonic())))

    def run(self, once=False):
        """Check until stopped; return the exit status (1 when the port is gone, for systemd to restart)."""
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        failures = 0
        while not self.stopping:
            try:
                self.check()
                failures = 0
            except PortBusy as exc:
                self.log('%s; checking again later' % exc)
            except PortError as exc:
                failures += 1
                self.state.update(state='no_modem', error=str(exc))
                self.log(str(exc))
                if failures >= 3 or once:
                    self.save_state()
                    self.dhcp.down()
                    return 1
            self.save_state()
            if once:
                break
            self.sleep(self.config['check_interval'] if failures == 0 else 2)
        self.finish()
        return 0

    def stop(self, *dummy):
        self.stopping = True

    def finish(self):
        if self.stopping and self.config['hangup_on_stop']:
            self.hang_up()
        if self.stopping:
            self.dhcp.down()
            self.state.update(state='stopped', connected_since=None)
            self.save_state()


def describe(families):
    if not families:
        return 'no state'
    return ', '.join('%s %s%s' % (family, {0: 'disconnected', 1: 'connected', 2: 'connecting', 3: 'disconnecting'}.get(stat, stat),
                                  ' (cause %s)' % error if error else '')
                     for family, (stat, error) in sorted(families.items()))


def main(argv=None):
    parser = argparse.ArgumentParser(prog='huawei-dial', description='Keep the NDIS data connection of a Huawei modem up.')
    parser.add_argument('--config', default='/etc/lte-modem/huawei-dial.conf', help='configuration file (default %(default)s)')
    parser.add_argument('--once', action='store_true', help='check (and dial) once, then exit')
    args = parser.parse_args(argv)

    def log(message):
        print(message, file=sys.stderr, flush=True)

    try:
        config = load_config(args.config)
    except ConfigError as exc:
        log('configuration error: %s' % exc)
        return 2
    return Dialer(config, log).run(once=args.once)


if __name__ == '__main__':
    sys.exit(main())
