"""Ingesting the seed corpus into the SQLite store: renditions, no-op re-ingest, replacement, bad input."""

import shutil
from pathlib import Path

import pytest

from index.store.pipeline import ingest_paths
from index.store.sqlite import Store
from tests.conftest import CORPUS

PLAN_2022 = "lyngby-taarbaek-beskaeftigelsesplan-2022"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "data" / "maalspor.sqlite3")
    yield store
    store.close()


@pytest.fixture(scope="module")
def ingested_corpus(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("data") / "maalspor.sqlite3")
    report = ingest_paths([CORPUS], store)
    yield store, report
    store.close()


def test_corpus_becomes_four_documents_with_one_extra_rendition(ingested_corpus):
    store, report = ingested_corpus
    assert report.failed == []
    assert len(report.ingested) == 4
    assert report.renditions == [f"004_661df588116e84b5.txt -> rendition of {PLAN_2022} (000_74d16ed6cde7bc44.txt)"]
    documents = {d.id: d for d in store.documents()}
    assert len(documents) == 4
    plan = documents[PLAN_2022]
    assert plan.source_file == "000_74d16ed6cde7bc44.txt"
    assert plan.renditions == ["004_661df588116e84b5.txt"]
    assert {d.kind.value for d in documents.values()} == {"plan", "minutes"}


def test_reingesting_unchanged_files_is_a_noop(ingested_corpus):
    store, _ = ingested_corpus
    goals_before = [g.id for g in store.goals()]
    report = ingest_paths([CORPUS], store)
    assert len(report.skipped) == 5 and not report.ingested and not report.renditions and not report.failed
    assert [g.id for g in store.goals()] == goals_before


def test_changed_file_replaces_its_old_records(store, tmp_path):
    plan = tmp_path / "plan2023.txt"
    original = (CORPUS / "001_66e873449e3ce21a.txt").read_text(encoding="utf-8")
    plan.write_text(original, encoding="utf-8")
    ingest_paths([plan], store)
    [document] = store.documents()
    goals_before = {g.number: g.wording for g in store.goals(document.id)}
    assert goals_before["6"] == "Flere unge skal i uddannelse eller beskæftigelse"

    plan.write_text(
        original.replace("Flere unge skal i uddannelse eller", "Flere unge skal i job eller"), encoding="utf-8"
    )
    report = ingest_paths([plan], store)
    assert len(report.ingested) == 1
    assert [d.id for d in store.documents()] == [document.id]
    goals_after = {g.number: g.wording for g in store.goals(document.id)}
    assert goals_after["6"] == "Flere unge skal i job eller beskæftigelse"
    assert len(goals_after) == len(goals_before)


def test_bad_files_are_reported_and_the_batch_goes_on(store, tmp_path, realdocs):
    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(CORPUS / "001_66e873449e3ce21a.txt", batch / "a_plan.txt")
    (batch / "b_latin1.txt").write_bytes("Beskæftigelsesplan for Lyngby-Taarbæk".encode("latin-1"))
    (batch / "c_empty.pdf").write_bytes(b"")
    (batch / "d_corrupt.pdf").write_bytes(b"%PDF-1.4\n this is not really a pdf")
    shutil.copy(realdocs / "ballerup_sfu_2012-12-04_bilag_scannet_uden_tekstlag.pdf", batch / "e_scanned.pdf")
    report = ingest_paths([batch], store)
    assert [line.split(" -> ")[0] for line in report.ingested] == ["a_plan.txt"]
    failed = {line.split(":")[0]: line for line in report.failed}
    assert set(failed) == {"b_latin1.txt", "c_empty.pdf", "d_corrupt.pdf", "e_scanned.pdf"}
    assert "UTF-8" in failed["b_latin1.txt"]
    assert "no text layer" in failed["e_scanned.pdf"]
    assert all("\n" not in line for line in report.failed)
    # nothing of the failed files was stored
    assert store.source_hash("e_scanned.pdf") is None and store.source_hash("b_latin1.txt") is None
    assert len(store.documents()) == 1


def test_source_lines_are_kept_for_citations(ingested_corpus):
    store, _ = ingested_corpus
    lines = store.source_lines("003_d16604ceb04aa2e7.txt")
    assert lines[3].line == 4 and lines[3].text.strip() == "Sag nr. 1"


def test_a_changed_primary_keeps_its_other_renditions(store, tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("000_74d16ed6cde7bc44.txt", "004_661df588116e84b5.txt"):
        shutil.copy(CORPUS / name, folder / name)
    ingest_paths([folder], store)
    primary = folder / "000_74d16ed6cde7bc44.txt"
    primary.write_text(primary.read_text(encoding="utf-8") + "\nEt tilføjet afsnit.\n", encoding="utf-8")
    report = ingest_paths([folder], store)
    assert [line.split(" -> ")[0] for line in report.ingested] == ["000_74d16ed6cde7bc44.txt"]
    assert store.document(PLAN_2022).renditions == ["004_661df588116e84b5.txt"]
