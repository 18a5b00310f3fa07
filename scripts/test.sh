#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian/Ubuntu machine (when run as root) and
# runs every check: ruff, mypy --strict, then the unit, widget and end-to-end tests.
# This is the test command of the README's quick start, and CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=(
  xvfb xauth trayer dunst libnotify-bin dbus-x11 xdotool
  libegl1 libgl1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1
  libfontconfig1 libdbus-1-3 fonts-dejavu-core
  espeak-ng-espeak pulseaudio pulseaudio-utils sox libxss1
  desktop-file-utils appstream
)
missing=()
for package in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "== missing Debian packages (install them as root): ${missing[*]}" >&2
  fi
fi

echo "== installing backbreak with its test extra"
python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'

echo "== ruff"
python3 -m ruff check .
echo "== ruff format --check"
python3 -m ruff format --check .
echo "== mypy --strict"
python3 -m mypy
echo "== pytest"
python3 -m pytest "$@"
