#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian/Ubuntu machine (when run as root) and
# runs every check: ruff, mypy --strict, the import-linter layer contracts, then the unit,
# widget and end-to-end tests.
# This is the test command of the README's quick start, and CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

# Which Python runs the checks. The python3 on PATH, unless it is a distribution's
# "externally managed" interpreter (PEP 668: Debian 12, Ubuntu 23.04 and newer), where
# pip refuses to install: then a virtual environment of our own, .venv in this checkout
# (gitignored), made on first use and reused after. An active virtual environment is
# never externally managed, so `PATH=$PWD/.venv/bin:$PATH bash scripts/test.sh` uses it.
own_venv=.venv
needs_own_venv=false
if python3 - <<'PY'
import os, sys, sysconfig
managed = os.path.isfile(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED"))
sys.exit(0 if managed and sys.prefix == sys.base_prefix else 1)
PY
then
  needs_own_venv=true
fi

debian_packages=(
  xvfb xauth trayer dunst libnotify-bin dbus dbus-x11 xdotool
  libegl1 libgl1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1
  libfontconfig1 libdbus-1-3 fonts-dejavu-core
  espeak-ng-espeak pulseaudio pulseaudio-utils sox libxss1
  desktop-file-utils appstream appstream-util flatpak-builder zsh fish
  faketime libfaketime
  icu-devtools binutils
  openbox x11-utils x11-xserver-utils at-spi2-core python3-pyatspi
  haskell-status-notifier-item-utils haskell-gtk-sni-tray-utils
)
if "$needs_own_venv"; then
  # The venv and ensurepip modules for the system python3 (not installed by default).
  debian_packages+=(python3-venv)
fi
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

if "$needs_own_venv"; then
  if [ ! -x "$own_venv/bin/python3" ]; then
    echo "== python3 is externally managed: creating a virtual environment in $own_venv"
    if ! python3 -m venv "$own_venv"; then
      rm -rf "$own_venv"  # a half-made venv (no pip) would be reused next time
      echo "== could not create $own_venv: install python3-venv as root and run again" >&2
      exit 1
    fi
  fi
  # The tests start the 'backbreak' command and other tools by name: the venv comes first.
  PATH="$PWD/$own_venv/bin:$PATH"
  export PATH VIRTUAL_ENV="$PWD/$own_venv"
fi

echo "== installing backbreak with its test extra ($(command -v python3))"
python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'

echo "== ruff"
python3 -m ruff check .
echo "== ruff format --check"
python3 -m ruff format --check .
echo "== mypy --strict"
python3 -m mypy
echo "== lint-imports (the layer contracts in pyproject.toml)"
# lint-imports as the checking Python has it: a --user install's bin may not be on PATH.
python3 -c 'import sys; from importlinter.cli import lint_imports_command as lint; sys.exit(lint())'
echo "== pytest"
python3 -m pytest "$@"
