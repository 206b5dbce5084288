"""Keyword search on both engines — the SQLite FTS5 file and the PostgreSQL tables of a store on a server:
inflections, compounds, stop words, scaling; and the same scores from both, so hybrid fusion's floor means
the same whichever engine a deployment runs."""

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from index.search.chunks import Chunk
from index.search.hybrid import store_chunks
from index.search.lexical import KeywordIndex, LexicalScores, build_keyword_index, fingerprint
from index.search.lexical_postgres import (
    LAYOUT,
    PostgresKeywordIndex,
    build_postgres_keyword_index,
    sync_postgres_keyword_index,
)
from tests.index.postgres_server import postgres_server, postgres_url  # noqa: F401 - fixtures

TEXTS = [
    "Flere flygtninge og familiesammenførte skal være selvforsørgende.",
    "Borgere med en autismediagnose får særlig støtte i jobcentret.",
    "Flere unge skal i uddannelse eller beskæftigelse.",
    "Turismesamarbejde med nabokommunerne blev drøftet på mødet.",
]
Index = KeywordIndex | PostgresKeywordIndex
Build = Callable[[list[Chunk]], Index]


def chunks_of(texts: list[str]) -> list[Chunk]:
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


@pytest.fixture(params=("sqlite", "postgresql"))
def build(request, tmp_path: Path) -> Build:
    """Builds a keyword index of the given chunks on the engine of the test's parameter."""
    if request.param == "sqlite":
        return lambda chunks: build_keyword_index(tmp_path / "keywords.sqlite3", chunks)
    url = request.getfixturevalue("postgres_url")
    return lambda chunks: build_postgres_keyword_index(url, chunks)


@pytest.fixture
def index(build: Build) -> Index:
    return build(chunks_of(TEXTS))


def matched(scores: LexicalScores) -> dict[str, tuple[float, float]]:
    """The chunks any query word matched, in row order (rows are positions in the indexed list)."""
    bm25, ngram = scores.bm25.by_row(), scores.ngram.by_row()
    return {
        f"plan:chunk-{row}": (bm25.get(row, 0.0), ngram.get(row, 0.0)) for row in sorted(bm25.keys() | ngram.keys())
    }


def assert_same_scores(found: LexicalScores, expected: LexicalScores, query: str) -> None:
    for signal in ("bm25", "ngram"):
        found_rows, expected_rows = getattr(found, signal), getattr(expected, signal)
        np.testing.assert_array_equal(found_rows.rows, expected_rows.rows, err_msg=f"{query} {signal}")
        np.testing.assert_allclose(found_rows.scores, expected_rows.scores, atol=1e-5, err_msg=f"{query} {signal}")


def test_stems_match_inflected_forms(index: Index) -> None:
    scores = index.scores("flygtningene")
    assert list(matched(scores)) == ["plan:chunk-0"]
    assert scores.bm25.by_row()[0] > 0
    assert 0 not in scores.ngram.by_row()  # "flygtningene" is no substring of "flygtninge"
    assert scores.fingerprint == fingerprint([c.id for c in chunks_of(TEXTS)], TEXTS)


def test_trigram_substrings_find_compounds_that_stems_miss(index: Index) -> None:
    # the one query word found as part of a compound: its full share, 1 / (k1 + 1) (a word met once)
    assert matched(index.scores("autisme")) == {"plan:chunk-1": (0.0, pytest.approx(1 / 2.2, abs=1e-3))}
    # the tail of a compound too: "samarbejde" inside "turismesamarbejde"
    assert list(matched(index.scores("samarbejde"))) == ["plan:chunk-3"]


def test_stop_words_short_and_unknown_words_score_nothing(index: Index) -> None:
    for query in ("og i på med", "qwxz zzkj", "", "ab"):
        scores = index.scores(query)
        assert matched(scores) == {} and len(scores.bm25.rows) == len(scores.ngram.rows) == 0


def test_scores_are_scaled_and_a_full_match_beats_a_partial_one(index: Index) -> None:
    full = matched(index.scores("unge uddannelse beskæftigelse"))["plan:chunk-2"]
    partial = matched(index.scores("unge uddannelse tango"))["plan:chunk-2"]
    assert 0 < partial[0] < full[0] <= 1
    assert 0 < partial[1] < full[1] <= 1


def test_quotes_and_query_syntax_are_words(index: Index) -> None:
    assert list(matched(index.scores('"unge" OR uddannelse*'))) == ["plan:chunk-2"]
    assert list(matched(index.scores("unge' & !uddannelse:* | ''"))) == ["plan:chunk-2"]  # tsquery syntax too


def test_capitals_and_danish_letters_match_lower_case(index: Index) -> None:
    assert list(matched(index.scores("SÆRLIG STØTTE"))) == ["plan:chunk-1"]
    assert list(matched(index.scores("Nabokommunerne"))) == ["plan:chunk-3"]


def test_postgresql_scores_are_sqlites(postgres_url: str, tmp_path: Path) -> None:  # noqa: F811 - fixture
    """Repeated words (the count read back from ts_rank), chunks of different lengths, a compound."""
    texts = TEXTS + [
        "Unge unge unge: uddannelse til alle unge, også unge i job og unge uden uddannelse.",
        "Uddannelse " * 9 + "og en autismevenlig skole for unge med autisme.",
        "Ungeindsatsen følger op.",
    ]
    sqlite_index = build_keyword_index(tmp_path / "keywords.sqlite3", chunks_of(texts))
    postgres_index = build_postgres_keyword_index(postgres_url, chunks_of(texts))
    for query in ("unge uddannelse", "autisme", "flere unge i job", "indsats", "skole tango"):
        expected, found = sqlite_index.scores(query), postgres_index.scores(query)
        assert found.fingerprint == expected.fingerprint
        assert_same_scores(found, expected, query)
    postgres_index.close()


def test_postgresql_scores_are_sqlites_on_the_corpus(postgres_url: str, store, tmp_path: Path) -> None:  # noqa: F811
    chunks = [chunk for document_chunks in store_chunks(store).values() for chunk in document_chunks]
    sqlite_index = build_keyword_index(tmp_path / "keywords.sqlite3", chunks)
    postgres_index = build_postgres_keyword_index(postgres_url, chunks)
    for query in ("ledige borgere i job", "integration af flygtninge", "sygedagpenge", "ungeindsats uddannelse"):
        expected, found = sqlite_index.scores(query), postgres_index.scores(query)
        assert len(found.bm25.rows) > 0 and len(found.ngram.rows) > 0, query
        assert_same_scores(found, expected, query)
    postgres_index.close()


def test_postgresql_ranges_of_chunks_score_as_one_table_and_only_those_below_the_row_bound_are_read(
    postgres_url: str,  # noqa: F811 - fixture
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import psycopg

    from index.search import lexical, lexical_postgres

    monkeypatch.setattr(lexical_postgres, "PARTITION_CHUNKS", 2)  # TEXTS + 3: four ranges, the last one short
    texts = TEXTS + ["Unge i uddannelse.", "Unge uden uddannelse.", "Flere unge i job."]
    sqlite_index = build_keyword_index(tmp_path / "keywords.sqlite3", chunks_of(texts))
    build_postgres_keyword_index(postgres_url, chunks_of(texts[:5]))  # a rebuild frees the ranges' names
    postgres_index = build_postgres_keyword_index(postgres_url, chunks_of(texts))
    for budget in (lexical.CANDIDATE_BUDGET, 2):  # 2: "unge" alone is in 4 chunks of 7, so rows below 7 x 2 / 4
        monkeypatch.setattr(lexical, "CANDIDATE_BUDGET", budget)
        for query in ("unge uddannelse", "unge", "autisme flygtninge"):
            assert_same_scores(postgres_index.scores(query), sqlite_index.scores(query), f"{query} {budget}")
    assert list(matched(postgres_index.scores("unge"))) == ["plan:chunk-2"]  # the one "unge" chunk below 3
    with psycopg.connect(postgres_url) as connection:
        connection.execute("SET enable_seqscan = off")
        explained = connection.execute(
            "EXPLAIN SELECT chunk FROM keyword_chunks WHERE stems @@ CAST(%s AS tsquery) AND chunk < %s", ("'ung'", 3)
        ).fetchall()
        ranges = connection.execute("SELECT count(*) FROM pg_inherits WHERE inhparent = 'keyword_chunks'::regclass")
        assert ranges.fetchone() == (4,)
    plan_text = "\n".join(line for (line,) in explained)
    read = [line.split(" on ")[1].split()[0] for line in plan_text.splitlines() if "Bitmap Heap Scan on" in line]
    assert read == ["keyword_chunks_0", "keyword_chunks_1"]  # chunks 0-1 and 2-3
    postgres_index.close()


def test_postgresql_index_is_rebuilt_only_when_the_chunks_change(postgres_url: str) -> None:  # noqa: F811
    import psycopg

    def table_id() -> int:
        with psycopg.connect(postgres_url) as connection:
            return connection.execute("SELECT 'keyword_chunks'::regclass::oid").fetchone()[0]

    absent = PostgresKeywordIndex(postgres_url)
    assert absent.fingerprint() == "" and absent.scores("unge").fingerprint == ""
    first = sync_postgres_keyword_index(postgres_url, chunks_of(TEXTS))
    built = table_id()
    assert sync_postgres_keyword_index(postgres_url, chunks_of(TEXTS)).fingerprint() == first.fingerprint()
    assert table_id() == built
    changed = chunks_of(TEXTS[:3] + ["Ledige seniorer får en personlig jobformidler."])
    sync_postgres_keyword_index(postgres_url, changed)
    assert table_id() != built
    assert first.fingerprint() == fingerprint([c.id for c in changed], [c.indexed_text for c in changed])
    assert list(matched(first.scores("jobformidler"))) == ["plan:chunk-3"]  # an open index reads the newest
    first.close()
    absent.close()


def test_postgresql_index_of_an_earlier_layout_is_rebuilt_once(postgres_url: str) -> None:  # noqa: F811
    """An index built before the chunk ranges (one table, no 'layout' in keyword_meta) is slow at scale though its
    chunks are the same: the next sync rebuilds it in ranges, and the one after keeps it."""
    import psycopg

    chunks = chunks_of(TEXTS)
    sync_postgres_keyword_index(postgres_url, chunks)
    with psycopg.connect(postgres_url) as connection:
        connection.execute("DELETE FROM keyword_meta WHERE key = 'layout'")
    old = PostgresKeywordIndex(postgres_url)
    assert old.fingerprint() == ""
    assert old.scores("jobformidler").fingerprint != ""  # still read while it waits for the rebuild
    rebuilt = sync_postgres_keyword_index(postgres_url, chunks)
    assert rebuilt.fingerprint() == fingerprint([c.id for c in chunks], [c.indexed_text for c in chunks])
    with psycopg.connect(postgres_url) as connection:
        layout = connection.execute("SELECT value FROM keyword_meta WHERE key = 'layout'").fetchone()
    assert layout == (LAYOUT,)
    old.close()
    rebuilt.close()


def test_a_store_on_postgresql_searches_with_the_keyword_tables_there(postgres_url: str, tmp_path: Path) -> None:  # noqa: F811
    import shutil

    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from index.search.hybrid import open_searcher
    from index.search.vectors import VectorIndex
    from index.store.pipeline import ingest_paths
    from index.store.sqlite import open_store
    from tests.conftest import CORPUS
    from tests.fakes import fake_embed

    class FakeEmbedder:
        @staticmethod
        def embed_passages(texts: list[str]) -> np.ndarray:
            return np.stack([fake_embed(text) for text in texts])

        embed_queries = embed_passages

    (tmp_path / "in").mkdir()
    shutil.copy(CORPUS / "001_66e873449e3ce21a.txt", tmp_path / "in" / "plan.txt")
    store = open_store(postgres_url, data_dir=tmp_path / "data")
    ingest_paths([tmp_path / "in"], store, overrides_path=tmp_path / "no-overrides.json")
    client = chromadb.PersistentClient(
        path=str(tmp_path / "chroma"), settings=ChromaSettings(anonymized_telemetry=False)
    )
    vectors = VectorIndex(client)
    searcher = open_searcher(store, vectors, FakeEmbedder(), tmp_path / "search" / "keywords.sqlite3")
    store.close()
    assert isinstance(searcher.lexical, PostgresKeywordIndex)
    assert not (tmp_path / "search").exists()  # no SQLite keyword file beside a PostgreSQL store
    hits = searcher.search("sygedagpengemodtagere", limit=3)
    assert hits and "sygedagpengemodtagere" in hits[0].text.lower()
    assert searcher.lexical.scores("sygedagpengemodtagere").bm25.scores.max() > 0
    searcher.lexical.close()
