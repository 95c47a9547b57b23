#!/usr/bin/env bash
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Demo: start a simulated ME909u-521 on a pty, then run the collection against it.
# Run it through `make demo` (which prepares .venv and the collection path).
set -euo pipefail

cd "$(dirname "$0")/.."
export ANSIBLE_LOCALHOST_WARNING=False ANSIBLE_INVENTORY_UNPARSED_WARNING=False
profile=${DEMO_PROFILE:-ME909u-521}
workdir=$(mktemp -d "${TMPDIR:-/tmp}/lte-modem-demo.XXXXXX")
sim_pid=
cleanup() {
    if [[ -n "$sim_pid" ]] && kill -0 "$sim_pid" 2>/dev/null; then
        kill "$sim_pid" 2>/dev/null || true
        wait "$sim_pid" 2>/dev/null || true
    fi
    rm -rf "$workdir"
}
trap cleanup EXIT INT TERM

log="$workdir/simulator.log"
device="$workdir/ttyUSB-huawei"   # a stable symlink to the pty, like /dev/serial/by-id/...
python -u -m simulator modem --profile "$profile" --pty --link "$device" >"$log" 2>&1 &
sim_pid=$!

# Wait up to 20 s for the simulator's `ready` line.
for _ in $(seq 200); do
    if ! kill -0 "$sim_pid" 2>/dev/null; then
        echo "simulator exited early:" >&2; cat "$log" >&2; exit 1
    fi
    grep -q -i '^ready' "$log" && break
    sleep 0.1
done
if ! grep -q -i '^ready' "$log"; then
    echo "simulator did not become ready:" >&2; cat "$log" >&2; exit 1
fi
echo "== simulated $profile on $(readlink "$device") (stable path $device)"

echo "== ansible localhost -m lte.modem.huawei_info -a 'device=... gather_subset=identity,radio,syscfg'"
ansible localhost -m lte.modem.huawei_info -a "device=$device gather_subset=identity,radio,syscfg"

echo "== ansible-playbook playbooks/demo.yml"
ansible-playbook playbooks/demo.yml -e "lte_modem_device=$device"
