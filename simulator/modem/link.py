# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""One serial port of the modem ("ttyUSBn"), as a byte pipe in both directions."""

from __future__ import annotations

import queue
import threading

BACKSPACE = "\x08"
ESCAPE_SEQUENCE = b"+++"


class Link:  # pylint: disable=too-many-instance-attributes
    """A port of one USB function: "pcui" or "modem" speak AT, "diag" and "gps" stay silent.

    write(data) feeds bytes to the modem; read(timeout) returns what the modem sent (b"" on
    timeout or once closed and drained). Lines arriving while a command is still being
    processed are ignored, as on real firmware (one command at a time per port). Writes to a closed
    link are discarded. echo/verbose/quiet are this port's ATE/ATV/ATQ settings.
    """

    def __init__(self, modem, function: str):
        self.function = function
        self.echo = True
        self.verbose = True
        self.quiet = False
        self.data_mode = False
        self.created_by = threading.current_thread()
        self._modem = modem
        self._output = bytearray()
        self._output_ready = threading.Condition()
        self._closed = threading.Event()
        self._input_lock = threading.Lock()
        self._partial = ""
        self._data_tail = b""
        self._busy = False
        self._lines = queue.Queue()
        self._worker = None
        if function in ("pcui", "modem"):
            self._worker = threading.Thread(target=self._serve, name=f"modem-link-{function}", daemon=True)
            self._worker.start()

    @property
    def speaks_at(self) -> bool:
        """True for PCUI and modem ports."""
        return self._worker is not None

    @property
    def busy(self) -> bool:
        """True while a command line is being processed (another line would be ignored)."""
        return self._busy

    @property
    def closed(self) -> bool:
        """True once closed by the client or dropped by a modem reset."""
        return self._closed.is_set()

    def write(self, data: bytes):
        """Bytes from the client (terminal side) to the modem."""
        if self.closed or not self.speaks_at:
            return
        with self._input_lock:
            if self.data_mode:
                self._data_bytes(bytes(data))
                return
            self._partial += bytes(data).decode("latin-1")
            while True:
                cut = [index for index in (self._partial.find("\r"), self._partial.find("\n")) if index >= 0]
                if not cut:
                    break
                line, self._partial = self._partial[:min(cut)], self._partial[min(cut) + 1:]
                self._accept_line(line)

    def read(self, timeout: float = 0.0) -> bytes:
        """Bytes from the modem; waits up to timeout for the first one; b"" on timeout or when closed."""
        with self._output_ready:
            if not self._output and not self.closed and timeout > 0:
                self._output_ready.wait_for(lambda: self._output or self.closed, timeout)
            data = bytes(self._output)
            self._output.clear()
            return data

    def close(self):
        """Client side close: the port is released."""
        self._shutdown()
        self._modem.forget_link(self)

    def deliver(self, data: bytes):
        """Bytes from the modem to the client, appended atomically."""
        if self.closed:
            return
        with self._output_ready:
            self._output.extend(data)
            self._output_ready.notify_all()

    def finish(self, data: bytes):
        """Deliver the last bytes of an answer; from now on a new line is accepted (queued behind after-actions)."""
        with self._input_lock:
            self._busy = False
            self.deliver(data)

    def drop(self):
        """Modem side: the port vanished (reset / USB re-enumeration)."""
        self._shutdown()

    def enter_data_mode(self):
        """After CONNECT: bytes are PPP payload until the +++ escape."""
        with self._input_lock:
            self.data_mode = True
            self._data_tail = b""

    def wait_closed(self, timeout: float) -> bool:
        """Sleep up to timeout; returns early (True) if the link closes meanwhile."""
        return self._closed.wait(timeout)

    def _data_bytes(self, data: bytes):
        self._data_tail = (self._data_tail + data)[-len(ESCAPE_SEQUENCE):]
        if self._data_tail == ESCAPE_SEQUENCE:
            self.data_mode = False
            self._data_tail = b""
            self.deliver(b"\r\nOK\r\n")

    def _accept_line(self, raw: str):
        while BACKSPACE in raw:
            index = raw.index(BACKSPACE)
            raw = raw[:max(0, index - 1)] + raw[index + 1:]
        if not raw.strip() or self._busy:
            return
        self._busy = True
        self._lines.put(raw)

    def _serve(self):
        while True:
            line = self._lines.get()
            if line is None:
                return
            try:
                self._modem.serve_line(self, line)
            finally:
                with self._input_lock:
                    self._busy = False

    def _shutdown(self):
        if self.closed:
            return
        self._closed.set()
        with self._output_ready:
            self._output_ready.notify_all()
        if self._worker is not None:
            self._lines.put(None)
