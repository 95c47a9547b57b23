# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A transcript-driven transport: the seam between the collection and a modem."""

from __future__ import annotations

import pytest

from ansible_collections.lte.modem.plugins.module_utils._at.client import AtClient
from ansible_collections.lte.modem.plugins.module_utils._huawei.modem import HuaweiModem
from ansible_collections.lte.modem.plugins.module_utils._transports.base import RequestTransport


class TranscriptTransport(RequestTransport):
    """Answers each command line from a dict (command -> raw modem text), like a modem would.

    An answer may be a list, consumed one per call, to model state that changes between calls.
    """

    description = 'transcript'

    def __init__(self, answers, echo=False):
        self.answers = dict(answers)
        self.echo = echo
        self.sent = []
        self.closed = False

    def request(self, line, wait, timeout):
        self.sent.append(line)
        answer = self.answers.get(line, '\r\nCOMMAND NOT SUPPORT\r\n')
        if isinstance(answer, list):
            answer = answer.pop(0) if len(answer) > 1 else answer[0]
        return (line + '\r\n' if self.echo else '') + answer

    def reopen(self, wait_timeout):
        return 'transcript'

    def close(self):
        self.closed = True


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
