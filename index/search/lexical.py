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

Scores are FTS5's bm25 (stems) and a substring score (words): a query word's share of FTS5's bm25 over
the query is the bm25 of that word alone, so the query's score is the sum of its words' shares, and its
maximum is the score of a document that holds every query word at saturation: (k1 + 1) x the sum of
the words' idf. Scores are divided by that maximum, so they lie in [0, 1] and mean the same for every
query (hybrid search fuses them with cosines and applies one floor); a word no chunk holds counts in
the maximum with FTS5's idf for a word in no document, so a query matching half its words scores about
half.

A query returns each signal's best rows (`RankedRows`, at most `limit`, KEYWORD_CANDIDATES by default),
not a score for every chunk, and scores about CANDIDATE_BUDGET rows at most to find them, whatever the
index's size: computing bm25 for every chunk a common word is in cost a second per query at 100,000
chunks. `plan` chooses the rows from the query words' document frequencies (kept in the index): those
holding the rarest words, taken rarest first while their rows together stay within the budget; the other,
common, words add their shares to those rows only. This is MaxScore's idea (Turtle & Flood 1995) without
its bound check: a chunk holding only common words scores little beside one holding a rare word, and the
dense signal still finds it. When every word is common, the rows must hold the rarest ones together, and
past that a bound on the row numbers keeps the time bounded. Up to the budget every matching row is
scored, so an index of a few thousand chunks (a municipality's plans and minutes) ranks exactly as when
every chunk was scored.

Rows are the chunks' positions in the list the index was built from, and the file records that
list's fingerprint: the best rows come back with the fingerprint, so a reader holding another list (an
index rebuilt since it opened) can tell. The file is written whole under a temporary name and renamed
into place, so a reader sees one complete index; each reader thread keeps a read-only connection and
reopens it when the file on disk is another one (a rebuild), so a query always reads the newest index.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Sequence
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
# Rows per signal handed to hybrid fusion. Fusion takes each signal's 50 best (hybrid.CANDIDATES_PER_SIGNAL)
# and needs the keyword scores of the dense signal's candidates too: those outside this many rows count 0,
# which understates them by at most the 400th score. 400 leaves room for a filter keeping an eighth of the
# chunks (hybrid asks for more under narrower filters); bench_search's corpus questions rank the same with 50,
# 100, 400 or every row (r@1 0.90, r@5 0.97, MRR 0.932).
KEYWORD_CANDIDATES = 400
# Rows a signal scores, about, at most (`plan`): ~15 ms of FTS5 bm25 and transfer at ~3 us a row.
CANDIDATE_BUDGET = 5_000
# 2: the stems' and words' document counts are kept (FTS5 stem_documents, vocabulary.documents; keyword_stems)
INDEX_FORMAT = b"keywords 2\0"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE VIRTUAL TABLE stems USING fts5(body, tokenize = 'unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE words USING fts5(body, tokenize = 'unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE vocabulary USING fts5(word, documents UNINDEXED, tokenize = 'trigram');
CREATE TABLE stem_documents (stem TEXT PRIMARY KEY, documents INTEGER NOT NULL) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class RankedRows:
    """One signal's best rows, best first (ties by row), with their scores in [0, 1]."""

    rows: np.ndarray  # positions in the list of chunks the index was built from
    scores: np.ndarray

    def by_row(self) -> dict[int, float]:
        return dict(zip(self.rows.tolist(), self.scores.tolist(), strict=True))


NO_ROWS = RankedRows(np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.float32))


@dataclass(frozen=True)
class LexicalScores:
    """A query's best rows on each signal; a row in neither scored below the last of each."""

    fingerprint: str  # of the chunks the index was built from (`fingerprint`): a reader checks it is its list
    bm25: RankedRows  # stems
    ngram: RankedRows  # trigram substrings


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
    """Of the chunks and of the keyword index's format: an index in an older format is rebuilt."""
    digest = hashlib.sha256(INDEX_FORMAT)
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
        _fill(connection, texts)
        for table in ("stems", "words", "vocabulary"):  # merge the segments: fewer b-trees to read per query
            connection.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")
        meta = {"fingerprint": fingerprint(ids, texts), "size": str(len(ids))}
        connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        connection.commit()
    staging.replace(path)  # a reader sees the old index or the new one, never half of one
    return KeywordIndex(path)


def _fill(connection: sqlite3.Connection, texts: Sequence[str]) -> None:
    """Each text's stems and words (one chunk at a time: memory flat in the index's size), and how many chunks
    hold each word and each stem."""
    word_documents: Counter[str] = Counter()
    stem_documents: Counter[str] = Counter()
    for row, text in enumerate(texts):
        tokens = words(text)
        chunk_stems = stems(tokens)
        connection.execute("INSERT INTO stems (rowid, body) VALUES (?, ?)", (row, " ".join(chunk_stems)))
        connection.execute("INSERT INTO words (rowid, body) VALUES (?, ?)", (row, " ".join(tokens)))
        word_documents.update(set(tokens))
        stem_documents.update(set(chunk_stems))
    # rowid order = most frequent first
    connection.executemany("INSERT INTO vocabulary (word, documents) VALUES (?, ?)", word_documents.most_common())
    connection.executemany("INSERT INTO stem_documents VALUES (?, ?)", stem_documents.items())


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

    def scores(self, query: str, limit: int = KEYWORD_CANDIDATES) -> LexicalScores:
        tokens = list(dict.fromkeys(words(query)))
        index = self._open_file()
        connection, size = index.connection, index.size
        return LexicalScores(
            fingerprint=index.fingerprint,
            bm25=_best_bm25(connection, list(dict.fromkeys(stems(tokens))), size, limit),
            ngram=_best_membership(connection, [t for t in tokens if len(t) >= MIN_GRAM_WORD], size, limit),
        )


@dataclass(frozen=True)
class Plan:
    """Which rows a signal scores: those holding any driving word (all of them when every query word is
    common), each with its full score; common words add their shares to those rows only (module docstring)."""

    driving: list[int]  # positions of query words (terms)
    common: list[int]
    conjunctive: bool
    # only rows below this one: when even every query word together is in more rows than the budget (a query of
    # common words only), the first of them, about as many as the budget (words taken as spread evenly)
    row_bound: int

    @property
    def words(self) -> list[int]:
        return self.driving + self.common

    def driving_query(self, terms: Sequence[str], any_of: str, all_of: str) -> str:
        """The driving terms joined by the engine's AND (`all_of`) or OR (`any_of`)."""
        return (all_of if self.conjunctive else any_of).join(f"({terms[word]})" for word in self.driving)


def plan(frequencies: Sequence[int], size: int) -> Plan:
    """The rarest words drive, while their rows together stay within the budget. When even the rarest holds
    more rows, rows must hold the rarest words together, as many of them as bring the rows expected (words
    taken as independent) within the budget: a chunk holding one common query word scores below one holding
    several; and when all of them together do not, a bound on the rows keeps the time bounded. Words no chunk
    holds are in neither list."""
    budget = CANDIDATE_BUDGET
    present = sorted((word for word, frequency in enumerate(frequencies) if frequency), key=frequencies.__getitem__)
    driving: list[int] = []
    rows = 0
    for word in present:
        if driving and rows + frequencies[word] > budget:
            break
        driving.append(word)
        rows += frequencies[word]
    if rows <= budget or len(present) < 2:
        return Plan(driving, present[len(driving) :], conjunctive=False, row_bound=_row_bound(rows, size))
    expected, count = float(size), 0
    while count < len(present) and expected > budget:
        expected *= frequencies[present[count]] / size
        count += 1
    return Plan(present[:count], present[count:], conjunctive=True, row_bound=_row_bound(expected, size))


def _row_bound(expected_rows: float, size: int) -> int:
    if expected_rows <= CANDIDATE_BUDGET:
        return size
    return max(1, int(size * CANDIDATE_BUDGET / expected_rows))


# bm25() is negative, better matches lower
_BM25 = "SELECT rowid, -bm25(stems) FROM stems WHERE stems MATCH ? AND rowid < ?"


def _best_bm25(connection: sqlite3.Connection, query_stems: list[str], size: int, limit: int) -> RankedRows:
    """The rows with the best FTS5 bm25 of the query's stems, divided by its maximum (see the module docstring).
    FTS5's bm25 of an expression is the sum of its phrases' shares, so the driving expression scores the rows
    it matches, and (driving) AND (common) gives the full score of those that also hold a common stem."""
    frequencies = [_stem_documents(connection, stem) for stem in query_stems]
    chosen = plan(frequencies, size)
    if not chosen.driving:
        return NO_ROWS
    terms = [_phrase(stem) for stem in query_stems]
    driving = chosen.driving_query(terms, " OR ", " AND ")
    scores = dict(connection.execute(_BM25, (driving, chosen.row_bound)).fetchall())
    if chosen.common:
        any_common = " OR ".join(terms[word] for word in chosen.common)
        scores.update(connection.execute(_BM25, (f"({driving}) AND ({any_common})", chosen.row_bound)).fetchall())
    rows = np.fromiter(scores.keys(), np.intp, len(scores))
    totals = np.fromiter(scores.values(), np.float64, len(scores))
    return best_rows(rows, totals, sum(fts5_idf(size, frequency) for frequency in frequencies), limit)


def _stem_documents(connection: sqlite3.Connection, stem: str) -> int:
    found = connection.execute("SELECT documents FROM stem_documents WHERE stem = ?", (stem,)).fetchone()
    return int(found[0]) if found else 0


def _best_membership(connection: sqlite3.Connection, tokens: list[str], size: int, limit: int) -> RankedRows:
    """The rows with the best substring score (`best_membership`); per query word, one FTS5 query for the
    vocabulary words containing it ('"autisme" OR "autismediagnose"')."""
    queries, frequencies = [], []
    for token in tokens:
        found = connection.execute(
            "SELECT word, documents FROM vocabulary WHERE vocabulary MATCH ? ORDER BY rowid LIMIT ?",
            (_phrase(token), MAX_EXPANSIONS),
        ).fetchall()
        queries.append(" OR ".join(_phrase(word) for word, _ in found) or _phrase(token))
        frequencies.append(min(size, sum(documents for _, documents in found)))

    def rows_holding(word: int, among: str | None, row_bound: int) -> np.ndarray:
        query = queries[word] if among is None else f"({queries[word]}) AND ({among})"
        found = connection.execute("SELECT rowid FROM words WHERE words MATCH ? AND rowid < ?", (query, row_bound))
        return np.fromiter((row for (row,) in found), np.intp)

    def held(chosen: Plan) -> tuple[np.ndarray, np.ndarray]:
        driving = chosen.driving_query(queries, " OR ", " AND ")
        among_driving = driving if chosen.conjunctive else None  # else a driving word's rows are all candidates
        matched = [rows_holding(word, among_driving, chosen.row_bound) for word in chosen.driving]
        # FTS5 seeks the common words' rows among the driving ones: their long posting lists are not read whole
        matched += [rows_holding(word, driving, chosen.row_bound) for word in chosen.common]
        rows = np.unique(np.concatenate(matched))
        return rows, np.column_stack([np.isin(rows, word_rows) for word_rows in matched])

    return best_membership(frequencies, held, size, limit)


def best_membership(
    frequencies: Sequence[int], held: Callable[[Plan], tuple[np.ndarray, np.ndarray]], size: int, limit: int
) -> RankedRows:
    """The substring score of both engines: per row, the idf of each query word it holds inside one of its
    words, the best rows divided by the bm25 maximum: the bm25 of a word met once in a chunk of average length.
    bm25() itself is not used here: over an OR of the compounds a word stands for it would add their separate
    idfs (a rare compound would outweigh the query). A word's frequency is the sum of its compounds' document
    counts (at most the chunk count), read from the vocabulary without touching the chunks; a chunk holding two
    of them counts twice, so common words weigh a little less than their exact count would make them.
    `held(plan)`: the rows the plan scores, and per row whether it holds each of `plan.words`."""
    idfs = np.array([fts5_idf(size, frequency) for frequency in frequencies], dtype=np.float64)
    chosen = plan(frequencies, size)
    if not chosen.driving:
        return NO_ROWS
    rows, holds = held(chosen)
    return best_rows(rows, holds.astype(np.float64) @ idfs[chosen.words], float(idfs.sum()), limit)


def best_rows(rows: np.ndarray, totals: np.ndarray, idf_sum: float, limit: int) -> RankedRows:
    """The `limit` rows with the highest totals (ties: the lower row first), scaled by the maximum."""
    order = np.lexsort((rows, -totals))[:limit]
    return RankedRows(rows[order].astype(np.intp), scaled_by_maximum(totals[order], idf_sum))


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
