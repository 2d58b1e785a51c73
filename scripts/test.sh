#!/usr/bin/env bash
# Run the whole test suite: lint, the engine without QGIS, then real QGIS 3.22 (processing.run + qgis_process.bin).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
echo "== ruff"; .venv/bin/ruff check .
echo "== engine tests (no QGIS)"; "$PY" -m pytest test/engine -q -p no:cacheprovider "$@"
echo "== QGIS tests"; "$PY" -m pytest test/qgis -q -p no:cacheprovider "$@"
