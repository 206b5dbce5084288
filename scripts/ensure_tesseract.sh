#!/usr/bin/env bash
# Install Debian's Tesseract OCR with its Danish model, once, so scanned PDFs without a text layer are read
# (ingest/ocr.py). Without root or apt this script only says so: such PDFs are then refused with a clear
# "no text layer" message and the OCR tests skip.
set -euo pipefail
if command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx dan; then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "ensure_tesseract: tesseract with the Danish model (dan) missing and cannot apt-get install it;" \
        "scanned PDFs without a text layer will be refused and the OCR tests skip" >&2
    exit 0
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-dan >/dev/null
