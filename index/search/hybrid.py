"""Hybrid search: dense (e5 vectors from chromadb, searched in memory up to IN_MEMORY_MAX_CHUNKS) + keyword
(SQLite FTS5 or PostgreSQL: bm25 on stems and on trigram substrings), fused.

Each signal is put on a [0, 1] scale that means the same for every query, so one weighted sum ranks
the candidates and one floor removes hits that match nothing:

- dense: e5 cosines crowd together (a random string scores 0.80 against this corpus), so the
  cosine is measured against the query's own baseline — its mean cosine to a fixed sample of
  chunks — and divided by DENSE_SPREAD; a nonsense query has no chunk far above its baseline;
- bm25 and ngram: see index/search/lexical.py. The keyword engine returns each signal's best rows
  (KEYWORD_CANDIDATES), not a score for every chunk; their scale is unchanged (divided by the query's
  maximum), so weights and floor mean what they meant. A dense candidate outside those rows counts 0 on
  that signal, where its score was below the last row's.

Weights, spread and floor were tuned on tests/resources/search_dev_questions.json
(bench/bench_search.py; the evidence is in docs/search.md).
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from index.search.chunks import Chunk, chunks_for_document
from index.search.lexical import KEYWORD_CANDIDATES, NO_ROWS, KeywordIndex, RankedRows, fingerprint, sync_keyword_index
from index.search.lexical_postgres import PostgresKeywordIndex, sync_postgres_keyword_index
from index.search.rerank import rerank
from index.search.vectors import MemoryVectors, VectorIndex
from index.store.sqlite import Store
from maalspor.config import Settings, load_settings
from maalspor.model import Citation

CANDIDATES_PER_SIGNAL = 50
BASELINE_SAMPLE = 256
# Up to this many chunks the searcher holds their embeddings in memory (1.5 KB each: 77 MB per process at the
# limit) and searches them exactly with numpy; a larger index is searched by chromadb's HNSW.
IN_MEMORY_MAX_CHUNKS = 50_000

EmbedQuery = Callable[[str], np.ndarray]
# Texts whose query vectors a searcher keeps: a server asks about the same few thousand sentences again and
# again (the why/other answers embed the sentences of the best windows, ~30 ms each on a CPU). 8,192 vectors
# of 384 floats are about 12 MB.
QUERY_VECTOR_CACHE = 8192


@dataclass(frozen=True)
class FusionWeights:
    dense: float
    bm25: float
    ngram: float
    dense_spread: float  # cosine above the query's baseline that counts as a full dense match
    floor: float  # fused scores below this are not hits


DEFAULT_WEIGHTS = FusionWeights(dense=0.5, bm25=0.2, ngram=0.3, dense_spread=0.15, floor=0.14)


@dataclass(frozen=True)
class SearchFilters:
    year_from: int | None = None
    year_to: int | None = None
    kinds: tuple[str, ...] = ()  # chunk kinds: section, goal, item-field, decision
    doc_kinds: tuple[str, ...] = ()  # document kinds: plan, minutes, other
    committee: str | None = None
    goal_id: str | None = None
    document_id: str | None = None

    @property
    def active(self) -> bool:
        return self != SearchFilters()


@dataclass
class Hit:
    score: float
    text: str
    kind: str
    metadata: dict
    citations: list[Citation]
    chunk_id: str = ""


@dataclass
class Signals:
    """One candidate's scaled signals, each in [0, 1]."""

    index: int  # position in the searcher's chunk list
    dense: float
    bm25: float
    ngram: float

    def fused(self, weights: FusionWeights) -> float:
        return weights.dense * self.dense + weights.bm25 * self.bm25 + weights.ngram * self.ngram


@dataclass
class HybridSearcher:
    chunks: list[Chunk]
    lexical: KeywordIndex | PostgresKeywordIndex
    vectors: VectorIndex
    embed_query: EmbedQuery
    weights: FusionWeights = DEFAULT_WEIGHTS
    in_memory_max_chunks: int = IN_MEMORY_MAX_CHUNKS
    _positions: dict[str, int] = field(init=False, repr=False)
    _memory: MemoryVectors | None = field(init=False, repr=False)
    _fingerprint: str = field(init=False, repr=False)
    _baseline_sample: np.ndarray = field(init=False, repr=False)
    _columns: dict[str, np.ndarray] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._positions = {chunk.id: position for position, chunk in enumerate(self.chunks)}
        self._fingerprint = fingerprint([chunk.id for chunk in self.chunks], [c.indexed_text for c in self.chunks])
        small = len(self.chunks) <= self.in_memory_max_chunks
        self._memory = self.vectors.in_memory([chunk.id for chunk in self.chunks]) if small else None
        self._baseline_sample = self._sample_embeddings()
        # Filter columns as arrays: a filter over 100k chunks is a few vectorised comparisons.
        self._columns = {
            "year": np.array([-1 if chunk.year is None else chunk.year for chunk in self.chunks], dtype=np.int32),
            **{
                name: np.array([getattr(chunk, name) for chunk in self.chunks], dtype=object)
                for name in ("kind", "doc_kind", "committee", "goal_id", "document_id")
            },
        }

    def search(
        self,
        query: str,
        filters: SearchFilters = SearchFilters(),
        limit: int = 10,
        weights: FusionWeights | None = None,
    ) -> list[Hit]:
        """The best chunks above the floor, re-ranked by the question's cues (index/search/rerank.py)."""
        weights = weights or self.weights
        relevant = [
            (self.chunks[signals.index], fused)
            for signals in self.candidates(query, filters, weights.dense_spread)
            if (fused := signals.fused(weights)) >= weights.floor
        ]
        return [self._hit(chunk, score) for chunk, score in rerank(relevant, query, limit)]

    def candidates(self, query: str, filters: SearchFilters, dense_spread: float) -> list[Signals]:
        """The union of each signal's best chunks (after filtering), with all three signals."""
        if not query.strip() or not self.chunks:
            return []
        allowed = self.allowed(filters) if filters.active else None
        if allowed is not None and not allowed.any():
            return []
        vector = self.embed_query(query)
        baseline = float(np.mean(self._baseline_sample @ vector)) if len(self._baseline_sample) else 0.0
        cosines = self._nearest(vector, allowed)
        bm25, ngram = self._lexical_scores(query, allowed)
        pool = set(cosines)
        for ranked in (bm25, ngram):
            pool |= set(_top(ranked, allowed, CANDIDATES_PER_SIGNAL))
        cosines |= self._cosines(vector, [position for position in pool if position not in cosines])
        positions = [position for position in pool if position in cosines]
        dense = np.clip((np.array([cosines[position] for position in positions]) - baseline) / dense_spread, 0.0, 1.0)
        keyword, substring = bm25.by_row(), ngram.by_row()
        return [
            Signals(index=position, dense=scaled, bm25=keyword.get(position, 0.0), ngram=substring.get(position, 0.0))
            for position, scaled in zip(positions, dense.tolist(), strict=True)
        ]

    def _lexical_scores(self, query: str, allowed: np.ndarray | None) -> tuple[RankedRows, RankedRows]:
        """The best rows on bm25 and on n-grams: KEYWORD_CANDIDATES of them, or, under a filter keeping a
        fraction f of the chunks, KEYWORD_CANDIDATES / f, so that about as many pass it. A keyword index
        rebuilt from other chunks since this searcher opened scores nothing: its rows are not these positions
        (dense search still answers until the searcher is reopened on the new index)."""
        kept = len(self.chunks) if allowed is None else max(int(allowed.sum()), 1)
        scores = self.lexical.scores(query, limit=-(-KEYWORD_CANDIDATES * len(self.chunks) // kept))
        if scores.fingerprint != self._fingerprint:
            return NO_ROWS, NO_ROWS
        return scores.bm25, scores.ngram

    def allowed(self, filters: SearchFilters) -> np.ndarray:
        """Which chunks pass the filters (a boolean per chunk)."""
        columns = self._columns
        mask = np.ones(len(self.chunks), dtype=bool)
        if filters.year_from is not None:
            mask &= columns["year"] >= filters.year_from
        if filters.year_to is not None:
            mask &= (columns["year"] <= filters.year_to) & (columns["year"] >= 0)
        if filters.kinds:
            mask &= np.isin(columns["kind"], list(filters.kinds))
        if filters.doc_kinds:
            mask &= np.isin(columns["doc_kind"], list(filters.doc_kinds))
        for name in ("committee", "goal_id", "document_id"):
            if getattr(filters, name) is not None:
                mask &= columns[name] == getattr(filters, name)
        return mask

    def _nearest(self, vector: np.ndarray, allowed: np.ndarray | None) -> dict[int, float]:
        """Position -> cosine of the chunks nearest to the query vector (among the allowed ones)."""
        if self._memory is not None:
            return self._memory.nearest(vector, CANDIDATES_PER_SIGNAL, allowed)
        # Filtering is done by handing chroma the allowed ids: at 100k vectors a `where` on year
        # took 65 ms p50 against 24 ms for the id list (docs/search.md).
        ids = None if allowed is None else [self.chunks[position].id for position in np.flatnonzero(allowed)]
        hits = self.vectors.query(vector, CANDIDATES_PER_SIGNAL, ids=ids)
        # a chunk indexed after this searcher opened is not in its list: left for the reopened searcher
        return {self._positions[hit.id]: hit.similarity for hit in hits if hit.id in self._positions}

    def _cosines(self, vector: np.ndarray, positions: list[int]) -> dict[int, float]:
        """Position -> cosine for the given chunks (lexical candidates the nearest-neighbour search missed)."""
        if self._memory is not None:
            return self._memory.cosines(vector, positions)
        found = self.vectors.similarities(vector, [self.chunks[position].id for position in positions])
        return {self._positions[chunk_id]: cosine for chunk_id, cosine in found.items()}

    @staticmethod
    def _hit(chunk: Chunk, score: float) -> Hit:
        return Hit(
            score=round(score, 4),
            text=chunk.text,
            kind=chunk.kind,
            metadata=chunk.metadata(),
            citations=chunk.citations,
            chunk_id=chunk.id,
        )

    def _sample_embeddings(self) -> np.ndarray:
        # A fixed random sample (seeded: the same index gives the same baseline every run).
        ids = [chunk.id for chunk in self.chunks]
        sample = random.Random(0).sample(ids, min(BASELINE_SAMPLE, len(ids)))
        if not sample:
            return np.zeros((0, 0), dtype=np.float32)
        if self._memory is not None:
            rows = [self._positions[chunk_id] for chunk_id in sample]
            return self._memory.matrix[[row for row in rows if self._memory.present[row]]]
        result = self.vectors.collection.get(ids=sample, include=["embeddings"])
        return np.asarray(result["embeddings"], dtype=np.float32)


def _top(ranked: RankedRows, allowed: np.ndarray | None, count: int) -> list[int]:
    """The first `count` rows (best first) that score and pass the filter."""
    rows = ranked.rows[ranked.scores > 0]
    if allowed is not None:
        rows = rows[allowed[rows]]
    return [int(position) for position in rows[:count]]


# ------------------------------------------------------------------ wiring to the store


def store_chunks(store: Store) -> dict[str, list[Chunk]]:
    """Every document's chunks, citations narrowed against the stored source lines."""
    chunks_by_document: dict[str, list[Chunk]] = {}
    for document in store.documents():
        lines = {document.source_file: store.source_lines(document.source_file)}
        chunks_by_document[document.id] = chunks_for_document(
            document, store.sections(document.id), store.goals(document.id), store.items(document.id), lines
        )
    return chunks_by_document


def open_searcher(
    store: Store,
    vectors: VectorIndex,
    embedder,
    lexical_path: Path,
    progress: Callable[[str], None] = lambda message: None,
) -> HybridSearcher:
    """Bring the vector index in step with the store (embedding only changed documents) and the
    keyword index (rewritten when the chunks changed): the file at `lexical_path`, or, for a store on
    PostgreSQL, the keyword tables in its database (index/search/lexical_postgres.py)."""
    chunks_by_document = store_chunks(store)
    report = vectors.sync(chunks_by_document, embedder.embed_passages)
    if report.embedded or report.deleted:
        progress(
            f"embedded {report.chunks_embedded} chunks of {len(report.embedded)} documents, "
            f"removed {len(report.deleted)} documents"
        )
    chunks = [chunk for document_chunks in chunks_by_document.values() for chunk in document_chunks]
    lexical: KeywordIndex | PostgresKeywordIndex
    if url := store.server_url:
        lexical = sync_postgres_keyword_index(url, chunks)
    else:
        lexical = sync_keyword_index(lexical_path, chunks)
    return HybridSearcher(
        chunks, lexical, vectors, remembered_queries(lambda query: embedder.embed_queries([query])[0])
    )


def remembered_queries(embed_query: EmbedQuery) -> EmbedQuery:
    """`embed_query` with the vectors of the last QUERY_VECTOR_CACHE texts kept; a kept vector is read-only, so no
    caller can change what the next caller gets."""

    @functools.lru_cache(maxsize=QUERY_VECTOR_CACHE)
    def embedded(query: str) -> np.ndarray:
        vector = np.asarray(embed_query(query))
        vector.flags.writeable = False
        return vector

    return embedded


def search(
    query: str, filters: SearchFilters = SearchFilters(), limit: int = 10, settings: Settings | None = None
) -> list[Hit]:
    """Search the configured store (what `maalspor search` calls)."""
    from index.search.embedding_model import load_model
    from index.store.sqlite import open_store

    settings = settings or load_settings()
    store = open_store(settings.database_url)
    try:
        searcher = open_searcher(store, VectorIndex.open(settings), load_model(settings), settings.lexical_index_path)
        return searcher.search(query, filters, limit)
    finally:
        store.close()


def hits_to_json(hits: Sequence[Hit]) -> list[dict]:
    return [asdict(hit) for hit in hits]
