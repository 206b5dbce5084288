#!/usr/bin/env bash
# Install Debian's headless-capable chromium for the browser test (tests/api/test_browser.py), once.
# Without root or apt the test skips cleanly; this script then only says so.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "ensure_chromium: /usr/bin/chromium missing and cannot apt-get install it; the browser test will skip" >&2
    exit 0
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
