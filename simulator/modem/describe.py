# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A profile in words: the commands it answers and the firmware variants it follows (`modem --describe`)."""

from __future__ import annotations

from .formats import CME_TEXTS_QUALCOMM

NDIS_QUERIES = {
    "oneline": 'one line, families quoted (^NDISSTATQRY: 0,,,"IPV4",0,,,"IPV6")',
    "multiline": "one unquoted line per family (^NDISSTATQRY: 0,,,IPV4)",
    "e353": "^NDISSTATQry:<stat>, IPv4 only",
    "cid": '<cid> first (^NDISSTATQRY: 1,0,,,"IPV4",0,,,"IPV6")',
}


def answered_commands(profile, handlers) -> list:
    """Extended commands (+ and ^) the profile answers."""
    return sorted(name for name in handlers if name[0] in "+^" and profile.supports(name))


def _spacing(profile) -> str:
    spacing = profile.space_after_colon
    groups = [f"{prefix} replies {'with' if spacing[prefix] else 'without'} a space" for prefix in ("^", "+")]
    exceptions = sorted(name for name in spacing if len(name) > 1 and spacing[name] != spacing[name[0]])
    return ", ".join(groups) + (f" (except {', '.join(exceptions)})" if exceptions else "")


def _registration(profile) -> str:
    style = profile.registration
    act = ", ".join(sorted(style.act_in)) or "none"
    return f"location {'quoted' if style.quoted_location else 'unquoted'}, <AcT> in: {act}"


def _syscfgex(profile) -> str:
    style = profile.syscfgex
    parts = [f"masks {'upper' if style.hex_upper else 'lower'} case", f"orders {','.join(style.acqorders)}", f"roam {style.roam_range}"]
    if style.trailing_empty_group:
        parts.append("=? in six groups")
    if not profile.lte:
        parts.append("LTE field empty")
    return ", ".join(parts)


def _dhcp(profile) -> str:
    style = profile.dhcp
    parts = [f"prefix {style.prefix}" if style.prefix else "no prefix", "upper case" if style.upper else "lower case"]
    if style.strip_leading_zeros:
        parts.append("leading zeros dropped")
    return ", ".join(parts)


def _syscfg(profile) -> str:
    if not profile.supports("^SYSCFGEX"):
        return "the mode and band setting itself"
    return "writes through to ^SYSCFGEX" if profile.syscfg.writable else "read-only view of ^SYSCFGEX"


def variants(profile) -> list:
    """(topic, choice) pairs: the firmware variants the profile follows (for the commands it answers)."""
    sysinfo, cgdcont, getportmode = profile.sysinfo, profile.cgdcont, profile.getportmode
    rows = [
        (None, "family", profile.family),
        (None, "unknown command", profile.unknown_command_reply),
        ("+CMEE", "+CMEE", f"{profile.cmee_default} after boot, {'3GPP (Qualcomm)' if profile.cme_texts is CME_TEXTS_QUALCOMM else 'Balong'} texts"),
        (None, "colon", _spacing(profile)),
        ("+CREG", "+CREG/+CGREG/+CEREG", _registration(profile)),
        ("^SYSINFO", "^SYSINFO", f"{sysinfo.sysinfo_fields} fields"),
        ("^SYSINFOEX", "^SYSINFOEX", f"lock_state '{sysinfo.lock_state}', names {'quoted' if sysinfo.quoted_names else 'unquoted'}"),
        ("^HCSQ", "^HCSQ", "sysmode quoted" if profile.hcsq_quoted else "sysmode unquoted"),
        ("^SYSCFGEX", "^SYSCFGEX", _syscfgex(profile)),
        ("^SYSCFG", "^SYSCFG", _syscfg(profile)),
        ("+CFUN", "+CFUN?", "<fun>,0" if profile.cfun_read_fields == 2 else "<fun>"),
        ("^NDISSTATQRY", "^NDISSTATQRY", NDIS_QUERIES[profile.ndis.query]),
        ("^NDISDUP", "^NDISSTAT", "family quoted" if profile.ndis.urc_quoted else "family unquoted"),
        ("^DHCP", "^DHCP", _dhcp(profile)),
        ("+CGDCONT", "+CGDCONT", f"cids {cgdcont.cid_min}-{cgdcont.cid_max}, address {cgdcont.address or 'empty'}, trailer {cgdcont.trailer}"),
        ("^GETPORTMODE", "^GETPORTMODE", f"{getportmode.lead}..., numbered from {getportmode.first_number}"
                                         f"{', trailing comma' if getportmode.trailing_comma else ''}"),
        (None, "ATD", "ERROR on a PCUI beside a modem port" if profile.pcui_refuses_dial else "dials on any AT port"),
        ("^TIME", "^TIME", "prints the clock" if profile.time_answers_clock else "URC switch only"),
    ]
    return [(topic, choice) for command, topic, choice in rows if command is None or profile.supports(command)]


def describe(profile, handlers) -> list:
    """Markdown lines for one profile."""
    lines = [f"#### {profile.name}", "", f"{profile.manufacturer} {profile.model} {profile.revision}: {profile.description}.", ""]
    lines.append("Answers: " + ", ".join(f"`{name}`" for name in answered_commands(profile, handlers)) + " (and the basic commands).")
    lines.append("")
    lines.extend(f"- {topic}: {choice}" for topic, choice in variants(profile))
    lines.append("")
    return lines
