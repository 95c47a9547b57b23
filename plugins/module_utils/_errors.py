# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""Exceptions raised below the module boundary.

Every layer raises a subclass of ModemError; only the module runner turns them into
``fail_json``. ``details()`` gives the structured keys that travel with the failure.
"""

from __future__ import annotations


class ModemError(Exception):
    """Base class of every error the collection raises below the module boundary."""

    def __init__(self, message, **details):
        super().__init__(message)
        self.message = message
        self._details = {key: value for key, value in details.items() if value is not None}

    def add_details(self, **details):
        """Attach more structured keys (for example the results gathered before the failure)."""
        self._details.update({key: value for key, value in details.items() if value is not None})
        return self

    def details(self):
        """Return the structured keys that accompany the message in a failed result."""
        return dict(self._details)

    def in_facet(self, facet):
        """The error as it reads in a module that manages several facets: it names the facet."""
        self.message = '%s: %s' % (facet, self.message)
        self._details['facet'] = facet
        return self

    def after_write(self):
        """The error as it stands once a write may have reached the modem: changed, state unknown."""
        if not self._details.get('changed'):
            self.message += (' A write had already been sent, so the modem may have changed: its state is now unknown;'
                             ' read it again before retrying.')
            self._details['changed'] = True
        return self

    def __str__(self):
        return self.message


class InvalidInputError(ModemError):
    """A user-supplied option value is refused before anything is sent to the modem."""

    def __init__(self, option, value, reason):
        super().__init__(
            "Invalid value for option %s: %r (%s). Nothing was sent to the modem." % (option, value, reason),
            option=option,
        )
        self.option = option
        self.value = value
        self.reason = reason

    def in_facet(self, facet):
        """The option as a module that manages several facets names it: ``syscfg.lte_bands``."""
        return InvalidInputError('%s.%s' % (facet, self.option), self.value, self.reason).add_details(facet=facet)


class TransportError(ModemError):
    """The link to the modem cannot be opened, or broke (busy port, dropped connection)."""


class Unreachable(TransportError):
    """No network connection to the device could be made (refused, timed out, no route, unknown name).

    Ansible reports such a host as unreachable, not failed, so ``ignore_unreachable`` and retries apply.
    """


class LinkLost(TransportError):
    """The link broke while a command was under way.

    A transport knows nothing of AT commands: it says what happened to the link (``message``)
    and why (``cause``); the AT client adds which command was under way with ``during``.
    """

    def __init__(self, message, cause=None, **details):
        super().__init__(message if cause is None else '%s: %s' % (message, cause), **details)
        self.what = message
        self.cause = cause

    def during(self, activity, received=None):
        """The error as a TransportError saying what the AT client was doing (``while sending AT+CSQ``) and what came so far."""
        message = '%s %s' % (self.what, activity)
        if self.cause is not None:
            message += ': %s' % self.cause
        if received:
            message += '; received so far: %r' % received
        return TransportError(message, **self.details())


class PortBusyError(TransportError):
    """Another program holds the serial port (opened exclusively)."""


class ModemBusyError(TransportError):
    """Another task kept the modem's lock for longer than this task would wait."""


class TransportTimeout(ModemError):
    """A request transport got no complete answer in time; ``received`` is the text that came."""

    def __init__(self, received=''):
        super().__init__('no complete answer in time')
        self.received = received


class AtTimeoutError(ModemError):
    """The modem did not finish its answer in time; ``received`` holds what came so far."""

    def __init__(self, command, waited, received, limit=None):
        received_text = received if received else "nothing"
        super().__init__(
            "Timed out after %gs waiting for the answer to %s; received so far: %r" % (round(waited, 1), command, received_text),
            command=command,
            received=received,
            timeout=limit,
        )
        self.command = command
        self.waited = waited
        self.received = received


class AtCommandError(ModemError):
    """The modem answered a command with a final result other than OK."""

    def __init__(self, result, message=None):
        meaning = " (%s)" % result.error_text if result.error_text and result.error_text != result.final else ""
        super().__init__(
            message or "%s failed: the modem answered %s%s" % (result.command, result.final, meaning),
            command=result.command,
            response=result.lines + [result.final],
            error_type=result.error_type,
            error_code=result.error_code,
            error_text=result.error_text,
        )
        self.result = result


class ParseError(ModemError):
    """An answer does not have the shape its parser expects; the message quotes it and says what is wrong."""

    def __init__(self, what, lines, reason=None):
        because = ' (%s)' % reason if reason else ''
        super().__init__("Cannot parse the answer to %s: %r%s" % (what, list(lines), because), command=what, response=list(lines))
        self.lines = list(lines)


class UnsupportedError(ModemError):
    """The modem, its firmware or the transport does not support what was asked."""


class DeviceStateError(ModemError):
    """The device is in a state that prevents the request (hardware RF switch off, no AT port…)."""


class RouterCommandError(ModemError):
    """A MikroTik router refused a command on its own settings (an API trap, or a CLI error message).

    The message quotes RouterOS; it never holds a value that was sent, so a secret cannot leak through it.
    """
