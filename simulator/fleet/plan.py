# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""What each router of a fleet is: profile, role (up, down, slow, refusing logins), SIM and modem knobs.

Mixes are given as shares of the fleet: a count (``3``) or a percentage (``"5%"``). Which routers get
what is drawn from the seed, so the same seed gives the same fleet. Per-router specs come last and win:
``router07: "foreign-sim,slow,profile=E3372h-153,sim=pin,allow-roaming=no"``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Callable

from ..modem import PROFILES
from .knobs import KnobValues, make_knobs, read_knob_assignment

ROLES = ("up", "down", "slow", "refuse-login")
FOREIGN_SIM = {"home_network": False}


@dataclass
class FleetMix:
    """How the routers of a fleet differ; shares are counts (``3``) or percentages of the fleet (``"5%"``).

    ``profiles``: ``"ME909u-521:10,ME906s-158:5,E3372h-153"`` (an entry without a share takes the rest,
    split evenly); ``routers``: per-router specs by name (see ``read_router_spec``).
    """

    profiles: str | None = None
    foreign_sims: int | str = 0
    down: int | str = 0
    slow: int | str = 0
    refuse_login: int | str = 0
    routers: dict[str, str] = field(default_factory=dict)


@dataclass
class RouterPlan:
    """One router as planned: name, address, modem profile, role, and its modem's knob values."""

    index: int
    name: str
    address: str
    profile: str
    role: str = "up"
    knobs: KnobValues = field(default_factory=dict)
    # the router's own allow-roaming on lte1 (RouterOS keeps its data session down while roaming without it)
    allow_roaming: bool = True

    @property
    def foreign_sim(self) -> bool:
        """True when the SIM registers only while roaming is allowed (the modem's home_network knob off)."""
        return self.knobs.get("home_network") is False


def share_count(share: int | str, total: int, what: str) -> int:
    """A share as a number of routers: ``3`` -> 3, ``"25%"`` of 20 -> 5 (rounded half up)."""
    text = str(share).strip()
    try:
        count = int(float(text[:-1]) * total / 100 + 0.5) if text.endswith("%") else int(text)
    except ValueError:
        raise ValueError(f"{what}: {share!r} is neither a count nor a percentage") from None
    if not 0 <= count <= total:
        raise ValueError(f"{what}: {share!r} is not between 0 and {total} routers")
    return count


def router_names(count: int) -> list[str]:
    """``router01`` … (at least two digits, more for large fleets so that names sort)."""
    width = max(2, len(str(count)))
    return [f"router{index:0{width}d}" for index in range(1, count + 1)]


def _draw(seed: int, topic: str, count: int) -> list[int]:
    """A seeded permutation of router positions, one per topic (so that a new topic does not reshuffle the others)."""
    order = list(range(count))
    random.Random(f"{seed}:{topic}").shuffle(order)
    return order


def profile_list(spec: str, count: int, seed: int) -> list[str]:
    """The profile of each router from a mix such as ``"ME909u-521:10,ME906s-158:5,E3372h-153"``."""
    entries = [part.strip().partition(":") for part in spec.split(",") if part.strip()]
    unknown = [name for name, dummy, dummy in entries if name not in PROFILES]
    if unknown or not entries:
        raise ValueError(f"profiles: unknown profile(s) {', '.join(unknown) or spec!r}; known: {', '.join(PROFILES)}")
    counts = {name: share_count(share, count, f"profiles {name}") for name, colon, share in entries if colon}
    rest = [name for name, colon, dummy in entries if not colon]
    left = count - sum(counts.values())
    if left < 0 or (left and not rest):
        raise ValueError(f"profiles: {spec!r} gives {sum(counts.values())} routers, the fleet has {count}")
    for position, name in enumerate(rest):
        counts[name] = left // len(rest) + (position < left % len(rest))
    names = [name for name, number in counts.items() for dummy in range(number)]
    return [names[position] for position in _draw(seed, "profiles", count)]


def role_list(mix: FleetMix, count: int, seed: int) -> list[str]:
    """The role of each router: disjoint seeded draws of down, slow and refuse-login routers."""
    roles = ["up"] * count
    order = iter(_draw(seed, "roles", count))
    for role, share in (("down", mix.down), ("slow", mix.slow), ("refuse-login", mix.refuse_login)):
        for dummy in range(share_count(share, count, role)):
            position = next(order, None)
            if position is None:
                raise ValueError("down, slow and refuse-login add up to more routers than the fleet has")
            roles[position] = role
    return roles


# A word of a per-router spec that needs no value
SPEC_WORDS: dict[str, Callable[[RouterPlan], None]] = {
    **{role: (lambda plan, role=role: setattr(plan, "role", role)) for role in ROLES},
    "foreign-sim": lambda plan: plan.knobs.update(FOREIGN_SIM),
    "home-sim": lambda plan: plan.knobs.update(home_network=True),
}


def apply_router_spec(plan: RouterPlan, spec: str) -> None:
    """Apply ``"foreign-sim,slow,profile=E3372h-153,sim=pin"``: roles, SIM words, ``profile=``, ``allow-roaming=``, any modem knob."""
    for word in (part.strip() for part in spec.split(",") if part.strip()):
        if word in SPEC_WORDS:
            SPEC_WORDS[word](plan)
        elif word.startswith("allow-roaming="):
            plan.allow_roaming = read_yes_no(word.partition("=")[2], f"{plan.name}: allow-roaming")
        elif word.startswith("profile="):
            profile = word.partition("=")[2]
            if profile not in PROFILES:
                raise ValueError(f"{plan.name}: unknown profile {profile!r}")
            plan.profile = profile
        else:
            name, value = read_knob_assignment(word)
            plan.knobs[name] = value


def read_yes_no(value: str, what: str) -> bool:
    """``yes``/``no`` (or true/false) as RouterOS takes them."""
    lowered = value.strip().lower()
    if lowered not in ("yes", "no", "true", "false"):
        raise ValueError(f"{what}: {value!r} is neither yes nor no")
    return lowered in ("yes", "true")


def read_router_spec(text: str) -> tuple[str, str]:
    """``"router07:foreign-sim,slow"`` -> ``("router07", "foreign-sim,slow")``."""
    name, colon, spec = text.partition(":")
    if not colon or not name.strip():
        raise ValueError(f"{text!r}: expected NAME:SPEC, e.g. router07:foreign-sim,slow")
    return name.strip(), spec


def plan_fleet(addresses: list[str], profile: str, mix: FleetMix, knobs: KnobValues, seed: int,  # pylint: disable=too-many-arguments
               allow_roaming: bool = True) -> list[RouterPlan]:
    """Every router of the fleet, planned (``allow_roaming``: the routers' allow-roaming unless a spec says otherwise)."""
    count = len(addresses)
    names = router_names(count)
    profiles = profile_list(mix.profiles or profile, count, seed)
    roles = role_list(mix, count, seed)
    foreign = set(_draw(seed, "foreign-sim", count)[:share_count(mix.foreign_sims, count, "foreign SIMs")])
    plans = [RouterPlan(index, names[index], addresses[index], profiles[index], roles[index],
                        dict(knobs) | (FOREIGN_SIM if index in foreign else {}), allow_roaming) for index in range(count)]
    by_name = {plan.name: plan for plan in plans}
    for name, spec in mix.routers.items():
        if name not in by_name:
            raise ValueError(f"no router named {name!r} in a fleet of {count} ({names[0]}…{names[-1]})")
        apply_router_spec(by_name[name], spec)
    for plan in plans:
        try:
            make_knobs(plan.knobs)  # refuse bad knob values now, not when the modem is first used
        except TypeError as error:
            raise ValueError(f"{plan.name}: {error}") from None
    return plans


def members(plans: list[RouterPlan], test: Callable[[RouterPlan], Any]) -> list[str]:
    """Names of the routers for which ``test`` holds."""
    return [plan.name for plan in plans if test(plan)]
