"""Keyword search in PostgreSQL (a store at MAALSPOR_DATABASE_URL=postgresql://…): the SQLite FTS5 index's
scores (index/search/lexical.py), kept in the store's database, where every worker reads the same index.

Three tables, beside the store's:

- ``keyword_chunks``: per chunk (``chunk``: its position in the indexed list) its stems as a ``tsvector``
  with positions (GIN index), its length in stems, and its distinct words as written (a ``tsvector`` without
  positions, GIN); partitioned by ranges of ``chunk`` (PARTITION_CHUNKS), so a plan's row bound reads only
  the ranges below it;
- ``keyword_vocabulary``: each distinct word and the number of chunks holding it, under pg_trgm's
  ``gin_trgm_ops``: a query word is a substring search there (``LIKE '%autisme%'`` finds
  "autismediagnose"), whose hits are then looked up in the chunks' words, as in lexical.py;
- ``keyword_stems``: each stem and the number of chunks holding it (a query's plan, lexical.plan, starts
  from these counts);
- ``keyword_meta``: the chunk list's fingerprint, its size and its total length in stems.

Words and stems are made in Python by lexical.py's `words` and `stems` (spaCy's Danish stop words left out,
Snowball-Danish stems) and written as tsvector literals, not by ``to_tsvector('danish', …)``: PostgreSQL's
parser follows the database's LC_CTYPE, and in the C locale that the store's sort order needs
(docs/deployment.md) it lowercases ASCII only ('ÆRØ' stays 'ÆrØ') and glues quotes and dashes to words
('”flere”', '–'). Both engines therefore index the same tokens; pg_trgm, which also treats æ, ø and å as
separators in the C locale, stays correct there (LIKE rechecks every candidate), only less selective.

Scores are FTS5's bm25, computed here because PostgreSQL has none (ts_rank is not bm25): ts_rank of a
one-word query with every position weighted 1 is the sum of 1/j² for j = 1 … tf over π²/6 (PostgreSQL's
calc_rank_or), strictly increasing in the word's count tf in the chunk, so the count is read back from it;
with the chunk's stored length, the average length and the idf of the number of matching chunks, each
query word's bm25 is FTS5's. Scaled as lexical.py scales them (by their maximum, (k1 + 1) x the query
words' idf), both signals are the same numbers on both engines, and hybrid fusion's weights and floor
mean the same. Each signal is one query over the chunks its plan scores (lexical.plan: those holding
the rarest query words, found through the GIN index), reading each query word's rank or presence there.

A rebuild fills new tables and swaps them in (DROP, RENAME) in one transaction, under an advisory lock so
that workers finding the index stale at once build it once. A reader locks the three tables before its
REPEATABLE READ snapshot begins: it reads the old index or the new one, never parts of both.
"""

from __future__ import annotations

import queue
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

import numpy as np

from index.search.lexical import (
    BM25_B,
    BM25_K1,
    KEYWORD_CANDIDATES,
    MAX_EXPANSIONS,
    MIN_GRAM_WORD,
    NO_ROWS,
    LexicalScores,
    Plan,
    RankedRows,
    best_membership,
    best_rows,
    fingerprint,
    fts5_idf,
    plan,
    stems,
    words,
)

if TYPE_CHECKING:
    import psycopg

    from index.search.chunks import Chunk

_TABLES = ("keyword_meta", "keyword_chunks", "keyword_vocabulary", "keyword_stems")
_BUILD_LOCK_KEY = 0x6D61616B  # pg_advisory_xact_lock key of a rebuild ('maak'; the store's locks are 'maal', 'maam')
_NEW_TABLES = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE keyword_meta_new (key TEXT NOT NULL, value TEXT NOT NULL);
CREATE TABLE keyword_chunks_new (chunk INTEGER NOT NULL, length INTEGER NOT NULL, stems TSVECTOR NOT NULL,
                                 words TSVECTOR NOT NULL) PARTITION BY RANGE (chunk);
CREATE TABLE keyword_vocabulary_new (word TEXT NOT NULL, documents INTEGER NOT NULL);
CREATE TABLE keyword_stems_new (stem TEXT NOT NULL, documents INTEGER NOT NULL);
"""
# After the fill: indexes built in one pass each (faster than keeping them up to date row by row). Unnamed,
# so PostgreSQL picks names that do not collide with the indexes of the tables they replace.
_INDEX_NEW_TABLES = """
INSERT INTO keyword_vocabulary_new
    SELECT word, ndoc FROM ts_stat('SELECT words FROM keyword_chunks_new');
INSERT INTO keyword_stems_new
    SELECT word, ndoc FROM ts_stat('SELECT stems FROM keyword_chunks_new');
CREATE INDEX ON keyword_stems_new (stem);
CREATE INDEX ON keyword_chunks_new USING GIN (stems);
CREATE INDEX ON keyword_chunks_new USING GIN (words);
CREATE INDEX ON keyword_vocabulary_new USING GIN (word gin_trgm_ops);
ANALYZE keyword_chunks_new;
ANALYZE keyword_vocabulary_new;
"""
# keyword_chunks in ranges of this many chunks, each with its own GIN indexes: a plan's row bound
# (`chunk < bound`, lexical.plan) is known when the query is planned, so PostgreSQL reads only the ranges below
# it. A GIN index cannot stop a posting list at a row as FTS5 does (`rowid < ?`): over one index of a million
# chunks, a query whose common words must hold together walked every matching row of their compounds (up to
# 200 OR-ed per word) and tested the whole query on each, ~1 s, to keep the few thousand below the bound.
PARTITION_CHUNKS = 25_000
# The tables' shape, kept in keyword_meta: an index of another shape (one unpartitioned table, as built before
# the ranges) counts as not built, so the next sync rebuilds it once, as it does when the chunks change.
LAYOUT = "chunk ranges"
_LOCK_FOR_READING = f"LOCK TABLE {', '.join(_TABLES)} IN ACCESS SHARE MODE"
# per candidate chunk and query word: its ts_rank (stems), whether it holds one of the word's compounds (words)
_RANK = "ts_rank('{1, 1, 1, 1}', stems, CAST(%s AS tsquery))"
_HOLDS = "(words @@ CAST(%s AS tsquery))::int"
_STEM_FREQUENCIES = "SELECT stem, documents FROM keyword_stems WHERE stem = ANY(%s)"
_CONTAINING = "SELECT word, documents FROM keyword_vocabulary WHERE word LIKE %s ORDER BY documents DESC, word LIMIT %s"
# tsvector @@ tsquery, not text[] && text[]: a query word's compounds are OR-ed (up to MAX_EXPANSIONS), and
# checking them against a chunk's words is a binary search each, where array overlap compared every pair
# (20 s for a 54-word OR over 100,000 chunks)
MAX_POSITIONS = 256  # a tsvector keeps at most 256 positions of a lexeme
MAX_IDLE_CONNECTIONS = 4
# ts_rank of one word met tf = 1, 2, … times, as PostgreSQL computes it (float4; see the module docstring)
_RANK_OF_COUNT = (np.cumsum(1 / np.arange(1, MAX_POSITIONS + 1, dtype=np.float32) ** 2) / 1.64493406685).astype(
    np.float32
)

Result = TypeVar("Result")


# ------------------------------------------------------------------ writing


def build_postgres_keyword_index(url: str, chunks: Sequence[Chunk]) -> PostgresKeywordIndex:
    """Write the keyword tables of these chunks into the database at `url` (replacing earlier ones)."""
    _write(url, chunks, unless_fingerprint=None)
    return PostgresKeywordIndex(url)


def sync_postgres_keyword_index(url: str, chunks: Sequence[Chunk]) -> PostgresKeywordIndex:
    """The database's keyword index when it was built from exactly these chunks, else a freshly built one."""
    index = PostgresKeywordIndex(url)
    wanted = fingerprint([chunk.id for chunk in chunks], [chunk.indexed_text for chunk in chunks])
    if index.fingerprint() != wanted:
        _write(url, chunks, unless_fingerprint=wanted)
    return index


def _write(url: str, chunks: Sequence[Chunk], unless_fingerprint: str | None) -> None:
    import psycopg

    with psycopg.connect(url) as connection, connection.transaction():
        connection.execute("SELECT pg_advisory_xact_lock(%s)", (_BUILD_LOCK_KEY,))
        if unless_fingerprint is not None and _current_fingerprint(connection) == unless_fingerprint:
            return  # another worker built it while this one waited for the lock
        connection.execute(_NEW_TABLES)
        for number in range(_partitions(len(chunks))):
            connection.execute(
                f"CREATE TABLE keyword_chunks_new_{number} PARTITION OF keyword_chunks_new"
                f" FOR VALUES FROM ({number * PARTITION_CHUNKS}) TO ({(number + 1) * PARTITION_CHUNKS})"
            )
        length_sum = _copy_chunks(connection, chunks)
        meta = {
            "fingerprint": fingerprint([chunk.id for chunk in chunks], [chunk.indexed_text for chunk in chunks]),
            "size": str(len(chunks)),
            "length_sum": str(length_sum),
            "layout": LAYOUT,
        }
        with connection.cursor() as cursor:
            cursor.executemany("INSERT INTO keyword_meta_new VALUES (%s, %s)", list(meta.items()))
        connection.execute(_INDEX_NEW_TABLES)
        connection.execute(_swap(_partitions(len(chunks))))


def _partitions(size: int) -> int:
    """How many ranges of PARTITION_CHUNKS hold `size` chunks (one at least: an empty index has one, empty)."""
    return max(1, -(-size // PARTITION_CHUNKS))


def _swap(partitions: int) -> str:
    """The new tables replace the old ones (whose partitions go with them), the partitions renamed alike, so the
    next rebuild's `keyword_chunks_new_<n>` are free."""
    tables = "".join(f"DROP TABLE IF EXISTS {table}; ALTER TABLE {table}_new RENAME TO {table};" for table in _TABLES)
    return tables + "".join(
        f"ALTER TABLE keyword_chunks_new_{number} RENAME TO keyword_chunks_{number};" for number in range(partitions)
    )


def _copy_chunks(connection: psycopg.Connection, chunks: Sequence[Chunk]) -> int:
    """COPY each chunk's stems, length and words into keyword_chunks_new; the total length in stems."""
    length_sum = 0
    with connection.cursor() as cursor, cursor.copy("COPY keyword_chunks_new FROM STDIN") as copy:
        for position, chunk in enumerate(chunks):  # tokenised one at a time: memory flat in the index's size
            tokens = words(chunk.indexed_text)
            chunk_stems = stems(tokens)
            length_sum += len(chunk_stems)
            copy.write_row((position, len(chunk_stems), _tsvector(chunk_stems), _tsvector_of_words(tokens)))
    return length_sum


def _tsvector(chunk_stems: list[str]) -> str:
    """The stems as a tsvector literal: each stem once, with the positions where it stands (1-based)."""
    positions: dict[str, list[str]] = {}
    for position, stem in enumerate(chunk_stems, start=1):
        positions.setdefault(stem, []).append(str(min(position, 16383)))  # tsvector's largest position
    return " ".join([_lexeme(stem) + ":" + ",".join(places[:MAX_POSITIONS]) for stem, places in positions.items()])


def _tsvector_of_words(tokens: list[str]) -> str:
    """The distinct words as a tsvector literal without positions (only membership is asked of them)."""
    return " ".join([_lexeme(token) for token in dict.fromkeys(tokens)])


def _lexeme(term: str) -> str:
    """A term quoted for a tsvector or tsquery literal, taken as it is (no parser, no stemming)."""
    if "'" in term or "\\" in term:  # word tokens hold neither; escaped all the same, PostgreSQL parses this
        term = term.replace("\\", "\\\\").replace("'", "''")
    return f"'{term}'"


# ------------------------------------------------------------------ reading


class PostgresKeywordIndex:
    """Scores a query against the keyword tables of the database at `url` (thread-safe: each query has a
    connection of its own, kept for the next one since connecting costs as much as a query)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._idle: queue.SimpleQueue[psycopg.Connection] = queue.SimpleQueue()

    def fingerprint(self) -> str:
        """Of the chunks the index was built from; "" when none was built, or one of another layout."""
        return self._read(lambda connection: _built_fingerprint(_meta(connection)), absent="")

    def scores(self, query: str, limit: int = KEYWORD_CANDIDATES) -> LexicalScores:
        tokens = list(dict.fromkeys(words(query)))
        query_stems = list(dict.fromkeys(stems(tokens)))

        def read(connection: psycopg.Connection) -> LexicalScores:
            meta = _meta(connection)
            size = int(meta["size"])
            average_length = int(meta["length_sum"]) / size if size else 0.0
            return LexicalScores(
                fingerprint=meta["fingerprint"],
                bm25=_best_bm25(connection, query_stems, size, average_length, limit),
                ngram=_best_membership(connection, tokens, size, limit),
            )

        return self._read(read, absent=LexicalScores(fingerprint="", bm25=NO_ROWS, ngram=NO_ROWS))

    def close(self) -> None:
        while not self._idle.empty():
            self._idle.get_nowait().close()

    def _read(self, read: Callable[[psycopg.Connection], Result], absent: Result) -> Result:
        """`read` in one snapshot of the three tables; `absent` when no index was built yet."""
        import psycopg

        connection = self._connection()
        try:
            with connection.transaction():
                connection.execute(_LOCK_FOR_READING)  # before the snapshot: see the module docstring
                result = read(connection)
        except psycopg.errors.UndefinedTable:
            result = absent
        except BaseException:
            connection.close()  # a broken connection is not kept
            raise
        if self._idle.qsize() < MAX_IDLE_CONNECTIONS:
            self._idle.put(connection)
        else:
            connection.close()
        return result

    def _connection(self) -> psycopg.Connection:
        import psycopg

        try:
            return self._idle.get_nowait()
        except queue.Empty:
            connection = psycopg.connect(self.url, autocommit=True)
            connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            connection.read_only = True
            # The planner prices `tsvector @@ tsquery` as cheap and, where a query word is common, scans the whole
            # table evaluating a compound OR per row (0.8 s at 100,000 chunks); the GIN indexes are always faster
            # for these bounded reads (lexical.plan), and this session runs nothing else.
            connection.execute("SET enable_seqscan = off")
            return connection


def _current_fingerprint(connection: psycopg.Connection) -> str:
    """The fingerprint a writer finds ("" before the first build, or when the index has another layout)."""
    found = connection.execute("SELECT to_regclass('keyword_meta') IS NOT NULL").fetchone()
    return _built_fingerprint(_meta(connection)) if found and found[0] else ""


def _built_fingerprint(meta: dict[str, str]) -> str:
    return meta["fingerprint"] if meta.get("layout") == LAYOUT else ""


def _meta(connection: psycopg.Connection) -> dict[str, str]:
    return dict(connection.execute("SELECT key, value FROM keyword_meta").fetchall())


def _best_bm25(
    connection: psycopg.Connection, query_stems: list[str], size: int, average_length: float, limit: int
) -> RankedRows:
    """The chunks with the best FTS5 bm25 of the query's stems, divided by its maximum (lexical.py's scale),
    scoring the rows lexical.plan chooses."""
    known: dict[str, int] = dict(connection.execute(_STEM_FREQUENCIES, (query_stems,)).fetchall())
    frequencies = [known.get(stem, 0) for stem in query_stems]
    idfs = np.array([fts5_idf(size, frequency) for frequency in frequencies], dtype=np.float64)
    chosen = plan(frequencies, size)
    if not chosen.driving:
        return NO_ROWS
    found = _candidates(connection, "stems", _RANK, [_lexeme(stem) for stem in query_stems], chosen)
    ranks = found[:, 2:]
    counts = np.where(ranks > 0, _counts_of_ranks(ranks), 0.0)
    length_norm = (1 - BM25_B + BM25_B * found[:, 1] / max(average_length, 1e-9))[:, np.newaxis]
    shares = counts * (BM25_K1 + 1) / (counts + BM25_K1 * length_norm)
    return best_rows(found[:, 0].astype(np.intp), shares @ idfs[chosen.words], float(idfs.sum()), limit)


def _counts_of_ranks(ranks: np.ndarray) -> np.ndarray:
    """How often the word stands in each chunk, read back from its ts_rank (the nearest count's rank)."""
    midpoints = (_RANK_OF_COUNT[1:] + _RANK_OF_COUNT[:-1]) / 2
    return (np.searchsorted(midpoints, ranks) + 1).astype(np.float64)


def _best_membership(connection: psycopg.Connection, tokens: list[str], size: int, limit: int) -> RankedRows:
    """The chunks with the best substring score: lexical.best_membership (the reasons are given there)."""
    queries, frequencies = [], []
    for token in (token for token in tokens if len(token) >= MIN_GRAM_WORD):
        query, frequency = _containing(connection, token, size)
        queries.append(query)
        frequencies.append(frequency)

    def held(chosen: Plan) -> tuple[np.ndarray, np.ndarray]:
        found = _candidates(connection, "words", _HOLDS, queries, chosen)
        return found[:, 0].astype(np.intp), found[:, 2:] > 0

    return best_membership(frequencies, held, size, limit)


def _candidates(
    connection: psycopg.Connection, column: str, per_word: str, terms: list[str], chosen: Plan
) -> np.ndarray:
    """Per chunk the plan scores (found through `column`'s index by its driving words: a bounded number), its
    number, its length and `per_word` of each planned word: one query, where a query per word read each common
    word's long posting lists."""
    columns = ", ".join([per_word] * len(chosen.words))
    found = connection.execute(
        f"SELECT chunk, length, {columns} FROM keyword_chunks WHERE {column} @@ CAST(%s AS tsquery) AND chunk < %s",
        [terms[word] for word in chosen.words] + [chosen.driving_query(terms, " | ", " & "), chosen.row_bound],
    )
    return np.array(found.fetchall(), dtype=np.float64).reshape(-1, 2 + len(chosen.words))


def _containing(connection: psycopg.Connection, token: str, size: int) -> tuple[str, int]:
    """A tsquery for the words holding `token` ('autisme' | 'autismediagnose'), and their summed document
    counts (at most `size`)."""
    # word tokens hold no LIKE wildcards (% and _ are not word characters)
    found = connection.execute(_CONTAINING, (f"%{token}%", MAX_EXPANSIONS)).fetchall()
    query = " | ".join(_lexeme(word) for word, _ in found) or _lexeme(token)
    return query, min(size, sum(documents for _, documents in found))
