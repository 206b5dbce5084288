"""Keyword search in SQLite FTS5: inflections, compounds, stop words, scaling, the file on disk."""

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from index.search.chunks import Chunk
from index.search.lexical import KeywordIndex, LexicalScores, build_keyword_index, fingerprint, sync_keyword_index

TEXTS = [
    "Flere flygtninge og familiesammenførte skal være selvforsørgende.",
    "Borgere med en autismediagnose får særlig støtte i jobcentret.",
    "Flere unge skal i uddannelse eller beskæftigelse.",
    "Turismesamarbejde med nabokommunerne blev drøftet på mødet.",
]


def _chunks(texts: list[str]) -> list[Chunk]:
    return [
        Chunk(
            id=f"plan:chunk-{n}",
            text=text,
            kind="section",
            heading="",
            document_id="plan",
            doc_kind="plan",
            municipality=None,
            committee=None,
            date=None,
            year=2022,
        )
        for n, text in enumerate(texts)
    ]


@pytest.fixture
def index(tmp_path: Path) -> KeywordIndex:
    return build_keyword_index(tmp_path / "keywords.sqlite3", _chunks(TEXTS))


def _by_id(scores: LexicalScores) -> dict[str, tuple[float, float]]:
    """The chunks any query word matched (rows are positions in the indexed list)."""
    matched = np.flatnonzero((scores.bm25 > 0) | (scores.ngram > 0))
    return {f"plan:chunk-{row}": (float(scores.bm25[row]), float(scores.ngram[row])) for row in matched}


def test_stems_match_inflected_forms(index: KeywordIndex) -> None:
    scores = index.scores("flygtningene")
    assert list(_by_id(scores)) == ["plan:chunk-0"]
    assert scores.bm25[0] > 0
    assert scores.ngram[0] == 0  # "flygtningene" is no substring of "flygtninge"
    assert scores.fingerprint == fingerprint([c.id for c in _chunks(TEXTS)], TEXTS)


def test_trigram_substrings_find_compounds_that_stems_miss(index: KeywordIndex) -> None:
    # the one query word found as part of a compound: its full share, 1 / (k1 + 1) (a word met once)
    assert _by_id(index.scores("autisme")) == {"plan:chunk-1": (0.0, pytest.approx(1 / 2.2, abs=1e-3))}
    # the tail of a compound too: "samarbejde" inside "turismesamarbejde"
    assert list(_by_id(index.scores("samarbejde"))) == ["plan:chunk-3"]


def test_stop_words_short_and_unknown_words_score_nothing(index: KeywordIndex) -> None:
    for query in ("og i på med", "qwxz zzkj", "", "ab"):
        scores = index.scores(query)
        assert _by_id(scores) == {} and scores.bm25.shape == scores.ngram.shape == (len(TEXTS),)


def test_scores_are_scaled_and_a_full_match_beats_a_partial_one(index: KeywordIndex) -> None:
    full = _by_id(index.scores("unge uddannelse beskæftigelse"))["plan:chunk-2"]
    partial = _by_id(index.scores("unge uddannelse tango"))["plan:chunk-2"]
    assert 0 < partial[0] < full[0] <= 1
    assert 0 < partial[1] < full[1] <= 1


def test_quotes_in_a_query_are_words_not_fts5_syntax(index: KeywordIndex) -> None:
    assert list(_by_id(index.scores('"unge" OR uddannelse*'))) == ["plan:chunk-2"]


def test_index_is_one_sqlite_file_rebuilt_only_when_the_chunks_change(tmp_path: Path) -> None:
    path = tmp_path / "search" / "keywords.sqlite3"
    first = sync_keyword_index(path, _chunks(TEXTS))
    written, first_fingerprint = path.stat().st_mtime_ns, first.fingerprint()
    assert sync_keyword_index(path, _chunks(TEXTS)).fingerprint() == first_fingerprint
    assert path.stat().st_mtime_ns == written
    changed = sync_keyword_index(path, _chunks(TEXTS[:3] + ["Ledige seniorer får en personlig jobformidler."]))
    assert changed.fingerprint() != first_fingerprint
    assert list(_by_id(first.scores("jobformidler"))) == ["plan:chunk-3"]  # an open index reads the newest file
    assert [p.name for p in path.parent.iterdir()] == ["keywords.sqlite3"]  # no staging file left behind
    with sqlite3.connect(path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE sql LIKE '%fts5%'")}
    assert tables == {"stems", "words", "vocabulary"}


def test_reading_leaves_the_file_untouched(index: KeywordIndex) -> None:
    written = index.path.stat().st_mtime_ns
    assert list(_by_id(index.scores("unge"))) == ["plan:chunk-2"]
    assert index.path.stat().st_mtime_ns == written
    assert [p.name for p in index.path.parent.iterdir()] == ["keywords.sqlite3"]  # no journal, no WAL
