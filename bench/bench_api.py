"""ask and search latency (p50/p95) through the HTTP API, with the real embedding model.

    .venv/bin/python bench/bench_api.py [--data DIR] [--skip-synthetic]

1. The seed corpus: DIR (default /tmp/maalspor-bench-api) gets the ingested store and its vector and lexical
   indexes on the first run (~50 s of embedding); later runs reuse them.
2. The same store, but search over 100k synthetic chunks (random vectors, real query embedding): what the
   search part of a request costs at that size. Its chroma index is cached in DIR too.

Both run in one process without concurrency; bench/bench_http_load.py puts 1/4/20 concurrent clients on a
real `maalspor serve --workers N` (p50/p95 and req/s).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from fastapi.testclient import TestClient

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench_search import _persistent, synthetic_chunks  # noqa: E402  (bench/ is on sys.path as the script's folder)

from api.app import create_app  # noqa: E402
from index.search.embedding_model import load_model  # noqa: E402
from index.search.hybrid import HybridSearcher, open_searcher  # noqa: E402
from index.search.lexical import LexicalIndex  # noqa: E402
from index.search.vectors import VectorIndex  # noqa: E402
from index.store.pipeline import ingest_paths  # noqa: E402
from index.store.sqlite import Store  # noqa: E402
from maalspor.config import Settings, load_settings  # noqa: E402

QUESTIONS = [
    "Hvordan har målet for unge ændret sig fra 2015 til 2023?",
    "Hvornår kom målet om personer med handicap ind?",
    "Hvilke mål udgik efter 2022?",
    "Which goals were carried over unchanged from 2022 to 2023?",
    "Hvad var status for målet om flygtninge i 2019?",
    "Hvad besluttede udvalget om Beskæftigelsesplan 2015?",
    "Hvem var fraværende den 9. september 2014?",
    "Hvilke bilag havde punktet om Beskæftigelsesplan 2015?",
]
SEARCHES = ["flygtninge selvforsørgende", "unge uddannelse", "førtidspension", "virksomhedsrettet tilbud"]
ROUNDS = 5
SYNTHETIC_SIZE = 100_000
VECTOR_DIMENSIONS = 384  # multilingual-e5-small


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--data",
        type=Path,
        default=Path("/tmp/maalspor-bench-api"),
        help="data dir with the ingested corpus and its indexes; built on the first run",
    )
    parser.add_argument("--skip-synthetic", action="store_true")
    args = parser.parse_args()
    settings = corpus_settings(args.data)
    embedder = load_model(load_settings())
    build_corpus_indexes(settings, embedder)

    print(f"seed corpus ({settings.data_dir}), real model")
    client = TestClient(create_app(settings))
    client.get("/search", params={"q": "warm up"})  # opens the searcher (loads the model) once
    measure(client)

    if not args.skip_synthetic:
        searcher = synthetic_searcher(settings.data_dir / f"synthetic-{SYNTHETIC_SIZE}", embedder)
        print(f"\nseed-corpus store, search over {SYNTHETIC_SIZE} synthetic chunks, real query embedding")
        measure(TestClient(create_app(settings, searcher_factory=lambda: searcher)))


def corpus_settings(data_dir: Path) -> Settings:
    return Settings(data_dir=data_dir, database_url=f"sqlite:///{data_dir / 'maalspor.sqlite3'}")


def build_corpus_indexes(settings: Settings, embedder) -> None:
    """Ingest the corpus and embed it unless DIR already holds both; the app then finds them where it looks."""
    models = settings.models_dir
    if not models.exists():  # the app loads the model from DIR/models: point it at the configured one
        models.parent.mkdir(parents=True, exist_ok=True)
        models.symlink_to(load_settings().models_dir.resolve())
    if not settings.sqlite_path.exists():
        store = Store(settings.sqlite_path)
        ingest_paths([REPO / "corpus"], store)
        store.close()
    store = Store(settings.sqlite_path)
    started = time.perf_counter()
    searcher = open_searcher(store, VectorIndex.open(settings), embedder, settings.lexical_index_path)
    print(f"corpus indexes ready: {len(searcher.chunks)} chunks, {time.perf_counter() - started:.1f} s")
    store.close()


def synthetic_searcher(chroma_dir: Path, embedder) -> HybridSearcher:
    chunks = synthetic_chunks(SYNTHETIC_SIZE, random.Random(SYNTHETIC_SIZE))
    vectors = VectorIndex(_persistent(chroma_dir))
    if vectors.count() != SYNTHETIC_SIZE:
        started = time.perf_counter()
        embeddings = np.random.default_rng(SYNTHETIC_SIZE).standard_normal((SYNTHETIC_SIZE, VECTOR_DIMENSIONS))
        embeddings = (embeddings / np.linalg.norm(embeddings, axis=1, keepdims=True)).astype(np.float32)
        vectors.add_chunks(chunks, embeddings)
        print(f"synthetic chroma insert: {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    lexical = LexicalIndex([chunk.indexed_text for chunk in chunks])
    print(f"synthetic lexical build: {time.perf_counter() - started:.1f} s")
    return HybridSearcher(chunks, lexical, vectors, lambda query: embedder.embed_queries([query])[0])


def measure(client: TestClient) -> None:
    report("ask", timings(client, "/ask", QUESTIONS))
    report("search", timings(client, "/search", SEARCHES))


def timings(client: TestClient, path: str, queries: list[str]) -> list[float]:
    result = []
    for _ in range(ROUNDS):
        for query in queries:
            start = time.perf_counter()
            client.get(path, params={"q": query}).raise_for_status()
            result.append((time.perf_counter() - start) * 1000)
    return result


def report(name: str, values: list[float]) -> None:
    cuts = statistics.quantiles(values, n=20)
    print(f"  {name:7s} n={len(values):3d}  p50 {statistics.median(values):7.1f} ms  p95 {cuts[18]:7.1f} ms")


if __name__ == "__main__":
    main()
