"""`ask` on the question bank: correct answers per intent, search recall@5 and answer time, per split.

    .venv/bin/python bench/bench_ask_bank.py [--split test|dev|paraphrase|fresh|fresh2|both|all-dev]
        [--data-dir DIR] [--reuse-store] [--no-search] [--details] [--intents why,other,absent]

Splits: test (held out), dev, paraphrase (every dev question reworded twice: does a dev gain survive other
wordings?), fresh (new questions on facts dev does not ask about: does a dev gain survive other facts?),
fresh2 (a second set of new questions, on facts none of the others asks about, in another writer's wording);
both = test + dev, all-dev = dev + paraphrase + fresh + fresh2, which also lists the paraphrases that fail where
their dev original passes (the wording-sensitive ones).

corpus/ and ../shared/realdocs (with its greve_beu_json/ and dev2/ folders) are ingested into a fresh store
under DIR (default: maalspor-bank-bench under the temp dir) on every run, so today's parsers read every file;
with --reuse-store the store a previous run left under DIR is asked as it is (for a change to answer/ only:
parsers and index are not run again). The vector index under DIR is kept, so only documents whose chunks changed are embedded again (the first run
embeds everything: tens of minutes on a busy 2-core machine). The embedding model is
./data/models/multilingual-e5-small when it is there, else the default model built under DIR. Then every
question is asked once; "correct" is defined in tests/resources/question_bank/README.md and scored by
tests/answer/bank.py. Printed per split and intent: correct/total, recall@5 (the searcher's own top 5 for
the question text), p50/p95 answer time, and the failing question ids. --details prints the answers to
the failing dev, paraphrase, fresh and fresh2 questions (never the test split's: nobody tunes on it).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from answer.engine import ask  # noqa: E402
from index.search.embedding_model import load_model  # noqa: E402
from index.search.hybrid import HybridSearcher, open_searcher  # noqa: E402
from index.search.vectors import VectorIndex  # noqa: E402
from index.store.pipeline import ingest_paths  # noqa: E402
from index.store.sqlite import Store  # noqa: E402
from maalspor.config import Settings, load_settings  # noqa: E402
from tests.answer.bank import (  # noqa: E402
    FRESH2_SPLIT,
    FRESH_SPLIT,
    PARAPHRASE_SPLIT,
    BankQuestion,
    Score,
    Tally,
    answer_view,
    found_in_top,
    hit_spans,
    load_bank,
    original_id,
    score,
    tally_by_intent,
)

CORPUS = REPO / "corpus"
REALDOCS = REPO.parent / "shared" / "realdocs"
LOCAL_MODEL = REPO / "data" / "models" / "multilingual-e5-small"
SPLIT_GROUPS = {"both": ("test", "dev"), "all-dev": ("dev", PARAPHRASE_SPLIT, FRESH_SPLIT, FRESH2_SPLIT)}


def main() -> None:
    args = parse_args()
    settings = bench_settings(args.data_dir or Path(tempfile.gettempdir()) / "maalspor-bank-bench")
    if not (args.reuse_store and settings.sqlite_path.exists()):
        ingest(settings)
    store = Store(settings.sqlite_path, read_only=True)
    searcher = open_index(settings, store)
    by_split: dict[str, list[Outcome]] = {}
    for split in SPLIT_GROUPS.get(args.split, (args.split,)):
        questions = [q for q in load_bank(split) if not args.intents or q.intent in args.intents]
        outcomes, times = run_split(questions, store, searcher, search=not args.no_search)
        report(split, outcomes, times)
        if args.details and split != "test":
            print_failures(split, outcomes)
        by_split[split] = outcomes
    if "dev" in by_split and PARAPHRASE_SPLIT in by_split:
        print_wording_sensitive(by_split["dev"], by_split[PARAPHRASE_SPLIT])
    store.close()


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split", choices=("test", "dev", PARAPHRASE_SPLIT, FRESH_SPLIT, FRESH2_SPLIT, *SPLIT_GROUPS), default="both"
    )
    parser.add_argument("--data-dir", type=Path, help="bench data dir: store rebuilt each run, vector index kept")
    parser.add_argument(
        "--reuse-store", action="store_true", help="ask the store a previous run left under --data-dir: no ingest"
    )
    parser.add_argument("--no-search", action="store_true", help="skip search recall@5")
    parser.add_argument(
        "--intents", type=lambda text: set(text.split(",")), help="only these intents, comma-separated (why,other)"
    )
    parser.add_argument("--details", action="store_true", help="print the answers to failing dev-side questions")
    return parser.parse_args()


def bench_settings(data_dir: Path) -> Settings:
    """The environment's settings (MAALSPOR_EMBEDDING_BACKEND included) on the bench's own data dir."""
    data_dir.mkdir(parents=True, exist_ok=True)
    base = load_settings()
    # the model ./run.sh built: no second conversion per run
    model = str(LOCAL_MODEL) if LOCAL_MODEL.is_dir() else base.embedding_model
    return replace(
        base, data_dir=data_dir, database_url=f"sqlite:///{data_dir / 'maalspor.sqlite3'}", embedding_model=model
    )


def fresh_store(settings: Settings) -> None:
    """Drop the previous run's store and lexical index; keep the vectors, the model and the originals
    (kept by content hash, so the new store finds the same files there)."""
    for path in settings.data_dir.glob(f"{settings.sqlite_path.name}*"):
        path.unlink()
    shutil.rmtree(settings.lexical_index_path.parent, ignore_errors=True)


def ingest(settings: Settings) -> None:
    fresh_store(settings)
    folders = [CORPUS]
    if REALDOCS.is_dir():
        folders += [REALDOCS, REALDOCS / "greve_beu_json", REALDOCS / "dev2"]
    else:
        print("../shared/realdocs is absent: only corpus/ is ingested (realdocs questions will fail)")
    started = time.perf_counter()
    writer = Store(settings.sqlite_path)
    try:
        report = ingest_paths(material_files(folders), writer)
    finally:
        writer.close()
    print(f"ingest ({time.perf_counter() - started:.0f} s): {report.summary()}")


def material_files(folders: list[Path]) -> list[Path]:
    """The folders' documents, without the READMEs that describe them: a README names the documents' contents,
    and ingested it would be cited as if it were municipal material."""
    return [
        path
        for folder in folders
        if folder.is_dir()
        for path in sorted(folder.iterdir())
        if path.is_file() and not path.name.lower().startswith("readme")
    ]


def open_index(settings: Settings, store: Store) -> HybridSearcher:
    started = time.perf_counter()
    searcher = open_searcher(store, VectorIndex.open(settings), load_model(settings), settings.lexical_index_path)
    print(f"index ({time.perf_counter() - started:.0f} s): {len(searcher.chunks)} chunks")
    return searcher


Outcome = tuple[BankQuestion, Score, bool | None, dict]


def run_split(
    questions: list[BankQuestion], store: Store, searcher: HybridSearcher, search: bool
) -> tuple[list[Outcome], dict[str, list[float]]]:
    outcomes: list[Outcome] = []
    times: dict[str, list[float]] = {}
    for question in questions:
        started = time.perf_counter()
        result = ask(question.question, store, searcher)
        elapsed = time.perf_counter() - started
        found = None
        if search and question.citations:
            found = found_in_top(question, hit_spans(searcher.search(question.question, limit=5)))
        outcomes.append((question, score(question, answer_view(result)), found, result))
        for group in (question.intent, "all"):
            times.setdefault(group, []).append(elapsed)
    return outcomes, times


def report(split: str, outcomes: list[Outcome], times: dict[str, list[float]]) -> None:
    tallies = tally_by_intent((question, result, found) for question, result, found, _ in outcomes)
    print(f"\n{split}: {len(outcomes)} questions")
    print(f"{'intent':<15} {'correct':>8} {'acc':>5} {'recall@5':>9} {'p50 ms':>7} {'p95 ms':>7}  failing")
    for name, tally in tallies.items():
        print(row(name, tally, times[name]))


def row(name: str, tally: Tally, seconds: list[float]) -> str:
    recall = "-" if tally.recall is None else f"{tally.recall:.2f}"
    p50, p95 = percentile(seconds, 50) * 1000, percentile(seconds, 95) * 1000
    failing = " ".join(tally.failing) if name != "all" else f"{len(tally.failing)} failing"
    return (
        f"{name:<15} {tally.correct:>3}/{tally.total:<4} {tally.accuracy:>5.2f} {recall:>9} "
        f"{p50:>7.0f} {p95:>7.0f}  {failing}"
    )


def percentile(values: list[float], percent: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def print_failures(split: str, outcomes: list[Outcome]) -> None:
    print(f"\nfailing {split} questions:")
    for question, result, _, record in outcomes:
        if result.correct:
            continue
        missing = "; ".join(forms[0] for forms in result.missing_facts) or "-"
        print(f"- {question.id}: {question.question}")
        print(f"  missing facts: {missing}; cites an expected span: {result.cited_expected}")
        print(f"  answer: {' '.join(answer_view(record).text.split())[:400]}")


def print_wording_sensitive(dev: list[Outcome], paraphrases: list[Outcome]) -> None:
    """The paraphrases that fail while their dev original passes: answers that hang on one wording."""
    passing = {question.id for question, result, _, _ in dev if result.correct}
    sensitive = [q.id for q, result, _, _ in paraphrases if not result.correct and original_id(q) in passing]
    print(f"\nwording-sensitive ({len(sensitive)}: paraphrase fails, dev original passes): {' '.join(sensitive)}")


if __name__ == "__main__":
    main()
