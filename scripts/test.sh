#!/usr/bin/env bash
# Run the whole test suite headless (set-up included). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check desktop tests
exec .venv/bin/python -m pytest "$@"
