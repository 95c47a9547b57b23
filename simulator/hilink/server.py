# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The HiLink web API of a HilinkStick, on a loopback address.

What public HiLink client libraries and write-ups show: XML in and out; ``GET
/api/webserver/SesTokInfo`` hands out a session cookie value (``SesInfo``, ``SessionID=...``) and a
token (``TokInfo``); a POST needs both (cookie ``SessionID``, header ``__RequestVerificationToken``),
and each token is good once. Errors are ``<error><code>N</code><message></message></error>``: 100002
not supported, 100003 no rights (log in first), 108006 wrong password, 125002 bad token.
``POST /api/user/login`` with ``password_type`` 4 carries
base64(sha256hex(user + base64(sha256hex(password)) + token)). Once the stick has switched to its
serial configuration, the router inside it is gone and the API stops answering.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from simulator.modem.servers import require_loopback

NO_SUPPORT, NO_RIGHTS, WRONG_PASSWORD, BAD_TOKEN = 100002, 100003, 108006, 125002


def login_hash(username: str, password: str, token: str) -> str:
    """The password_type 4 value of /api/user/login."""
    inner = base64.b64encode(hashlib.sha256(password.encode()).hexdigest().encode()).decode()
    return base64.b64encode(hashlib.sha256((username + inner + token).encode()).hexdigest().encode()).decode()


def _field(body: str, name: str):
    match = re.search(r"<%s>(.*?)</%s>" % (name, name), body, re.DOTALL)
    return match.group(1) if match else None


class HilinkServer:
    """ThreadingHTTPServer serving one stick's API until the stick leaves HiLink mode or close()."""

    def __init__(self, stick, host="127.0.0.1", port=0):
        require_loopback(host)
        self.stick = stick
        self.sessions = {}          # session id -> logged in
        self.tokens = set()
        self.log = []               # (method, path) of every request
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer((host, port), self._handler_class())
        self._httpd.daemon_threads = True
        self.host, self.port = self._httpd.server_address[:2]
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="hilink-api", daemon=True)
        self._thread.start()
        stick.add_listener(self._on_enumerated)
        self._closed = False

    @property
    def address(self) -> str:
        return "%s:%d" % (self.host, self.port)

    def _on_enumerated(self, stick):
        if not stick.in_hilink:
            threading.Thread(target=self.close, daemon=True).start()

    def close(self):
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._httpd.shutdown()
        self._httpd.server_close()

    # ---- the API -----------------------------------------------------------------------

    def new_session(self, session=None):
        """A new token, in the session the request's cookie names if it is known, else in a new session."""
        token = secrets.token_hex(16)
        with self._lock:
            if session not in self.sessions:
                session = secrets.token_hex(32)
                self.sessions[session] = False
            self.tokens.add(token)
        return session, token

    def answer(self, method, path, session, token, body):
        """(code or None, response fields) of one request."""
        self.log.append((method, path))
        if method == "GET" and path == "/api/webserver/SesTokInfo":
            session, token = self.new_session(session)
            return None, {"SesInfo": "SessionID=" + session, "TokInfo": token}
        logged_in = self.sessions.get(session, False) or not self.stick.password
        if method == "GET" and path == "/api/device/information":
            return (None, self.stick.information()) if logged_in else (NO_RIGHTS, None)
        if method != "POST":
            return NO_SUPPORT, None
        with self._lock:
            if session not in self.sessions or token not in self.tokens:
                return BAD_TOKEN, None
            self.tokens.discard(token)
        if path == "/api/user/login":
            return self._login(session, token, body)
        if path == "/api/device/mode":
            if not logged_in:
                return NO_RIGHTS, None
            mode = _field(body, "mode")
            if mode == "0":
                return None, "OK"
            if mode != "1" or not self.stick.request_switch():
                return NO_SUPPORT, None
            return None, "OK"
        return NO_SUPPORT, None

    def _login(self, session, token, body):
        if not self.stick.password:
            return None, "OK"
        wanted = login_hash(self.stick.username, self.stick.password, token)
        if _field(body, "Username") != self.stick.username or _field(body, "Password") != wanted:
            return WRONG_PASSWORD, None
        with self._lock:
            self.sessions[session] = True
        return None, "OK"

    def _handler_class(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            """One request: cookie SessionID, header __RequestVerificationToken, XML body."""

            def do_GET(self):  # noqa: N802 pylint: disable=invalid-name
                self._serve("GET")

            def do_POST(self):  # noqa: N802 pylint: disable=invalid-name
                self._serve("POST")

            def _serve(self, method):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
                cookie = re.search(r"SessionID=([0-9a-f]+)", self.headers.get("Cookie") or "")
                code, fields = server.answer(method, self.path.split("?")[0], cookie.group(1) if cookie else None,
                                             self.headers.get("__RequestVerificationToken"), body)
                if code is not None:
                    text = "<error><code>%d</code><message></message></error>" % code
                elif isinstance(fields, dict):
                    text = "<response>%s</response>" % "".join("<%s>%s</%s>" % (key, value, key) for key, value in fields.items())
                else:
                    text = "<response>%s</response>" % fields
                data = ('<?xml version="1.0" encoding="UTF-8"?>' + text).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/xml; charset=UTF-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):  # pylint: disable=arguments-differ
                pass

        return Handler


def serve_hilink(stick, host="127.0.0.1", port=0) -> HilinkServer:
    """Serve the stick's web API on a loopback address (port 0: any free port)."""
    return HilinkServer(stick, host=host, port=port)
