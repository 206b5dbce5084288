"""Search latency at a municipality's scale and beyond: synthetic chunks in PostgreSQL + a Chroma server.

    nice -n 10 .venv/bin/python bench/bench_scale_search.py [--sizes 100000,1000000] [--clients 1,20]
        [--kinds keyword,fts5,vector,hybrid] [--chroma-batch N] [--hnsw batch_size=N,sync_threshold=N]
        [--postgres-url URL] [--keyword-dir DIR]

Starts a PostgreSQL (tests/index/postgres_server.py: initdb on a temporary folder, as an unprivileged
user when run as root; or uses the one at --postgres-url, whose keyword tables are kept when they hold
these chunks) and, for vector and hybrid search, a Chroma server (`chroma run`, the venv's chromadb,
its collection created with the --hnsw settings); fills them with the same synthetic chunks (60 words
each drawn from the corpus's words, so Danish word frequencies; random unit vectors, as latency does not
depend on what the vectors mean), then measures per size, with the product's own classes:

  keyword    the PostgreSQL keyword index (index/search/lexical_postgres.py: bm25 on stems, pg_trgm
             substrings): both signals' best rows, the 50 best on bm25 taken
  fts5       the same with the SQLite FTS5 index (index/search/lexical.py), a file under --keyword-dir
  vector     VectorIndex over chromadb.HttpClient: 50 nearest (cosine, HNSW)
  hybrid     HybridSearcher: both, fused and re-ranked as in production (query vectors random, seeded by
             the query text)

p50/p95 in ms at each --clients count; each client sends its own distinct queries (no cache sees a query
twice) through one shared searcher, as a server's threads do. Fill times are printed too: they size what
a municipality's server needs. Outside CI: a million chunks take a long while to fill.
"""

from __future__ import annotations

import argparse
import random
import socket
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_search import corpus_words, query_word, synthetic_chunks  # noqa: E402

from index.search.chunks import Chunk  # noqa: E402
from index.search.hybrid import HybridSearcher  # noqa: E402
from index.search.lexical import KeywordIndex, sync_keyword_index  # noqa: E402
from index.search.lexical_postgres import PostgresKeywordIndex, sync_postgres_keyword_index  # noqa: E402
from index.search.vectors import COLLECTION, VectorIndex  # noqa: E402
from tests.index.postgres_server import postgres_available, running_postgres  # noqa: E402

DIMENSIONS = 384  # multilingual-e5-small
TOP = 50
QUERIES_PER_CLIENT = 10
POSTGRES_SETTINGS = "-c shared_buffers=512MB -c maintenance_work_mem=512MB -c max_connections=100"
KINDS = ("keyword", "fts5", "vector", "hybrid")

Search = Callable[[str], object]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000", help="chunk counts, comma-separated")
    parser.add_argument("--clients", default="1,20", help="concurrent client counts, comma-separated")
    parser.add_argument("--kinds", default=",".join(KINDS), help=f"searches to measure, of {','.join(KINDS)}")
    parser.add_argument("--chroma-batch", type=int, help="chunks per Chroma add (default: the server's maximum)")
    parser.add_argument("--hnsw", default="", help="Chroma HNSW settings of the collection, e.g. batch_size=5000")
    parser.add_argument("--postgres-url", help="a running PostgreSQL to use (its keyword tables kept if current)")
    parser.add_argument("--keyword-dir", type=Path, help="where the FTS5 files are kept (default: a temporary one)")
    args = parser.parse_args()
    if not (args.postgres_url or postgres_available() or set(args.kinds.split(",")) <= {"fts5", "vector"}):
        sys.exit("PostgreSQL (initdb, pg_ctl) is not installed")
    clients = [int(count) for count in args.clients.split(",")]
    kinds = args.kinds.split(",")
    for size in (int(count) for count in args.sizes.split(",")):
        with ExitStack() as stack:
            scratch = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="maalspor-scale-")))
            chunks = synthetic_chunks(size, random.Random(size))
            print(f"\n{size} chunks", flush=True)
            keywords = None
            if {"keyword", "hybrid"} & set(kinds):
                url = args.postgres_url or stack.enter_context(running_postgres(POSTGRES_SETTINGS))
                keywords = fill_keywords(url, chunks)
            fts5 = (
                fill_fts5((args.keyword_dir or scratch) / f"keywords-{size}.sqlite3", chunks)
                if "fts5" in kinds
                else None
            )
            vectors = None
            if {"vector", "hybrid"} & set(kinds):
                server = stack.enter_context(chroma_server(scratch / "chroma"))
                vectors = fill_vectors(vector_index(server, hnsw_settings(args.hnsw)), chunks, args.chroma_batch)
            for count in clients:
                for kind in kinds:
                    measure(kind, searcher(kind, chunks, keywords, fts5, vectors), count)
            if keywords is not None:
                keywords.close()


def fill_keywords(url: str, chunks: list[Chunk]) -> PostgresKeywordIndex:
    started = time.perf_counter()
    keywords = sync_postgres_keyword_index(url, chunks)
    seconds = time.perf_counter() - started
    import psycopg

    with psycopg.connect(url) as connection:
        sizes = connection.execute(  # keyword_chunks' rows and indexes are in its partitions (pg_partition_tree)
            "SELECT sum(pg_total_relation_size(relid)) FROM unnest(ARRAY['keyword_chunks', 'keyword_vocabulary',"
            " 'keyword_stems', 'keyword_meta']::regclass[]) AS name, pg_partition_tree(name)"
        ).fetchone()
    megabytes = float(sizes[0] if sizes else 0) / 1e6
    print(f"  PostgreSQL keyword index: {seconds:.0f} s ({len(chunks) / seconds:.0f} chunks/s), {megabytes:.0f} MB")
    return keywords


def fill_fts5(path: Path, chunks: list[Chunk]) -> KeywordIndex:
    started = time.perf_counter()
    keywords = sync_keyword_index(path, chunks)
    seconds = time.perf_counter() - started
    print(f"  SQLite FTS5 keyword index: {seconds:.0f} s, {path.stat().st_size / 1e6:.0f} MB")
    return keywords


def fill_vectors(vectors: VectorIndex, chunks: list[Chunk], batch: int | None) -> VectorIndex:
    """The chunks with random unit vectors into the Chroma server, `batch` at a time."""
    batch = batch or vectors.client.get_max_batch_size()
    rng = np.random.default_rng(len(chunks))
    started = time.perf_counter()
    for start in range(0, len(chunks), batch):
        part = chunks[start : start + batch]
        vectors.add_chunks(part, unit_vectors(rng, len(part)))
    seconds = time.perf_counter() - started
    print(f"  Chroma server add (batches of {batch}): {seconds:.0f} s ({len(chunks) / seconds:.0f} chunks/s)")
    return vectors


def searcher(
    kind: str,
    chunks: list[Chunk],
    keywords: PostgresKeywordIndex | None,
    fts5: KeywordIndex | None,
    vectors: VectorIndex | None,
) -> Search:
    """One searcher of `kind`, shared by every client (thread) as a server's workers share theirs."""
    if kind in ("keyword", "fts5"):
        engine = keywords if kind == "keyword" else fts5
        assert engine is not None
        return lambda query: engine.scores(query).bm25.rows[:TOP]
    assert vectors is not None
    if kind == "vector":
        return lambda query: vectors.query(query_vector(query), TOP)
    assert keywords is not None
    return HybridSearcher(chunks, keywords, vectors, query_vector).search


def query_vector(query: str) -> np.ndarray:
    return unit_vectors(np.random.default_rng(zlib.crc32(query.encode())), 1)[0]


def unit_vectors(rng: np.random.Generator, count: int) -> np.ndarray:
    vectors = rng.standard_normal((count, DIMENSIONS)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def measure(kind: str, search: Search, clients: int) -> None:
    """p50/p95 per search with `clients` threads at once, each with its own distinct queries."""

    def client(number: int) -> list[float]:
        timings = []
        for n in range(QUERIES_PER_CLIENT):
            query = f"unge uddannelse {query_word(number * QUERIES_PER_CLIENT + n)} {query_word(number + 1000)}"
            timings.append(timed(partial(search, query)) * 1000)
        return timings

    search("unge uddannelse")  # connections, caches
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        timings = [timing for result in pool.map(client, range(1, clients + 1)) for timing in result]
    elapsed = time.perf_counter() - started
    print(
        f"  {kind:8} {clients:>3} client(s): p50 {np.percentile(timings, 50):7.1f} ms"
        f"  p95 {np.percentile(timings, 95):7.1f} ms  ({len(timings) / elapsed:.1f} searches/s)",
        flush=True,
    )


def hnsw_settings(text: str) -> dict[str, int]:
    """'batch_size=5000,sync_threshold=50000' as Chroma's HNSW configuration (documented in Chroma's
    "Configure Collections": batch_size, the brute-force buffer before HNSW inserts; sync_threshold, adds
    between writes of the index to disk; ef_construction; num_threads)."""
    return {key: int(value) for key, value in (pair.split("=") for pair in text.split(",") if pair)}


def vector_index(port: int, hnsw: dict[str, int]) -> VectorIndex:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.HttpClient(host="127.0.0.1", port=port, settings=ChromaSettings(anonymized_telemetry=False))
    if hnsw:  # created first with these settings; VectorIndex then opens it
        configuration: Any = {"hnsw": {"space": "cosine", **hnsw}}  # chromadb's TypedDict of known keys
        client.create_collection(COLLECTION, configuration=configuration, metadata={"bench": 1})
        print(f"  Chroma HNSW settings: {hnsw}")
    return VectorIndex(client)


@contextmanager
def chroma_server(path: Path) -> Iterator[int]:
    """`chroma run` on a free port until the block ends."""
    port = _free_port()
    chroma = Path(sys.executable).parent / "chroma"
    log = (path.parent / "chroma.log").open("w")
    server = subprocess.Popen([str(chroma), "run", "--path", str(path), "--port", str(port)], stdout=log, stderr=log)
    try:
        _wait_for_port(port, server)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()


def _wait_for_port(port: int, server: subprocess.Popen, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"chroma run stopped with exit code {server.returncode}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.5)
    sys.exit(f"chroma run did not listen on port {port} within {timeout_s:.0f} s")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


if __name__ == "__main__":
    corpus_words()  # read the corpus once, before any timing
    main()
