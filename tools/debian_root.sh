#!/usr/bin/env bash
# Copyright (c) 2026, lte.modem contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Build the throw-away Debian root that the huawei_host role is tested in, once, and keep it.
#
# debootstrap --variant=minbase with the packages the role installs already in place, so
# that a test run needs no network. The mirror is the one this machine's apt already uses
# (its sources for the Debian archive), unless DEBIAN_ROOT_MIRROR names another. The root is
# rebuilt only when the suite or the package list changes (a stamp file records both).
# Needs root (debootstrap and chroot); installs debootstrap with apt-get when it is missing.
#
# Usage: tools/debian_root.sh DIRECTORY
# Env:   DEBIAN_ROOT_SUITE (default trixie: its systemd has `udevadm verify`),
#        DEBIAN_ROOT_MIRROR (default: from the apt sources of this machine).
set -euo pipefail

root=${1:?usage: tools/debian_root.sh DIRECTORY}
suite=${DEBIAN_ROOT_SUITE:-trixie}
# What the role installs on a Debian host (pyserial, udev, the dialer's Python, DHCP clients,
# usb_modeswitch, wvdial), what Ansible's apt module needs (python3-apt), and what the tests
# validate with (systemd-analyze, udevadm). Not ModemManager: its polkitd needs a D-Bus and a
# logind that debootstrap cannot choose between, and masking a unit works without it.
packages=python3,python3-apt,python3-serial,udev,systemd,isc-dhcp-client,usb-modeswitch,usb-modeswitch-data,wvdial
stamp="$root/.lte-modem-root"
want="suite=$suite packages=$packages"

if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    echo "Debian root $root is up to date ($suite)"
    exit 0
fi
[[ $(id -u) -eq 0 ]] || { echo "building the Debian root needs root (debootstrap, chroot)" >&2; exit 1; }

if ! command -v debootstrap >/dev/null; then
    echo 'Installing debootstrap (Debian package)'
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends debootstrap
fi

mirror=${DEBIAN_ROOT_MIRROR:-}
if [[ -z "$mirror" ]]; then
    # The first archive URI in apt's sources (one-line or deb822 format) whose path ends in /debian.
    mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
             | grep -oE '(https?|file)://[^ ]+/debian/?( |$)' | head -n1 | tr -d ' ' || true)
fi
[[ -n "$mirror" ]] || { echo "no Debian mirror in the apt sources; set DEBIAN_ROOT_MIRROR" >&2; exit 1; }

start=$SECONDS
rm -rf "$root"
mkdir -p "$(dirname "$root")"
echo "debootstrap --variant=minbase $suite $root $mirror (+ $packages)"
log=$(mktemp)
if ! debootstrap --variant=minbase --include="$packages" "$suite" "$root" "$mirror" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    rm -f "$log"
    exit 1
fi
rm -f "$log"
# A root that a test copies stays small: no downloaded packages.
rm -rf "$root"/var/cache/apt/archives/*.deb
echo "$want" > "$stamp"
echo "Debian root $root built in $((SECONDS - start))s ($(du -sh "$root" | cut -f1))"
