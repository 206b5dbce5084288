"""Search quality and speed, the FTS5 keyword index against the one it replaced, in one run.

    .venv/bin/python bench/bench_search.py [--chroma DIR] [--sizes 10000,100000] [--clients 20]
                                           [--skip-synthetic] [--tune]

1. Index the seed corpus (cold: every chunk embedded; warm: nothing changed) and the embedding throughput.
2. recall@1, recall@5 and MRR on tests/resources/search_dev_questions.json for dense-only, lexical-only
   and hybrid ranking, with the old keyword index (pickled BM25 + n-grams, bench/bench_search_legacy.py)
   and the new one (SQLite FTS5), and the top fused score of the nonsense queries (what the floor must
   stay above). --tune grid-searches the fusion weights (new index).
3. Query latency p50/p95 on synthetic chunks (default 10k and 100k, chroma embedded; 60 words each drawn
   from the corpus's words, so with Danish word frequencies; random unit vectors): dense alone, with a
   chromadb `where` filter and with the filter as an id list; keyword scores old vs new; hybrid search
   old vs new; and hybrid search from --clients threads at once, each sending its own queries.

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
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_search_legacy import LegacyKeywordIndex  # noqa: E402

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
from index.search.lexical import build_keyword_index  # noqa: E402
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
    parser.add_argument("--sizes", default="10000,100000", help="synthetic chunk counts, comma-separated")
    parser.add_argument("--clients", type=int, default=20, help="concurrent searching threads")
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--tune", action="store_true")
    args = parser.parse_args()
    settings = load_settings()
    embedder = load_model(settings)
    with tempfile.TemporaryDirectory() as scratch:
        searcher = index_corpus(Path(scratch), args.chroma or Path(scratch) / "chroma", embedder)
        dev = json.loads(DEV_QUESTIONS.read_text(encoding="utf-8"))
        searcher.embed_query = lru_cache(maxsize=None)(searcher.embed_query)
        legacy = replace(searcher, lexical=LegacyKeywordIndex(searcher.chunks))
        for label, compared in (("OLD keyword index (BM25 + n-grams, pickled)", legacy), ("NEW FTS5", searcher)):
            print(f"\n== {label}")
            report_quality(compared, dev, DEFAULT_WEIGHTS)
        print("\nkeyword scores on the corpus, all dev questions:")
        queries = [question["question"] for question in dev["questions"]]
        for label, compared in (("old", legacy), ("new", searcher)):
            print(f"  {label}: {latency_line(compared.lexical.scores, queries * 3)}")
        if args.tune:
            tune(searcher, dev)
        if not args.skip_synthetic:
            for size in (int(size) for size in args.sizes.split(",")):
                report_latency(Path(scratch) / f"synthetic-{size}", size, args.clients)


# ------------------------------------------------------------------ 1. indexing


def index_corpus(scratch: Path, chroma_dir: Path, embedder) -> HybridSearcher:
    store = Store(scratch / "maalspor.sqlite3")
    ingest_paths([REPO / "corpus"], store)
    vectors = VectorIndex(_persistent(chroma_dir))
    for label in ("first", "second"):
        started = time.perf_counter()
        searcher = open_searcher(store, vectors, embedder, scratch / "keywords.sqlite3", progress=print)
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


@lru_cache(maxsize=1)
def corpus_words() -> tuple[str, ...]:
    """Every word of the seed corpus, repeats kept: drawing from it gives Danish word frequencies
    (and so Danish trigram frequencies, which is what the FTS5 trigram table's speed depends on)."""
    return tuple(
        word for path in sorted((REPO / "corpus").glob("*.txt")) for word in path.read_text(encoding="utf-8").split()
    )


def query_word(n: int) -> str:
    """A different corpus word for each n, for queries no cache has seen."""
    words = corpus_words()
    return words[(n * 7919) % len(words)]


def synthetic_chunks(count: int, rng: random.Random) -> list[Chunk]:
    vocabulary = corpus_words()
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


def latency_line(run: Callable[[Any], object], arguments: Sequence[Any], warm_up: int = 5) -> str:
    timings = []
    for argument in arguments:
        started = time.perf_counter()
        run(argument)
        timings.append((time.perf_counter() - started) * 1000)
    timings = timings[warm_up:]  # the first calls warm caches
    return f"p50 {np.percentile(timings, 50):7.1f} ms  p95 {np.percentile(timings, 95):7.1f} ms"


def report_latency(scratch: Path, count: int, clients: int) -> None:
    rng = random.Random(count)
    chunks = synthetic_chunks(count, rng)
    vectors_np = np.random.default_rng(count).standard_normal((count, 384)).astype(np.float32)
    vectors_np /= np.linalg.norm(vectors_np, axis=1, keepdims=True)
    vectors = VectorIndex(_persistent(scratch / "chroma"))
    insert = timed(lambda: vectors.add_chunks(chunks, vectors_np))
    keywords = build_keyword_index(scratch / "keywords.sqlite3", chunks)
    new_build = timed(lambda: build_keyword_index(scratch / "keywords.sqlite3", chunks))
    legacy_build = timed(lambda: LegacyKeywordIndex(chunks))
    legacy = LegacyKeywordIndex(chunks)
    queries = np.random.default_rng(1).standard_normal((40, 384)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    year_2019 = [chunk.id for chunk in chunks if chunk.year == 2019]
    print(
        f"\n{count} synthetic chunks: chroma insert {insert:.1f} s, keyword build: "
        f"FTS5 {new_build:.1f} s ({(scratch / 'keywords.sqlite3').stat().st_size / 1e6:.0f} MB), old {legacy_build:.1f} s"
    )
    cases = {
        "dense, unfiltered": lambda q: vectors.query(q, 50),
        "dense, where year=2019": lambda q: vectors.query(q, 50, where={"year": 2019}),
        f"dense, ids of year 2019 ({len(year_2019)})": lambda q: vectors.query(q, 50, ids=year_2019),
        "keyword scores, old": lambda q: legacy.scores("unge i uddannelse ledighed"),
        "keyword scores, FTS5": lambda q: keywords.scores("unge i uddannelse ledighed"),
    }
    for label, run in cases.items():
        print(f"  {label:38} {latency_line(run, list(queries))}")
    searchers = {
        "old": HybridSearcher(chunks, legacy, vectors, lambda query: queries[hash(query) % len(queries)]),
        "FTS5": HybridSearcher(chunks, keywords, vectors, lambda query: queries[hash(query) % len(queries)]),
    }
    for (name, searcher), (label, filters) in itertools.product(
        searchers.items(), (("unfiltered", SearchFilters()), ("year 2019", SearchFilters(2019, 2019)))
    ):
        words = [f"unge uddannelse {query_word(n)}" for n in range(30)]
        print(f"  {f'hybrid {name}, {label}':38} {latency_line(partial(searcher.search, filters=filters), words)}")
    report_concurrency(searchers["FTS5"], clients)


def report_concurrency(searcher: HybridSearcher, clients: int, per_client: int = 10) -> None:
    """Each thread sends its own queries (distinct words, so no cache helps); latency per query."""

    def client(number: int) -> list[float]:
        timings = []
        for n in range(per_client):
            started = time.perf_counter()
            searcher.search(f"unge uddannelse {query_word(number * per_client + n)} {query_word(number + 1000)}")
            timings.append((time.perf_counter() - started) * 1000)
        return timings

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        timings = [timing for result in pool.map(client, range(clients)) for timing in result]
    elapsed = time.perf_counter() - started
    print(
        f"  hybrid FTS5, {clients} concurrent clients: p50 {np.percentile(timings, 50):.1f} ms  "
        f"p95 {np.percentile(timings, 95):.1f} ms  ({len(timings) / elapsed:.1f} searches/s)"
    )


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
