# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""USB composition: ^SETPORT (applied at the next reset) and ^GETPORTMODE (interface numbers of the active one)."""

from __future__ import annotations

from .engine import AtFault, Command
from .formats import AT_PORT_FUNCTIONS


class SetPort(Command):
    """AT^SETPORT: USB composition, applied only at the next reset; ^SETPORT? shows the old one until then."""

    max_params = 1

    def read(self, ctx):
        first, rewind = ctx.state.setport_current.split(";")
        if first == "FF":
            first = ctx.profile.setport_ff_displayed_as
        return [f"^SETPORT:{first};{rewind}"]  # no space after the colon on every firmware seen

    def test(self, ctx):
        return [f"^SETPORT:{code}: {name}" for code, name in ctx.profile.setport_functions]

    def set_(self, ctx, params):
        if not params or not params[0].quoted:
            raise AtFault.error()
        ctx.state.setport_pending = self.canonical(ctx.profile, params[0].value)

    @staticmethod
    def canonical(profile, text: str) -> str:
        """Validated "FIRST;REWIND" in upper case with FF explicit; ERROR when invalid."""
        if text.count(";") != 1 or len(text) > 50:
            raise AtFault.error()
        first_text, rewind_text = (part.strip().upper() for part in text.split(";"))
        first = [code.strip() for code in first_text.split(",")] if first_text else ["FF"]
        if first not in (["FF"], ["A1"], ["A1", "A2"]):
            raise AtFault.error()
        rewind = [code.strip() for code in rewind_text.split(",")] if rewind_text else []
        if not rewind or len(set(rewind)) != len(rewind) or any(code not in profile.port_codes for code in rewind):
            raise AtFault.error()
        return f"{','.join(first)};{','.join(rewind)}"


def has_at_port(composition: str) -> bool:
    """True if the composition contains a PCUI or modem port."""
    rewind = rewind_codes(composition)
    return any(code in rewind for codes in AT_PORT_FUNCTIONS.values() for code in codes)


class PortMode(Command):
    """AT^GETPORTMODE: the interfaces of the active composition with their USB interface numbers.

    The numbers follow the composition's order (so the ^SETPORT default of each profile gives
    its port layout); the names, the vendor text and the numbering base are the profile's.
    """

    def exec_(self, ctx):
        style = ctx.profile.getportmode
        codes = [code for code in rewind_codes(ctx.state.setport_current) if code in style.names]
        entries = [f"{style.names[code]}:{number}" for number, code in enumerate(codes, start=style.first_number)]
        return [style.lead + ",".join(entries) + ("," if style.trailing_comma else "")]


def rewind_codes(composition: str) -> list:
    """Function codes of the composition after the mode switch."""
    return composition.split(";")[1].split(",")


HANDLERS = {"^SETPORT": SetPort(), "^GETPORTMODE": PortMode()}
