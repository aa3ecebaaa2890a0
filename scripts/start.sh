#!/usr/bin/env bash
# Start Incident Log on the default database in the user's data folder (set-up included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/python -m desktop "$@"
