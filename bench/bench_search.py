"""Search quality and speed.

    .venv/bin/python bench/bench_search.py [--chroma DIR] [--skip-synthetic] [--tune]

1. Index the seed corpus (cold: every chunk embedded; warm: nothing changed) and the embedding throughput.
2. recall@1, recall@5 and MRR on tests/resources/search_dev_questions.json for dense-only, lexical-only
   and hybrid ranking, and the top fused score of the nonsense queries (what the floor must stay above).
   --tune grid-searches the fusion weights.
3. Query latency p50/p95 at 10k and 100k synthetic chunks, unfiltered, with a chromadb `where`
   filter, and with the filter applied as a candidate id list.

--chroma DIR keeps the corpus's vector index there, so a second run skips the cold embedding.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index.search.chunks import Chunk  # noqa: E402
from index.search.embedding_model import load_model  # noqa: E402
from index.search.hybrid import (  # noqa: E402
    DEFAULT_WEIGHTS,
    FusionWeights,
    HybridSearcher,
    SearchFilters,
    open_searcher,
)
from index.search.judging import ExpectedSpan, answer_rank  # noqa: E402
from index.search.lexical import LexicalIndex  # noqa: E402
from index.search.vectors import VectorIndex  # noqa: E402
from index.store.pipeline import ingest_paths  # noqa: E402
from index.store.sqlite import Store  # noqa: E402
from maalspor.config import load_settings  # noqa: E402

DEV_QUESTIONS = REPO / "tests" / "resources" / "search_dev_questions.json"
MODES = {
    "dense-only": lambda w: replace(w, dense=1.0, bm25=0.0, ngram=0.0),
    "lexical-only": lambda w: replace(w, dense=0.0),
    "hybrid": lambda w: w,
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chroma", type=Path, help="keep the corpus vector index here between runs")
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--tune", action="store_true")
    args = parser.parse_args()
    settings = load_settings()
    embedder = load_model(settings)
    with tempfile.TemporaryDirectory() as scratch:
        searcher = index_corpus(Path(scratch), args.chroma or Path(scratch) / "chroma", embedder)
        dev = json.loads(DEV_QUESTIONS.read_text(encoding="utf-8"))
        searcher.embed_query = lru_cache(maxsize=None)(searcher.embed_query)
        report_quality(searcher, dev, DEFAULT_WEIGHTS)
        if args.tune:
            tune(searcher, dev)
        if not args.skip_synthetic:
            for size in (10_000, 100_000):
                report_latency(Path(scratch) / f"synthetic-{size}", size)


# ------------------------------------------------------------------ 1. indexing


def index_corpus(scratch: Path, chroma_dir: Path, embedder) -> HybridSearcher:
    store = Store(scratch / "maalspor.sqlite3")
    ingest_paths([REPO / "corpus"], store)
    vectors = VectorIndex(_persistent(chroma_dir))
    for label in ("first", "second"):
        started = time.perf_counter()
        searcher = open_searcher(store, vectors, embedder, scratch / "lexical.pkl", progress=print)
        elapsed = time.perf_counter() - started
        print(f"index {label} run: {elapsed:.1f} s for {len(searcher.chunks)} chunks, {vectors.count()} vectors")
    sample = [chunk.indexed_text for chunk in searcher.chunks[:64]]
    started = time.perf_counter()
    embedder.embed_passages(sample)
    elapsed = time.perf_counter() - started
    words = sum(len(text.split()) for text in sample)
    print(f"embedding throughput: {len(sample) / elapsed:.1f} chunks/s ({words / elapsed:.0f} words/s)")
    return searcher


def _persistent(path: Path):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    return chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False))


# ------------------------------------------------------------------ 2. quality


def evaluate(searcher: HybridSearcher, dev: dict, weights: FusionWeights) -> dict[str, float]:
    ranks = []
    for question in dev["questions"]:
        expected = [ExpectedSpan(**span) for span in question["expected"]]
        hits = searcher.search(question["question"], limit=10, weights=replace(weights, floor=0.0))
        ranks.append(answer_rank(hits, expected))
    count = len(ranks)
    return {
        "recall@1": sum(rank == 1 for rank in ranks) / count,
        "recall@5": sum(rank is not None and rank <= 5 for rank in ranks) / count,
        "mrr": sum(1 / rank for rank in ranks if rank) / count,
    }


def top_scores(searcher: HybridSearcher, queries: list[str], weights: FusionWeights) -> list[float]:
    scores = []
    for query in queries:
        hits = searcher.search(query, limit=1, weights=replace(weights, floor=0.0))
        scores.append(hits[0].score if hits else 0.0)
    return scores


def report_quality(searcher: HybridSearcher, dev: dict, weights: FusionWeights) -> None:
    print(f"\nweights: {weights}")
    print(f"{'mode':14} recall@1 recall@5   MRR   ({len(dev['questions'])} questions)")
    for mode, adapt in MODES.items():
        metrics = evaluate(searcher, dev, adapt(weights))
        print(f"{mode:14} {metrics['recall@1']:8.2f} {metrics['recall@5']:8.2f} {metrics['mrr']:6.3f}")
    answered = top_scores(searcher, [question["question"] for question in dev["questions"]], weights)
    nonsense = top_scores(searcher, dev["nonsense"], weights)
    print(f"top fused score, dev questions: min {min(answered):.3f} median {statistics.median(answered):.3f}")
    print(f"top fused score, nonsense: {', '.join(f'{score:.3f}' for score in nonsense)} (floor {weights.floor})")
    print(f"dev questions with no hit above the floor: {sum(score < weights.floor for score in answered)}")


def tune(searcher: HybridSearcher, dev: dict) -> None:
    results = []
    steps = [round(0.1 * step, 1) for step in range(11)]
    for dense, bm25, spread in itertools.product(steps, steps, (0.1, 0.15, 0.2)):
        ngram = round(1.0 - dense - bm25, 1)
        if ngram < 0:
            continue
        weights = FusionWeights(dense=dense, bm25=bm25, ngram=ngram, dense_spread=spread, floor=0.0)
        metrics = evaluate(searcher, dev, weights)
        margin = min(top_scores(searcher, [q["question"] for q in dev["questions"]], weights)) - max(
            top_scores(searcher, dev["nonsense"], weights)
        )
        results.append((metrics["mrr"], metrics["recall@5"], margin, weights))
    print("\nbest 10 by MRR (then recall@5, then margin between weakest dev top score and strongest nonsense):")
    for mrr, recall5, margin, weights in sorted(results, key=lambda r: r[:3], reverse=True)[:10]:
        print(
            f"  mrr {mrr:.3f} r@5 {recall5:.2f} margin {margin:+.3f}  dense {weights.dense} bm25 {weights.bm25} "
            f"ngram {weights.ngram} spread {weights.dense_spread}"
        )


# ------------------------------------------------------------------ 3. latency


def synthetic_chunks(count: int, rng: random.Random) -> list[Chunk]:
    vocabulary = [f"ord{n}" for n in range(5000)] + ["beskæftigelse", "ledighed", "flygtninge", "unge", "uddannelse"]
    return [
        Chunk(
            id=f"synthetic-{n}",
            text=" ".join(rng.choices(vocabulary, k=60)),
            kind=rng.choice(("section", "goal")),
            heading="",
            document_id=f"doc-{n // 100}",
            doc_kind="plan",
            municipality=None,
            committee=None,
            date=None,
            year=rng.randint(2010, 2024),
        )
        for n in range(count)
    ]


def report_latency(chroma_dir: Path, count: int) -> None:
    rng = random.Random(count)
    chunks = synthetic_chunks(count, rng)
    vectors_np = np.random.default_rng(count).standard_normal((count, 384)).astype(np.float32)
    vectors_np /= np.linalg.norm(vectors_np, axis=1, keepdims=True)
    vectors = VectorIndex(_persistent(chroma_dir))
    started = time.perf_counter()
    vectors.add_chunks(chunks, vectors_np)
    insert = time.perf_counter() - started
    started = time.perf_counter()
    lexical = LexicalIndex([chunk.indexed_text for chunk in chunks])
    lexical_build = time.perf_counter() - started
    queries = np.random.default_rng(1).standard_normal((40, 384)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    year_2019 = [chunk.id for chunk in chunks if chunk.year == 2019]
    print(f"\n{count} synthetic chunks: chroma insert {insert:.1f} s, lexical build {lexical_build:.1f} s")
    cases = {
        "dense, unfiltered": lambda q: vectors.query(q, 50),
        "dense, where year=2019": lambda q: vectors.query(q, 50, where={"year": 2019}),
        f"dense, ids of year 2019 ({len(year_2019)})": lambda q: vectors.query(q, 50, ids=year_2019),
        "lexical scores": lambda q: lexical.scores("unge i uddannelse ledighed"),
    }
    for label, run in cases.items():
        timings = []
        for query in queries:
            started = time.perf_counter()
            run(query)
            timings.append((time.perf_counter() - started) * 1000)
        timings = timings[5:]  # the first queries warm caches
        print(f"  {label:38} p50 {np.percentile(timings, 50):7.1f} ms  p95 {np.percentile(timings, 95):7.1f} ms")
    searcher = HybridSearcher(chunks, lexical, vectors, lambda query: queries[hash(query) % len(queries)])
    for label, filters in (("hybrid, unfiltered", SearchFilters()), ("hybrid, year 2019", SearchFilters(2019, 2019))):
        timings = []
        for n in range(25):
            started = time.perf_counter()
            searcher.search(f"unge uddannelse ord{n}", filters)
            timings.append((time.perf_counter() - started) * 1000)
        print(f"  {label:38} p50 {np.percentile(timings, 50):7.1f} ms  p95 {np.percentile(timings, 95):7.1f} ms")


if __name__ == "__main__":
    main()
