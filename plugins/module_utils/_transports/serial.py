# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""Serial transport: a local AT port (``/dev/ttyUSB2``) or any pyserial URL (``socket://``)."""

from __future__ import annotations

import errno
import os
import re
import traceback

from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError, LinkLost, PortBusyError, TransportError, UnsupportedError
from ansible_collections.lte.modem.plugins.module_utils._poll import poll_until
from ansible_collections.lte.modem.plugins.module_utils._transports.base import StreamTransport

try:
    from termios import error as TermiosError
except ImportError:  # not a POSIX host
    TermiosError = OSError

try:
    import serial
    from serial.tools import list_ports
    HAS_PYSERIAL = True
    PYSERIAL_IMPORT_ERROR = None
except ImportError:
    HAS_PYSERIAL = False
    PYSERIAL_IMPORT_ERROR = traceback.format_exc()

POLL_INTERVAL = 0.2
REOPEN_INTERVAL = 0.25
_LINE_ENDING = re.compile(r'\r\n|\r|\n')


class SerialTransport(StreamTransport):
    """An AT port opened exclusively with pyserial."""

    OPTIONS = dict(
        device=dict(type='str'),
        baudrate=dict(type='int', default=115200),
    )

    def __init__(self, device, baudrate=115200):
        if not HAS_PYSERIAL:
            raise UnsupportedError(
                'transport=serial needs the Python library pyserial on the host that has the modem '
                '(pip install pyserial, or the python3-serial package)', exception=PYSERIAL_IMPORT_ERROR)
        self.device = device
        self.baudrate = baudrate
        self.description = 'serial port %s' % device
        self._buffer = ''
        self._usb_location = _usb_location(device)
        self._port = self._open()

    @classmethod
    def check_options(cls, params):
        device = params.get('device')
        if not device:
            raise InvalidInputError('device', device, 'transport=serial needs the path or pyserial URL of the AT port')
        bad = [position for position, char in enumerate(device) if ord(char) < 0x20 or ord(char) == 0x7F]
        if bad:
            raise InvalidInputError('device', device, 'control character at position %d; give a path such as /dev/ttyUSB2' % bad[0])
        if params.get('baudrate') is not None and params['baudrate'] <= 0:
            raise InvalidInputError('baudrate', params['baudrate'], 'must be a positive number of bits per second')

    @classmethod
    def from_params(cls, params):
        return cls(params['device'], params['baudrate'])

    @classmethod
    def modem_key(cls, params):
        device = params['device']
        return 'serial %s' % (device if '://' in device else os.path.realpath(device))

    def _open(self):
        try:
            # exclusive=True takes a flock on POSIX, so a port held by ModemManager or by
            # another Ansible fork is reported instead of being shared mid-conversation.
            port = serial.serial_for_url(self.device, baudrate=self.baudrate, timeout=POLL_INTERVAL,
                                         write_timeout=5, exclusive=True)
        except serial.SerialException as exc:
            if _held_elsewhere(exc):
                raise PortBusyError('The %s is busy: another program holds it (ModemManager, a dialer, a terminal, or a task '
                                    'of another controller on the same modem). Stop it, or tell ModemManager to ignore this modem.'
                                    % self.description, device=self.device) from None
            raise TransportError(self._describe_open_error(exc), device=self.device) from None
        except (OSError, ValueError, TermiosError) as exc:
            # A port that is re-appearing after a reset can answer tcgetattr with EIO for a moment.
            raise TransportError('Cannot open %s: %s' % (self.description, exc), device=self.device) from None
        self._buffer = ''
        return port

    def _describe_open_error(self, exc):
        code = getattr(exc, 'errno', None)
        if code == errno.ENOENT:
            return 'The %s does not exist. Check the device path (ls /dev/serial/by-id/).' % self.description
        if code == errno.EACCES:
            return 'Permission denied on the %s: run as root or as a member of the dialout group.' % self.description
        return 'Cannot open %s: %s' % (self.description, exc)

    def send_line(self, line):
        try:
            self._port.write((line + '\r').encode('ascii'))
            self._port.flush()
        except (serial.SerialException, OSError, TermiosError) as exc:
            raise LinkLost('Writing to the %s failed' % self.description, cause=str(exc), device=self.device) from None

    def receive_lines(self):
        try:
            data = self._port.read(max(1, self._port.in_waiting))
            # in_waiting counts bytes on a tty, but is only 0 or 1 ("readable") on socket:// URLs.
            while data and self._port.in_waiting:
                data += self._port.read(self._port.in_waiting)
        except (serial.SerialException, OSError, TermiosError) as exc:
            raise LinkLost('The %s went away' % self.description, cause='modem reset or unplugged? %s' % exc, device=self.device) from None
        return self._lines_of(data)

    def waiting_lines(self):
        try:
            waiting = self._port.in_waiting
        except (serial.SerialException, OSError, TermiosError):
            waiting = 0
        return self.receive_lines() if waiting else []

    def partial_text(self):
        return self._buffer

    def _lines_of(self, data):
        if not data:
            return []
        self._buffer += data.decode('utf-8', errors='replace')
        *complete, self._buffer = _LINE_ENDING.split(self._buffer)
        return complete

    def reopen(self, wait_timeout):
        """Wait for the AT port to come back after a reset and open it again.

        A ``/dev/serial/by-id`` path (or any symlink) is followed as it is re-created; a plain
        ``/dev/ttyUSBn`` may come back under another number, so the port on the same USB
        location is looked up again.
        """
        self.close()
        errors = ['the port did not reappear']

        def attempt():
            candidate = self._find_again()
            if not candidate:
                return None
            self.device = candidate
            try:
                self._port = self._open()
            except TransportError as exc:
                errors.append(str(exc))
                return None
            return candidate

        device = poll_until(attempt, wait_timeout, REOPEN_INTERVAL)
        if device is None:
            raise TransportError('The modem did not come back on %s within %gs after the reset: %s'
                                 % (self.description, wait_timeout, errors[-1]), device=self.device)
        return device

    def _find_again(self):
        if '://' in self.device or os.path.exists(self.device):
            return self.device
        if self._usb_location:
            for port in list_ports.comports():
                if port.location and port.location.split(':')[0] == self._usb_location:
                    return port.device
        return None

    def close(self):
        port, self._port = getattr(self, '_port', None), None
        if port is not None:
            try:
                port.close()
            except (serial.SerialException, OSError, TermiosError):
                pass


def _held_elsewhere(exc):
    return 'exclusively lock' in str(exc) or getattr(exc, 'errno', None) in (errno.EAGAIN, errno.EBUSY)


def _usb_location(device):
    """Return the USB bus location (``1-5``) of a local port, to find it after re-enumeration."""
    if not HAS_PYSERIAL or '://' in device:
        return None
    real = os.path.realpath(device)
    try:
        # Only this port's sysfs entry, not every port of the host.
        from serial.tools.list_ports_linux import SysFS
        ports = [SysFS(real)]
    except (ImportError, OSError, ValueError):
        ports = list_ports.comports()
    for port in ports:
        if port.device == real and port.location:
            return port.location.split(':')[0]
    return None
