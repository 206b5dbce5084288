"""The `maalspor` command line."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from answer.records import EXPORT_KINDS
from index.store.connection import StoreMissing
from maalspor.config import Settings, load_settings
from maalspor.model import DocKind

DOCUMENT_KINDS = tuple(kind.value for kind in DocKind)
# the chunk kinds of index/search/chunks.py (not imported: it loads numpy; the CLI starts light)
CHUNK_KINDS = ("goal", "status", "decision", "section", "item", "item-field", "attachments", "attendance")

COMMANDS_DOC = {
    "ingest": "maalspor ingest PATH... [--report text|json] [--jobs N] — read files/folders into the store (progress bar, per-file counts, summary); N processes parse in parallel.",
    "export": "maalspor export documents|goals|decisions|sections|links|threads --format json — print a JSON list.",
    "thread": "maalspor thread GOAL_ID — the goal's history across plan years, with word diffs between years.",
    "index": "maalspor index — embed new and changed documents into the vector index and rebuild the keyword index (progress bar).",
    "search": 'maalspor search "QUERY" [--year 2019] [--kind plan|minutes|agenda|goal|status|decision|section|item|item-field|attachments|attendance] [--limit 10] [--format json] — hybrid search with citations.',
    "ask": 'maalspor ask "QUESTION" [--format json] — answer a Danish or English question, with citations.',
    "serve": "maalspor serve [--host 127.0.0.1] [--port 8000] [--workers N] — the read-only HTTP API (/docs) and Danish web page (/) in N worker processes.",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="maalspor", description="Goals and decisions from Danish municipal documents."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest", help=COMMANDS_DOC["ingest"])
    ingest.add_argument("paths", nargs="+", type=Path)
    ingest.add_argument("--report", choices=("text", "json"), default="text")
    ingest.add_argument(
        "--jobs", type=_positive, default=_default_jobs(), help="parsing processes (default: cores - 1)"
    )
    export = commands.add_parser("export", help=COMMANDS_DOC["export"])
    export.add_argument("kind", choices=EXPORT_KINDS)
    export.add_argument("--format", choices=("json",), default="json")
    thread = commands.add_parser("thread", help=COMMANDS_DOC["thread"])
    thread.add_argument("goal_id")
    commands.add_parser("index", help=COMMANDS_DOC["index"])
    search = commands.add_parser("search", help=COMMANDS_DOC["search"])
    search.add_argument("query")
    search.add_argument("--year", type=int)
    search.add_argument("--kind", choices=DOCUMENT_KINDS + CHUNK_KINDS)
    search.add_argument("--limit", type=int, default=10, choices=range(1, 101), metavar="1..100")
    search.add_argument("--format", choices=("text", "json"), default="text")
    ask = commands.add_parser("ask", help=COMMANDS_DOC["ask"])
    ask.add_argument("question")
    ask.add_argument("--format", choices=("text", "json"), default="text")
    serve = commands.add_parser("serve", help=COMMANDS_DOC["serve"])
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=_positive, default=1, help="server processes (each opens the store itself)")
    return parser


def _positive(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return number


def _default_jobs() -> int:
    """One core stays with the writer (it saves while the others parse); at most 4, as each parsing
    process holds its own language model (~0.5 GB)."""
    return max(1, min(4, (os.cpu_count() or 1) - 1))


def main(argv: list[str] | None = None) -> int:
    try:
        return run(build_parser().parse_args(argv))
    except StoreMissing as err:
        print(f"maalspor: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader stopped early (`maalspor export goals | head`): not an error; keep Python quiet at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def run(args: argparse.Namespace) -> int:
    settings = load_settings()
    if args.command == "serve":
        return run_serve(args.host, args.port, settings, args.workers)
    if args.command == "ask":
        return run_ask(args.question, args.format, settings)
    if args.command == "index":
        return run_index(settings)
    if args.command == "search":
        return run_search(args, settings)
    from index.store.sqlite import open_store

    # only ingest writes (and may create the data dir); export and thread read an existing store
    store = open_store(settings.database_url, read_only=args.command != "ingest", data_dir=settings.data_dir)
    try:
        if args.command == "ingest":
            return run_ingest(args.paths, args.report, store, settings, args.jobs)
        if args.command == "thread":
            return run_thread(args.goal_id, store)
        return run_export(args.kind, store)
    finally:
        store.close()


def run_ingest(paths: list[Path], report_format: str, store, settings: Settings, jobs: int = 1) -> int:
    from tqdm import tqdm

    from index.store.pipeline import ingest_paths

    report = ingest_paths(
        paths,
        store,
        progress=lambda files: tqdm(files, desc="ingest", unit="file", file=sys.stderr),
        overrides_path=settings.link_overrides,
        jobs=jobs,
    )
    if report_format == "json":
        json.dump(report.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print_ingest_report(report)
    return 1 if report.failed else 0


# How each outcome opens its line in the text report.
_OUTCOME_LABELS = {"ingested": "ok      ", "rendition": "same doc", "skipped": "skipped ", "failed": "FAILED  "}


def print_ingest_report(report) -> None:
    """One line per file (with what was found in it), a warning line under a file that yielded nothing
    of what its kind should hold, then the summary."""
    for file in report.files:
        line = f"{_OUTCOME_LABELS[file.outcome]} {file.message}"
        if file.outcome in ("ingested", "rendition"):
            line += f"  [{file.items} items, {file.decisions} decisions, {file.goals} goals]"
        print(line)
        for warning in file.warnings:
            print(f"WARNING  {file.source_file}: {warning}")
    print(report.summary())


EMPTY_STORE = "the store holds no documents: nothing to {}; run `maalspor ingest PATH...` first"


def store_is_empty(settings: Settings) -> bool:
    """Raises StoreMissing where the data dir does not exist (a mistyped MAALSPOR_DATA_DIR)."""
    from index.store.sqlite import open_read_only_store

    store = open_read_only_store(settings)
    try:
        return not store.documents()
    finally:
        store.close()


def run_index(settings: Settings) -> int:
    if store_is_empty(settings):
        print(EMPTY_STORE.format("index"), file=sys.stderr)
        return 1
    from tqdm import tqdm

    from index.search.embedding_model import load_model
    from index.search.hybrid import open_searcher
    from index.search.vectors import VectorIndex
    from index.store.sqlite import open_store

    embedder = load_model(settings)
    bar = tqdm(desc="embed", unit="chunk", file=sys.stderr)

    class ShowingProgress:
        def embed_passages(self, texts):
            vectors = embedder.embed_passages(texts)
            bar.update(len(texts))
            return vectors

        embed_queries = staticmethod(embedder.embed_queries)

    store = open_store(settings.database_url, data_dir=settings.data_dir)
    try:
        searcher = open_searcher(
            store, VectorIndex.open(settings), ShowingProgress(), settings.lexical_index_path, progress=print
        )
        generation = store.bump_search_generation()  # running servers reopen their searcher
    finally:
        bar.close()
        store.close()
    print(f"search index up to date: {len(searcher.chunks)} chunks (generation {generation})")
    return 0


def run_search(args: argparse.Namespace, settings: Settings) -> int:
    if store_is_empty(settings):
        print(EMPTY_STORE.format("search"), file=sys.stderr)
        return 1
    from index.search.hybrid import SearchFilters, hits_to_json, search

    filters = SearchFilters(
        year_from=args.year,
        year_to=args.year,
        doc_kinds=(args.kind,) if args.kind in DOCUMENT_KINDS else (),
        kinds=(args.kind,) if args.kind in CHUNK_KINDS else (),
    )
    hits = search(args.query, filters, args.limit, settings)
    if args.format == "json":
        json.dump(hits_to_json(hits), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not hits:
        print("Ingen træffere / no match.")
    for hit in hits:
        print(f"{hit.score:.2f}  {hit.kind:<10} {hit.metadata.get('document_id')}")
        for c in hit.citations:
            page = f" p. {c.page}" if c.page else ""
            print(f"      [{c.source_file}{page}, lines {c.line_start}-{c.line_end}]")
        print(f"      {' '.join(hit.text.split())[:200]}")
    return 0


def run_export(kind: str, store) -> int:
    from answer.records import export_records

    json.dump(export_records(store, kind), sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


def run_thread(goal_id: str, store) -> int:
    text = render_thread(goal_id, store)
    if text is None:
        print(f"no goal with id {goal_id!r} (see: maalspor export goals)", file=sys.stderr)
        return 1
    print(text)
    return 0


def run_ask(question: str, output_format: str, settings: Settings) -> int:
    from answer.engine import ask
    from index.search.opening import default_searcher_factory
    from index.store.sqlite import open_read_only_store

    store = open_read_only_store(settings)
    try:
        # uncalled: the model loads only if an answer needs search
        answer = ask(question, store, default_searcher_factory(settings))
    finally:
        store.close()
    if output_format == "json":
        json.dump(answer, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for statement in answer["statements"]:
        print(statement["text"])
        for c in statement["citations"]:
            page = f" p. {c['page']}" if c["page"] else ""
            print(f"    [{c['source_file']}{page}, lines {c['line_start']}-{c['line_end']}]")
    return 0


WORKER_HEALTHCHECK_S = 60  # seconds a busy server worker may take to answer the supervisor's ping


def run_serve(host: str, port: int, settings: Settings, workers: int = 1) -> int:
    """One process serves the app built here; several import the app factory each (uvicorn needs it by name,
    and the workers read the settings from the same environment)."""
    if not settings.data_dir.is_dir():
        raise StoreMissing(f"data directory {settings.data_dir} does not exist: check MAALSPOR_DATA_DIR")
    import uvicorn

    if workers > 1:
        # uvicorn kills a worker that misses its 5 s health ping; a worker busy with 20 concurrent searches
        # on 2 cores can miss it, and the kill resets every request it holds (bench_http_load on a loaded 2-core
        # machine: 20 of 138 searches reset with 2 workers, none with 1).
        uvicorn.run(
            "api.app:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            timeout_worker_healthcheck=WORKER_HEALTHCHECK_S,
        )
        return 0
    from api.app import create_app

    uvicorn.run(create_app(settings), host=host, port=port)
    return 0


def render_thread(goal_id: str, store) -> str | None:
    """The thread holding `goal_id`: each year's goals, then how each link changed wording and target."""
    from nlp.wording_diff import render_diff, target_change, word_diff

    goals = {goal.id: goal for goal in store.goals()}
    if goal_id not in goals:
        return None
    thread = store.thread_of(goal_id)
    if thread is None:
        return None
    links = store.links()
    lines = [f"{thread.id}  {thread.label}"]
    for year, ids in sorted(thread.goals_by_year.items()):
        lines.append(f"\n{year}")
        for member in ids:
            goal = goals[member]
            lines.append(
                f"  {'*' if member == goal_id else '-'} [{goal.number}] {' '.join(goal.wording.split())}  ({member})"
            )
        for link in (link for link in links if link.to_goal in ids and link.from_goal in goals):
            before, after = goals[link.from_goal], goals[link.to_goal]
            lines.append(
                f"    {before.plan_year} [{before.number}] -> [{after.number}] {link.relation} "
                f"({link.confidence:.2f}): {render_diff(word_diff(before.wording, after.wording))}"
            )
            lines.append(f"      target: {target_change(before.target, after.target).description}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
