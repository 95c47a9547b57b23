# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""What a transport is: a link to one modem's AT port that moves lines of text and knows nothing of AT.

There are two kinds, and the AT client drives each its own way:

* a ``StreamTransport`` (a serial port) sends a line and hands over whatever lines the modem sends,
  whenever it sends them;
* a ``RequestTransport`` (RouterOS at-chat) sends a line and gets back, in one piece, the text the
  modem answered.

Transports raise ``TransportError`` when the link cannot be opened or breaks, and (request
transports) ``TransportTimeout`` when no complete answer came in time.
"""

from __future__ import annotations


class Transport:
    """A link to one modem's AT port."""

    description = 'modem'
    # Connection options this transport reads (argument spec entries), and how to open it.
    OPTIONS = {}

    @classmethod
    def check_options(cls, params):
        """Raise InvalidInputError for an option value this transport cannot use; nothing is opened yet."""

    @classmethod
    def from_params(cls, params):
        """Open the transport from the module's (validated) options."""
        raise NotImplementedError

    @classmethod
    def modem_key(cls, params):
        """The name of the modem these options reach, for the per-modem lock."""
        raise NotImplementedError

    def reopen(self, wait_timeout):
        """Reconnect after the modem reset; return the port or interface reached (TransportError if it does not come back)."""
        raise NotImplementedError

    def close(self):
        """Release the link (never raises)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


class StreamTransport(Transport):
    """Lines go out one at a time; lines come in whenever the modem sends them."""

    def send_line(self, line):
        """Send one line (the transport adds the line ending its medium needs)."""
        raise NotImplementedError

    def receive_lines(self):
        """Wait a fraction of a second for data; return the complete lines received (possibly none)."""
        raise NotImplementedError

    def waiting_lines(self):
        """Return the complete lines already received, without waiting."""
        raise NotImplementedError

    def partial_text(self):
        """Text received after the last line ending (for error messages)."""
        return ''


class RequestTransport(Transport):
    """Each line is one request; the answer comes back as one block of text."""

    def request(self, line, wait, timeout):
        """Send ``line`` and return the text that came back.

        ``wait`` asks for the whole answer, however long the modem takes (slow); without it the
        transport may return only the first part.
        """
        raise NotImplementedError
