#!/usr/bin/env bash
# Set up the program in .venv (first run only) and open its window on the embedded catalogue.
# Usage: bash tools/start.sh [--data-dir DIR] [--lang en]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/tools/setup_env.sh"
exec meili-desktop "$@"
