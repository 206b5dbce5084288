"""The source lines readers quote from, kept per process between requests.

A listing or a search quotes a few lines from each of many files, and reading a file's lines builds one
object per line (a text file is one page of thousands of lines): per request that was most of /goals'
time. Lines are a function of the file's bytes, so they are kept under the file's content hash: a file
ingested anew with other bytes has another hash and is read again. Only read-only stores use the cache,
since they see whole committed ingests, never a file's new hash before its lines.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from maalspor.model import SourceLine

# Lines kept in all, across files, the least recently used file dropped first (~100 MB at most).
MAX_CACHED_LINES = 400_000

CacheKey = tuple[str, str, str]  # store, source file, content hash


class SourceLineCache:
    def __init__(self, max_lines: int = MAX_CACHED_LINES) -> None:
        self._max_lines = max_lines
        self._files: OrderedDict[CacheKey, tuple[SourceLine, ...]] = OrderedDict()
        self._lines = 0
        self._lock = threading.Lock()

    def lines(self, key: CacheKey, read: Callable[[], list[SourceLine]]) -> list[SourceLine]:
        with self._lock:
            cached = self._files.get(key)
            if cached is not None:
                self._files.move_to_end(key)
                return list(cached)
        lines = tuple(read())  # outside the lock: other requests go on meanwhile
        with self._lock:
            if key not in self._files:
                self._files[key] = lines
                self._lines += len(lines)
            while self._lines > self._max_lines and len(self._files) > 1:
                _, dropped = self._files.popitem(last=False)
                self._lines -= len(dropped)
        return list(lines)


SOURCE_LINES = SourceLineCache()
