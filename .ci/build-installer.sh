#!/usr/bin/env bash
# CI: freeze the app, build the .deb, and prove both work (called by .ci/run after the tests).
#
#   bash .ci/build-installer.sh
#
# PYTHON names an interpreter with the project installed (default .venv/bin/python, else
# python3); PyInstaller, the project's `build` extra, is installed into it when missing. The sample
# data comes from ../shared beside the repository, or INCIDENT_LOG_SHARED. Debian packages it needs
# are installed when missing.
#
# Checks, each on a fresh temporary database and HOME (nothing touches the machine's user data):
#   1. the frozen folder: at most 110 MB, no pruned Qt part left, ICU data reduced to Russian and
#      English, CUPS/D-Bus/fontconfig and OpenSSL not bundled (the system's), every library resolvable;
#   2. dist/incident-log/incident-log: --version, selftest, import of the sample, a Cyrillic
#      incident report, check, backup, xlsx export;
#   3. the .deb: its control fields and paths, then unpacked with dpkg-deb -x into a temporary
#      root, the same run of commands on that copy.
set -euo pipefail

started=$(date +%s)
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
shared=${INCIDENT_LOG_SHARED:-$(cd "$root/.." && pwd)/shared}
sample=$shared/data/sample-kaluga-2026-09.json
[[ -f $sample ]] || sample=$root/resources/sample/sample-kaluga-2026-09.json  # a clone without ../shared beside it
max_mb=110

if [[ -z ${PYTHON:-} ]]; then
    if [[ -x .venv/bin/python ]]; then PYTHON=$root/.venv/bin/python; else PYTHON=python3; fi
fi
export PYTHON

step() { printf '\n== %s (%ss)\n' "$*" "$(($(date +%s) - started))"; }
fail() { echo "build-installer: FAILED: $*" >&2; exit 1; }

# --- tools and the libraries the frozen app takes from the system ----------------------------------
step "Debian packages"
needed=(binutils poppler-utils desktop-file-utils)
while read -r package; do needed+=("$package"); done < <(grep -v '^\s*\(#\|$\)' resources/packaging/deb/depends.txt)
missing=()
for package in "${needed[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
        { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
else
    echo "all present"
fi
if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
    echo "installing PyInstaller (the project's build extra) into $PYTHON's environment"
    "$PYTHON" -m pip install --quiet -e ".[build]" || fail "$PYTHON has no PyInstaller (pip install -e '.[build]')"
fi

# --- freeze and package ------------------------------------------------------------------------------
step "PyInstaller and the .deb"
rm -rf build/build dist/incident-log
bash resources/packaging/build-deb.sh --rebuild
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' desktop/__init__.py)
deb=dist/incident-log_${version}_$(dpkg --print-architecture).deb
[[ -f $deb ]] || fail "no $deb"

# --- the frozen folder ---------------------------------------------------------------------------------
step "Bundle contents"
size_mb=$(du -sm dist/incident-log | cut -f1)
echo "dist/incident-log: ${size_mb} MB (limit ${max_mb} MB); $deb: $(du -h "$deb" | cut -f1)"
((size_mb <= max_mb)) || fail "the frozen folder is ${size_mb} MB, over ${max_mb} MB"
qt=dist/incident-log/_internal/PySide6/Qt
for unwanted in "$qt/qml" "$qt/lib/libQt6Qml.so.6" "$qt/lib/libQt6Quick.so.6" "$qt/lib/libQt6WebEngineCore.so.6" \
    "$qt/plugins/platforms/libqwayland.so" "$qt/plugins/platformthemes/libqgtk3.so" "$qt/translations/qt_ru.qm"; do
    [[ ! -e $unwanted ]] || fail "$unwanted should have been pruned"
done
for wanted in "$qt/plugins/platforms/libqxcb.so" "$qt/plugins/platforms/libqoffscreen.so" \
    "$qt/plugins/printsupport/libcupsprintersupport.so" "$qt/plugins/imageformats/libqsvg.so" \
    "$qt/lib/libQt6PdfWidgets.so.6" "$qt/translations/qtbase_ru.qm" \
    dist/incident-log/_internal/resources/translations/incident_log_ru.qm \
    dist/incident-log/_internal/resources/fonts/PTS55F.ttf dist/incident-log/_internal/resources/icons/incident-log.png \
    dist/incident-log/_internal/resources/manual/manual.ru.md dist/incident-log/_internal/resources/manual/overview.ru.png; do
    [[ -e $wanted ]] || fail "$wanted is missing from the bundle"
done
for unwanted in dist/incident-log/_internal/libcups.so.2 dist/incident-log/_internal/libgnutls.so.30 \
    dist/incident-log/_internal/libdbus-1.so.3 dist/incident-log/_internal/libcrypto.so.3 \
    dist/incident-log/_internal/libssl.so.3; do
    [[ ! -e $unwanted ]] || fail "$unwanted should come from the system or not at all"
done
icu_mb=$(du -m "$qt/lib/libicudata.so.73" | cut -f1)
((icu_mb <= 8)) || fail "libicudata.so.73 is ${icu_mb} MB: the Russian-and-English ICU data was not built"
echo "largest files in the bundle:"
# awk reads the whole list (no `head`): under pipefail, head leaving early would end sort with SIGPIPE (exit 141).
find dist/incident-log -type f -printf '%s %P\n' | sort -rn | awk 'NR <= 12 {printf "  %5.1f MB  %s\n", $1 / 1048576, $2}'
unexpected=$(ls "$qt/translations" | grep -vx 'qtbase_\(ru\|en\)\.qm' || true)
[[ -z $unexpected ]] || fail "unexpected Qt translations: $unexpected"

# --- running a copy of the program -----------------------------------------------------------------------
# run_checks LABEL PROGRAM: the CLI commands a build must pass, on a fresh database and HOME.
# (Each command's status is tested explicitly: `set -e` does not act inside a `cmd || ...` test.)
run_checks() {
    local label=$1 program=$2 work text
    work=$(mktemp -d "${TMPDIR:-/tmp}/incident-log-ci.XXXXXX")
    mkdir -p "$work/home" "$work/data"
    app() {
        echo "+ incident-log $*" >&2
        env HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_STATE_HOME="$work/home/.local/state" \
            XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" \
            QT_QPA_PLATFORM=offscreen INCIDENT_LOG_DB="$work/data/incident-log.sqlite3" "$program" "$@" ||
            fail "$label: 'incident-log $*' exited with status $?"
    }
    app --version | grep -Fx "incident-log $version" || fail "$label: --version does not say $version"
    app selftest
    app --lang ru selftest
    app --db "$work/kaluga.sqlite3" import "$sample"
    app --db "$work/kaluga.sqlite3" report incident INC-2026-0001 -o "$work/incident.pdf" --lang ru
    app --db "$work/kaluga.sqlite3" check
    app --db "$work/kaluga.sqlite3" selftest
    app --db "$work/kaluga.sqlite3" backup "$work/backup.sqlite3"
    app --db "$work/kaluga.sqlite3" export "$work/kaluga.xlsx"
    [[ -s $work/backup.sqlite3 && -s $work/kaluga.xlsx ]] || fail "$label: backup or export wrote nothing"
    # A server log: psycopg and the system's libpq load, and a server that is not there is exit 3
    # with its calm message (not a missing module: exit 1).
    local status=0 said
    said=$(env HOME="$work/home" QT_QPA_PLATFORM=offscreen "$program" --lang en \
        --db "postgresql://clerk@/incident_log?host=$work/no-server" check 2>&1) || status=$?
    ((status == 3)) && grep -q "cannot connect to the server" <<<"$said" || fail "$label: a server log gave status $status: $said"
    text=$(pdftotext -enc UTF-8 "$work/incident.pdf" -) || fail "$label: pdftotext cannot read the report"
    grep -q 'П-2026-0001' <<<"$text" || fail "$label: the report lacks the incident's number as a Russian office writes it (П-2026-0001)"
    LC_ALL=C.UTF-8 grep -qP '\p{Cyrillic}{4,}' <<<"$text" || fail "$label: the report has no Cyrillic text"
    echo "$label: report text starts: $(grep -v '^\s*$' <<<"$text" | head -n 3 | tr '\n' ' ')"
    rm -rf "$work"
}

step "Frozen program"
run_checks "frozen dist/incident-log" "$root/dist/incident-log/incident-log"

# --- the .deb ----------------------------------------------------------------------------------------------
step ".deb structure"
control=$(dpkg-deb -f "$deb")
echo "$control" | grep -E '^(Package|Version|Architecture|Installed-Size|Depends):'
grep -qx "Version: $version" <<<"$control" || fail "the .deb's version is not $version"
for package in libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3 libcups2; do
    grep -q "^Depends:.*\b$package\b" <<<"$control" || fail "Depends lacks $package"
done
listing=$(dpkg-deb -c "$deb" | awk '{print $6}')
for path in ./opt/incident-log/incident-log ./usr/bin/incident-log ./usr/share/applications/incident-log.desktop \
    ./usr/share/icons/hicolor/256x256/apps/incident-log.png ./usr/share/doc/incident-log/copyright; do
    grep -qx "$path" <<<"$listing" || fail "the .deb lacks $path"
done
unpacked=$(mktemp -d "${TMPDIR:-/tmp}/incident-log-deb.XXXXXX")
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb -x "$deb" "$unpacked"
desktop_file=$unpacked/usr/share/applications/incident-log.desktop
grep -qx 'Name\[ru\]=Журнал происшествий' "$desktop_file" || fail "the menu entry has no Russian name"
grep -qx 'Exec=incident-log' "$desktop_file" || fail "the menu entry does not start incident-log"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop_file"; fi
grep -q '^exec /opt/incident-log/incident-log "\$@"$' "$unpacked/usr/bin/incident-log" || fail "/usr/bin/incident-log does not start /opt/incident-log"
[[ -x $unpacked/usr/bin/incident-log ]] || fail "/usr/bin/incident-log is not executable"

step "Unpacked .deb program"
run_checks "unpacked .deb" "$unpacked/opt/incident-log/incident-log"

step "Done: frozen ${size_mb} MB, $deb $(du -h "$deb" | cut -f1)"
