"""`ask` on the question bank without a search index: the cue, structured-record and lexical-passage path.

    .venv/bin/python bench/bench_ask_lexical.py [--split dev|test] [--data-dir DIR] [--details]

The quick companion of bench/bench_ask_bank.py: it ingests only the files the split's expected citations
name (found under corpus/ and ../shared/realdocs/), embeds nothing, and asks every question with no
searcher, so it runs in about a minute on a laptop CPU. It shows what answers without the embedding model
(the path `maalspor ask` takes for a question the cues resolve) and its answer time per question.
Printed per intent: correct/total, p50/p95 answer time, failing ids; --details prints failing dev answers.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from answer.engine import ask  # noqa: E402
from bench.bench_ask_bank import Outcome, print_failures, report  # noqa: E402
from index.store.pipeline import ingest_paths  # noqa: E402
from index.store.sqlite import Store  # noqa: E402
from tests.answer.bank import BankQuestion, answer_view, load_bank, score  # noqa: E402

SOURCE_ROOTS = (REPO / "corpus", REPO.parent / "shared" / "realdocs")


def main() -> None:
    args = parse_args()
    questions = load_bank(args.split)
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="ask-lexical-"))
    store = ingest(cited_sources(questions), data_dir / "maalspor.sqlite3")
    outcomes: list[Outcome] = []
    times: dict[str, list[float]] = {}
    for question in questions:
        started = time.perf_counter()
        record = ask(question.question, store, None)
        elapsed = time.perf_counter() - started
        outcomes.append((question, score(question, answer_view(record)), None, record))
        for group in (question.intent, "all"):
            times.setdefault(group, []).append(elapsed)
    report(f"{args.split} (no search index)", outcomes, times)
    if args.details and args.split == "dev":
        print_failures(outcomes)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--data-dir", type=Path, help="ingest here (a store already there is reused)")
    parser.add_argument("--details", action="store_true", help="print the answers to failing dev questions")
    return parser.parse_args()


def cited_sources(questions: list[BankQuestion]) -> list[Path]:
    """The files the questions' expected citations name, wherever they lie under the source roots."""
    names = {citation.span.source_file for question in questions for citation in question.citations}
    found = {path.name: path for root in SOURCE_ROOTS if root.is_dir() for path in root.rglob("*") if path.is_file()}
    return sorted(found[name] for name in names if name in found)


def ingest(paths: list[Path], database: Path) -> Store:
    if not database.exists():
        started = time.perf_counter()
        writer = Store(database)
        ingest_paths(paths, writer)
        writer.close()
        print(f"ingested {len(paths)} files in {time.perf_counter() - started:.0f} s")
    return Store(database, read_only=True)


if __name__ == "__main__":
    main()
