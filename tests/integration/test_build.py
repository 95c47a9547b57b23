# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The collection as users get it: the built tarball, an execution environment built from it, modules run from there.

No container engine runs here, so the EE is taken as far as ``ansible-builder create`` goes, and
its galaxy and introspection stages are run as the build would run them: ansible-galaxy installs
the tarball from the build context, the context's own introspect script collects the Python
requirements of what got installed. Modules then run from that fresh install, with nothing of
the checkout on any path.
"""

from __future__ import annotations

import json
import os
import subprocess
import tarfile

import pytest
import yaml

from conftest import BIN, REPO

# What a user of the collection has no use for (galaxy.yml build_ignore).
DEVELOPMENT_ONLY = ('Makefile', 'tools/', '.ansible-lint', '.ci/', 'benchmarks/', 'tests/matrix/', 'tests/output/', '.venv', '.build/',
                    '.gitignore', '.pytest_cache/')
DEADLINE = 300


def clean_env(**extra):
    """The environment of a user who has nothing of the checkout: no PYTHONPATH, no ANSIBLE_* settings."""
    env = {name: value for name, value in os.environ.items() if name != 'PYTHONPATH' and not name.startswith('ANSIBLE_')}
    env.update(extra)
    return env


def run(argv, **kwargs):
    proc = subprocess.run([str(arg) for arg in argv], capture_output=True, text=True, timeout=DEADLINE, check=False, **kwargs)
    assert proc.returncode == 0, '%s\nstdout:\n%s\nstderr:\n%s' % (' '.join(map(str, argv)), proc.stdout, proc.stderr)
    return proc


@pytest.fixture(scope='module')
def tarball(tmp_path_factory):
    output = tmp_path_factory.mktemp('build')
    run([BIN / 'ansible-galaxy', 'collection', 'build', '--output-path', output, REPO])
    (path,) = output.glob('lte-modem-*.tar.gz')
    return path


@pytest.fixture(scope='module')
def execution_environment(tarball, tmp_path_factory):
    """An EE definition that installs the tarball; its build context; the collections and requirements its build would install."""
    work = tmp_path_factory.mktemp('ee')
    (work / 'requirements.yml').write_text(yaml.safe_dump({'collections': [{'name': 'collections/' + tarball.name, 'type': 'file'}]}))
    definition = {
        'version': 3,
        'images': {'base_image': {'name': 'quay.io/ansible/awx-ee:latest'}},
        'dependencies': {'ansible_core': {'package_pip': 'ansible-core>=2.16'}, 'ansible_runner': {'package_pip': 'ansible-runner'},
                         'galaxy': 'requirements.yml'},
        'additional_build_files': [{'src': str(tarball), 'dest': 'collections'}],
    }
    (work / 'execution-environment.yml').write_text(yaml.safe_dump(definition))
    context = work / 'context'
    run([BIN / 'ansible-builder', 'create', '--file', work / 'execution-environment.yml', '--context', context])
    build = context / '_build'
    # The galaxy stage: ansible-galaxy in the context's _build directory (the build's WORKDIR).
    share = work / 'usr-share-ansible'
    run([BIN / 'ansible-galaxy', 'collection', 'install', '-r', 'requirements.yml', '--collections-path', share / 'collections'], cwd=build,
        env=clean_env(ANSIBLE_HOME=str(work / 'home')))
    # The builder stage: the context's introspect script over what the galaxy stage installed.
    requirements = work / 'requirements.txt'
    run([BIN / 'python', build / 'scripts' / 'introspect.py', 'introspect', share / 'collections', '--write-pip', requirements], env=clean_env())
    return context, share / 'collections', requirements


def test_the_tarball_ships_no_development_files(tarball):
    with tarfile.open(tarball) as archive:
        names = archive.getnames()
        links = {member.name: member.linkname for member in archive.getmembers() if member.issym()}
    shipped = [name for name in names if any(name == item.rstrip('/') or name.startswith(item) for item in DEVELOPMENT_ONLY)]
    assert shipped == []
    assert not [name for name in names if '__pycache__' in name or name.endswith('.pyc')]
    for required in ('MANIFEST.json', 'FILES.json', 'meta/runtime.yml', 'meta/execution-environment.yml', 'meta/ee-requirements.txt',
                     'plugins/plugin_utils/_modem_action.py', 'simulator/__main__.py'):
        assert required in names
    # Every module that takes connection options has its action plugin: a link to the one plugin.
    actions = {name for name in names if name.startswith('plugins/action/')}
    assert actions and all(links.get(name) == '../plugin_utils/_modem_action.py' for name in actions)


def test_the_execution_environment_gets_the_bounded_requirements(execution_environment):
    context, requirements = execution_environment[0], execution_environment[2]
    assert (context / 'Dockerfile').is_file() or (context / 'Containerfile').is_file()
    wanted = [line.split('#')[0].strip() for line in (REPO / 'meta' / 'ee-requirements.txt').read_text().splitlines()
              if line.split('#')[0].strip()]
    assert wanted and all('>=' in line and '<' not in line and '==' not in line for line in wanted)
    collected = [line.split('#')[0].strip() for line in requirements.read_text().splitlines() if line.split('#')[0].strip()]
    assert collected == wanted


@pytest.fixture(scope='module')
def installed_env(execution_environment):
    """Ansible's environment with only the EE's fresh install of the collection on its paths."""
    collections = execution_environment[1]
    installed = collections / 'ansible_collections' / 'lte' / 'modem'
    env = clean_env(ANSIBLE_COLLECTIONS_PATH=str(collections), ANSIBLE_HOME=str(collections.parent / 'home'), ANSIBLE_LOCALHOST_WARNING='False',
                    ANSIBLE_INVENTORY_UNPARSED_WARNING='False', ANSIBLE_HOST_KEY_CHECKING='False', ANSIBLE_NOCOLOR='1')
    return installed, env


def adhoc(env, hosts, args, inventory=None, cwd=None):
    argv = [BIN / 'ansible', hosts, '-m', 'lte.modem.huawei_at', '-a', json.dumps(args), '-e',
            'ansible_python_interpreter=%s' % (BIN / 'python'), '-o']
    if inventory:
        argv += ['-i', inventory]
    proc = run(argv, env=env, cwd=cwd)
    return proc.stdout


def test_the_installed_collection_keeps_its_action_plugins(installed_env):
    installed = installed_env[0]
    for action in (installed / 'plugins' / 'action').glob('*.py'):
        assert action.resolve() == (installed / 'plugins' / 'plugin_utils' / '_modem_action.py').resolve()


def test_modules_run_from_the_installed_collection(installed_env, serial_modem, router_modem, tmp_path):
    installed, env = installed_env
    # The checkout is on no path: what runs is the installed copy.
    doc = run([BIN / 'ansible-doc', '--json', 'lte.modem.huawei_at'], env=env, cwd=tmp_path)
    assert json.loads(doc.stdout)['lte.modem.huawei_at']['doc']['filename'].startswith(str(installed))
    # A module process on the host with the modem (serial), and the action plugin on the controller (RouterOS API).
    modem = serial_modem('ME909u-521')
    output = adhoc(env, 'localhost', {'device': modem.device, 'command': 'AT+CGMM'}, cwd=tmp_path)
    assert output.startswith('localhost | SUCCESS') and '"lines": ["ME909u-521"]' in output
    assert modem.log == ['AT+CGMM']
    router = router_modem('ME909u-521')
    output = adhoc(env, 'routers', {'command': 'AT+CGMM'}, inventory=router.inventory, cwd=tmp_path)
    assert output.startswith('router01 | SUCCESS') and '"lines": ["ME909u-521"]' in output
    assert router.password not in output


def test_the_installed_collection_renders_its_docsite(installed_env, tmp_path):
    """The guides of docs/docsite and every plugin page as antsibull-docs builds them for docs.ansible.com."""
    installed, env = installed_env
    extra = yaml.safe_load((installed / 'docs' / 'docsite' / 'extra-docs.yml').read_text(encoding='utf-8'))
    guides = [name for section in extra['sections'] for name in section['toctree']]
    assert sorted(guides) == sorted(path.stem for path in (installed / 'docs' / 'docsite' / 'rst').glob('*.rst'))
    run([BIN / 'antsibull-docs', 'collection', '--use-current', '--dest-dir', tmp_path, 'lte.modem'], env=env, cwd=tmp_path)
    pages = tmp_path / 'collections' / 'lte' / 'modem'
    assert sorted(path.stem for path in (pages / 'docsite').glob('*.rst')) == sorted(guides)
    modules = sorted(installed.glob('plugins/modules/*.py'))
    for module in modules:
        page = (pages / ('%s_module.rst' % module.stem)).read_text(encoding='utf-8')
        # Every module points to the guide of its task.
        assert ':ref:`' in page and 'ansible_collections.lte.modem.docsite.' in page, module.stem
    for role in ('huawei_modem', 'huawei_host', 'fleet_report'):
        assert (pages / ('%s_role.rst' % role)).exists(), role
