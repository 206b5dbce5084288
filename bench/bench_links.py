"""Precision / recall of the goal linker against the seed lineage in tests/resources/goal_lineage.json.

.venv/bin/python bench/bench_links.py
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index.lineage.links import link_goals  # noqa: E402
from index.store.pipeline import ingest_paths  # noqa: E402
from index.store.sqlite import Store  # noqa: E402

GOLD = json.loads((REPO / "tests" / "resources" / "goal_lineage.json").read_text(encoding="utf-8"))


def full_id(short: str) -> str:
    return f"{GOLD['documents'][short[:4]]}:goal-{short}"


def pairs(entries: list[dict]) -> set[tuple[str, str]]:
    return {(full_id(e["from"]), full_id(e["to"])) for e in entries}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.sqlite3")
        ingest_paths([REPO / "corpus"], store)
        goals = store.goals()
        started = time.perf_counter()
        links = link_goals(goals)
        elapsed = time.perf_counter() - started
    found = {(link.from_goal, link.to_goal): link for link in links}
    expected, acceptable, wrong = pairs(GOLD["expected"]), pairs(GOLD["acceptable"]), pairs(GOLD["wrong"])
    counted = set(found) - acceptable
    hits = expected & set(found)
    relation_ok = sum(
        1
        for e in GOLD["expected"]
        if e["relation"] in (None, getattr(found.get((full_id(e["from"]), full_id(e["to"]))), "relation", ""))
    )
    print(f"{len(goals)} goals, {len(links)} links in {elapsed:.2f} s")
    print(
        f"precision {len(hits)}/{len(counted)} = {len(hits) / max(1, len(counted)):.2f}   "
        f"recall {len(hits)}/{len(expected)} = {len(hits) / len(expected):.2f}   "
        f"relation correct {relation_ok}/{len(expected)}   acceptable found {len(acceptable & set(found))}/{len(acceptable)}"
    )
    for pair in sorted(expected - set(found)):
        print("  missed  ", pair[0].split(":")[1], "->", pair[1].split(":")[1])
    for pair in sorted(counted - expected):
        print(
            "  extra   ",
            pair[0].split(":")[1],
            "->",
            pair[1].split(":")[1],
            found[pair].relation,
            found[pair].confidence,
            "(listed as wrong)" if pair in wrong else "",
        )


if __name__ == "__main__":
    main()
