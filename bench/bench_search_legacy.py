"""The keyword index before SQLite FTS5 (pickled BM25 + character n-gram TF-IDF), for before/after runs.

    from bench_search_legacy import LegacyKeywordIndex

It is read from git (`LEGACY_COMMIT`, the last commit with the in-process index) into a temporary
module and wrapped so that HybridSearcher can use it in place of the FTS5 index.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from types import ModuleType

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index.search.chunks import Chunk  # noqa: E402
from index.search.lexical import LexicalScores, RankedRows, fingerprint  # noqa: E402

LEGACY_COMMIT = "60619b9"


@lru_cache(maxsize=1)
def _legacy_module() -> ModuleType:
    source = subprocess.run(
        ["git", "show", f"{LEGACY_COMMIT}:index/search/lexical.py"], cwd=REPO, capture_output=True, check=True
    ).stdout
    path = Path(tempfile.mkdtemp()) / "legacy_lexical.py"
    path.write_bytes(source)
    spec = importlib.util.spec_from_file_location("legacy_lexical", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


class LegacyKeywordIndex:
    """The old index (scores for every chunk, in chunk order) behind the new interface (the best rows)."""

    def __init__(self, chunks: Sequence[Chunk]) -> None:
        texts = [chunk.indexed_text for chunk in chunks]
        self.fingerprint = fingerprint([chunk.id for chunk in chunks], texts)
        self.index = _legacy_module().LexicalIndex(texts)

    def scores(self, query: str, limit: int | None = None) -> LexicalScores:
        scores = self.index.scores(query)
        return LexicalScores(self.fingerprint, _ranked(scores.bm25, limit), _ranked(scores.ngram, limit))


def _ranked(scores: np.ndarray, limit: int | None) -> RankedRows:
    rows = np.flatnonzero(scores)
    order = np.lexsort((rows, -scores[rows]))[:limit]
    return RankedRows(rows[order], scores[rows][order].astype(np.float32))
