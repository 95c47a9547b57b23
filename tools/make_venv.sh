#!/usr/bin/env bash
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Create the virtual environment DIR with Python X.Y, or keep it when it already runs X.Y.
# An environment made with another Python (an older checkout's .venv) is made anew.
#
# Usage: tools/make_venv.sh DIR X.Y [INTERPRETER]   (INTERPRETER defaults to tools/find_python.sh X.Y)
set -euo pipefail

dir=${1:?usage: make_venv.sh DIR X.Y [INTERPRETER]}
version=${2:?usage: make_venv.sh DIR X.Y [INTERPRETER]}
interpreter=${3:-}
[[ -n $interpreter ]] || interpreter=$("$(dirname "$0")/find_python.sh" "$version")

have=$("$dir/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true)
if [[ $have == "$version" ]]; then
    exit 0
fi
if [[ -n $have ]]; then
    echo "$dir runs Python $have, not $version: making it anew"
fi
rm -rf "$dir"
"$interpreter" -m venv "$dir"
