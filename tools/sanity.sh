#!/usr/bin/env bash
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run `ansible-test sanity` on a throw-away copy of the checkout, on every target Python.
#
# ansible-test needs the collection at .../ansible_collections/lte/modem and
# refuses a symlink, so the files git would list (tracked plus untracked and
# not ignored: .venv/ and .build/ stay out) are copied into a temporary tree.
# Per-test virtual environments bootstrap pip through a stand-in for the
# get-pip.py that ansible-test would otherwise download (tools/get_pip_standin.py).
#
# 1. The newest ansible-test (.venv) runs every sanity test; its multi-version tests (compile,
#    import) run on each target Python it knows that tools/find_python.sh finds.
# 2. The target Pythons the modules claim (tests/config.yml python_requires) that the newest
#    ansible-test no longer knows get compile and import from the newest older release that
#    still does (.venv-matrix/core-RELEASE, see tests/matrix/).
#
# Usage: tools/sanity.sh [extra ansible-test sanity options, e.g. --test pep8]
#        (with options, only step 1 runs, with those options)
# Env:   KEEP_SANITY_TREE=1 to keep the copy.
set -euo pipefail

cd "$(dirname "$0")/.."
checkout=$PWD
# The copy must be tested, not the checkout that `make` puts on these paths.
unset PYTHONPATH ANSIBLE_COLLECTIONS_PATH

command -v ansible-test >/dev/null || { echo "ansible-test not found; run via 'make sanity'" >&2; exit 1; }

root=$(mktemp -d "${TMPDIR:-/tmp}/lte-modem-sanity.XXXXXX")
if [[ "${KEEP_SANITY_TREE:-}" == 1 ]]; then
    echo "sanity tree kept in $root"
else
    trap 'rm -rf "$root"' EXIT
fi

# get-pip stand-in for the ansible-test run by interpreter $1, named after the pip version it pins.
install_get_pip_standin() {
    local pip_version
    pip_version=$("$1" - <<'PY'
import os, re, ansible_test
src = os.path.join(os.path.dirname(ansible_test.__file__), '_internal', 'python_requirements.py')
with open(src, encoding='utf-8') as f:
    m = re.search(r"pip='([0-9.]+)'", f.read())
print(m.group(1) if m else '24.2')
PY
)
    mkdir -p "$HOME/.ansible/test/cache"
    cp "$checkout/tools/get_pip_standin.py" "$HOME/.ansible/test/cache/get_pip_${pip_version//./_}.py"
}

# The target Python versions the ansible-test of interpreter $1 knows.
known_pythons() {
    "$1" -c 'from ansible_test._util.target.common.constants import REMOTE_ONLY_PYTHON_VERSIONS as r, CONTROLLER_PYTHON_VERSIONS as c; print(*(r + c))'
}

# Target Pythons of tests/matrix/targets.txt that tests/config.yml allows for modules.
claimed_pythons() {
    python - <<'PY'
import yaml
from packaging.specifiers import SpecifierSet
with open('tests/config.yml', encoding='utf-8') as f:
    spec = SpecifierSet(yaml.safe_load(f)['modules']['python_requires'])
with open('tests/matrix/targets.txt', encoding='utf-8') as f:
    versions = [line.split()[0] for line in f if line.strip() and not line.startswith('#')]
print(*(v for v in versions if spec.contains(v + '.0')))
PY
}

# 1. Copy of the collection in an ansible_collections tree, and a bin directory with every
#    target Python on this machine (pythonX.Y, as ansible-test looks for them).
dest="$root/ansible_collections/lte/modem"
mkdir -p "$dest" "$root/bin"
list_files() {
    if [[ -e .git ]] && command -v git >/dev/null; then
        git ls-files -z --cached --others --exclude-standard
    else  # not a git checkout (e.g. an unpacked tarball)
        find . \( -path ./.git -o -path ./.venv -o -path ./.venv-matrix -o -path ./.build -o -path ./tests/output \
                  -o -name __pycache__ -o -name .pytest_cache \) -prune -o \( -type f -o -type l \) -printf '%P\0'
    fi
}
list_files \
    | python -c 'import os, sys; sys.stdout.write("".join(p + "\0" for p in sys.stdin.read().split("\0") if p and os.path.lexists(p)))' \
    | tar --null -T - -cf - \
    | tar -xf - -C "$dest"
claimed=$(claimed_pythons)
for version in $claimed; do
    if interpreter=$(tools/find_python.sh "$version" 2>/dev/null); then
        ln -s "$interpreter" "$root/bin/python$version"
    else
        echo "sanity: no Python $version on this machine: its compile and import tests are skipped"
    fi
done
export PATH="$root/bin:$PATH"

# 2. The newest ansible-test: every test, multi-version ones on every target Python found
#    (no .git in the copy: ansible-test lists the files present).
newest=$(command -v python)
install_get_pip_standin "$newest"
cd "$dest"
echo "==> ansible-test sanity (ansible-core $("$newest" -c 'import ansible; print(ansible.__version__)'))"
ansible-test sanity --local --color no "$@"
[[ $# -eq 0 ]] || exit 0

# 3. Target Pythons the newest ansible-test dropped: compile and import with an older one.
newest_known=" $(known_pythons "$newest") "
for version in $claimed; do
    [[ $newest_known == *" $version "* ]] && continue
    [[ -e $root/bin/python$version ]] || continue
    older=
    while read -r release; do
        candidate=$checkout/.venv-matrix/core-$release/bin/python
        [[ -x $candidate && " $(known_pythons "$candidate") " == *" $version "* ]] && { older=$release; break; }
    done < <(awk '!/^#/ && NF >= 2 { print $1 }' "$checkout/tests/matrix/cores.txt" | sort -t. -k1,1n -k2,2nr)
    if [[ -z $older ]]; then
        echo "sanity: no ansible-core of tests/matrix/cores.txt knows Python $version (make matrix-venvs)" >&2
        exit 1
    fi
    install_get_pip_standin "$checkout/.venv-matrix/core-$older/bin/python"
    echo "==> ansible-test sanity --test compile --test import --python $version (ansible-core $older)"
    "$checkout/.venv-matrix/core-$older/bin/ansible-test" sanity --local --color no --test compile --test import --python "$version"
done
