#!/usr/bin/env bash
# Regenerate the translation catalogues from the code, then compile them for the app.
#
#   resources/translations/update.sh
#
# lupdate collects every self.tr() / QCoreApplication.translate() of the window (desktop/ui and
# desktop/app.py) into incident_log_ru.ts (keeping what is translated, dropping what is gone),
# and the English plural forms ("%n day(s)") into incident_log_en.ts. Translate the new
# entries in Qt Linguist (pyside6-linguist incident_log_ru.ts), run this again, commit all four files.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${PYSIDE6_BIN:-$root/.venv/bin}
cd "$root"
mapfile -t sources < <(find desktop/ui desktop/app.py -name '*.py' | sort)
"$bin/pyside6-lupdate" -locations relative -no-obsolete "${sources[@]}" -ts "$here/incident_log_ru.ts"
"$bin/pyside6-lupdate" -locations relative -no-obsolete -pluralonly "${sources[@]}" -ts "$here/incident_log_en.ts"
for ts in "$here"/incident_log_*.ts; do
    "$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
