# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The SIM: identity, PIN/PUK and PIN2/PUK2 with retry counters, the card lock, SMS storages."""

from __future__ import annotations

from dataclasses import dataclass

from .engine import BAD_PARAMETER, AtFault, Command, int_param, string_param


class Imsi(Command):
    """AT+CIMI (needs a usable SIM)."""

    sim_gated = True

    def exec_(self, ctx):
        return [ctx.identity.imsi(ctx.knobs.home_network)]

    def test(self, _ctx):
        return []


class Iccid(Command):
    """AT^ICCID? (allowed while PIN-locked)."""

    def read(self, ctx):
        sim_status(ctx.state)  # no SIM, or a failing one: the same error as +CPIN?
        return [ctx.reply("^ICCID", ctx.identity.iccid(ctx.knobs.home_network))]

    def test(self, _ctx):
        return []


PIN_STATUS_CODES = {"ready": "READY", "pin": "SIM PIN", "puk": "SIM PUK", "pin2": "SIM PIN2", "puk2": "SIM PUK2"}
# What +CPIN? answers instead of a code: no SIM, PUK used up, SIM busy/failing/wrong.
SIM_ERRORS = {"absent": 10, "blocked": 13, "busy": 14, "failure": 13, "wrong": 15}


def sim_status(state) -> str:
    """What the SIM asks for; a SIM that is missing or failing raises the CME error +CPIN? reports."""
    status = state.sim_status
    if status in SIM_ERRORS:
        raise AtFault.cme(SIM_ERRORS[status])
    return status


class Pin(Command):
    """AT+CPIN? / AT+CPIN="<pin>" / AT+CPIN="<puk>","<newpin>", for PIN/PUK and PIN2/PUK2."""

    max_params = 2

    def read(self, ctx):
        return [ctx.reply("+CPIN", PIN_STATUS_CODES[sim_status(ctx.state)])]

    def test(self, _ctx):
        return []

    def set_(self, ctx, params):
        status = sim_status(ctx.state)
        if status == "ready":
            raise AtFault.cme(3)
        secret = string_param(params[0] if params else None, 16)
        code = PIN_CODES[status]
        if status in ("pin", "pin2"):
            code.enter_pin(ctx.state, secret)
        elif len(params) < 2:
            raise AtFault.cme(12 if status == "puk" else 18)
        else:
            code.enter_puk(ctx.state, ctx.knobs, secret, string_param(params[1], 8))


@dataclass(frozen=True)
class PinCode:
    """One PIN/PUK pair of the SIM: the state attributes that hold it and its counters."""

    pin: str  # attribute with the PIN
    pin_retries: str
    puk_retries: str
    unlocked: str
    puk_knob: str

    def enter_pin(self, state, secret):
        """Right PIN: unlocked, counter back to 3; wrong: CME 16 and one try less."""
        self.check_pin(state, secret)
        setattr(state, self.unlocked, True)

    def check_pin(self, state, secret):
        """Right PIN: counter back to 3; wrong: CME 16 and one try less."""
        if secret == getattr(state, self.pin):
            setattr(state, self.pin_retries, 3)
            return
        setattr(state, self.pin_retries, getattr(state, self.pin_retries) - 1)
        raise AtFault.cme(16)

    def enter_puk(self, state, knobs, secret, new_pin):
        """Right PUK and a 4-8 digit new PIN: unlocked with the new PIN; wrong PUK: CME 16 and one try less."""
        if secret != getattr(knobs, self.puk_knob):
            setattr(state, self.puk_retries, getattr(state, self.puk_retries) - 1)
            raise AtFault.cme(16)
        if not 4 <= len(new_pin) <= 8 or not new_pin.isdigit():
            raise AtFault.cme(BAD_PARAMETER)
        setattr(state, self.pin, new_pin)
        setattr(state, self.unlocked, True)
        setattr(state, self.pin_retries, 3)
        setattr(state, self.puk_retries, 10)


_PIN1 = PinCode("sim_pin", "pin_retries", "puk_retries", "sim_unlocked", "puk")
_PIN2 = PinCode("sim_pin2", "pin2_retries", "puk2_retries", "pin2_unlocked", "puk2")
PIN_CODES = {"pin": _PIN1, "puk": _PIN1, "pin2": _PIN2, "puk2": _PIN2}


class PinCounters(Command):
    """AT^CPIN? → ^CPIN: <code>,[<times>],<puk>,<pin>,<puk2>,<pin2>: the retries left; <times> for the code asked."""

    def read(self, ctx):
        state = ctx.state
        status = sim_status(state)
        times = {
            "pin": state.pin_retries, "puk": state.puk_retries, "pin2": state.pin2_retries, "puk2": state.puk2_retries,
        }.get(status, "")
        counters = f"{state.puk_retries},{state.pin_retries},{state.puk2_retries},{state.pin2_retries}"
        return [ctx.reply("^CPIN", f"{PIN_STATUS_CODES[status]},{times},{counters}")]


class FacilityLock(Command):
    """AT+CLCK="SC",<mode>[,"<pin>"]: the SIM's PIN lock; mode 2 queries it, 0/1 switch it off/on with the PIN."""

    max_params = 3
    FACILITY = "SC"

    def set_(self, ctx, params):
        if not params or string_param(params[0], 2).upper() != self.FACILITY:
            raise AtFault.cme(4)  # only the SIM's own lock is modelled
        mode = int_param(params[1] if len(params) > 1 else None, (0, 1, 2))
        status = sim_status(ctx.state)
        if mode == 2:
            return [ctx.reply("+CLCK", str(int(ctx.state.pin_lock)))]
        if status != "ready":
            raise AtFault.cme({"pin": 11, "puk": 12}.get(status, 3))
        _PIN1.check_pin(ctx.state, string_param(params[2] if len(params) > 2 else None, 16))
        ctx.state.sim_pin_lock = mode == 1
        return []

    def test(self, ctx):
        return [ctx.reply("+CLCK", '("SC")')]


class CardLock(Command):
    """AT^CARDLOCK? → not locked (real E3372h: ^CARDLOCK: 2,10,0)."""

    sim_gated = True

    def read(self, ctx):
        return [ctx.reply("^CARDLOCK", "2,10,0")]


class MessageStorage(Command):
    """AT+CPMS: the SMS storages for reading, writing and receiving, with used/total counts (no messages are stored)."""

    max_params = 3
    sim_gated = True
    CAPACITY = {"SM": 50, "ME": 100, "MT": 150, "SR": 10}

    def read(self, ctx):
        return [ctx.reply("+CPMS", ",".join(f'"{memory}",0,{self.CAPACITY[memory]}' for memory in ctx.state.sms_memories))]

    def test(self, ctx):
        group = "(" + ",".join(f'"{memory}"' for memory in ctx.profile.sms_storages) + ")"
        return [ctx.reply("+CPMS", ",".join([group] * 3))]

    def set_(self, ctx, params):
        chosen = [string_param(param, 2).upper() for param in params]
        if not chosen or any(memory not in ctx.profile.sms_storages for memory in chosen):
            raise AtFault.cme(BAD_PARAMETER)
        memories = tuple(chosen + list(ctx.state.sms_memories[len(chosen):]))
        ctx.state.sms_memories = memories
        return [ctx.reply("+CPMS", ",".join(f"0,{self.CAPACITY[memory]}" for memory in memories))]


HANDLERS = {
    "+CIMI": Imsi(), "^ICCID": Iccid(), "+CPIN": Pin(), "^CPIN": PinCounters(), "^CARDLOCK": CardLock(), "+CLCK": FacilityLock(),
    "+CPMS": MessageStorage(),
}
