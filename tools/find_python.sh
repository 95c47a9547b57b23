#!/usr/bin/env bash
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Print the path of a CPython interpreter of version X.Y (e.g. 3.12, 2.7).
#
# Looks for pythonX.Y on PATH, then in pyenv's versions (newest patch release first).
# Exits 1 with a message on stderr when there is none.
#
# Usage: tools/find_python.sh 3.12
set -euo pipefail

version=${1:?usage: find_python.sh X.Y}
[[ $version =~ ^[0-9]+\.[0-9]+$ ]] || { echo "find_python.sh: not a Python version X.Y: $version" >&2; exit 2; }

matches() {  # interpreter at $1 is really version X.Y
    [[ -x $1 ]] && [[ $("$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null) == "$version" ]]
}

if found=$(command -v "python$version" 2>/dev/null) && matches "$found"; then
    echo "$found"
    exit 0
fi
roots=()
command -v pyenv >/dev/null 2>&1 && roots+=("$(pyenv root)")
roots+=("${PYENV_ROOT:-$HOME/.pyenv}")
for root in "${roots[@]}"; do
    # Newest patch release first: 3.12.10 before 3.12.9.
    while IFS= read -r candidate; do
        if matches "$candidate/bin/python$version"; then
            echo "$candidate/bin/python$version"
            exit 0
        fi
    done < <(find "$root/versions" -mindepth 1 -maxdepth 1 -name "$version.*" 2>/dev/null | sort -t. -k3,3nr)
done
echo "find_python.sh: no Python $version found (looked for python$version on PATH and in pyenv's versions)" >&2
exit 1
