"""Time to ingest the seed corpus into a fresh store (cold) and again (warm, all unchanged).

.venv/bin/python bench/bench_ingest.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.store.pipeline import ingest_paths  # noqa: E402
from index.store.sqlite import Store  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def main() -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        store = Store(Path(data_dir) / "maalspor.sqlite3")
        started = time.perf_counter()
        report = ingest_paths([CORPUS], store)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        warm_report = ingest_paths([CORPUS], store)
        warm = time.perf_counter() - started
        print(f"cold ingest of {CORPUS.name}/: {cold:.2f} s ({report.summary()})")
        print(f"warm re-ingest: {warm:.2f} s ({warm_report.summary()})")
        for document in store.documents():
            goals = store.goals(document.id)
            items = store.items(document.id, include_embedded=False)
            embedded = len(store.items(document.id)) - len(items)
            sections = store.sections(document.id)
            print(
                f"  {document.id}: {len(sections)} sections, {len(goals)} goals, "
                f"{len(items)} agenda items (+{embedded} embedded), "
                f"{sum(len(i.decisions) for i in items)} decisions"
            )
        store.close()


if __name__ == "__main__":
    main()
