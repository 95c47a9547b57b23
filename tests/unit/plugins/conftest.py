# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A transcript-driven transport: the seam between the collection and a modem."""

from __future__ import annotations

import pytest

from ansible_collections.lte.modem.plugins.module_utils._at.client import AtClient
from ansible_collections.lte.modem.plugins.module_utils._at.commands import split_chained
from ansible_collections.lte.modem.plugins.module_utils._huawei.modem import HuaweiModem, _chain
from ansible_collections.lte.modem.plugins.module_utils._transports.base import RequestTransport


class TranscriptTransport(RequestTransport):
    """Answers each command line from a dict (command -> raw modem text), like a modem would.

    An answer may be a list, consumed one per call, to model state that changes between calls. A
    chained line (``AT^RFSWITCH=0;+CFUN?;^RFSWITCH?``) is answered by the longest runs of its
    commands that have an answer (``AT^RFSWITCH=0``, then ``AT+CFUN?;^RFSWITCH?``), the way a
    modem does: the information lines of each, and the first error ends the line.
    """

    description = 'transcript'

    def __init__(self, answers, echo=False):
        self.answers = dict(answers)
        self.echo = echo
        self.sent = []
        self.closed = False

    def request(self, line, wait, timeout):
        self.sent.append(line)
        commands = ['AT' + part if index else part for index, part in enumerate(split_chained(line))] or [line]
        return (line + '\r\n' if self.echo else '') + self._answer_chain(commands)

    def _answer(self, command):
        answer = self.answers.get(command, NOT_SUPPORTED)
        if isinstance(answer, list):
            answer = answer.pop(0) if len(answer) > 1 else answer[0]
        return answer

    def _answer_chain(self, commands):
        """Answer the longest run of commands that has an answer of its own, then the rest likewise."""
        text, start = '', 0
        while start < len(commands):
            end = next((end for end in range(len(commands), start, -1) if _chain(commands[start:end]) in self.answers), start + 1)
            answer = self._answer(_chain(commands[start:end]))
            if not answer.endswith(FINAL_OK) or end == len(commands):
                return text + answer
            text += answer[:-len(FINAL_OK)]
            start = end
        return text

    def reopen(self, wait_timeout):
        return 'transcript'

    def close(self):
        self.closed = True


NOT_SUPPORTED = '\r\nCOMMAND NOT SUPPORT\r\n'
FINAL_OK = '\r\nOK\r\n'


def ok(*lines):
    """Frame information lines the way a Huawei modem sends them, ending with OK."""
    return ''.join('\r\n%s\r\n' % line for line in lines) + '\r\nOK\r\n'


@pytest.fixture
def transcript():
    """Factory: ``modem, transport = transcript({...})``."""
    def build(answers, echo=False):
        transport = TranscriptTransport(answers, echo)
        return HuaweiModem(AtClient(transport, timeout=1.0)), transport
    return build


@pytest.fixture(name='ok')
def ok_fixture():
    return ok
