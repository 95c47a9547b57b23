# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""Secrets inside command lines (PINs, passwords): how they are found and masked.

Only the AT client applies this: everything it returns or raises shows ``********`` instead.
"""

from __future__ import annotations

import re

MASK = '********'

# (prefix, secret, rest) of every command line that carries a secret.
SECRET_PATTERNS = (
    re.compile(r'^(AT\+CPIN=)(.*)()$', re.IGNORECASE),
    re.compile(r'^(AT\+CLCK=[^,]*,[^,]*,)(.*)()$', re.IGNORECASE),
    re.compile(r'^(AT\+CPWD=[^,]*,)(.*)()$', re.IGNORECASE),
    re.compile(r'^(AT\^NDISDUP=\s*\d+\s*,\s*1\s*,\s*"[^"]*"\s*,\s*"[^"]*"\s*,)(\s*"[^"]*")(.*)$', re.IGNORECASE),
    re.compile(r'^(AT\^AUTHDATA=\s*\d+\s*,\s*\d+\s*,\s*"[^"]*"\s*,)(\s*"[^"]*")(.*)$', re.IGNORECASE),
    re.compile(r'^(AT\+CGAUTH=\s*\d+\s*,\s*\d+\s*,\s*"[^"]*"\s*,)(\s*"[^"]*")(.*)$', re.IGNORECASE),
)


def _secret_match(command):
    for pattern in SECRET_PATTERNS:
        match = pattern.match(command)
        if match:
            return match
    return None


def redact(command):
    """Return the command line with its PIN or password masked."""
    match = _secret_match(command)
    if match is None:
        return command
    prefix, dummy, rest = match.groups()
    return prefix + MASK + rest


def mask_in(text, command):
    """Return ``text`` (for example an echo received from the modem) with the secret of ``command`` masked."""
    match = _secret_match(command)
    if match is None or not text:
        return text
    text = text.replace(command, redact(command))
    for value in re.findall(r'"([^"]+)"', match.group(2)) or [match.group(2).strip()]:
        if value:
            text = text.replace(value, MASK)
    return text
