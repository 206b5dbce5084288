"""Every document of corpus/ and ../shared/realdocs compared field by field with its reviewed snapshot.

Update after a deliberate change: `./test.sh tests/golden --update-golden`, then review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from answer.records import EXPORT_KINDS, export_records
from index.store.pipeline import ingest_paths
from index.store.sqlite import Store
from tests.conftest import CORPUS, REALDOCS
from tests.golden import snapshot

# The realdocs folders ingested as one batch (a README inside is no document).
REALDOCS_FOLDERS = (REALDOCS, REALDOCS / "greve_beu_json", REALDOCS / "dev2")
NO_OVERRIDES = Path("/nonexistent/link_overrides.json")


def _extract(paths: list[Path], data_dir: Path) -> tuple[dict[str, dict], dict]:
    store = Store(data_dir / "maalspor.sqlite3")
    files = [p for folder in paths for p in sorted(folder.iterdir()) if p.is_file() and p.name != "README.md"]
    report = ingest_paths(files, store, overrides_path=NO_OVERRIDES)
    records = {kind: export_records(store, kind) for kind in EXPORT_KINDS}
    store.close()
    records = snapshot.normalised(records)
    report_lines = {
        "ingested": report.ingested,
        "renditions": report.renditions,
        "skipped": report.skipped,
        "failed": report.failed,
    }
    return snapshot.document_snapshots(records), snapshot.normalised(snapshot.batch_snapshot(report_lines, records))


@pytest.fixture(scope="module")
def corpus_extract(tmp_path_factory):
    return _extract([CORPUS], tmp_path_factory.mktemp("golden-corpus"))


@pytest.fixture(scope="module")
def realdocs_extract(tmp_path_factory):
    if not REALDOCS.is_dir():
        pytest.skip("../shared/realdocs is not present")
    return _extract(list(REALDOCS_FOLDERS), tmp_path_factory.mktemp("golden-realdocs"))


def _check(name: str, extract: tuple[dict[str, dict], dict], update: bool) -> None:
    documents, batch = extract
    folder = snapshot.GOLDEN_DIR / name
    if update:
        for old in folder.glob("*.json"):
            old.unlink()
        for document_id, record in documents.items():
            snapshot.write(folder / snapshot.file_name(document_id), record)
        snapshot.write(folder / snapshot.BATCH_FILE, batch)
        pytest.skip(f"golden snapshots of {name} rewritten: review the diff")
    expected_files = {p.name for p in folder.glob("*.json")} - {snapshot.BATCH_FILE}
    assert {snapshot.file_name(d) for d in documents} == expected_files, "documents differ from the snapshots"
    problems = []
    for document_id, record in documents.items():
        expected = snapshot.read(folder / snapshot.file_name(document_id))
        problems += [f"{document_id} {line}" for line in snapshot.differences(expected, record)]
    problems += [f"batch {line}" for line in snapshot.differences(snapshot.read(folder / snapshot.BATCH_FILE), batch)]
    assert not problems, f"{len(problems)} fields differ from tests/golden/{name}:\n" + "\n".join(problems[:40])


@pytest.mark.slow
def test_corpus_matches_golden(corpus_extract, update_golden):
    _check("corpus", corpus_extract, update_golden)


@pytest.mark.slow
def test_realdocs_match_golden(realdocs_extract, update_golden):
    _check("realdocs", realdocs_extract, update_golden)


def test_differences_name_each_changed_field():
    expected = {"a": 1, "b": [1, {"c": "x"}], "d": None}
    actual = {"a": 2, "b": [1, {"c": "y"}, 3], "e": True}
    assert snapshot.differences(expected, actual) == [
        "$.a: 2 != expected 1",
        "$.b: 3 entries, expected 2",
        '$.b[1].c: "y" != expected "x"',
        "$.d: missing (expected null)",
        "$.e: unexpected true",
    ]
    assert snapshot.differences(expected, expected) == []
