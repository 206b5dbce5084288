"""Agenda or minutes: the meeting's own decisions (its body, its day) make minutes; an agenda's 'Sagsforløb'
quotes decisions of other days. Built from the Aarhus TU web page of 2025-10-01 (dev material): its agenda
is the same page titled 'Dagsorden' without the 'Beslutninger' blocks."""

from __future__ import annotations

import re
from pathlib import Path

from ingest.normalize import normalize
from ingest.readers import read_source
from maalspor.model import DocKind
from nlp.parse import parse

_DECISION_BLOCK = re.compile(r'<h3>Beslutninger</h3>\s*<span class="resume">(?:(?!</span>).)*</span>', re.S)


def _agenda_page(realdocs: Path, tmp_path: Path, keep_decisions: int = 0):
    """The TU minutes page as its agenda, keeping the first `keep_decisions` decision blocks."""
    page = (realdocs / "dev2" / "aarhus_tu_2025-10-01_referat.html").read_text(encoding="utf-8")
    page = page.replace("Referat 1. oktober 2025", "Dagsorden 1. oktober 2025")
    blocks = list(_DECISION_BLOCK.finditer(page))
    assert len(blocks) == 6  # one per item
    for block in reversed(blocks[keep_decisions:]):
        page = page[: block.start()] + page[block.end() :]
    path = tmp_path / "aarhus_tu_2025-10-01_dagsorden.html"
    path.write_text(page, encoding="utf-8")
    return parse(normalize(read_source(path)))


def test_an_agenda_with_case_histories_stays_an_agenda(realdocs, tmp_path):
    parsed = _agenda_page(realdocs, tmp_path)
    assert (parsed.document.kind, parsed.document.id) == (DocKind.AGENDA, "aarhus-teknisk-udvalg-2025-10-01-dagsorden")
    # the histories are kept as earlier decisions, each of its own body and day
    earlier = [(d.committee, d.date) for d in parsed.items[1].decisions]
    assert earlier == [("Magistraten", "2025-09-02"), ("Aarhus Byråd", "2025-09-10"), ("Teknisk Udvalg", "2025-09-22")]
    assert all(d.date != "2025-10-01" for item in parsed.items for d in item.decisions)


def test_one_line_under_one_items_label_does_not_make_minutes(realdocs, tmp_path):
    # item 1's 'Ingen bemærkninger.' printed, the other five items undecided
    assert _agenda_page(realdocs, tmp_path, keep_decisions=1).document.kind is DocKind.AGENDA


def test_a_dagsorden_whose_items_are_mostly_decided_is_minutes(realdocs, tmp_path):
    parsed = _agenda_page(realdocs, tmp_path, keep_decisions=4)
    assert (parsed.document.kind, parsed.document.id) == (DocKind.MINUTES, "aarhus-teknisk-udvalg-2025-10-01")
