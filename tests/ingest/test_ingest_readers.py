"""Reader choice by content, the HTML reader, and one-line errors for bad input."""

from __future__ import annotations

import json

import pytest

from ingest.readers import SUPPORTED_SUFFIXES, read_source
from maalspor.model import IngestError
from tests.ingest.ingest_helpers import CORPUS, minimal_pdf, realdoc


def test_reader_chosen_by_content(tmp_path):
    assert read_source(next(CORPUS.glob("000_*.txt"))).format == "text"
    assert read_source(realdoc("greve_beu_json/greve_beu_2022-02-07.json")).format == "firstagenda-json"
    disguised = tmp_path / "download.txt"  # a PDF saved under a wrong name is still read as PDF
    disguised.write_bytes(minimal_pdf())
    assert read_source(disguised).format == "pdf"
    assert read_source(realdoc("ballerup_sfu_2012-12-04_eDocAgendaPublishing.xml")).format == "edoc-xml"
    assert {".pdf", ".json", ".txt", ".html", ".xml"} <= SUPPORTED_SUFFIXES


def test_html_reader(tmp_path):
    page = tmp_path / "punkt.html"
    page.write_text(
        "<html><head><title>x</title></head><body><h1>Punkt 4: Beskæftigelsesplan</h1>"
        "<p>Job &amp; Socialservice&nbsp;indstiller,</p><ol><li>at planen godkendes</li><li>at den sendes</li></ol>"
        "<ul><li><div>punkt</div></li></ul></body></html>",
        encoding="utf-8",
    )
    document = read_source(page)
    assert document.format == "html" and document.meta.title == "Punkt 4: Beskæftigelsesplan"
    assert [line.text for line in document.lines] == [
        "Punkt 4: Beskæftigelsesplan",
        "Job & Socialservice indstiller,",
        "1. at planen godkendes",
        "2. at den sendes",
        "• punkt",
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("latin1.txt", "Beskæftigelse".encode("latin-1"), "not UTF-8"),
        ("meeting.doc", b"\xd0\xcf\x11\xe0 Word 97", "unknown format"),
        ("broken.json", b'{"Dagsordenpunkter": [', "invalid JSON"),
        ("other.json", json.dumps({"items": []}).encode(), "not a FirstAgenda"),
        ("empty.pdf", b"", "empty file"),
        ("corrupt.pdf", b"%PDF-1.7\n\x00\x01garbage", "damaged PDF"),
    ],
)
def test_bad_input_gives_one_line_error(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError, match=message) as error:
        read_source(path)
    assert str(error.value).startswith(f"{name}: ") and "\n" not in str(error.value)


def test_text_over_max_text_mb_refused_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setenv("MAALSPOR_MAX_TEXT_MB", "1")
    plan = next(CORPUS.glob("000_*.txt")).read_text(encoding="utf-8")
    large = tmp_path / "samlet.txt"
    large.write_text(plan * (1_300_000 // len(plan) + 1), encoding="utf-8")
    with pytest.raises(IngestError) as refused:
        read_source(large)
    assert (
        str(refused.value)
        == "samlet.txt: 1.3 MB of text is over the limit of 1 MB (MAALSPOR_MAX_TEXT_MB); split the file"
    )
    # The limit counts extracted text, not bytes: a page heavy with markup but holding little text is read.
    markup = tmp_path / "side.html"
    markup.write_text("<html><body>" + '<div class="x"></div>' * 60_000 + "<p>Punkt 1: Budget</p></body></html>")
    assert markup.stat().st_size > 1024 * 1024
    assert [line.text for line in read_source(markup).lines] == ["Punkt 1: Budget"]
