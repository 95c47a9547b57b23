# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Write the facet options of huawei_modem from the documentation of the single-purpose modules.

The module ``huawei_modem`` and the role ``huawei_modem`` take, per facet, exactly the options of
one single-purpose module. Their documentation is written once, in that module; this script
copies it, nested, into the DOCUMENTATION of ``plugins/modules/huawei_modem.py`` and into
``roles/huawei_modem/meta/argument_specs.yml``, between the BEGIN/END facets markers.

    python tools/facet_docs.py          rewrite both files
    python tools/facet_docs.py --check  exit 1 when either is out of date (the unit tests run this)
"""

from __future__ import annotations

import argparse
import ast
import copy
import pathlib
import re
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODULE = ROOT / 'plugins' / 'modules' / 'huawei_modem.py'
ROLE_SPECS = ROOT / 'roles' / 'huawei_modem' / 'meta' / 'argument_specs.yml'
MARKERS = re.compile(r'(?P<indent>[ ]*)# BEGIN facets[^\n]*\n(?P<body>.*?)(?P=indent)# END facets', re.DOTALL)

# facet: (single-purpose module, what the facet is, key of a list facet)
FACETS = {
    'port_mode': ('huawei_port_mode', 'The USB port mode. Applied first: its reset drops the data call, so every other facet is read again after it.',
                  None),
    'routeros': ('huawei_routeros', 'The MikroTik router\'s own LTE settings (allow-roaming, an APN profile), with a RouterOS transport only. '
                                    'Applied before the modem\'s settings: a change makes RouterOS initialise the modem again, so they are '
                                    'read again after it.', None),
    'sim': ('huawei_sim', 'The SIM: unlock it with its PIN, switch its PIN lock.', None),
    'radio': ('huawei_radio', 'The RF switch and phone functionality.', None),
    'syscfg': ('huawei_syscfg', 'Roaming, mode order, bands and service domain.', None),
    'apns': ('huawei_apn', 'PDP contexts (APNs), one element per context id, each V(present) or V(absent). '
                           'Contexts not listed are left alone.', 'cid'),
    'connection': ('huawei_connection', 'The NDIS/NCM data connection. Applied last.', None),
}


def module_options(module):
    """The ``options`` of a module's DOCUMENTATION."""
    tree = ast.parse((ROOT / 'plugins' / 'modules' / ('%s.py' % module)).read_text())
    text = next(node.value.value for node in tree.body if isinstance(node, ast.Assign) and node.targets[0].id == 'DOCUMENTATION')
    return yaml.safe_load(text)['options']


def nested_reference(text, names, prefix, in_role):
    """``O(rf)`` -> ``O(radio.rf)`` for the options of this facet. In a role, the module's other options and
    return values are no options of the role: ``O(transport=serial)`` -> ``C(transport=serial)``, ``RV(x)`` ->
    ``C(huawei_modem_result.x)``."""
    def option(match):
        if match.group(1) in names:
            return 'O(%s.%s' % (prefix, match.group(1))
        return 'C(%s' % match.group(1) if in_role else match.group(0)
    text = re.sub(r'O\((\w+)', option, text)
    return re.sub(r'RV\((\w+)', r'C(huawei_modem_result.\1', text) if in_role else text


def nest(options, names, prefix, in_role):
    """Rewrite the references in the descriptions of ``options`` and of their suboptions (``options`` in a role)."""
    for option in options.values():
        option['description'] = [nested_reference(line, names, prefix, in_role) for line in option['description']]
        suboptions = option.pop('suboptions', None)
        if suboptions:
            nest(suboptions, names, prefix, in_role)
            option['options' if in_role else 'suboptions'] = suboptions


def facet_option(facet, prefix, in_role):
    module, what, key = FACETS[facet]
    options = copy.deepcopy(module_options(module))
    nest(options, options, prefix, in_role)
    if key:
        options[key].pop('default', None)
        options[key]['required'] = True
        options[key]['description'].append('Each element gives its own %s, and each %s appears once.' % (key, key))
    spec = {'description': [what, 'Takes the options of M(lte.modem.%s); left out, it is not managed.' % module]}
    spec.update({'type': 'list', 'elements': 'dict'} if key else {'type': 'dict'})
    spec['options' if in_role else 'suboptions'] = options
    return spec


class Dumper(yaml.SafeDumper):
    """Block style with sequences indented under their key, as the rest of the collection writes YAML."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def render(options, indent):
    text = yaml.dump(options, Dumper=Dumper, sort_keys=False, width=110, default_flow_style=False, allow_unicode=True)
    return ''.join(indent + line + '\n' for line in text.splitlines())


def module_block():
    return {facet: facet_option(facet, facet, in_role=False) for facet in FACETS}


def role_block():
    return {'huawei_modem_%s' % facet: facet_option(facet, 'huawei_modem_%s' % facet, in_role=True) for facet in FACETS}


def rewritten(path, block):
    text = path.read_text()
    match = MARKERS.search(text)
    if match is None:
        raise SystemExit('%s has no "# BEGIN facets" ... "# END facets" markers' % path.relative_to(ROOT))
    return text[:match.start('body')] + render(block, match.group('indent')) + text[match.end('body'):]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n', 1)[0])
    parser.add_argument('--check', action='store_true', help='exit 1 when a file is out of date, write nothing')
    args = parser.parse_args(argv)
    stale = []
    for path, block in ((MODULE, module_block()), (ROLE_SPECS, role_block())):
        text = rewritten(path, block)
        if text != path.read_text():
            stale.append(str(path.relative_to(ROOT)))
            if not args.check:
                path.write_text(text)
    if stale and args.check:
        print('Out of date (run python tools/facet_docs.py): %s' % ', '.join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
