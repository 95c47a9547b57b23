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
import time
import traceback

from ansible_collections.lte.modem.plugins.module_utils._errors import AtTimeoutError, TransportError, UnsupportedError
from ansible_collections.lte.modem.plugins.module_utils._transports.base import Transport

try:
    import serial
    from serial.tools import list_ports
    HAS_PYSERIAL = True
    PYSERIAL_IMPORT_ERROR = None
except ImportError:
    HAS_PYSERIAL = False
    PYSERIAL_IMPORT_ERROR = traceback.format_exc()

_POLL_INTERVAL = 0.2


class SerialTransport(Transport):
    """An AT port opened exclusively with pyserial."""

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
    def from_params(cls, params):
        return cls(params['device'], params['baudrate'])

    def _open(self):
        try:
            # exclusive=True takes a flock on POSIX, so a port held by ModemManager or by
            # another Ansible fork is reported instead of being shared mid-conversation.
            port = serial.serial_for_url(self.device, baudrate=self.baudrate, timeout=_POLL_INTERVAL,
                                         write_timeout=5, exclusive=True)
        except serial.SerialException as exc:
            raise TransportError(self._describe_open_error(exc), device=self.device) from None
        except (OSError, ValueError) as exc:
            raise TransportError('Cannot open %s: %s' % (self.description, exc), device=self.device) from None
        self._buffer = ''
        return port

    def _describe_open_error(self, exc):
        text = str(exc)
        code = getattr(exc, 'errno', None)
        if 'exclusively lock' in text or code in (errno.EAGAIN, errno.EBUSY):
            return ('The %s is busy: another program holds it (ModemManager, a dialer, a terminal, or another '
                    'Ansible fork on the same modem). Stop it or run one task per modem at a time.' % self.description)
        if code == errno.ENOENT:
            return 'The %s does not exist. Check the device path (ls /dev/serial/by-id/).' % self.description
        if code == errno.EACCES:
            return 'Permission denied on the %s: run as root or as a member of the dialout group.' % self.description
        return 'Cannot open %s: %s' % (self.description, text)

    def exchange(self, command, reply, timeout):
        self._feed_waiting(reply)
        try:
            self._port.write((command + '\r').encode('ascii'))
            self._port.flush()
        except (serial.SerialException, OSError) as exc:
            raise TransportError('Writing %s to the %s failed: %s' % (command, self.description, exc), device=self.device) from None
        deadline = time.monotonic() + timeout
        while not reply.complete:
            if time.monotonic() >= deadline:
                raise AtTimeoutError(command, timeout, _received(reply, self._buffer))
            self._read_into(reply, command)

    def _feed_waiting(self, reply):
        """Hand lines that arrived between commands (URCs) to the reply before sending."""
        try:
            waiting = self._port.in_waiting
        except (serial.SerialException, OSError):
            waiting = 0
        if waiting:
            self._read_into(reply, reply.command)

    def _read_into(self, reply, command):
        try:
            data = self._port.read(max(1, self._port.in_waiting))
        except (serial.SerialException, OSError) as exc:
            raise TransportError(
                'The %s went away while waiting for the answer to %s (modem reset or unplugged?): %s; received so far: %r'
                % (self.description, command, exc, _received(reply, self._buffer)),
                device=self.device) from None
        if not data:
            return
        self._buffer += data.decode('utf-8', errors='replace')
        *complete, self._buffer = _split_lines(self._buffer)
        for line in complete:
            reply.feed(line)
            if reply.complete:
                break

    def reopen(self, wait_timeout):
        """Wait for the AT port to come back after a reset and open it again.

        A ``/dev/serial/by-id`` path (or any symlink) is followed as it is re-created; a plain
        ``/dev/ttyUSBn`` may come back under another number, so the port on the same USB
        location is looked up again.
        """
        self.close()
        deadline = time.monotonic() + wait_timeout
        last_error = 'the port did not reappear'
        while time.monotonic() < deadline:
            candidate = self._find_again()
            if candidate:
                self.device = candidate
                try:
                    self._port = self._open()
                    return self.device
                except TransportError as exc:
                    last_error = str(exc)
            time.sleep(0.25)
        raise TransportError('The modem did not come back on %s within %gs after the reset: %s'
                             % (self.description, wait_timeout, last_error), device=self.device)

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
            except (serial.SerialException, OSError):
                pass


def _split_lines(text):
    return text.replace('\r\n', '\n').replace('\r', '\n').split('\n')


def _received(reply, partial):
    text = reply.raw_text()
    return (text + '\n' + partial).strip() if partial.strip() else text


def _usb_location(device):
    """Return the USB bus location (``1-5``) of a local port, to find it after re-enumeration."""
    if not HAS_PYSERIAL or '://' in device:
        return None
    real = os.path.realpath(device)
    for port in list_ports.comports():
        if port.device == real and port.location:
            return port.location.split(':')[0]
    return None
