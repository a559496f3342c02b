#!/usr/bin/env bash
# Build the one-folder bundle from build_exe.spec, run the bundled program's --self-test in a
# temporary data folder whose path has Chinese characters and spaces, and print the size.
#
# Usage: bash .ci/build_bundle.sh
# Environment: PYTHON (default .venv/bin/python), BUNDLE_DIST (default dist).
# Fails when the build fails, the self-test exits non-zero, or the self-test writes anything
# to stderr (Qt and Python warnings go to the log file, so stderr output is unexpected).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
python="${PYTHON:-$root/.venv/bin/python}"
dist="${BUNDLE_DIST:-$root/dist}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== building the bundle with PyInstaller $("$python" -m PyInstaller --version)"
start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --workpath "$work/build" --distpath "$dist" build_exe.spec
echo "build took $(( $(date +%s) - start )) s"

bundle="$dist/MeiliDesktop"
program="$bundle/MeiliDesktop"
console_program="$bundle/meili-desktop"
for executable in "$program" "$console_program"; do
    [ -x "$executable" ] || { echo "missing $executable" >&2; exit 1; }
done

expected_version="$("$python" tools/version_info.py --print-version)"
actual_version="$(env QT_QPA_PLATFORM=offscreen "$console_program" --version)"
if [ "$actual_version" != "$expected_version" ]; then
    echo "meili-desktop --version printed '$actual_version', expected '$expected_version'" >&2
    exit 1
fi

echo "== running the bundle's self-test"
# LANG=C checks that a Chinese folder name works without a UTF-8 locale (the bundle runs
# Python in UTF-8 mode); offscreen renders the windows without a display.
status=0
env LANG=C LC_ALL=C QT_QPA_PLATFORM=offscreen \
    "$program" --self-test --data-dir "$work/自检 目录" \
    >"$work/stdout.txt" 2>"$work/stderr.txt" || status=$?
cat "$work/stdout.txt"
if [ -s "$work/stderr.txt" ]; then
    echo "unexpected output on stderr:" >&2
    cat "$work/stderr.txt" >&2
    if [ "$status" -eq 0 ]; then status=1; fi
fi
if [ "$status" -ne 0 ]; then
    echo "self-test of the bundle failed (exit status $status)" >&2
    find "$work/自检 目录" -name meili_desktop.log -exec tail -n 40 {} \; >&2 || true
    exit "$status"
fi

echo "== bundle size"
files=$(find "$bundle" -type f | wc -l)
size_mb=$(du -sm "$bundle" | cut -f1)
packed_mb=$(tar -C "$dist" -czf - MeiliDesktop | wc -c | awk '{printf "%.0f", $1 / 1048576}')
echo "bundle: $bundle"
echo "size: ${size_mb} MB in ${files} files (${packed_mb} MB as tar.gz)"
