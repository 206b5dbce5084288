"""The source lines readers quote from, kept per process between requests.

A listing or a search quotes a few lines from each of many files, and reading a file's lines builds one
object per line (a text file is one page of thousands of lines): per request that was most of /goals'
time. Lines are a function of the file's bytes, so they are kept under the file's content hash: a file
ingested anew with other bytes has another hash and is read again. Only read-only stores use the cache,
since they see whole committed ingests, never a file's new hash before its lines.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Callable

from maalspor.model import SourceLine

# Lines kept in all, across files, the least recently used file dropped first (~100 MB at most).
MAX_CACHED_LINES = 400_000

CacheKey = tuple[str, str, str]  # store, source file, content hash


def _line_number(line: SourceLine) -> int:
    return line.line


class SourceText:
    """One file's lines, and per page its lines in line order so that a cited range is a bisected slice.
    Shared between requests: read it, never change it."""

    def __init__(self, lines: list[SourceLine]) -> None:
        self.lines = tuple(lines)
        pages: dict[int | None, list[SourceLine]] = {}
        for line in self.lines:
            pages.setdefault(line.page, []).append(line)
        self._pages = {page: sorted(on_page, key=_line_number) for page, on_page in pages.items()}

    def cited(self, page: int | None, line_start: int, line_end: int) -> list[SourceLine]:
        """The lines `line_start` to `line_end` of `page`."""
        on_page = self._pages.get(page, [])
        start = bisect_left(on_page, line_start, key=_line_number)
        return on_page[start : bisect_right(on_page, line_end, lo=start, key=_line_number)]


class SourceLineCache:
    def __init__(self, max_lines: int = MAX_CACHED_LINES) -> None:
        self._max_lines = max_lines
        self._files: OrderedDict[CacheKey, SourceText] = OrderedDict()
        self._lines = 0
        self._lock = threading.Lock()

    def text(self, key: CacheKey, read: Callable[[], list[SourceLine]]) -> SourceText:
        with self._lock:
            cached = self._files.get(key)
            if cached is not None:
                self._files.move_to_end(key)
                return cached
        text = SourceText(read())  # outside the lock: other requests go on meanwhile
        with self._lock:
            if key not in self._files:
                self._files[key] = text
                self._lines += len(text.lines)
            while self._lines > self._max_lines and len(self._files) > 1:
                _, dropped = self._files.popitem(last=False)
                self._lines -= len(dropped.lines)
        return text


SOURCE_TEXTS = SourceLineCache()
