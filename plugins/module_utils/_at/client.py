# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The AT client: the only way a command line reaches a modem.

It checks every line before it is sent, exchanges it over a transport the way that transport
works (a stream, or one request per line), ties each answer to its own command, and masks secrets
in everything it returns or raises: results, errors, the log of lines sent.

A conversation cannot drift, whatever the modem sends late: before a line goes out, whatever
arrived since the last answer is set aside (unsolicited result codes are kept as such, a stray
final result is dropped); on a port that echoes, the answer is what follows the echo of this very
line; on a port that does not, after an answer that never completed (so that its rest may still
come) the client turns the echo on for the rest of the conversation and off again at the end; and
from an at-chat call, an earlier answer's end is cut off the front.
"""

from __future__ import annotations

import time

from ansible_collections.lte.modem.plugins.module_utils._at.commands import changes_echo, is_read_only, timeout_for, validate_command
from ansible_collections.lte.modem.plugins.module_utils._at.framing import Reply, is_urc
from ansible_collections.lte.modem.plugins.module_utils._at.redaction import mask_in, redact
from ansible_collections.lte.modem.plugins.module_utils._errors import AtCommandError, AtTimeoutError, LinkLost, ModemError, TransportTimeout
from ansible_collections.lte.modem.plugins.module_utils._transports.base import RequestTransport

ECHO_ON = 'ATE1'
ECHO_OFF = 'ATE0'


class AtClient:
    """Sends command lines over one transport and returns ``AtResult`` objects.

    ``sent`` lists every line handed to the transport, in order, secrets masked; ``urcs`` the
    unsolicited result codes seen meanwhile; ``wrote`` tells whether a write may have reached the
    modem (it was accepted, or its answer never came).
    """

    def __init__(self, transport, timeout=None):
        self.transport = transport
        self.timeout = timeout
        self.sent = []
        self.urcs = []
        self.wrote = False
        self._echo = None        # does the port echo? None until an answer shows it
        self._dirty = False      # an answer did not complete: its rest may still come
        self._echo_forced = False

    @staticmethod
    def shown(command):
        """How a command line appears in results, errors and logs (secrets masked)."""
        return redact(command)

    def run(self, command, timeout=None):
        """Send one command line and return its result, whatever the final result code.

        Raises:
            InvalidInputError: before sending, when the command line is not acceptable.
            AtTimeoutError, TransportError: when the answer does not come.
        """
        validate_command(command)
        write = not is_read_only(command)
        if self._dirty and self._echo is not True and not isinstance(self.transport, RequestTransport):
            self._force_echo()
        result = self._exchange(command, timeout_for(command, timeout or self.timeout), write)
        if write and result.ok:
            self.wrote = True
        if result.ok and changes_echo(command):
            self._echo = None
        return result

    def check(self, command, timeout=None):
        """Send one command line and return its result.

        Raises:
            AtCommandError: when the modem answers with an error.
        """
        result = self.run(command, timeout)
        if not result.ok:
            raise AtCommandError(result)
        return result

    def finish(self):
        """Leave the port's echo as the conversation found it (best effort; never raises)."""
        if not self._echo_forced:
            return
        try:
            self._exchange(ECHO_OFF, timeout_for(ECHO_OFF, self.timeout), False)
        except ModemError:
            pass

    def _force_echo(self):
        # A late answer on a port without echo cannot be told from the next one; with the echo on,
        # each answer starts with its own command line.
        self._exchange(ECHO_ON, timeout_for(ECHO_ON, self.timeout), False)
        self._echo_forced = self._echo_forced or self._echo is False
        self._echo = True

    def _exchange(self, command, timeout, write):
        self.sent.append(self.shown(command))
        reply = Reply(command, expect_echo=self._echo is True)
        started = time.monotonic()
        try:
            if isinstance(self.transport, RequestTransport):
                self._request(command, reply, timeout)
            else:
                self._stream(command, reply, timeout)
        except TransportTimeout as exc:
            self._unanswered(write)
            raise AtTimeoutError(self.shown(command), time.monotonic() - started, mask_in(exc.received or reply.raw_text(), command),
                                 limit=timeout) from None
        except ModemError:
            # The line may have reached the modem (and a write may have been applied) without an answer.
            self._unanswered(write)
            raise
        self._dirty = False
        if self._echo is None:
            self._echo = reply.echoed
        result = reply.result(self.shown(command))
        self.urcs.extend(result.urcs)
        return result

    def _unanswered(self, write):
        self._dirty = True
        self.wrote = self.wrote or write

    def _stream(self, command, reply, timeout):
        transport = self.transport
        self._set_aside(transport.waiting_lines())
        try:
            transport.send_line(command)
        except LinkLost as exc:
            raise exc.during('while sending %s' % self.shown(command)) from None
        deadline = time.monotonic() + timeout
        while not reply.complete:
            if time.monotonic() >= deadline:
                raise TransportTimeout(_joined(reply.raw_text(), transport.partial_text()))
            try:
                lines = transport.receive_lines()
            except LinkLost as exc:
                raise exc.during('while waiting for the answer to %s' % self.shown(command),
                                 mask_in(_joined(reply.raw_text(), transport.partial_text()), command)) from None
            for line in lines:
                reply.feed(line)

    def _set_aside(self, lines):
        """Lines that arrived before this command was sent: URCs stay URCs, the rest is not its answer."""
        self.urcs.extend(line.strip() for line in lines if is_urc(line.strip()))

    def _request(self, command, reply, timeout):
        # An at-chat call without ``wait`` returns the first chunk the modem sends, which is the
        # whole answer for almost every query; with ``wait=yes`` it always lasts seconds. So a
        # read-only command is asked without ``wait`` first and asked again with it only when its
        # answer came back without a final result code. Any other command is sent once, with
        # ``wait``: sending it twice could apply it twice. After an answer that never completed,
        # every command waits, so that the rest of that answer and this one come in one block.
        wait_first = not is_read_only(command) or self._dirty
        reply.feed_block(self._call(command, wait_first, timeout))
        if not reply.complete and not wait_first:
            output = self._call(command, True, timeout)
            reply.restart()
            reply.feed_block(output)
        if not reply.complete:
            raise TransportTimeout(reply.raw_text())

    def _call(self, command, wait, timeout):
        try:
            return self.transport.request(command, wait, timeout)
        except LinkLost as exc:
            raise exc.during('while waiting for the answer to %s' % self.shown(command)) from None

    def close(self):
        self.transport.close()


def _joined(received, partial):
    return (received + '\n' + partial).strip() if partial.strip() else received
