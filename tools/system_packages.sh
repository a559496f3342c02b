#!/usr/bin/env bash
# Install the Debian packages the tests and screenshots need, when they are missing:
# a CJK font (otherwise Chinese renders as boxes), Qt's runtime libraries, poppler for
# reading PDFs, PostgreSQL for the shared office database tests, and libfaketime for the
# tests of a township laptop whose clock is years off.
set -euo pipefail

packages=(fonts-wqy-microhei libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3
          libglib2.0-0 poppler-utils postgresql xvfb libfaketime)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages: ${missing[*]}; install them with apt-get as root" >&2
    exit 1
fi
echo "installing ${missing[*]} ..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
