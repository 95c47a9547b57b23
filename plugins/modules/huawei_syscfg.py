#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: huawei_syscfg
short_description: Manage roaming, network mode order, bands and service domain of a Huawei modem
version_added: 1.0.0
description:
  - Sets the roaming, RAT order, GSM/UMTS bands, LTE bands and service domain that a Huawei modem keeps in
    C(AT^SYSCFGEX) (LTE modems) or C(AT^SYSCFG) (3G-only modems such as the E3531).
  - Only the options given are managed; an option left out keeps the modem's value.
  - Reads C(AT^SYSCFGEX?) first. When something differs it sends one write that replaces only the fields that differ
    and repeats every other field exactly as the modem printed it, with the read-back on the same command line
    (C(;^SYSCFGEX?)), and fails if the settings read back do not match.
  - A new mode order, band list or service domain is checked against what the modem lists in C(AT^SYSCFGEX=?)
    (allowed mode orders, roam and service domain values, supported band masks) before anything is written; the
    test command is asked only then (every firmware takes roaming on and off).
  - On modems without C(AT^SYSCFGEX) the module uses C(AT^SYSCFG=<mode>,<acqorder>,<band>,<roam>,<srvdomain>);
    O(mode_order) is then one of V([auto]), V([gsm, wcdma]), V([wcdma, gsm]), V([gsm]), V([wcdma]) and
    O(lte_bands) is refused.
author:
  - lte.modem contributors (@lte-modem)
extends_documentation_fragment:
  - lte.modem.connection
  - lte.modem.attributes
  - lte.modem.attributes.state
options:
  roaming:
    description:
      - Whether the modem may register on a visited network (the C(<roam>) field, V(true) = 1, V(false) = 0).
      - On a MikroTik router this is the modem's own setting; the router's C(allow-roaming) of the LTE
        interface is a separate setting, see R(the roaming guide,ansible_collections.lte.modem.docsite.roaming).
    type: bool
  mode_order:
    description:
      - The radio access technologies the modem may use, in order of preference, or V([auto]) to let the modem choose.
      - RAT names are V(gsm), V(wcdma), V(lte), V(cdma), V(evdo), V(nr); V(auto) stands alone.
      - For example V([lte]) is LTE only and V([lte, wcdma, gsm]) prefers LTE, then WCDMA, then GSM.
      - Must be one of the orders the modem lists in C(AT^SYSCFGEX=?); many modules list only single RATs and V(auto).
    type: list
    elements: str
  bands:
    description:
      - GSM/UMTS bands to allow, by name (V(GSM1800), V(EGSM900), V(PGSM900), V(GSM850), V(RGSM900), V(GSM1900),
        V(WCDMA_B1) ... V(WCDMA_B19)), or V([all]).
      - Must be within the bands the modem lists in C(AT^SYSCFGEX=?).
    type: list
    elements: str
  lte_bands:
    description:
      - LTE bands to allow, as V(B3), V(b20) or V(20), or V([all]).
      - Must be within the bands the modem lists in C(AT^SYSCFGEX=?). Refused on modems without LTE.
    type: list
    elements: str
  service_domain:
    description:
      - The service domain to register for - V(cs_only), V(ps_only) (data only), V(cs_ps) or V(any).
      - With LTE in the mode order the modem refuses V(cs_only) and V(any); such a request is refused before
        anything is written.
    type: str
    choices: [cs_only, ps_only, cs_ps, any]
notes:
  - At least one of O(roaming), O(mode_order), O(bands), O(lte_bands), O(service_domain) is required.
  - RV(before) and RV(after) always show all five fields, so a diff reads the same on every modem; band lists are
    computed from the masks (V([all]) for the "All Bands" mask, C(BIT<n>) for a bit without a name).
  - On modems without C(AT^SYSCFGEX) the module also asks C(AT^SYSCFG?) and C(AT^SYSCFG=?), on one more command line.
  - When C(AT^SYSCFGEX=?) fails (some stick firmware refuses it while the SIM is locked), requested values are not
    checked against the modem's lists and the modem itself decides.
seealso:
  - module: lte.modem.huawei_info
  - module: lte.modem.huawei_apn
  - ref: ansible_collections.lte.modem.docsite.roaming
    description: "Roaming on a MikroTik router: the modem's roam field and RouterOS allow-roaming."
"""

EXAMPLES = r"""
---
# A MikroTik router whose ME909u-521 has roaming off (^SYSCFGEX: "00",3FFFFFFF,0,1,7FFFFFFFFFFFFFFF): only the roam field changes.
- name: Allow roaming in the modem behind lte1
  lte.modem.huawei_syscfg:
    transport: routeros_api
    username: admin
    password: "{{ routeros_password }}"
    roaming: true

- name: LTE only, on bands 3 and 20, data only
  lte.modem.huawei_syscfg:
    device: /dev/serial/by-id/usb-HUAWEI_Technology_HUAWEI_Mobile-if02-port0
    mode_order: [lte]
    lte_bands: [B3, B20]
    service_domain: ps_only

- name: Let the modem choose the RAT again, on every band
  lte.modem.huawei_syscfg:
    device: /dev/ttyUSB2
    mode_order: [auto]
    bands: [all]
    lte_bands: [all]

- name: Prefer WCDMA on a 3G stick (uses AT^SYSCFG)
  lte.modem.huawei_syscfg:
    device: /dev/ttyUSB0
    mode_order: [wcdma, gsm]
    roaming: false
"""

RETURN = r"""
changed:
  description: Whether a setting was written (or would be, in check mode).
  returned: always
  type: bool
  sample: true
commands:
  description: The AT commands sent to change the settings, or that would be sent in check mode. Reads are not listed.
  returned: always
  type: list
  elements: str
  sample: ['AT^SYSCFGEX="00",3FFFFFFF,1,1,7FFFFFFFFFFFFFFF,,']
before:
  description: The managed settings as the modem had them.
  returned: always
  type: dict
  contains:
    roaming:
      description: Whether roaming is allowed; null when the modem reports "no change".
      type: bool
      sample: false
    mode_order:
      description: RAT names in order of preference, or V([auto]).
      type: list
      elements: str
      sample: [auto]
    bands:
      description: Allowed GSM/UMTS bands, or V([all]).
      type: list
      elements: str
      sample: [all]
    lte_bands:
      description: Allowed LTE bands, or V([all]); null on modems without LTE.
      type: list
      elements: str
      sample: [B1, B3, B20]
    service_domain:
      description: V(cs_only), V(ps_only), V(cs_ps), V(any) (or V(null) on firmware that reports it).
      type: str
      sample: ps_only
  sample: {roaming: false, mode_order: [auto], bands: [all], lte_bands: [all], service_domain: ps_only}
after:
  description: The managed settings as read back after the write; in check mode the predicted settings. Same keys as RV(before).
  returned: always
  type: dict
  sample: {roaming: true, mode_order: [auto], bands: [all], lte_bands: [all], service_domain: ps_only}
diff:
  description: RV(before) and RV(after), for C(--diff).
  returned: when diff mode is on
  type: dict
  contains:
    before:
      description: Same as RV(before).
      type: dict
    after:
      description: Same as RV(after).
      type: dict
urcs:
  description: Unsolicited result codes received meanwhile.
  returned: when any were received
  type: list
  elements: str
  sample: ['^RSSI:20']
"""

# Before any other import of the collection: older Pythons get a clear failure, not a SyntaxError.
from ansible_collections.lte.modem.plugins.module_utils._python import require_python

require_python('huawei_syscfg')

from ansible_collections.lte.modem.plugins.module_utils._state.syscfg import SyscfgResource  # noqa: E402
from ansible_collections.lte.modem.plugins.module_utils._tasks.base import resource_task  # noqa: E402
from ansible_collections.lte.modem.plugins.module_utils._tasks.runner import run_module  # noqa: E402


def main():
    run_module(resource_task(SyscfgResource()))


if __name__ == '__main__':
    main()
