#!/usr/bin/env bash
# Install Debian's headless chromium and its driver for the browser tests (tests/api/test_browser.py,
# driven by selenium through chromium-driver), once. axe-core, which those tests run on every page, is
# vendored under tests/resources/axe-core (MPL-2.0). Without root or apt the tests skip cleanly; this
# script then only says so.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "ensure_chromium: chromium or chromium-driver missing and cannot apt-get install them; the browser tests will skip" >&2
    exit 0
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
