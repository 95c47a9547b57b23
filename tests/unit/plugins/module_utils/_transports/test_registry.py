# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The transport registry: what each transport is, and the connection options they add up to."""

from __future__ import annotations

import pytest
import yaml

from ansible_collections.lte.modem.plugins.doc_fragments.connection import ModuleDocFragment
from ansible_collections.lte.modem.plugins.module_utils._errors import InvalidInputError
from ansible_collections.lte.modem.plugins.module_utils._transports.base import RequestTransport, StreamTransport
from ansible_collections.lte.modem.plugins.module_utils._transports.registry import (
    TRANSPORTS,
    connection_argument_spec,
    runs_on_controller,
    validate_connection,
)


def test_each_transport_says_where_it_runs_and_how_it_moves_lines():
    kinds = {name: (spec.on_controller, issubclass(spec.cls, StreamTransport), issubclass(spec.cls, RequestTransport))
             for name, spec in TRANSPORTS.items()}
    assert kinds == {
        'serial': (False, True, False),
        'routeros_api': (True, False, True),
        'routeros_ssh': (True, False, True),
    }
    assert runs_on_controller('routeros_ssh') and not runs_on_controller('serial') and not runs_on_controller(None)


def test_the_doc_fragment_documents_exactly_the_connection_options():
    documented = yaml.safe_load(ModuleDocFragment.DOCUMENTATION)['options']
    spec = connection_argument_spec()
    assert sorted(documented) == sorted(spec)
    for name, option in spec.items():
        assert documented[name]['type'] == option['type'], name
        assert documented[name].get('default') == option.get('default'), name
        assert documented[name].get('choices') == option.get('choices'), name


def test_options_shared_by_two_transports_agree():
    seen = {}
    for spec in TRANSPORTS.values():
        for name, option in spec.cls.OPTIONS.items():
            assert seen.setdefault(name, option) == option, name


@pytest.mark.parametrize('params, option', [
    (dict(transport='serial', device=None), 'device'),
    (dict(transport='routeros_api', hostname=''), 'hostname'),
    (dict(transport='routeros_ssh', hostname='10.0.0.1', interface='lte1 wait=yes'), 'interface'),
    (dict(transport='serial', device='/dev/ttyUSB2', timeout=0), 'timeout'),
])
def test_validation_names_the_option(params, option):
    base = dict(timeout=10.0, interface='lte1')
    with pytest.raises(InvalidInputError) as caught:
        validate_connection(dict(base, **params))
    assert caught.value.option == option
