# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The facet options of huawei_modem (module and role) are the single-purpose modules' own documentation."""

from __future__ import annotations

from ansible_collections.lte.modem.plugins.module_utils._tasks.huawei_modem import FACETS

from tools import facet_docs


def test_module_and_role_documentation_are_up_to_date():
    assert facet_docs.main(['--check']) == 0


def test_a_changed_option_description_makes_them_stale(monkeypatch, capsys):
    original = facet_docs.module_options

    def edited(module):
        options = original(module)
        if module == 'huawei_radio':
            options['rf']['description'] = ['Edited.']
        return options
    monkeypatch.setattr(facet_docs, 'module_options', edited)
    assert facet_docs.main(['--check']) == 1
    assert 'plugins/modules/huawei_modem.py' in capsys.readouterr().err


def test_facets_are_those_of_the_module():
    assert list(facet_docs.FACETS) == [facet.name for facet in FACETS]
    assert [module for module, dummy, dummy in facet_docs.FACETS.values()] == ['huawei_%s' % facet.resource.name for facet in FACETS]
    assert {name: key for name, (dummy, dummy, key) in facet_docs.FACETS.items()} == {facet.name: facet.key for facet in FACETS}


def test_references_to_options_of_the_facet_are_nested():
    block = facet_docs.module_block()
    assert 'O(sim.pin_lock)' in ' '.join(block['sim']['suboptions']['pin']['description'])
    role = facet_docs.role_block()
    pin = ' '.join(role['huawei_modem_sim']['options']['pin']['description'])
    assert 'O(huawei_modem_sim.pin_lock)' in pin
    assert not any('RV(' in line for spec in role.values() for option in spec['options'].values() for line in option['description'])
