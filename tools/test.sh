#!/usr/bin/env bash
# Set up everything the tests need and run the whole test suite.
# Usage: bash tools/test.sh [pytest arguments]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash tools/system_packages.sh
if [ -z "${MEILI_TEST_PG_URL:-}" ]; then
    MEILI_TEST_PG_URL="$(bash tools/start_postgres.sh)"
    export MEILI_TEST_PG_URL
fi
source tools/setup_env.sh
export QT_QPA_PLATFORM=offscreen
python -m pytest "$@"
