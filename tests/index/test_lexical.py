"""Keyword search in SQLite FTS5: the file on disk (what both engines share is tested in test_lexical_engines.py)."""

import sqlite3
from pathlib import Path

import pytest

from index.search.lexical import KeywordIndex, build_keyword_index, sync_keyword_index
from tests.index.test_lexical_engines import TEXTS, chunks_of, matched


@pytest.fixture
def index(tmp_path: Path) -> KeywordIndex:
    return build_keyword_index(tmp_path / "keywords.sqlite3", chunks_of(TEXTS))


def test_index_is_one_sqlite_file_rebuilt_only_when_the_chunks_change(tmp_path: Path) -> None:
    path = tmp_path / "search" / "keywords.sqlite3"
    first = sync_keyword_index(path, chunks_of(TEXTS))
    written, first_fingerprint = path.stat().st_mtime_ns, first.fingerprint()
    assert sync_keyword_index(path, chunks_of(TEXTS)).fingerprint() == first_fingerprint
    assert path.stat().st_mtime_ns == written
    changed = sync_keyword_index(path, chunks_of(TEXTS[:3] + ["Ledige seniorer får en personlig jobformidler."]))
    assert changed.fingerprint() != first_fingerprint
    assert list(matched(first.scores("jobformidler"))) == ["plan:chunk-3"]  # an open index reads the newest file
    assert [p.name for p in path.parent.iterdir()] == ["keywords.sqlite3"]  # no staging file left behind
    with sqlite3.connect(path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE sql LIKE '%fts5%'")}
    assert tables == {"stems", "words", "vocabulary"}


def test_reading_leaves_the_file_untouched(index: KeywordIndex) -> None:
    written = index.path.stat().st_mtime_ns
    assert list(matched(index.scores("unge"))) == ["plan:chunk-2"]
    assert index.path.stat().st_mtime_ns == written
    assert [p.name for p in index.path.parent.iterdir()] == ["keywords.sqlite3"]  # no journal, no WAL
