"""Search latency at a municipality's scale and beyond: synthetic chunks in PostgreSQL + a Chroma server.

    nice -n 10 .venv/bin/python bench/bench_scale_search.py [--sizes 100000,1000000] [--clients 1,20]

Starts a PostgreSQL (tests/index/postgres_server.py: initdb on a temporary folder, as an unprivileged
user when run as root) and a Chroma server (`chroma run`, the venv's chromadb), fills both with the same
synthetic chunks (60 words each drawn from the corpus's words, so Danish word frequencies; random unit
vectors, as latency does not depend on what the vectors mean), then measures per size:

  keyword    PostgreSQL full text, `danish` configuration (Snowball stems, stop words): a GIN index on a
             stored tsvector, the query's words OR-ed, the 50 best by ts_rank; substrings ('autisme' in
             'autismediagnose') through pg_trgm's GIN index (ILIKE '%word%') on the query's longest word
  vector     the product's VectorIndex over chromadb.HttpClient: 50 nearest (cosine, HNSW)
  hybrid     both, fused by reciprocal rank (the bench's fusion; the product's HybridSearcher scores
             keywords with its SQLite FTS5 index, which has no PostgreSQL counterpart yet)

p50/p95 in ms at each --clients count, each client with its own connections and its own distinct queries
(no cache sees a query twice). Fill times are printed too: they size what a municipality's server needs.
Outside CI: a million chunks take a long while to fill.
"""

from __future__ import annotations

import argparse
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_search import corpus_words, query_word, synthetic_chunks  # noqa: E402

from index.search.chunks import Chunk  # noqa: E402
from index.search.vectors import VectorIndex  # noqa: E402
from tests.index.postgres_server import postgres_available, running_postgres  # noqa: E402

DIMENSIONS = 384  # multilingual-e5-small
FILL_BATCH = 20_000  # chunks generated, copied and added at a time (memory stays flat in the size)
TOP = 50
QUERIES_PER_CLIENT = 10
RRF_K = 60  # reciprocal rank fusion's usual constant
POSTGRES_SETTINGS = "-c shared_buffers=512MB -c maintenance_work_mem=512MB -c max_connections=100"

TABLE = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE chunks (
    id TEXT PRIMARY KEY, text TEXT NOT NULL, year INTEGER NOT NULL,
    words TSVECTOR GENERATED ALWAYS AS (to_tsvector('danish', text)) STORED
);
"""
INDEXES = (
    "CREATE INDEX chunks_words ON chunks USING GIN (words)",
    "CREATE INDEX chunks_trigrams ON chunks USING GIN (text gin_trgm_ops)",
)
KEYWORD_SQL = (
    "SELECT id FROM chunks, to_tsquery('danish', %s) AS query WHERE words @@ query"
    " ORDER BY ts_rank(words, query) DESC LIMIT %s"
)
SUBSTRING_SQL = "SELECT id FROM chunks WHERE text ILIKE %s LIMIT %s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000", help="chunk counts, comma-separated")
    parser.add_argument("--clients", default="1,20", help="concurrent client counts, comma-separated")
    args = parser.parse_args()
    if not postgres_available():
        sys.exit("PostgreSQL (initdb, pg_ctl) is not installed")
    clients = [int(count) for count in args.clients.split(",")]
    for size in (int(count) for count in args.sizes.split(",")):
        with (
            tempfile.TemporaryDirectory(prefix="maalspor-scale-") as scratch,
            running_postgres(POSTGRES_SETTINGS) as url,
            chroma_server(Path(scratch) / "chroma") as port,
        ):
            measure(size, url, port, clients)


def measure(size: int, url: str, chroma_port: int, client_counts: list[int]) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        fill_seconds = fill(size, connection, vector_index(chroma_port))
        (table_bytes,) = connection.execute("SELECT pg_total_relation_size('chunks')").fetchone() or (0,)
        table_mb = table_bytes / 1e6
    print(
        f"\n{size} chunks: filled in {fill_seconds['copy']:.0f} s PostgreSQL copy, {fill_seconds['index']:.0f} s "
        f"GIN indexes ({table_mb:.0f} MB with indexes), {fill_seconds['chroma']:.0f} s Chroma server add",
        flush=True,
    )
    for clients in client_counts:
        for kind in ("keyword", "vector", "hybrid"):
            timings, elapsed = concurrent_timings(kind, clients, url, chroma_port)
            print(
                f"  {kind:8} {clients:>3} client(s): p50 {np.percentile(timings, 50):7.1f} ms"
                f"  p95 {np.percentile(timings, 95):7.1f} ms  ({len(timings) / elapsed:.1f} searches/s)",
                flush=True,
            )


def fill(size: int, connection, vectors: VectorIndex) -> dict[str, float]:
    """The same chunks into PostgreSQL (COPY) and the Chroma server (the product's batched add)."""
    seconds = {"copy": 0.0, "index": 0.0, "chroma": 0.0}
    connection.execute(TABLE)
    rng, vector_rng = random.Random(size), np.random.default_rng(size)
    for start in range(0, size, FILL_BATCH):
        chunks = [
            _renamed(chunk, start + n) for n, chunk in enumerate(synthetic_chunks(min(FILL_BATCH, size - start), rng))
        ]
        embeddings = unit_vectors(vector_rng, len(chunks))
        seconds["copy"] += timed(partial(_copy, connection, chunks))
        seconds["chroma"] += timed(partial(vectors.add_chunks, chunks, embeddings))
    for statement in INDEXES:
        seconds["index"] += timed(partial(connection.execute, statement))
    connection.execute("ANALYZE chunks")
    return seconds


def _renamed(chunk: Chunk, number: int) -> Chunk:
    """synthetic_chunks numbers each batch from 0: ids and documents made unique over the whole fill."""
    chunk.id, chunk.document_id = f"synthetic-{number}", f"doc-{number // 100}"
    return chunk


def _copy(connection, chunks: list[Chunk]) -> None:
    with connection.cursor() as cursor, cursor.copy("COPY chunks (id, text, year) FROM STDIN") as copy:
        for chunk in chunks:
            copy.write_row((chunk.id, chunk.text, chunk.year))


def unit_vectors(rng: np.random.Generator, count: int) -> np.ndarray:
    vectors = rng.standard_normal((count, DIMENSIONS)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def concurrent_timings(kind: str, clients: int, url: str, chroma_port: int) -> tuple[list[float], float]:
    """Milliseconds per search of `kind` with `clients` threads at once, and the wall time of them all."""

    def client(number: int) -> list[float]:
        search = searcher(kind, url, chroma_port)
        rng = np.random.default_rng(number)
        timings = []
        for n in range(QUERIES_PER_CLIENT):
            words = f"unge uddannelse {query_word(number * QUERIES_PER_CLIENT + n)} {query_word(number + 1000)}"
            started = time.perf_counter()
            search(words, unit_vectors(rng, 1)[0])
            timings.append((time.perf_counter() - started) * 1000)
        return timings

    search_warm = searcher(kind, url, chroma_port)
    search_warm("unge uddannelse", unit_vectors(np.random.default_rng(0), 1)[0])  # connections, caches
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        timings = [timing for result in pool.map(client, range(1, clients + 1)) for timing in result]
    return timings, time.perf_counter() - started


Search = Callable[[str, np.ndarray], list[str]]


def searcher(kind: str, url: str, chroma_port: int) -> Search:
    """One client's search of `kind`: its own PostgreSQL connection and Chroma client."""
    import psycopg

    connection = psycopg.connect(url, autocommit=True)
    vectors = vector_index(chroma_port)

    def keyword(words: str, _vector: np.ndarray) -> list[str]:
        return keyword_ids(connection, words)

    def vector(_words: str, query: np.ndarray) -> list[str]:
        return [hit.id for hit in vectors.query(query, TOP)]

    def hybrid(words: str, query: np.ndarray) -> list[str]:
        return reciprocal_rank_fusion(keyword(words, query), vector(words, query))

    return {"keyword": keyword, "vector": vector, "hybrid": hybrid}[kind]


def keyword_ids(connection, words: str) -> list[str]:
    """The best full-text matches of any of the words, then substring matches of the longest word."""
    terms = [term for term in words.split() if term.isalpha()]
    ranked = [row[0] for row in connection.execute(KEYWORD_SQL, (" | ".join(terms), TOP))]
    longest = max(terms, key=len)
    substring = [row[0] for row in connection.execute(SUBSTRING_SQL, (f"%{longest}%", TOP))]
    return list(dict.fromkeys(ranked + substring))


def reciprocal_rank_fusion(*rankings: list[str]) -> list[str]:
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, chunk_id in enumerate(ranking):
            scores[chunk_id] = scores.get(chunk_id, 0.0) + 1 / (RRF_K + rank + 1)
    return sorted(scores, key=scores.__getitem__, reverse=True)[:TOP]


def vector_index(port: int) -> VectorIndex:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    client = chromadb.HttpClient(host="127.0.0.1", port=port, settings=ChromaSettings(anonymized_telemetry=False))
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
