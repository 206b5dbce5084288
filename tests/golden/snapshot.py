"""Reviewed JSON snapshots of what maalspor extracts, one file per document (cdp-backend's habit).

A snapshot holds the document's export records (document, sections, goals, decisions) as the CLI
exports them; `_batch.json` holds what depends on the whole batch: the ingest report, goal links
and threads. After a deliberate change, rewrite them with

    ./test.sh tests/golden --update-golden

and review the diff before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

GOLDEN_DIR = Path(__file__).resolve().parent
BATCH_FILE = "_batch.json"


def document_snapshots(records: dict[str, list[dict]]) -> dict[str, dict]:
    """Export records (by kind) grouped per document id."""
    snapshots: dict[str, dict] = {
        document["id"]: {"document": document, "sections": [], "goals": [], "decisions": []}
        for document in records["documents"]
    }
    for kind in ("sections", "goals", "decisions"):
        for record in records[kind]:
            snapshots[record["document_id"]][kind].append(record)
    return snapshots


def batch_snapshot(report_lines: dict[str, list[str]], records: dict[str, list[dict]]) -> dict:
    return {"report": report_lines, "links": records["links"], "threads": records["threads"]}


def normalised(value: Any) -> Any:
    """The value as it reads back from JSON (tuples become lists, int keys strings)."""
    return json.loads(json.dumps(value, ensure_ascii=False))


def differences(expected: Any, actual: Any, path: str = "$") -> list[str]:
    """Every field where `actual` differs from `expected`, as 'path: expected != actual'."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        found = []
        for key in sorted(set(expected) | set(actual), key=str):
            if key not in actual:
                found.append(f"{path}.{key}: missing (expected {_short(expected[key])})")
            elif key not in expected:
                found.append(f"{path}.{key}: unexpected {_short(actual[key])}")
            else:
                found.extend(differences(expected[key], actual[key], f"{path}.{key}"))
        return found
    if isinstance(expected, list) and isinstance(actual, list):
        found = []
        if len(expected) != len(actual):
            found.append(f"{path}: {len(actual)} entries, expected {len(expected)}")
        for index, (want, got) in enumerate(zip(expected, actual, strict=False)):
            found.extend(differences(want, got, f"{path}[{index}]"))
        return found
    return [] if expected == actual else [f"{path}: {_short(actual)} != expected {_short(expected)}"]


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 120 else text[:117] + "..."


def file_name(document_id: str) -> str:
    return f"{document_id}.json"


def read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def write(path: Path, value: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
