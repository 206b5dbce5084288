"""Bounded input (issue 11): what is not a regular file, or is over the size or page limit, is refused
with one line before it is read, and the batch goes on."""

import os
import threading
from pathlib import Path

import pytest

from index.store.pipeline import ingest_paths
from index.store.sqlite import Store
from ingest.source_files import check_file
from maalspor.model import IngestError


@pytest.fixture
def store(tmp_path: Path):
    store = Store(tmp_path / "data" / "maalspor.sqlite3")
    yield store
    store.close()


def blank_pdf(pages: int) -> bytes:
    """A valid PDF of blank A4 pages (objects 1: catalog, 2: page tree, 3…: pages)."""
    kids = " ".join(f"{3 + i} 0 R" for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode()]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_a_pipe_and_a_device_are_refused_without_reading_them(tmp_path):
    """Issue 11: `ingest /dev/zero` ran to MemoryError and a FIFO blocked forever (so: in a thread)."""
    fifo = tmp_path / "referat.txt"
    os.mkfifo(fifo)
    failed: list[str] = []

    def ingest() -> None:
        store = Store(tmp_path / "data" / "maalspor.sqlite3")
        failed.extend(ingest_paths([fifo, Path("/dev/zero")], store).failed)
        store.close()

    worker = threading.Thread(target=ingest, daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert failed == [
        "referat.txt: not a regular file (a pipe, device or socket); only files are read",
        "zero: not a regular file (a pipe, device or socket); only files are read",
    ]


def test_a_folder_named_as_a_file_is_refused(tmp_path):
    (tmp_path / "mappe").mkdir()
    with pytest.raises(IngestError, match=r"^mappe: is a folder"):
        check_file(tmp_path / "mappe")


def test_a_file_over_the_size_limit_is_refused(store, tmp_path, monkeypatch):
    monkeypatch.setenv("MAALSPOR_MAX_FILE_MB", "1")
    big = tmp_path / "stor.txt"
    big.write_text("Referat af mødet.\n" * 70_000, encoding="utf-8")  # 19 bytes a line: 1.3 MB
    report = ingest_paths([big], store)
    assert report.failed == ["stor.txt: 1.3 MB is over the limit of 1 MB (MAALSPOR_MAX_FILE_MB)"]
    assert store.documents() == []


def test_a_pdf_over_the_page_limit_is_refused_before_extraction(store, tmp_path, monkeypatch):
    monkeypatch.setenv("MAALSPOR_MAX_PAGES", "5")
    (tmp_path / "lang.pdf").write_bytes(blank_pdf(6))
    (tmp_path / "kort.pdf").write_bytes(blank_pdf(5))
    report = ingest_paths([tmp_path / "lang.pdf", tmp_path / "kort.pdf"], store)
    assert report.failed[0] == "lang.pdf: 6 pages is over the limit of 5 pages (MAALSPOR_MAX_PAGES)"
    # five blank pages pass the page limit and reach the reader (which finds no text in them)
    assert report.failed[1].startswith("kort.pdf: ") and "MAALSPOR_MAX_PAGES" not in report.failed[1]


def test_a_setting_that_is_no_number_names_its_variable(store, tmp_path, monkeypatch):
    monkeypatch.setenv("MAALSPOR_MAX_FILE_MB", "halvtreds")
    (tmp_path / "a.txt").write_text("Tekst\n", encoding="utf-8")
    with pytest.raises(ValueError, match="^MAALSPOR_MAX_FILE_MB='halvtreds' is not a valid value"):
        check_file(tmp_path / "a.txt")
