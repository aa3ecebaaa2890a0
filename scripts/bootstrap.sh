#!/usr/bin/env bash
# Set-up shared by the quick-start commands: a virtual environment in .venv with the project and
# its test tools installed, and (when run as root on Debian) the system libraries Qt needs and the
# PostgreSQL server the shared-log tests start a throwaway cluster of.
# Safe to run again: it only reinstalls when pyproject.toml has changed.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_LIBS=(libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0
  libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
  libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core
  postgresql  # the tests start a throwaway PostgreSQL cluster of their own (tests/pg_server.py)
  xvfb xauth)  # and a real X server for the keys Qt's X11 keyboard scheme takes (tests/ui/test_keys_on_x11.py)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for lib in "${SYSTEM_LIBS[@]}"; do
    dpkg-query -W -f='${Status}' "$lib" 2>/dev/null | grep -q "install ok installed" || missing+=("$lib")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages for Qt, X and the PostgreSQL tests: ${missing[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Note: Qt may need these system packages: ${missing[*]} (sudo apt-get install ${missing[*]})" >&2
  fi
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[dev]"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
