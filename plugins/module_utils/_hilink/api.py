# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The web API of a Huawei stick in HiLink mode, as public HiLink client libraries and write-ups show it.

XML in and out over HTTP at the stick's address (192.168.8.1). ``GET /api/webserver/SesTokInfo``
gives a session (``SesInfo``: ``SessionID=...``, sent back as a cookie) and a token (``TokInfo``,
sent back in the ``__RequestVerificationToken`` header, good for one request). Errors come as
``<error><code>N</code>...``. Where the firmware asks for a login, ``POST /api/user/login`` carries
the password as base64(sha256hex(user + base64(sha256hex(password)) + token)) (``password_type`` 4).
``POST /api/device/mode`` with ``<mode>1</mode>`` switches the stick to its serial (debug)
configuration, USB ID 12d1:1442, where AT^SETPORT can make it a stick for good.
"""

from __future__ import annotations

import base64
import hashlib
import re
from xml.etree import ElementTree

from ansible.module_utils.urls import open_url

from ansible_collections.lte.modem.plugins.module_utils._errors import DeviceStateError, TransportError, Unreachable

# Codes public HiLink client libraries name.
ERRORS = {
    100001: 'unknown error',
    100002: 'not supported by this firmware',
    100003: 'no rights (log in first)',
    100004: 'the system is busy',
    108001: 'wrong user name',
    108002: 'wrong password',
    108006: 'wrong user name or password',
    108007: 'too many login attempts',
    125002: 'bad or used request token',
    125003: 'wrong session token',
}
NOT_SUPPORTED = 100002
NO_RIGHTS = 100003
DEBUG_MODE = 1


class HilinkError(DeviceStateError):
    """The API answered with an error code."""

    def __init__(self, what, code):
        super().__init__('The HiLink web API answered %s with error %d (%s)' % (what, code, ERRORS.get(code, 'unknown code')),
                         error_code=code)
        self.code = code


class HilinkApi:
    """One session with the web API at ``http://address:port``."""

    def __init__(self, address, port=80, timeout=5.0):
        self.base = 'http://%s:%d' % (address, port)
        self.timeout = timeout
        self.session = None

    def _request(self, path, data=None, token=None):
        headers = {'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8'}
        if self.session:
            headers['Cookie'] = self.session
        if token:
            headers['__RequestVerificationToken'] = token
        try:
            response = open_url(self.base + path, data=data, headers=headers, method='POST' if data is not None else 'GET',
                                timeout=self.timeout, use_proxy=False, follow_redirects='none')
            text = response.read().decode('utf-8', 'replace')
        except Exception as exc:  # pylint: disable=broad-except
            # open_url raises URLError, socket errors, HTTPError and its own ConnectionError
            raise Unreachable('No HiLink web API answers at %s: %s' % (self.base, exc), address=self.base) from None
        return _parse(text, path)

    def get(self, path):
        """The fields of a GET (a dict, or the text of a bare <response>)."""
        return self._request(path)

    def post(self, path, fields):
        """POST ``<request>fields</request>`` with a fresh session token."""
        token = self.token()
        body = '<?xml version="1.0" encoding="UTF-8"?><request>%s</request>' % ''.join(
            '<%s>%s</%s>' % (key, _escape(value), key) for key, value in fields.items())
        return self._request(path, data=body.encode('utf-8'), token=token)

    def token(self):
        info = self.get('/api/webserver/SesTokInfo')
        if not isinstance(info, dict) or not info.get('TokInfo'):
            raise DeviceStateError('The HiLink web API at %s gave no session token' % self.base)
        if info.get('SesInfo'):
            self.session = info['SesInfo']
        return info['TokInfo']

    def information(self):
        """GET /api/device/information: DeviceName, SoftwareVersion, HardwareVersion, ..."""
        info = self.get('/api/device/information')
        if not isinstance(info, dict):
            raise DeviceStateError('The HiLink web API at %s answered /api/device/information with %r' % (self.base, info))
        return info

    def login(self, username, password):
        token = self.token()
        inner = base64.b64encode(hashlib.sha256(password.encode('utf-8')).hexdigest().encode('ascii')).decode('ascii')
        secret = base64.b64encode(hashlib.sha256((username + inner + token).encode('utf-8')).hexdigest().encode('ascii')).decode('ascii')
        body = '<?xml version="1.0" encoding="UTF-8"?><request><Username>%s</Username><Password>%s</Password>' \
               '<password_type>4</password_type></request>' % (_escape(username), secret)
        return self._request('/api/user/login', data=body.encode('utf-8'), token=token)

    def switch_to_serial(self):
        """POST /api/device/mode <mode>1</mode>; HilinkError when refused."""
        return self.post('/api/device/mode', {'mode': DEBUG_MODE})


def _escape(value):
    return str(value).replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def _parse(text, what):
    """``<response>`` -> dict of its children (or its text); ``<error>`` -> HilinkError."""
    try:
        root = ElementTree.fromstring(text.strip().encode('utf-8'))
    except ElementTree.ParseError:
        raise TransportError('The HiLink web API answered %s with something that is not XML: %r' % (what, text[:200])) from None
    if root.tag == 'error':
        code = root.findtext('code') or ''
        raise HilinkError(what, int(code) if re.match(r'^\d+$', code) else 0)
    children = list(root)
    if not children:
        return (root.text or '').strip()
    return {child.tag: (child.text or '').strip() for child in children}
