"""Chroma fill rate by what each vector carries: the text and every filter field, or the product's lean layout.

    nice -n 10 .venv/bin/python bench/bench_chroma_fill.py [--chunks 20000] [--clients embedded,server]

Fills a fresh collection per layout with the same synthetic chunks (bench_search.synthetic_chunks: 60
corpus words each; random unit vectors) in batches of the client's maximum, and prints chunks/s of wall
time and per CPU second (client and server together):

  text+fields   what VectorIndex wrote before: `documents=` (chromadb keeps each text in its SQLite and
                its full-text index) and the chunk's filter fields as metadata
  lean          VectorIndex.add_chunks as it is: the document id and a digest of the text only

`embedded` is chromadb.PersistentClient on a temporary folder, `server` a `chroma run` on a free port
(bench_scale_search.chroma_server). Each layout fills its own empty store (and server). Outside CI.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_scale_search import chroma_server, unit_vectors  # noqa: E402
from bench_search import corpus_words, synthetic_chunks  # noqa: E402

from index.search.chunks import Chunk  # noqa: E402
from index.search.vectors import VectorIndex  # noqa: E402

Fill = Callable[[VectorIndex, list[Chunk], np.ndarray], None]


def with_text_and_fields(index: VectorIndex, chunks: list[Chunk], vectors: np.ndarray) -> None:
    """The layout before: every vector with its text and all the chunk's metadata."""
    batch = index.client.get_max_batch_size()
    for start in range(0, len(chunks), batch):
        part = chunks[start : start + batch]
        index.collection.upsert(
            ids=[chunk.id for chunk in part],
            embeddings=vectors[start : start + batch],
            metadatas=[chunk.metadata() for chunk in part],
            documents=[chunk.text for chunk in part],
        )


def lean(index: VectorIndex, chunks: list[Chunk], vectors: np.ndarray) -> None:
    index.add_chunks(chunks, vectors)


LAYOUTS: dict[str, Fill] = {"text+fields": with_text_and_fields, "lean": lean}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=20000)
    parser.add_argument("--clients", default="embedded,server", help="embedded, server or both")
    args = parser.parse_args()
    chunks = synthetic_chunks(args.chunks, random.Random(args.chunks))
    vectors = unit_vectors(np.random.default_rng(0), len(chunks))
    for kind in args.clients.split(","):
        for name, fill in LAYOUTS.items():
            cpu_before = cpu_seconds()
            # each layout fills its own store (and server) from empty
            with tempfile.TemporaryDirectory(prefix="maalspor-fill-") as scratch, ExitStack() as stack:
                index = VectorIndex(open_chroma(kind, Path(scratch), stack), collection_name=f"fill-{name}")
                started = time.perf_counter()
                fill(index, chunks, vectors)
                seconds = time.perf_counter() - started
            cpu = cpu_seconds() - cpu_before  # the server's too: it has exited and been waited for
            print(
                f"{kind:8} {name:11} {len(chunks)} chunks: {seconds:6.1f} s  {len(chunks) / seconds:5.0f} chunks/s"
                f"  {cpu:6.1f} CPU s ({len(chunks) / cpu:5.0f} chunks per CPU s)  load {os.getloadavg()[0]:.1f}",
                flush=True,
            )


def cpu_seconds() -> float:
    """CPU time of this process and its finished children: on a shared machine the wall time says more
    about the other jobs than about Chroma."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def open_chroma(kind: str, path: Path, stack: ExitStack):
    """A PersistentClient on `path`, or an HttpClient to a `chroma run` on it that `stack` stops."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    settings = ChromaSettings(anonymized_telemetry=False)
    if kind == "embedded":
        return chromadb.PersistentClient(path=str(path), settings=settings)
    port = stack.enter_context(chroma_server(path / "chroma"))
    return chromadb.HttpClient(host="127.0.0.1", port=port, settings=settings)


if __name__ == "__main__":
    corpus_words()  # read the corpus once, before any timing
    main()
