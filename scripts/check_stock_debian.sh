#!/usr/bin/env bash
# Runs the README's two quick-start commands on a stock Debian system Python: a fresh
# Debian root filesystem (debootstrap), entered with chroot, each command started with an
# empty environment (env -i PATH=/usr/bin:/bin) so nothing from this machine leaks in.
#
#   sudo bash scripts/check_stock_debian.sh [ROOTFS] [SUITE]
#
# ROOTFS defaults to /tmp/backbreak-stock-<SUITE>, SUITE to bookworm (Debian 12). The root
# filesystem is made once (Debian package debootstrap; it downloads about 100 MB) and holds
# what a stock install has, plus git to clone with. This checkout's HEAD is cloned into
# it. Needs root and a network; not part of the test suite (it takes minutes).
set -euo pipefail
cd "$(dirname "$0")/.."

suite=${2:-bookworm}
rootfs=${1:-/tmp/backbreak-stock-$suite}
if [ "$(id -u)" != 0 ]; then
  echo "run as root: debootstrap and chroot need it" >&2
  exit 1
fi

if [ ! -x "$rootfs/usr/bin/python3" ]; then
  echo "== debootstrap $suite into $rootfs"
  debootstrap --include=python3,git,ca-certificates "$suite" "$rootfs" http://deb.debian.org/debian
fi

mounted=()
cleanup() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" || true; done
}
trap cleanup EXIT
for fs in proc sys dev dev/pts dev/shm; do
  if ! mountpoint -q "$rootfs/$fs"; then
    mount --bind "/$fs" "$rootfs/$fs"
    mounted+=("$rootfs/$fs")
  fi
done
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
# A network behind a TLS-inspecting proxy: the certificate authorities this machine's admin
# added go in the same way (nothing else from this machine: no pip configuration, no PATH).
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/"
  chroot "$rootfs" update-ca-certificates >/dev/null
fi

echo "== cloning $(git rev-parse --short HEAD) into $rootfs/root/backbreak"
rm -rf "$rootfs/root/backbreak"
git clone --quiet "$PWD" "$rootfs/root/backbreak"
git -C "$rootfs/root/backbreak" checkout --quiet --detach "$(git rev-parse HEAD)"

in_chroot() {
  chroot "$rootfs" env -i PATH=/usr/bin:/bin HOME=/root bash -euo pipefail -c "cd /root/backbreak && $1"
}

echo "== quick start: install"
in_chroot "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pipx libxcb-cursor0 >/dev/null"
in_chroot "pipx install --force . && ~/.local/bin/backbreak --version"

echo "== quick start: tests"
in_chroot "bash scripts/test.sh ${PYTEST_ARGS:-}"
