# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Mode and band selection: ^SYSCFGEX, ^SYSCFG (its older 2G/3G form) and ^PREFMODE.

Firmware with ^SYSCFGEX keeps one setting; ^SYSCFG and ^PREFMODE show it in their terms
(LTE firmware only reads them, 3G firmware also writes through ^SYSCFG).
"""

from __future__ import annotations

from .engine import BAD_PARAMETER, AtFault, Command, hex_param, int_param
from .network import acqorder_rats

ANY_GSM_BANDS = 0x3FFFFFFF
ANY_LTE_BANDS = 0x7FFFFFFFFFFFFFFF
NO_CHANGE_BANDS = 0x40000000
NOT_SUPPORTED = 4

# ^SYSCFG (mode, acqorder) ↔ the 2G/3G part of a ^SYSCFGEX mode order.
SYSCFG_OF_RATS = {(): (2, 0), ("GSM",): (13, 1), ("WCDMA",): (14, 2), ("GSM", "WCDMA"): (2, 1), ("WCDMA", "GSM"): (2, 2)}
ORDER_OF_SYSCFG = {(2, 0): "00", (2, 1): "0102", (2, 2): "0201", (13, 1): "01", (14, 2): "02"}
# ^PREFMODE: 2 GSM preferred, 4 WCDMA preferred, 8 automatic.
PREFMODE_OF_ACQORDER = {1: 2, 2: 4}


def band_list(groups, any_mask, label, any_first=False) -> str:
    """A =? band group: ((mask,"names"),...,(any,"All Bands")); empty without groups (no LTE)."""
    if not groups:
        return ""
    entries = [str(group) for group in groups]
    any_entry = f'({any_mask:x},"{label}")'
    entries = [any_entry] + entries if any_first else entries + [any_entry]
    return "(" + ",".join(entries) + ")"


def band_value(param, supported: int, any_mask, current) -> int:
    """A band mask parameter: empty or 40000000 keep the current one; others must be within the device's bands."""
    value = hex_param(param, default=NO_CHANGE_BANDS)
    if value == NO_CHANGE_BANDS:
        return current
    if value == any_mask or (value and not value & ~supported):
        return value
    raise AtFault.cme(BAD_PARAMETER)


def _pairs(order: str) -> list:
    return [order[index:index + 2] for index in range(0, len(order), 2)]


class SystemConfigEx(Command):
    """AT^SYSCFGEX: only the fields given change; "99", 40000000, 2 and 4 mean no change."""

    max_params = 7

    def read(self, ctx):
        config, style = ctx.state.syscfgex, ctx.profile.syscfgex
        digits = "X" if style.hex_upper else "x"
        lte = "" if config.lteband is None else format(config.lteband, digits)
        body = f'"{config.acqorder}",{format(config.band, digits)},{config.roam},{config.srvdomain},{lte}'
        return [ctx.reply("^SYSCFGEX", body)]

    def test(self, ctx):
        profile, style = ctx.profile, ctx.profile.syscfgex
        bands = profile.bands
        orders = "(" + ",".join(f'"{order}"' for order in style.acqorders) + ")"
        groups = [
            orders, band_list(bands.gsm, ANY_GSM_BANDS, bands.all_label, bands.all_first),
            style.roam_range, style.srvdomain_range, band_list(bands.lte, ANY_LTE_BANDS, bands.all_lte_label, bands.all_first),
        ]
        return ["^SYSCFGEX: " + ",".join(groups) + ("," if style.trailing_empty_group else "")]

    def set_(self, ctx, params):
        if len(params) < 5:
            raise AtFault.cme(BAD_PARAMETER)
        config, profile = ctx.state.syscfgex, ctx.profile
        order_param = params[0]
        if not order_param.quoted or order_param.value not in profile.syscfgex.acqorders:
            raise AtFault.cme(BAD_PARAMETER)
        acqorder = config.acqorder if order_param.value == "99" else order_param.value
        band = band_value(params[1], profile.bands.gsm_mask, ANY_GSM_BANDS, config.band)
        roam = int_param(params[2], range(profile.syscfgex.roam_max + 1), default=2)
        srvdomain = int_param(params[3], range(5), default=4)
        lteband = self._lte_band(profile, params[4], config.lteband)
        roam = config.roam if roam == 2 else roam
        srvdomain = config.srvdomain if srvdomain == 4 else srvdomain
        if "LTE" in acqorder_rats(acqorder, profile.lte) and srvdomain in (0, 3):
            raise AtFault.cme(BAD_PARAMETER)  # CS-only / any domain not allowed with LTE in the mode
        config.acqorder, config.band, config.roam = acqorder, band, roam
        config.srvdomain, config.lteband = srvdomain, lteband

    @staticmethod
    def _lte_band(profile, param, current):
        if profile.lte:
            return band_value(param, profile.bands.lte_mask, ANY_LTE_BANDS, current)
        # 3G firmware takes the LTE field empty, as "no change" or as "any", and keeps none
        if param.empty or hex_param(param) in (NO_CHANGE_BANDS, ANY_LTE_BANDS):
            return None
        raise AtFault.cme(BAD_PARAMETER)


def syscfg_view(state) -> tuple:
    """(mode, acqorder, band, roam, srvdomain) as ^SYSCFG shows the setting."""
    if state.syscfg is not None:
        config = state.syscfg
        return config.mode, config.acqorder, config.band, config.roam, config.srvdomain
    config = state.syscfgex
    rats = tuple(rat for rat in acqorder_rats(config.acqorder, True) if rat != "LTE")
    mode, acqorder = (2, 0) if config.acqorder == "00" else SYSCFG_OF_RATS[rats]
    return mode, acqorder, config.band, config.roam, config.srvdomain


class SystemConfig(Command):
    """AT^SYSCFG=<mode>,<acqorder>,<band>,<roam>,<srvdomain>; mode 2 auto, 13 GSM, 14 WCDMA, 16 no change."""

    max_params = 5
    MODES = (2, 13, 14, 16)

    def read(self, ctx):
        mode, acqorder, band, roam, srvdomain = syscfg_view(ctx.state)
        return [ctx.reply("^SYSCFG", f"{mode},{acqorder},{band:X},{roam},{srvdomain}")]

    def test(self, ctx):
        profile = ctx.profile
        bands = band_list(profile.bands.gsm, ANY_GSM_BANDS, profile.bands.all_label, profile.bands.all_first)
        return [ctx.reply("^SYSCFG", f"{profile.syscfg.modes},{profile.syscfg.acqorders},{bands},(0-2),(0-4)")]

    def set_(self, ctx, params):
        if not ctx.profile.syscfg.writable:
            raise AtFault.cme(NOT_SUPPORTED)  # LTE firmware: read-only, the mode is set with ^SYSCFGEX
        if len(params) < 5:
            raise AtFault.cme(BAD_PARAMETER)
        old_mode, old_acqorder, old_band, old_roam, old_srvdomain = syscfg_view(ctx.state)
        mode = int_param(params[0], self.MODES)
        acqorder = int_param(params[1], range(4))
        band = band_value(params[2], ctx.profile.bands.gsm_mask, ANY_GSM_BANDS, old_band)
        roam = int_param(params[3], range(3))
        srvdomain = int_param(params[4], range(5))
        mode = old_mode if mode == 16 else mode
        acqorder = old_acqorder if acqorder == 3 else acqorder
        if mode in (13, 14):
            acqorder = 1 if mode == 13 else 2  # single-mode stores its own RAT first
        values = (mode, acqorder, band, old_roam if roam == 2 else roam, old_srvdomain if srvdomain == 4 else srvdomain)
        self._store(ctx, values)

    @staticmethod
    def _store(ctx, values):
        mode, acqorder, band, roam, srvdomain = values
        if ctx.state.syscfg is not None:
            config = ctx.state.syscfg
            config.mode, config.acqorder, config.band, config.roam, config.srvdomain = values
            return
        config = ctx.state.syscfgex
        config.acqorder, config.band, config.roam, config.srvdomain = ORDER_OF_SYSCFG[(mode, acqorder)], band, roam, srvdomain


class PreferredMode(Command):
    """AT^PREFMODE? → ^PREFMODE:<n> (2 GSM first, 4 WCDMA first, 8 automatic), read-only here; =? lists the modes."""

    def read(self, ctx):
        dummy, acqorder, *rest = syscfg_view(ctx.state)
        return [ctx.reply("^PREFMODE", str(PREFMODE_OF_ACQORDER.get(acqorder, 8)))]

    def test(self, ctx):
        return [ctx.reply("^PREFMODE", ctx.profile.prefmode_modes)]


HANDLERS = {"^SYSCFGEX": SystemConfigEx(), "^SYSCFG": SystemConfig(), "^PREFMODE": PreferredMode()}
