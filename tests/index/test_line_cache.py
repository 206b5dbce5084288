"""Source lines kept between requests by read-only stores, under the file's content hash; cited ranges."""

from __future__ import annotations

from pathlib import Path

from index.store.line_cache import SourceLineCache, SourceText
from index.store.pipeline import ingest_paths
from index.store.sqlite import Store
from maalspor.model import SourceLine

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_a_changed_file_is_read_anew_and_the_old_lines_are_not_served(tmp_path):
    minutes = next(CORPUS.glob("002_*.txt")).read_text(encoding="utf-8")
    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / "referat.txt"
    path.write_text(minutes, encoding="utf-8")
    writer = Store(tmp_path / "maalspor.sqlite3")
    ingest_paths([path], writer)
    reader = Store(tmp_path / "maalspor.sqlite3", read_only=True)
    first = reader.source_lines("referat.txt")
    assert first[0].text == minutes.splitlines()[0]
    assert reader.source_lines("referat.txt") == first  # from the cache: equal, and a list of its own
    assert reader.source_lines("referat.txt") is not first

    path.write_text("Tilføjet første linje\n" + minutes, encoding="utf-8")
    ingest_paths([path], writer)
    again = Store(tmp_path / "maalspor.sqlite3", read_only=True)
    assert [line.text for line in again.source_lines("referat.txt")][:2] == ["Tilføjet første linje", first[0].text]
    for store in (writer, reader, again):
        store.close()


def test_least_recently_used_files_are_dropped_past_the_line_budget():
    reads: list[str] = []

    def reader(name: str, count: int):
        def read() -> list[SourceLine]:
            reads.append(name)
            return [SourceLine(page=None, line=number, text=name) for number in range(1, count + 1)]

        return read

    cache = SourceLineCache(max_lines=10)
    cache.text(("db", "a", "h1"), reader("a", 4))
    cache.text(("db", "b", "h1"), reader("b", 4))
    cache.text(("db", "a", "h1"), reader("a", 4))  # kept; now the most recently used
    cache.text(("db", "c", "h1"), reader("c", 4))  # 12 lines: b, the least recently used, goes
    cache.text(("db", "a", "h1"), reader("a", 4))
    cache.text(("db", "b", "h1"), reader("b", 4))
    cache.text(("db", "a", "h2"), reader("a changed", 4))  # another content hash: read again
    assert reads == ["a", "b", "c", "b", "a changed"]


def test_a_cited_range_is_its_lines_on_its_page():
    lines = [SourceLine(page=page, line=number, text=f"{page}.{number}") for page in (1, 2) for number in (1, 2, 3, 4)]
    text = SourceText(lines)
    assert [line.text for line in text.cited(2, 2, 3)] == ["2.2", "2.3"]
    assert [line.text for line in text.cited(1, 4, 9)] == ["1.4"]
    assert text.cited(3, 1, 4) == [] and text.cited(1, 5, 9) == []
