"""Search recall@5 on the question bank's dev questions and their paraphrases with each keyword engine:
SQLite FTS5 (the embedded file) and PostgreSQL (the keyword tables of a store on a server).

    MAALSPOR_OCR_MAX_PAGES=3 nice -n 10 .venv/bin/python bench/bench_keyword_engines.py --data-dir DIR

The bank's material is ingested into DIR as bench/bench_ask_bank.py does (the vector index under DIR is
kept); one hybrid searcher is opened on it, then a copy whose keyword index is the PostgreSQL one, built from
the same chunks in a PostgreSQL started for the run (tests/index/postgres_server.py). Everything else (dense
search, fusion, re-ranking) is shared, so the difference is the keyword engine's alone. Printed per split and
engine: recall@5 (tests/answer/bank.py's found_in_top), the p50/p95 time of the keyword scoring per question,
and the questions that one engine finds and the other does not. The test split is never run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_ask_bank import bench_settings, ingest, open_index  # noqa: E402

from index.search.hybrid import HybridSearcher  # noqa: E402
from index.search.lexical_postgres import build_postgres_keyword_index  # noqa: E402
from index.store.sqlite import Store  # noqa: E402
from tests.answer.bank import found_in_top, hit_spans, load_bank  # noqa: E402
from tests.index.postgres_server import postgres_available, running_postgres  # noqa: E402

SPLITS = ("dev", "paraphrase")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="bench data dir: store rebuilt each run, vector index kept")
    args = parser.parse_args()
    if not postgres_available():
        sys.exit("PostgreSQL (initdb, pg_ctl) is not installed")
    settings = bench_settings(args.data_dir or Path(tempfile.gettempdir()) / "maalspor-bank-bench")
    ingest(settings)
    store = Store(settings.sqlite_path, read_only=True)
    sqlite_searcher = open_index(settings, store)
    store.close()
    with running_postgres() as url:
        started = time.perf_counter()
        postgres_keywords = build_postgres_keyword_index(url, sqlite_searcher.chunks)
        print(
            f"PostgreSQL keyword index: {len(sqlite_searcher.chunks)} chunks in {time.perf_counter() - started:.1f} s"
        )
        searchers = {"sqlite": sqlite_searcher, "postgresql": replace(sqlite_searcher, lexical=postgres_keywords)}
        for split in SPLITS:
            compare(split, searchers)
        postgres_keywords.close()


def compare(split: str, searchers: dict[str, HybridSearcher]) -> None:
    questions = [question for question in load_bank(split) if question.citations]
    found: dict[str, set[str]] = {}
    print(f"\n{split}: {len(questions)} questions with citations")
    for engine, searcher in searchers.items():
        keyword_ms = []
        found[engine] = set()
        for question in questions:
            started = time.perf_counter()
            searcher.lexical.scores(question.question)
            keyword_ms.append((time.perf_counter() - started) * 1000)
            if found_in_top(question, hit_spans(searcher.search(question.question, limit=5))):
                found[engine].add(question.id)
        print(
            f"  {engine:<10} recall@5 {len(found[engine]) / len(questions):.3f} ({len(found[engine])}/{len(questions)})"
            f"  keyword scoring p50 {np.percentile(keyword_ms, 50):.1f} ms, p95 {np.percentile(keyword_ms, 95):.1f} ms"
        )
    only_sqlite, only_postgres = found["sqlite"] - found["postgresql"], found["postgresql"] - found["sqlite"]
    print(f"  found by SQLite only: {sorted(only_sqlite) or '-'}; by PostgreSQL only: {sorted(only_postgres) or '-'}")


if __name__ == "__main__":
    main()
