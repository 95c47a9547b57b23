# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""What huawei_info does: gather facts by subset; unsupported parts become notes."""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._huawei.facts import gather, resolve_subsets
from ansible_collections.lte.modem.plugins.module_utils._tasks.base import ModuleTask


def validate(params):
    resolve_subsets(params['gather_subset'])


def run(modem, params, check_mode, diff):
    subsets = resolve_subsets(params['gather_subset'])
    facts, notes = gather(modem, subsets)
    return dict(changed=False, modem=facts, gathered_subsets=subsets, notes=notes, commands=modem.sent)


TASK = ModuleTask(
    argument_spec=dict(
        gather_subset=dict(type='list', elements='str', default=['all']),
    ),
    run=run,
    validate=validate,
)
