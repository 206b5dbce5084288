"""Ingesting the seed corpus into the SQLite store: renditions, no-op re-ingest, replacement, bad input."""

import shutil
from pathlib import Path

import pytest

from index.store.originals import original_file
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


# ------------------------------------------------------------ identity

PLAN_2023 = "lyngby-taarbaek-beskaeftigelsesplan-2023"


def test_the_same_file_name_in_two_folders_is_two_files(store, tmp_path):
    """Issue 11: the second 'plan.txt' used to replace the first document and its goals."""
    for folder, seed in (("a", "000_74d16ed6cde7bc44.txt"), ("b", "001_66e873449e3ce21a.txt")):
        (tmp_path / folder).mkdir()
        shutil.copy(CORPUS / seed, tmp_path / folder / "plan.txt")
    report = ingest_paths([tmp_path / "a", tmp_path / "b"], store)
    assert report.ingested == [f"plan.txt -> {PLAN_2022}", f"b/plan.txt -> {PLAN_2023}"]
    assert {d.id: d.source_file for d in store.documents()} == {PLAN_2022: "plan.txt", PLAN_2023: "b/plan.txt"}
    assert len(store.goals(PLAN_2022)) == 8 and len(store.goals(PLAN_2023)) == 7
    # each keeps its own name when ingested again, changed or not
    again = ingest_paths([tmp_path / "b", tmp_path / "a"], store)
    assert again.skipped == ["b/plan.txt (unchanged)", "plan.txt (unchanged)"]


def test_a_copy_of_stored_bytes_is_skipped(store, tmp_path):
    (tmp_path / "copy").mkdir()
    shutil.copy(CORPUS / "001_66e873449e3ce21a.txt", tmp_path / "plan.txt")
    shutil.copy(CORPUS / "001_66e873449e3ce21a.txt", tmp_path / "copy" / "plan-kopi.txt")
    report = ingest_paths([tmp_path / "plan.txt", tmp_path / "copy" / "plan-kopi.txt"], store)
    assert report.skipped == ["plan-kopi.txt (same as plan.txt)"]
    assert [d.id for d in store.documents()] == [PLAN_2023]


@pytest.fixture(scope="module")
def plan_renditions(tmp_path_factory) -> list[Path]:
    """The 2022 plan as an excerpt (its first 30 %: 8 goals, 15 of 51 sections), in full, and converted again."""
    folder = tmp_path_factory.mktemp("renditions")
    full = (CORPUS / "000_74d16ed6cde7bc44.txt").read_text(encoding="utf-8")
    (folder / "uddrag.txt").write_text(full[: int(len(full) * 0.3)], encoding="utf-8")
    shutil.copy(CORPUS / "000_74d16ed6cde7bc44.txt", folder / "plan.txt")
    shutil.copy(CORPUS / "004_661df588116e84b5.txt", folder / "plan-konvertering.txt")
    return [folder / "uddrag.txt", folder / "plan.txt", folder / "plan-konvertering.txt"]


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 0, 2)])
def test_renditions_are_recognised_whatever_the_order(plan_renditions, order, tmp_path):
    """Issue 11: an excerpt ingested first took the plan's id; the full plan and its second conversion
    became separate suffixed documents. Now one document, carried by the rendition with most records
    (the full plan and its conversion tie at 59; the name decides), the others kept as renditions."""
    store = Store(tmp_path / "maalspor.sqlite3")
    ingest_paths([plan_renditions[i] for i in order], store)
    [document] = store.documents()
    assert document.id == PLAN_2022
    assert document.source_file == "plan-konvertering.txt"
    assert document.renditions == ["plan.txt", "uddrag.txt"]
    assert len(store.goals()) == 8 and len(store.sections()) == 51
    assert {store.source_document_id(name) for name in ("plan.txt", "uddrag.txt")} == {PLAN_2022}
    store.close()


def test_originals_are_kept_read_only_and_found_from_the_document(ingested_corpus):
    store, _ = ingested_corpus
    plan = store.document(PLAN_2022)
    original = original_file(store, plan)
    assert original is not None and original.read_bytes() == (CORPUS / "000_74d16ed6cde7bc44.txt").read_bytes()
    assert original.is_relative_to(store.originals_dir)
    assert original.stat().st_mode & 0o222 == 0
    rendition = original_file(store, plan, "004_661df588116e84b5.txt")
    assert rendition is not None and rendition.name == "004_661df588116e84b5.txt"
    assert original_file(store, plan, "002_f3dbe880e0f1df7c.txt") is None  # not a file of this document


def test_a_document_without_identifying_metadata_is_named_by_its_content(store, tmp_path):
    note = tmp_path / "notat.txt"
    note.write_text("Notat om kantineordningen\n\nKantinen holder lukket i uge 42.\n", encoding="utf-8")
    ingest_paths([note], store)
    [document] = store.documents()
    assert document.kind.value == "other"
    assert document.id == f"notat-{document.content_hash[:8]}"


def _store_contents(store: Store) -> tuple:
    """Everything an ingest decides: documents, their records and the lineage between them."""
    return (
        store.documents(),
        store.goals(),
        store.items(),
        [store.sections(document.id) for document in store.documents()],
        store.links(),
    )


def test_parallel_ingest_gives_the_store_of_a_serial_one(tmp_path):
    """Two worker processes parse ahead; the same name in two folders makes the writer parse one file again."""
    other_folder = tmp_path / "2023"
    other_folder.mkdir()
    plan_2023 = (CORPUS / "001_66e873449e3ce21a.txt").read_text(encoding="utf-8")
    (other_folder / "000_74d16ed6cde7bc44.txt").write_text(plan_2023 + "\n", encoding="utf-8")  # not a copy
    paths = [CORPUS, other_folder]
    serial, parallel = Store(tmp_path / "serial" / "db.sqlite3"), Store(tmp_path / "parallel" / "db.sqlite3")
    try:
        serial_report = ingest_paths(paths, serial)
        parallel_report = ingest_paths(paths, parallel, jobs=2)
        assert [(f.outcome, f.message) for f in parallel_report.files] == [
            (f.outcome, f.message) for f in serial_report.files
        ]
        assert "2023/000_74d16ed6cde7bc44.txt" in {f.source_file for f in parallel_report.files}
        assert _store_contents(parallel) == _store_contents(serial)
    finally:
        serial.close()
        parallel.close()
