#!/usr/bin/env bash
# CI: `pip install .` as an administrator does it, never editable: build the wheel, install it with
# its dependencies (from PyPI) into a clean virtualenv, and from there run `selftest`, an import
# of the sample and a Cyrillic incident report, with HOME and the XDG folders in a temporary place.
#
#   bash .ci/check-wheel.sh
#
# PYTHON builds the wheel (default .venv/bin/python, else python3); the clean virtualenv is made
# with python3. The sample comes from ../shared beside the repository (or INCIDENT_LOG_SHARED),
# else the copy in resources/sample.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
started=$(date +%s)
shared=${INCIDENT_LOG_SHARED:-$(cd "$root/.." && pwd)/shared}
sample=$shared/data/sample-kaluga-2026-09.json
[[ -f $sample ]] || sample=$root/resources/sample/sample-kaluga-2026-09.json
if [[ -z ${PYTHON:-} ]]; then
    if [[ -x .venv/bin/python ]]; then PYTHON=$root/.venv/bin/python; else PYTHON=python3; fi
fi

fail() { echo "check-wheel: FAILED: $*" >&2; exit 1; }

if ! command -v pdftotext >/dev/null; then
    echo "check-wheel: installing poppler-utils (pdftotext)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null 2>&1 ||
        { apt-get update -qq && apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null; }
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/incident-log-wheel.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Built from the committed sources (what a clone holds), not from whatever the working tree has.
mkdir "$work/src"
git archive HEAD desktop resources pyproject.toml setup.py README.md | tar -x -C "$work/src"
"$PYTHON" -m pip wheel --quiet --no-deps "$work/src" -w "$work/dist"
wheel=$(ls "$work"/dist/incident_log-*.whl)
echo "check-wheel: built $(basename "$wheel") ($(du -h "$wheel" | cut -f1))"
listing=$(python3 -m zipfile -l "$wheel")
for wanted in desktop/_resources/fonts/PTS55F.ttf desktop/_resources/fonts/PTF55F.ttf \
    desktop/_resources/translations/incident_log_ru.qm desktop/_resources/icons/incident-log.png \
    desktop/_resources/sample/sample-kaluga-2026-09.json desktop/_resources/manual/manual.ru.md \
    desktop/_resources/manual/overview.ru.png desktop/_resources/postgres/roles.sql \
    desktop/storage/postgres/store.py desktop/storage/sqlite/store.py desktop/services/payments.py; do
    grep -q "^$wanted " <<<"$listing" || fail "the wheel lacks $wanted"
done

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "$wheel" || fail "pip install of the wheel"
echo "check-wheel: installed into a clean virtualenv ($(($(date +%s) - started))s)"

home=$work/home
mkdir -p "$home"
app() {
    echo "+ incident-log $*" >&2
    (cd "$work" && env -u INCIDENT_LOG_DB -u PYTHONPATH HOME="$home" XDG_DATA_HOME="$home/.local/share" \
        XDG_STATE_HOME="$home/.local/state" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" \
        QT_QPA_PLATFORM=offscreen "$work/venv/bin/incident-log" "$@") ||
        fail "'incident-log $*' exited with status $?"
}
app --version
app selftest
app --db "$work/kaluga.sqlite3" import "$sample"
app --db "$work/kaluga.sqlite3" report incident INC-2026-0001 -o "$work/incident.pdf" --lang ru
text=$(pdftotext -enc UTF-8 "$work/incident.pdf" -) || fail "pdftotext cannot read the report"
grep -q 'П-2026-0001' <<<"$text" || fail "the report lacks the incident's number as a Russian office writes it (П-2026-0001)"
grep -q 'Происшествие\|происшеств' <<<"$text" || fail "the report has no Cyrillic word: $(head -c 300 <<<"$text")"
# A shared log: the installed program moves the log to a throwaway PostgreSQL server (the tests'
# own, tests/pg_server.py) with copy-to, checks it there and prints from it.
read -r url folder bin as_user < <("$PYTHON" -c '
import sys; sys.path.insert(0, ".")
from tests import pg_server
s = pg_server.start()
user = "-" if isinstance(s, str) or not s.as_user else s.as_user
print("none" if isinstance(s, str) else f"{s.empty_database()} {s.folder} {s.bin_dir} {user}")') || true
if [[ ${url:-none} == none ]]; then
    fail "no PostgreSQL server could be started for the shared-log check"
fi
stop_server() {
    if [[ $as_user == "-" ]]; then "$bin/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true
    else runuser -u "$as_user" -- "$bin/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$folder"
}
trap 'stop_server; rm -rf "$work"' EXIT
app --db "$work/kaluga.sqlite3" copy-to "$url"
app --db "$url" check
app --db "$url" report claim CLM-2026-0001 -o "$work/claim.pdf" --lang ru
[[ -s $work/claim.pdf ]] || fail "no claim sheet from the server log"
echo "check-wheel: a shared log on PostgreSQL: copy-to, check and a report from the installed wheel"
module=$(cd "$work" && "$work/venv/bin/python" -c 'import desktop.paths as p; print(p.resources_dir())')
[[ $module == "$work"/venv/lib/*/site-packages/desktop/_resources ]] || fail "resources found at $module"
echo "check-wheel: passed in $(($(date +%s) - started))s; report text starts: $(grep -v '^\s*$' <<<"$text" | head -n 2 | tr '\n' ' ')"
