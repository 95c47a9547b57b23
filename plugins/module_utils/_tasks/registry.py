# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""Every module's task by module name: what the action plugin runs in the controller process.

A desired-state module is named after its resource (``huawei_<resource>``); the others, and
``huawei_modem`` that manages every resource at once, have a task of their own.
"""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._state.registry import RESOURCES
from ansible_collections.lte.modem.plugins.module_utils._tasks import huawei_at, huawei_diagnose, huawei_info, huawei_modem
from ansible_collections.lte.modem.plugins.module_utils._tasks.base import resource_task

TASKS = dict(
    {'huawei_at': huawei_at.TASK, 'huawei_info': huawei_info.TASK, 'huawei_modem': huawei_modem.TASK,
     'huawei_diagnose': huawei_diagnose.TASK},
    **{'huawei_%s' % name: resource_task(resource) for name, resource in RESOURCES.items()}
)


def task_for(module):
    """The task of a module, by short name or FQCN (``lte.modem.huawei_apn``); KeyError for another module."""
    return TASKS[module.rsplit('.', 1)[-1]]
