# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""Option values several resources share: context ids, APN names and credentials.

Every module judges them the same way, before anything is sent: an APN that ``huawei_apn``
refuses is refused by ``huawei_connection`` too, with the same words.
"""

from __future__ import annotations

import re

from ansible_collections.lte.modem.plugins.module_utils._at.redaction import MASK
from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError

# 3GPP TS 23.003 §9.1: at most 100 octets encoded (a length octet per label, no dots), which is
# 99 characters of text; labels of letters, digits and hyphens, not starting or ending with a hyphen.
APN_MAX_LENGTH = 99
APN_LABEL_MAX = 63
APN_LABEL_RE = re.compile(r'^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$')
CREDENTIAL_MAX_LENGTH = 99
# Context ids start at 1; modems accept up to 11, 16 or 20 (their =? answers say which), and
# 3GPP leaves the maximum to the implementation.
CID_MAX = 31


def apn_problem(apn):
    """Why ``apn`` is not an APN network identifier, or None."""
    if not apn.strip():
        return 'empty; leave apn out to use the context\'s APN (or the network\'s default on a new context)'
    if not apn.isascii():
        return 'only ASCII letters, digits, hyphens and dots are allowed'
    if len(apn) > APN_MAX_LENGTH:
        return 'longer than %d characters (%d)' % (APN_MAX_LENGTH, len(apn))
    bad = sorted({char for char in apn if not (char.isalnum() or char in '.-')})
    if bad:
        return 'character(s) %s not allowed: only letters, digits, hyphens and dots' % ', '.join(repr(char) for char in bad)
    for label in apn.split('.'):
        if not label:
            return 'empty label (leading, trailing or double dot)'
        if len(label) > APN_LABEL_MAX:
            return 'label %r longer than %d characters' % (label, APN_LABEL_MAX)
        if not APN_LABEL_RE.match(label):
            return 'label %r starts or ends with a hyphen' % label
    return None


def check_apn(option, apn):
    """Raise InvalidInputError unless ``apn`` (when given) is an APN network identifier."""
    if apn is not None:
        problem = apn_problem(apn)
        if problem:
            raise InvalidInputError(option, apn, problem)


def check_credential(option, value, secret=False):
    """Raise InvalidInputError unless ``value`` (when given) can be sent as a quoted AT string: printable ASCII, not blank."""
    if value is None:
        return
    shown = MASK if secret else value
    if not value.strip():
        raise InvalidInputError(option, shown, 'empty; leave %s out instead' % option)
    if len(value) > CREDENTIAL_MAX_LENGTH:
        raise InvalidInputError(option, shown, 'at most %d characters' % CREDENTIAL_MAX_LENGTH)
    if not all(32 <= ord(character) < 127 for character in value):
        raise InvalidInputError(option, shown, 'only printable ASCII characters can be sent in an AT command '
                                               '(no control characters such as CR, LF, NUL or TAB)')


def check_cid(option, cid, maximum=CID_MAX):
    """Raise InvalidInputError unless ``cid`` is a context id from 1 to ``maximum``."""
    if not 1 <= cid <= maximum:
        raise InvalidInputError(option, cid, 'a context id from 1 to %d' % maximum)


def normalize_pdp_type(value):
    """``ip``, ``IP``, ``Ipv4v6`` ... as the lower-case choice (None stays None)."""
    return None if value is None else value.lower()
