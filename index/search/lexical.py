"""Keyword search in SQLite FTS5: Snowball-Danish stems and trigram substrings, both ranked by bm25().

One SQLite file (`<data dir>/search/keywords.sqlite3`) holds two FTS5 tables over the chunks:

- ``stems``: the chunk's words, stop words left out, each replaced by its Snowball-Danish stem
  (PyStemmer); a query word matches its inflections ("flygtningene" ~ "flygtninge").
- ``words``: the chunk's words as written, and ``vocabulary``: each distinct word once, under FTS5's
  ``trigram`` tokenizer. A query word is a substring search in the vocabulary, whose hits are then
  looked up in ``words``: Danish writes compounds as one word, which stems cannot split ("autisme"
  finds "autismediagnose", "indsats" finds "ungeindsats"). Searching substrings in the distinct words
  rather than in every chunk keeps a query fast at scale: a common trigram's posting list over
  100,000 chunks is long, over the vocabulary it is short.

Each query word is looked up on its own: FTS5's bm25() of a one-word query is that word's share of
the multi-word score, and the number of rows it returns is the word's document frequency. Summing
the shares gives FTS5's bm25 for the whole query, and the frequencies give its maximum, the score of
a document that holds every query word at saturation: (k1 + 1) x the sum of the words' idf. Scores
are divided by that maximum, so they lie in [0, 1] and mean the same for every query (hybrid search
fuses them with cosines and applies one floor); a word no chunk holds counts in the maximum with
FTS5's idf for a word in no document, so a query matching half its words scores about half.

Rows are the chunks' positions in the list the index was built from, and the file records that
list's fingerprint: scores come back as one array per signal, in that order, with the fingerprint,
so a reader holding another list (an index rebuilt since it opened) can tell. The file is written
whole under a temporary name and renamed into place, so a reader sees one complete index; each reader
thread keeps a read-only connection and reopens it when the file on disk is another one (a rebuild),
so a query always reads the newest index.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import Stemmer

if TYPE_CHECKING:
    from index.search.chunks import Chunk

BM25_K1 = 1.2  # FTS5's bm25() constants, fixed in SQLite
BM25_B = 0.75
MIN_GRAM_WORD = 3  # the trigram tokenizer matches nothing shorter
MAX_EXPANSIONS = 200  # vocabulary words a query word may stand for (the most frequent first)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE VIRTUAL TABLE stems USING fts5(body, tokenize = 'unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE words USING fts5(body, tokenize = 'unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE vocabulary USING fts5(word, tokenize = 'trigram');
"""


@dataclass(frozen=True)
class LexicalScores:
    """Scores per chunk, in the order of the chunks the index was built from (0: no query word)."""

    fingerprint: str  # of those chunks (`fingerprint`): a reader checks it is the list it holds
    bm25: np.ndarray  # stems, in [0, 1]
    ngram: np.ndarray  # trigram substrings, in [0, 1]


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("danish")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.da.stop_words import STOP_WORDS  # spaCy only when text is indexed or searched

    return frozenset(STOP_WORDS)


def words(text: str) -> list[str]:
    """Lower-cased word tokens, stop words left out (they carry no topic and would let
    nonsense queries score on 'på' and 'og')."""
    stop_words = _stop_words()
    return [word for word in _WORD.findall(text.lower()) if word not in stop_words]


def stems(tokens: Sequence[str]) -> list[str]:
    return _stemmer().stemWords(list(tokens))


def fingerprint(chunk_ids: Sequence[str], texts: Sequence[str]) -> str:
    digest = hashlib.sha256()
    for chunk_id, text in zip(chunk_ids, texts, strict=True):
        digest.update(chunk_id.encode("utf-8") + b"\0" + text.encode("utf-8") + b"\0")
    return digest.hexdigest()


# ------------------------------------------------------------------ writing


def build_keyword_index(path: Path, chunks: Sequence[Chunk]) -> KeywordIndex:
    """Write the index of these chunks to `path` (replacing any earlier one) and open it."""
    ids = [chunk.id for chunk in chunks]
    texts = [chunk.indexed_text for chunk in chunks]
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f".{path.name}.{os.getpid()}.partial")
    staging.unlink(missing_ok=True)
    with closing(sqlite3.connect(staging)) as connection:
        connection.executescript(_SCHEMA)
        token_lists = [words(text) for text in texts]
        rows = ((row, " ".join(stems(tokens))) for row, tokens in enumerate(token_lists))
        connection.executemany("INSERT INTO stems (rowid, body) VALUES (?, ?)", rows)
        rows = ((row, " ".join(tokens)) for row, tokens in enumerate(token_lists))
        connection.executemany("INSERT INTO words (rowid, body) VALUES (?, ?)", rows)
        frequency = Counter(token for tokens in token_lists for token in set(tokens))
        vocabulary = ((token,) for token, _ in frequency.most_common())  # rowid order = most frequent first
        connection.executemany("INSERT INTO vocabulary (word) VALUES (?)", vocabulary)
        for table in ("stems", "words", "vocabulary"):  # merge the segments: fewer b-trees to read per query
            connection.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
        meta = {"fingerprint": fingerprint(ids, texts), "size": str(len(ids))}
        connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        connection.commit()
    staging.replace(path)  # a reader sees the old index or the new one, never half of one
    return KeywordIndex(path)


def sync_keyword_index(path: Path, chunks: Sequence[Chunk]) -> KeywordIndex:
    """The index at `path` when it was built from exactly these chunks, else a freshly built one."""
    if path.is_file():
        index = KeywordIndex(path)
        wanted = fingerprint([chunk.id for chunk in chunks], [chunk.indexed_text for chunk in chunks])
        if index.fingerprint() == wanted:
            return index
    return build_keyword_index(path, chunks)


# ------------------------------------------------------------------ reading


@dataclass(frozen=True)
class _OpenFile:
    """One thread's read-only connection to the index file, with what identifies that file and its meta."""

    identity: tuple[int, ...]  # device, inode, mtime, size: a rebuild renames a new file into place
    connection: sqlite3.Connection
    fingerprint: str
    size: int


class KeywordIndex:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._uri = f"{path.resolve().as_uri()}?mode=ro"
        self._per_thread = threading.local()  # sqlite3 connections belong to the thread that opened them

    def _open_file(self) -> _OpenFile:
        """This thread's connection, kept between queries: opening one and reading the FTS5 schema cost as much
        as a query's lookups (bench/bench_search_cpu.py); reopened when the file was replaced."""
        status = os.stat(self.path)
        identity = (status.st_dev, status.st_ino, status.st_mtime_ns, status.st_size)
        current: _OpenFile | None = getattr(self._per_thread, "file", None)
        if current is None or current.identity != identity:
            if current is not None:
                current.connection.close()
            connection = sqlite3.connect(self._uri, uri=True)
            fingerprint, size = _meta(connection, "fingerprint"), int(_meta(connection, "size"))
            current = self._per_thread.file = _OpenFile(identity, connection, fingerprint, size)
        return current

    def fingerprint(self) -> str:
        return self._open_file().fingerprint

    def scores(self, query: str) -> LexicalScores:
        tokens = list(dict.fromkeys(words(query)))
        index = self._open_file()
        connection, size = index.connection, index.size
        return LexicalScores(
            fingerprint=index.fingerprint,
            bm25=_scaled_bm25(connection, "stems", [_phrase(stem) for stem in dict.fromkeys(stems(tokens))], size),
            ngram=_scaled_membership(connection, _substring_queries(connection, tokens), size),
        )


def _substring_queries(connection: sqlite3.Connection, tokens: list[str]) -> list[str]:
    """Per query word, an FTS5 query for every vocabulary word containing it ('"autisme" OR "autismediagnose"');
    a word no chunk holds stays a query matching nothing, so it still counts in the score's maximum."""
    queries = []
    for token in (t for t in tokens if len(t) >= MIN_GRAM_WORD):
        found = connection.execute(
            "SELECT word FROM vocabulary WHERE vocabulary MATCH ? ORDER BY rowid LIMIT ?",
            (_phrase(token), MAX_EXPANSIONS),
        )
        containing = [row[0] for row in found] or [token]
        queries.append(" OR ".join(_phrase(word) for word in containing))
    return queries


def _scaled_bm25(connection: sqlite3.Connection, table: str, queries: list[str], size: int) -> np.ndarray:
    """Per row, the sum of the FTS5 queries' bm25 in `table` (one query per query word) divided by its maximum
    (see the module docstring)."""
    totals = np.zeros(size, dtype=np.float64)
    idf_sum = 0.0
    for query in queries:
        # bm25() is negative, better matches lower: negated here
        matches = connection.execute(f"SELECT rowid, -bm25({table}) FROM {table} WHERE {table} MATCH ?", (query,))
        rows_and_scores = np.array(matches.fetchall(), dtype=np.float64).reshape(-1, 2)
        idf_sum += fts5_idf(size, len(rows_and_scores))
        totals[rows_and_scores[:, 0].astype(np.intp)] += rows_and_scores[:, 1]  # rows are unique per term
    return scaled_by_maximum(totals, idf_sum)


def _scaled_membership(connection: sqlite3.Connection, queries: list[str], size: int) -> np.ndarray:
    """Per row, the idf of each substring query it matches, divided by the stems' maximum: the bm25 of a word
    met once in a chunk of average length. bm25() itself is not used here: over an OR of the compounds a word
    stands for it would add their separate idfs (a rare compound would outweigh the query), and computing it
    for every row of a common word is what made substring search slow at scale."""
    return membership_scores(
        size,
        (
            np.fromiter(
                (row for (row,) in connection.execute("SELECT rowid FROM words WHERE words MATCH ?", (query,))),
                np.intp,
            )
            for query in queries
        ),
    )


def membership_scores(size: int, matches: Iterable[np.ndarray]) -> np.ndarray:
    """Per row, the idf of each query word whose matching rows (one array per word) hold it, divided by the
    bm25 maximum of those words (the substring score of both keyword engines)."""
    totals = np.zeros(size, dtype=np.float64)
    idf_sum = 0.0
    for rows in matches:
        idf = fts5_idf(size, len(rows))
        idf_sum += idf
        totals[rows] += idf
    return scaled_by_maximum(totals, idf_sum)


def scaled_by_maximum(totals: np.ndarray, idf_sum: float) -> np.ndarray:
    """Summed scores divided by the score of a row holding every query word at saturation, (k1 + 1) x the
    words' idf sum, so they lie in [0, 1] whatever the query."""
    if idf_sum == 0:
        return totals.astype(np.float32)
    return (totals / ((BM25_K1 + 1) * idf_sum)).astype(np.float32)


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _meta(connection: sqlite3.Connection, key: str) -> str:
    return str(connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()[0])


def fts5_idf(size: int, matching: int) -> float:
    # SQLite's fts5_bm25 idf: log((N - n + 0.5) / (n + 0.5)), raised to 1e-6 where that is <= 0
    idf = math.log((size - matching + 0.5) / (matching + 0.5))
    return idf if idf > 0 else 1e-6
