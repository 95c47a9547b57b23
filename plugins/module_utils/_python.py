# -*- coding: utf-8 -*-
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Note that this module util is PRIVATE to the collection. It can change at any time.
# Do not use it from other collections or standalone plugins/modules.

"""The oldest Python the modules run on, checked before anything else is imported.

ansible-core 2.16 still runs modules with Python 2.7 and 3.6 (RHEL 8's platform-python); the
rest of the collection's code cannot even be compiled there. Every module file calls
``require_python()`` before it imports the collection's other module_utils, so that such a
host gets a failed task that says what to do instead of a SyntaxError traceback.

This file and the module files stay within the grammar of Python 2.7 and 3.6 for that reason.
"""

import json
import sys

MINIMUM_PYTHON = (3, 7)


def unsupported_python_message(module_name, version_info, executable):
    """The failure message for a module run by a Python older than MINIMUM_PYTHON."""
    return ('lte.modem.%s needs Python %s or later on the host that runs it; %s is Python %s. '
            'Set ansible_python_interpreter to a newer Python on that host '
            '(on RHEL 8, for example: dnf install python39, then ansible_python_interpreter=/usr/bin/python3.9).'
            % (module_name, '.'.join(str(part) for part in MINIMUM_PYTHON), executable or 'the interpreter',
               '.'.join(str(part) for part in version_info[:3])))


def require_python(module_name):
    """Return on a supported Python; elsewhere print a failed module result and exit."""
    if tuple(sys.version_info[:2]) >= MINIMUM_PYTHON:
        return
    # AnsibleModule cannot fail the task here: it would first refuse the module's options, which
    # only the collection's newer code knows. Write the result the way ansible-core's own
    # basic.py does on a Python it does not support.
    result = {'failed': True, 'msg': unsupported_python_message(module_name, sys.version_info, sys.executable)}
    print(json.dumps(result))  # pylint: disable=ansible-bad-function
    sys.exit(1)  # pylint: disable=ansible-bad-function
