#!/usr/bin/env bash
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run `ansible-test sanity` on a throw-away copy of the checkout.
#
# ansible-test needs the collection at .../ansible_collections/lte/modem and
# refuses a symlink, so the files git would list (tracked plus untracked and
# not ignored: .venv/ and .build/ stay out) are copied into a temporary tree.
# Per-test virtual environments bootstrap pip through a stand-in for the
# get-pip.py that ansible-test would otherwise download (tools/get_pip_standin.py).
#
# Usage: tools/sanity.sh [extra ansible-test sanity options, e.g. --test pep8]
# Env:   PYTHON_VERSION (default 3.11), KEEP_SANITY_TREE=1 to keep the copy.
set -euo pipefail

cd "$(dirname "$0")/.."
# The copy must be tested, not the checkout that `make` puts on these paths.
unset PYTHONPATH ANSIBLE_COLLECTIONS_PATH
python_version=${PYTHON_VERSION:-3.11}

command -v ansible-test >/dev/null || { echo "ansible-test not found; run via 'make sanity'" >&2; exit 1; }

# 1. get-pip stand-in, named after the pip version this ansible-test pins.
pip_version=$(python - <<'PY'
import os, re, ansible_test
src = os.path.join(os.path.dirname(ansible_test.__file__), '_internal', 'python_requirements.py')
with open(src, encoding='utf-8') as f:
    m = re.search(r"pip='([0-9.]+)'", f.read())
print(m.group(1) if m else '24.2')
PY
)
cache_dir="$HOME/.ansible/test/cache"
mkdir -p "$cache_dir"
cp tools/get_pip_standin.py "$cache_dir/get_pip_${pip_version//./_}.py"

# 2. Copy of the collection in an ansible_collections tree.
root=$(mktemp -d "${TMPDIR:-/tmp}/lte-modem-sanity.XXXXXX")
if [[ "${KEEP_SANITY_TREE:-}" == 1 ]]; then
    echo "sanity tree kept in $root"
else
    trap 'rm -rf "$root"' EXIT
fi
dest="$root/ansible_collections/lte/modem"
mkdir -p "$dest"
list_files() {
    if [[ -e .git ]] && command -v git >/dev/null; then
        git ls-files -z --cached --others --exclude-standard
    else  # not a git checkout (e.g. an unpacked tarball)
        find . \( -path ./.git -o -path ./.venv -o -path ./.build -o -path ./tests/output \
                  -o -name __pycache__ -o -name .pytest_cache \) -prune -o \( -type f -o -type l \) -printf '%P\0'
    fi
}
list_files \
    | python -c 'import os, sys; sys.stdout.write("".join(p + "\0" for p in sys.stdin.read().split("\0") if p and os.path.lexists(p)))' \
    | tar --null -T - -cf - \
    | tar -xf - -C "$dest"

# 3. Sanity (no .git in the copy: ansible-test lists the files present).
cd "$dest"
ansible-test sanity --local --python "$python_version" --color no "$@"
