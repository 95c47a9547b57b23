# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The AT client: the only way a command line reaches a modem.

It checks every line before it is sent, exchanges it over a transport the way that transport
works (a stream, or one request per line), frames the answer, and masks secrets in everything it
returns or raises: results, errors, the log of lines sent.
"""

from __future__ import annotations

import time

from ansible_collections.lte.modem.plugins.module_utils._at.commands import is_read_only, timeout_for, validate_command
from ansible_collections.lte.modem.plugins.module_utils._at.framing import Reply
from ansible_collections.lte.modem.plugins.module_utils._at.redaction import mask_in, redact
from ansible_collections.lte.modem.plugins.module_utils._errors import AtCommandError, AtTimeoutError, LinkLost, TransportTimeout
from ansible_collections.lte.modem.plugins.module_utils._transports.base import RequestTransport


class AtClient:
    """Sends command lines over one transport and returns ``AtResult`` objects.

    ``sent`` lists every line handed to the transport, in order, secrets masked; ``urcs`` the
    unsolicited result codes seen meanwhile.
    """

    def __init__(self, transport, timeout=None):
        self.transport = transport
        self.timeout = timeout
        self.sent = []
        self.urcs = []

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
        timeout = timeout or timeout_for(command, self.timeout)
        reply = Reply(command)
        self.sent.append(self.shown(command))
        try:
            if isinstance(self.transport, RequestTransport):
                self._request(command, reply, timeout)
            else:
                self._stream(command, reply, timeout)
        except TransportTimeout as exc:
            raise AtTimeoutError(self.shown(command), timeout, mask_in(exc.received or reply.raw_text(), command)) from None
        result = reply.result(self.shown(command))
        self.urcs.extend(result.urcs)
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

    def _stream(self, command, reply, timeout):
        transport = self.transport
        for line in transport.waiting_lines():
            reply.feed(line)
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

    def _request(self, command, reply, timeout):
        # An at-chat call without ``wait`` returns the first chunk the modem sends, which is the
        # whole answer for almost every query; with ``wait=yes`` it always lasts seconds. So a
        # read-only command is asked without ``wait`` first and asked again with it only when its
        # answer came back without a final result code. Any other command is sent once, with
        # ``wait``: sending it twice could apply it twice.
        wait_first = not is_read_only(command)
        reply.feed_text(self._call(command, wait_first, timeout))
        if not reply.complete and not wait_first:
            output = self._call(command, True, timeout)
            reply.restart()
            reply.feed_text(output)
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
