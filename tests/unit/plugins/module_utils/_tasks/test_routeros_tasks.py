# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The router's own LTE settings in the tasks: huawei_info's routeros subset, the routeros facet, huawei_routeros, huawei_diagnose."""

from __future__ import annotations

import pytest

from ansible_collections.lte.modem.plugins.module_utils._at.commands import is_read_only
from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError, RouterCommandError
from ansible_collections.lte.modem.plugins.module_utils._tasks import huawei_diagnose, huawei_info, huawei_modem, runner
from ansible_collections.lte.modem.plugins.module_utils._tasks.registry import task_for

from .._huawei.test_diagnosis import HEALTHY, ModemTranscript
from .._state.test_routeros import FakeRouter

ROAMING = {'AT+CREG?': ['+CREG: 0,5'], 'AT+CGREG?': ['+CGREG: 0,5'], 'AT+CEREG?': ['+CEREG: 0,5']}


class BrokenRouter(FakeRouter):
    """A router that does not let its settings be read (a user without the read policy)."""

    def read(self, running=False):
        raise RouterCommandError('RouterOS at 192.0.2.1 refused /interface/lte/print: not enough permissions (9)')


def execute(task, changes=(), router=None, transport='routeros_api', check_mode=False, diff=False, monkeypatch=None, **given):
    """Run ``task`` on a transcript modem (HEALTHY with ``changes``) behind ``router`` (None: a serial port)."""
    values = {name: spec.get('default') for name, spec in task.argument_spec.items()}
    values.update(transport=transport, hostname='192.0.2.1', device='/dev/ttyUSB2', timeout=1.0, **given)
    modem = ModemTranscript(dict(HEALTHY, **dict(changes)))
    monkeypatch.setattr(runner, 'open_router', lambda transport_object, params: router)
    result = runner.execute(task, values, check_mode=check_mode, diff=diff, transport_factory=lambda params: modem,
                            lock_directory=str(monkeypatch.tmp_dir))
    return result, modem


@pytest.fixture(name='run')
def fixture_run(monkeypatch, tmp_path):
    monkeypatch.tmp_dir = tmp_path

    def run(task, changes=(), router=None, **options):
        return execute(task, changes, router, monkeypatch=monkeypatch, **options)
    return run


def test_info_shows_the_router_beside_the_modem_and_notes_the_disagreement(run):
    result, modem = run(huawei_info.TASK, ROAMING, FakeRouter(allow_roaming=False), gather_subset=['routeros'])
    assert result['gathered_subsets'] == ['routeros']
    routeros = result['modem']['routeros']
    assert routeros['interface']['allow_roaming'] is False and routeros['apn_profiles'][0]['name'] == 'default'
    assert routeros['compared']['roaming'] == {'routeros': False, 'modem': True, 'agree': False, 'registration': 'roaming'}
    # the router dials the default profile's APN, the modem's context 1 has another
    assert [note['response'] for note in result['notes'] if note['subset'] == 'routeros'] == [
        ['allow-roaming=no', 'roam field 1'], ['apn=internet', '+CGDCONT: 1,"internet.t-mobile"']]
    # the modem's own values come from one line: the roam field, the contexts and the registration
    assert modem.sent == ['AT+CREG?;+CGREG?;+CGDCONT?;^SYSCFGEX?;+CEREG?']


def test_info_on_a_serial_port_skips_the_routeros_subset_with_a_note(run):
    result, modem = run(huawei_info.TASK, transport='serial', gather_subset=['routeros'])
    assert result['gathered_subsets'] == [] and modem.sent == [] and 'routeros' not in result['modem']
    assert result['notes'][0]['subset'] == 'routeros' and 'serial port' in result['notes'][0]['reason']
    # all gathers what the transport has: no routeros, and no note about it
    result, modem = run(huawei_info.TASK, transport='serial', gather_subset=['all'])
    assert 'routeros' not in result['gathered_subsets'] and 'identity' in result['gathered_subsets']
    assert [note['subset'] for note in result['notes']].count('routeros') == 0


def test_info_notes_a_router_that_refuses_to_be_read(run):
    result, dummy = run(huawei_info.TASK, router=BrokenRouter(), gather_subset=['routeros', 'radio'])
    assert result['gathered_subsets'] == ['radio'] and 'not enough permissions' in result['notes'][-1]['reason']


def test_the_routeros_facet_needs_a_routeros_transport(run):
    for task, args in ((huawei_modem.TASK, {'routeros': {'allow_roaming': True}}), (task_for('huawei_routeros'), {'allow_roaming': True})):
        with pytest.raises(InvalidInputError) as caught:
            run(task, transport='serial', **args)
        assert caught.value.option == 'transport' and 'need transport routeros_api or routeros_ssh' in str(caught.value)
    # the modem's facets alone still run on a serial port
    result, dummy = run(huawei_modem.TASK, transport='serial', radio={'rf': True, 'functionality': None})
    assert not result['changed']


def test_the_routeros_facet_comes_before_the_modems(run):
    router = FakeRouter(allow_roaming=False)
    result, modem = run(huawei_modem.TASK, ROAMING, router, routeros={'allow_roaming': True, 'apn_profile': None},
                        radio={'rf': True, 'functionality': 'full'})
    assert result['commands'] == ['/interface lte set [find name=lte1] allow-roaming=yes']
    assert list(result['before']) == ['apns', 'routeros', 'radio']
    # the modem is read once for the plan, and again after the router initialised it
    assert len(modem.sent) == 2 and all(is_read_only(line) for line in modem.sent)


def test_diagnose_names_allow_roaming_off_and_fix_sets_it(run):
    result, modem = run(huawei_diagnose.TASK, ROAMING, FakeRouter(allow_roaming=False))
    assert result['findings'][0]['id'] == 'routeros_roaming_off' and not result['healthy']
    assert result['findings'][0]['evidence'] == ['allow-roaming=no', '+CREG: 0,5', '+CGREG: 0,5', '+CEREG: 0,5']
    assert result['findings'][0]['remedy'] == {'action': "Set allow-roaming=yes on the LTE interface (and keep the modem's roam field on).",
                                               'task': {'lte.modem.huawei_routeros': {'allow_roaming': True}},
                                               'command': '/interface lte set [find name=lte1] allow-roaming=yes', 'fix': True}
    router = FakeRouter(allow_roaming=False)
    predicted, dummy = run(huawei_diagnose.TASK, ROAMING, router, check_mode=True, fix=True)
    assert predicted['writes'] == ['/interface lte set [find name=lte1] allow-roaming=yes'] and router.writes == []
    fixed, dummy = run(huawei_diagnose.TASK, ROAMING, router, fix=True)
    assert fixed['changed'] and fixed['healthy'] and router.interface['allow_roaming'] is True
    assert [item['id'] for item in fixed['fixed']] == ['routeros_roaming_off']


def test_diagnose_on_a_serial_port_or_an_unreadable_router_skips_the_check(run):
    for transport, router in (('serial', None), ('routeros_api', BrokenRouter())):
        result, dummy = run(huawei_diagnose.TASK, ROAMING, router, transport=transport)
        assert result['findings'][0]['id'] == 'not_connected'
