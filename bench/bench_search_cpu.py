"""CPU seconds per /search request, split by stage, in one process.

    .venv/bin/python bench/bench_search_cpu.py --data DIR [--queries 200] [--rounds 2]

DIR is a data dir built with `maalspor ingest` + `maalspor index` (MAALSPOR_EMBEDDING_MODEL as for the
server). The script opens the app exactly as `maalspor serve` does and calls it as an ASGI app (what
uvicorn calls; no HTTP client in the process to count) with GET /search and distinct queries: the
question bank's dev questions, then the word pairs of bench/bench_http_load.py. Each request's CPU time
(time.process_time: every thread of this process, so the route's worker thread too) is split by wrapping
the searcher's parts:

    embed     the query embedding (ONNX Runtime)
    dense     the vector search: nearest chunks and the cosines of the lexical candidates
    lexical   the keyword index (SQLite FTS5)
    rerank    the question's cues and the per-document greedy pick (index/search/rerank.py)
    fusion    the rest of HybridSearcher.search: filters, candidate pool, scaling, floor
    response  the rest of the request: routing, validation, citation quotes, JSON

CPU time is what the machine's cores spend per request, so it is meaningful while other programs load
the machine; wall-clock latency is not. The first round warms caches (model, pages, source lines) and is
not reported unless --rounds 1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_http_load import WORDS  # noqa: E402

BANK_DEV = REPO / "tests" / "resources" / "question_bank" / "dev.json"
STAGES = ("embed", "dense", "lexical", "rerank", "fusion", "response")


class StageClock:
    """CPU seconds spent inside wrapped callables, per stage, for the request being measured."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)

    def wrap(self, stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.spent[stage] += time.process_time() - started

        return timed


def bank_like_queries(count: int) -> list[str]:
    """The dev questions, then word pairs as the HTTP bench sends them: `count` distinct queries."""
    questions = [entry["question"] for entry in json.loads(BANK_DEV.read_text(encoding="utf-8"))["questions"]]
    pairs = [f"{first} {second}" for first in WORDS for second in WORDS if first != second]
    return list(dict.fromkeys(questions + pairs))[:count]


def instrument(searcher: Any, clock: StageClock) -> None:
    """Wrap the searcher's parts (on this instance, and the module's rerank) so the clock sees them."""
    import index.search.hybrid as hybrid

    searcher.embed_query = clock.wrap("embed", searcher.embed_query)
    for method in ("_nearest", "_cosines"):  # in memory or through chromadb, whichever the searcher uses
        setattr(searcher, method, clock.wrap("dense", getattr(searcher, method)))
    searcher.lexical.scores = clock.wrap("lexical", searcher.lexical.scores)
    hybrid.rerank = clock.wrap("rerank", hybrid.rerank)
    searcher.search = clock.wrap("search", searcher.search)


async def asgi_get(app: Any, path: str, params: dict[str, str]) -> bytes:
    """The body of a GET answered by the ASGI app itself (as uvicorn would call it)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": urlencode(params).encode(),
        "headers": [(b"host", b"bench")],
        "client": ("127.0.0.1", 1),
        "server": ("bench", 80),
    }
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    await app(scope, receive, send)
    status = next(message["status"] for message in sent if message["type"] == "http.response.start")
    if status != 200:
        raise SystemExit(f"GET {path} {params}: status {status}")
    return b"".join(message.get("body", b"") for message in sent if message["type"] == "http.response.body")


async def measure(app: Any, clock: StageClock, queries: list[str]) -> tuple[dict[str, list[float]], int]:
    """CPU seconds per stage for each request, and how many requests returned no hits."""
    per_stage: dict[str, list[float]] = defaultdict(list)
    empty = 0
    for query in queries:
        clock.spent.clear()
        started = time.process_time()
        body = await asgi_get(app, "/search", {"q": query})
        total = time.process_time() - started
        empty += not json.loads(body)["hits"]
        spent = clock.spent
        inner = spent["embed"] + spent["dense"] + spent["lexical"] + spent["rerank"]
        for stage in ("embed", "dense", "lexical", "rerank"):
            per_stage[stage].append(spent[stage])
        per_stage["fusion"].append(spent["search"] - inner)
        per_stage["response"].append(total - spent["search"])
        per_stage["total"].append(total)
    return per_stage, empty


def report(per_stage: dict[str, list[float]], empty: int) -> None:
    total = statistics.mean(per_stage["total"])
    count = len(per_stage["total"])
    print(f"{count} requests, {empty} without hits; CPU ms per request (mean, p95):")
    for stage in (*STAGES, "total"):
        values = sorted(per_stage[stage])
        mean, p95 = statistics.mean(values), values[int(0.95 * (len(values) - 1))]
        print(f"  {stage:9} {mean * 1000:7.2f}  {p95 * 1000:7.2f}   {100 * mean / total:5.1f} %")
    print(f"  20 clients on 2 free cores would wait about {10 * total * 1000:.0f} ms per request")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2, help="rounds over the queries; the first warms up")
    args = parser.parse_args()
    os.environ["MAALSPOR_DATA_DIR"] = str(args.data)
    from api.app import create_app

    app = create_app()
    searcher = app.state.searcher.get()
    if searcher is None:
        raise SystemExit(f"no search index in {args.data}: run `maalspor index` there first")
    clock = StageClock()
    instrument(searcher, clock)
    queries = bank_like_queries(args.queries)
    for round_number in range(args.rounds):
        per_stage, empty = asyncio.run(measure(app, clock, queries))
        if round_number == args.rounds - 1:
            report(per_stage, empty)


if __name__ == "__main__":
    main()
