#!/usr/bin/env bash
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run make targets in order, stop at the first failure, print a timing summary.
# Usage: tools/stages.sh units integration sanity lint
set -uo pipefail

make_cmd=${MAKE:-make}
summary=()
status=0

now() { python -c 'import time; print(time.monotonic())'; }
since() { python -c "import sys, time; print('%6.1fs' % (time.monotonic() - float(sys.argv[1])))" "$1"; }

total_start=$(now)
for stage in "$@"; do
    echo "==> $stage"
    start=$(now)
    "$make_cmd" --no-print-directory "$stage"
    rc=$?
    if [[ $rc -eq 0 ]]; then
        summary+=("$(printf '  %-12s %-7s %s' "$stage" ok "$(since "$start")")")
    else
        summary+=("$(printf '  %-12s %-7s %s' "$stage" FAILED "$(since "$start")")")
        status=$rc
        break
    fi
done

echo
echo "==> summary"
printf '%s\n' "${summary[@]}"
printf '  %-12s %-7s %s\n' total "$([[ $status -eq 0 ]] && echo ok || echo FAILED)" "$(since "$total_start")"
exit "$status"
