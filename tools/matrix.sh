#!/usr/bin/env bash
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The ansible-core matrix: the older releases of tests/matrix/cores.txt, each in its own
# virtual environment .venv-matrix/core-RELEASE, run the smoke set (the unit tests cores.txt
# names for the release, and the tests listed in tests/matrix/smoke.txt) side by side, then a
# table of the results.
#
# Usage: tools/matrix.sh venvs          create or update every environment (in parallel), and
#                                       .venv-matrix/target-X.Y with pyserial for tests/matrix/targets.txt
#                                       (a Python without venv, 2.7, is used as it is)
#        tools/matrix.sh lock           write tests/matrix/core-RELEASE.lock from the environments
#        tools/matrix.sh smoke [REL...] run the smoke set (every release by default)
# Env:   MATRIX_JOBS (default 3) releases at a time; logs go to tests/output/matrix/.
# Run it through `make matrix` (PYTHONPATH and ANSIBLE_COLLECTIONS_PATH point at the checkout).
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1
matrix_dir=tests/matrix
venvs=.venv-matrix
logs=tests/output/matrix
jobs=${MATRIX_JOBS:-3}
# What a target host needs for the serial transport.
target_pyserial='pyserial==3.5'

releases() { awk '!/^#/ && NF >= 2 { print $1 }' "$matrix_dir/cores.txt"; }
python_of() { awk -v r="$1" '!/^#/ && $1 == r { print $2 }' "$matrix_dir/cores.txt"; }
unit_tests_of() { awk -v r="$1" '!/^#/ && $1 == r { print ($3 == "" ? "tests/unit" : $3) }' "$matrix_dir/cores.txt"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.0fs", b - a }'; }

# Wait until fewer than $1 background jobs run.
throttle() { while (( $(jobs -rp | wc -l) >= $1 )); do wait -n; done; }

venv() {  # make or update .venv-matrix/core-$1; quiet unless it fails
    local release=$1 dir=$venvs/core-$1 requirements=$matrix_dir/core-$1.txt lock=$matrix_dir/core-$1.lock
    local stamp=$dir/.requirements.stamp want log=$logs/venv-core-$1.log
    want=$(cat "$requirements" "$lock" 2>/dev/null | cksum)
    [[ -f $stamp && $(cat "$stamp") == "$want" && -x $dir/bin/ansible ]] && return 0
    local constraint=()
    [[ -f $lock ]] && constraint=(-c "$lock")
    if ! { tools/make_venv.sh "$dir" "$(python_of "$release")" &&
           "$dir/bin/python" -m pip install --disable-pip-version-check -q -r "$requirements" "${constraint[@]}"; } >"$log" 2>&1; then
        echo "matrix: cannot make $dir:" >&2
        grep -v 'is ignored: it is neither' "$log" >&2
        return 1
    fi
    echo "$want" >"$stamp"
    echo "matrix: $dir ready (ansible-core $("$dir/bin/python" -c 'import ansible; print(ansible.__version__)'))"
}

target_venv() {  # .venv-matrix/target-$1: a target Python with pyserial, as on a host with a modem
    local version=$1 dir=$venvs/target-$1 interpreter log=$logs/venv-target-$1.log
    [[ -f $dir/.requirements.stamp && $(cat "$dir/.requirements.stamp") == "$target_pyserial" ]] && return 0
    if ! interpreter=$(tools/find_python.sh "$version" 2>/dev/null); then
        echo "matrix: no Python $version on this machine: tests on that target are skipped"
        return 0
    fi
    "$interpreter" -c 'import venv' 2>/dev/null || return 0  # Python 2.7: the tests run it as it is
    if ! { tools/make_venv.sh "$dir" "$version" "$interpreter" &&
           "$dir/bin/python" -m pip install --disable-pip-version-check -q "$target_pyserial"; } >"$log" 2>&1; then
        echo "matrix: cannot make $dir:" >&2
        grep -v 'is ignored: it is neither' "$log" >&2
        return 1
    fi
    echo "$target_pyserial" >"$dir/.requirements.stamp"
}

cmd_venvs() {
    mkdir -p "$logs" "$venvs"
    local release version pids=() status=0
    for release in $(releases); do
        venv "$release" &
        pids+=($!)
    done
    while read -r version; do
        target_venv "$version" &
        pids+=($!)
    done < <(awk '!/^#/ && NF >= 1 { print $1 }' "$matrix_dir/targets.txt")
    for pid in "${pids[@]}"; do wait "$pid" || status=1; done
    return $status
}

cmd_lock() {
    local release
    for release in $(releases); do
        { echo "# Full lock of .venv-matrix/core-$release (pip freeze, Python $(python_of "$release"))."
          echo '# Regenerate: make lock-matrix'
          "$venvs/core-$release/bin/python" -m pip freeze --all --disable-pip-version-check | grep -v -i -E '^(pip|setuptools|wheel)=='
        } >"$matrix_dir/core-$release.lock"
        venv "$release"
    done
}

smoke_one() {  # run the smoke set on one release; the log holds one pytest summary per run
    local release=$1 dir=$venvs/core-$1 started rc=0 log=$logs/core-$1.log
    started=$(now)
    mapfile -t selected < <(grep -v -E '^(#|$)' "$matrix_dir/smoke.txt")
    # Two runs: tests/unit and tests/integration each import helpers from their own conftest.py.
    "$dir/bin/python" -m pytest -p no:cacheprovider -q "$(unit_tests_of "$release")" >"$log" 2>&1 || rc=1
    "$dir/bin/python" -m pytest -p no:cacheprovider -q "${selected[@]}" >>"$log" 2>&1 || rc=1
    echo "$rc $(elapsed "$started")" >"$logs/core-$release.status"
}

cmd_smoke() {
    local requested=("$@") release
    [[ ${#requested[@]} -gt 0 ]] || mapfile -t requested < <(releases)
    mkdir -p "$logs"
    rm -f "$logs"/core-*.status
    local started
    started=$(now)
    for release in "${requested[@]}"; do
        throttle "$jobs"
        smoke_one "$release" &
    done
    wait
    local status=0 rc time summary version
    echo
    echo "==> ansible-core matrix (smoke set: unit tests of tests/matrix/cores.txt and tests/matrix/smoke.txt; logs in $logs/)"
    printf '  %-14s %-8s %-8s %-7s %s\n' ansible-core python result time pytest
    for release in "${requested[@]}"; do
        read -r rc time <"$logs/core-$release.status"
        summary=$(grep -E '^[0-9]+ (passed|failed|errors?)' "$logs/core-$release.log" | sed -E 's/ in [0-9.]+s.*//' | awk 'NR > 1 { printf " + " } { printf "%s", $0 }')
        version=$("$venvs/core-$release/bin/python" -c 'import ansible; print(ansible.__version__)')
        printf '  %-14s %-8s %-8s %-7s %s\n' "$version" "$(python_of "$release")" "$([[ $rc == 0 ]] && echo ok || echo FAILED)" "$time" "${summary:-no summary}"
        if [[ $rc != 0 ]]; then
            status=1
            echo "---- tail of $logs/core-$release.log" >&2
            tail -40 "$logs/core-$release.log" >&2
        fi
    done
    echo "  all releases: $(elapsed "$started")"
    return $status
}

case ${1:-} in
    venvs) cmd_venvs ;;
    lock) cmd_lock ;;
    smoke) shift; cmd_smoke "$@" ;;
    *) echo "usage: tools/matrix.sh venvs | lock | smoke [RELEASE...]" >&2; exit 2 ;;
esac
