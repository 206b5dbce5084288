"""Hybrid search: filters, the score floor, citations; with a fake embedder and with the real model."""

import json
from pathlib import Path

import chromadb
import numpy as np
import pytest
from chromadb.config import Settings as ChromaSettings

from index.search.chunks import Chunk
from index.search.hybrid import (
    DEFAULT_WEIGHTS,
    IN_MEMORY_MAX_CHUNKS,
    HybridSearcher,
    SearchFilters,
    open_searcher,
    remembered_queries,
)
from index.search.judging import ExpectedSpan, answer_rank
from index.search.lexical import build_keyword_index
from index.search.vectors import VectorIndex
from maalspor.model import Citation
from tests.fakes import fake_embed

REPO = Path(__file__).resolve().parents[2]
DEV_QUESTIONS = json.loads((REPO / "tests" / "resources" / "search_dev_questions.json").read_text(encoding="utf-8"))
PLAN_2022_FILE = "000_74d16ed6cde7bc44.txt"


def _chunk(n: int, text: str, kind: str, year: int, committee: str | None = None, goal_id: str | None = None) -> Chunk:
    return Chunk(
        id=f"doc-{year}:chunk-{n}",
        text=text,
        kind=kind,
        heading="",
        document_id=f"doc-{year}",
        doc_kind="minutes" if committee else "plan",
        municipality="Testrup",
        committee=committee,
        date=None,
        year=year,
        goal_id=goal_id,
        citations=[Citation(f"{year}.txt", None, n, n + 1)],
    )


CHUNKS = [
    _chunk(1, "Flere unge skal i uddannelse eller beskæftigelse", "goal", 2022, goal_id="doc-2022:goal-1"),
    _chunk(2, "Flere unge skal i uddannelse eller beskæftigelse", "goal", 2023, goal_id="doc-2023:goal-1"),
    _chunk(3, "Udvalget godkendte status for unge i uddannelse", "decision", 2019, committee="Beskæftigelsesudvalget"),
    _chunk(4, "Jobcentret samarbejder med sprogskolen om danskundervisning", "section", 2022),
    _chunk(5, "Budget for turisme og erhverv blev drøftet", "item-field", 2019, committee="Økonomiudvalget"),
]


# Both dense paths: vectors held in memory (small indexes) and chromadb's nearest-neighbour search (large ones).
DENSE_PATHS = {"in memory": IN_MEMORY_MAX_CHUNKS, "chromadb": 0}


def _vector_index(path: Path, chunks: list[Chunk]) -> VectorIndex:
    vectors = VectorIndex(
        chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False))
    )
    vectors.add_chunks(chunks, np.stack([fake_embed(chunk.indexed_text) for chunk in chunks]))
    return vectors


@pytest.fixture(scope="module", params=list(DENSE_PATHS.values()), ids=list(DENSE_PATHS))
def fake_searcher(tmp_path_factory, request) -> HybridSearcher:
    vectors = _vector_index(tmp_path_factory.mktemp("chroma"), CHUNKS)
    keywords = build_keyword_index(tmp_path_factory.mktemp("keywords") / "keywords.sqlite3", CHUNKS)
    return HybridSearcher(CHUNKS, keywords, vectors, fake_embed, in_memory_max_chunks=request.param)


def _ids(hits) -> list[str]:
    return [hit.chunk_id for hit in hits]


def test_best_hit_first_with_its_citations(fake_searcher):
    hits = fake_searcher.search("danskundervisning sprogskolen")
    assert _ids(hits) == ["doc-2022:chunk-4"]
    assert hits[0].citations == [Citation("2022.txt", None, 4, 5)] and hits[0].kind == "section"
    assert hits[0].metadata["year"] == 2022
    ranked = fake_searcher.search("unge i uddannelse")
    assert _ids(ranked) == ["doc-2022:chunk-1", "doc-2023:chunk-2", "doc-2019:chunk-3"]
    assert ranked[0].score == ranked[1].score > ranked[2].score  # same wording, ties kept in chunk order


def test_filters_restrict_both_dense_and_lexical_candidates(fake_searcher):
    query = "unge i uddannelse"
    assert _ids(fake_searcher.search(query)) == ["doc-2022:chunk-1", "doc-2023:chunk-2", "doc-2019:chunk-3"]
    assert _ids(fake_searcher.search(query, SearchFilters(year_from=2023))) == ["doc-2023:chunk-2"]
    assert _ids(fake_searcher.search(query, SearchFilters(year_to=2019))) == ["doc-2019:chunk-3"]
    assert _ids(fake_searcher.search(query, SearchFilters(kinds=("decision",)))) == ["doc-2019:chunk-3"]
    assert _ids(fake_searcher.search(query, SearchFilters(committee="Beskæftigelsesudvalget"))) == ["doc-2019:chunk-3"]
    assert _ids(fake_searcher.search(query, SearchFilters(goal_id="doc-2022:goal-1"))) == ["doc-2022:chunk-1"]
    assert fake_searcher.search(query, SearchFilters(year_from=2030)) == []


def test_queries_matching_nothing_return_no_hits(fake_searcher):
    assert fake_searcher.search("qwxz zzkj") == []
    assert fake_searcher.search("   ") == []


@pytest.mark.parametrize("in_memory_max_chunks", list(DENSE_PATHS.values()), ids=list(DENSE_PATHS))
def test_a_searcher_opened_before_the_index_grew_answers_from_its_own_chunks(tmp_path, in_memory_max_chunks):
    """`maalspor index` adds a document while the server's searcher is open: the open searcher keeps answering
    from the chunks it opened with (chromadb now returns ids it does not know), the reopened one finds the new."""
    before, added = CHUNKS[:4], CHUNKS[4]
    vectors = _vector_index(tmp_path / "chroma", before)
    keywords_path = tmp_path / "keywords.sqlite3"
    opened = HybridSearcher(
        before,
        build_keyword_index(keywords_path, before),
        vectors,
        fake_embed,
        in_memory_max_chunks=in_memory_max_chunks,
    )
    vectors.add_chunks([added], fake_embed(added.indexed_text)[np.newaxis])
    reopened = HybridSearcher(
        CHUNKS,
        build_keyword_index(keywords_path, CHUNKS),
        vectors,
        fake_embed,
        in_memory_max_chunks=in_memory_max_chunks,
    )
    query = "budget for turisme og erhverv"
    assert added.id not in _ids(opened.search(query, limit=5))
    assert _ids(reopened.search(query, limit=5))[0] == added.id


# ------------------------------------------------------------------ the real model on plan 2022


@pytest.fixture(scope="module")
def real_settings(tmp_path_factory):
    from maalspor.config import Settings

    data_dir = tmp_path_factory.mktemp("data")
    return Settings(data_dir=data_dir, database_url=f"sqlite:///{data_dir / 'x.sqlite3'}")


@pytest.fixture(scope="module")
def real_embedder(real_settings):
    embedding_model = pytest.importorskip("index.search.embedding_model")
    return embedding_model.load_model(real_settings)


@pytest.fixture(scope="module")
def real_searcher(real_settings, real_embedder):
    from index.store.pipeline import ingest_paths
    from index.store.sqlite import Store

    store = Store(real_settings.sqlite_path)
    # one document keeps the embedding to ~60 chunks (CPU e5-small embeds ~9 chunks/s)
    ingest_paths([REPO / "corpus" / PLAN_2022_FILE], store)
    searcher = open_searcher(store, VectorIndex.open(real_settings), real_embedder, real_settings.lexical_index_path)
    yield searcher
    store.close()


@pytest.mark.slow
def test_real_model_finds_both_wordings_of_a_goal_reworded_between_2019_and_2022(tmp_path, real_embedder, store):
    """2019 Mål 6 '40 pct. af flygtninge og familiesammenførte til flygtninge skal være i beskæftigelse ...'
    became 2022 goal 4 'Flere flygtninge og familiesammenførte skal være selvforsørgende' (same aim, new words).
    Searched among all goals of the corpus, both wordings come up first (with følgemål b and the 2023 goal 4)."""
    from index.search.hybrid import store_chunks

    goal_chunks = [c for chunks in store_chunks(store).values() for c in chunks if c.kind == "goal"]
    client = chromadb.PersistentClient(
        path=str(tmp_path / "chroma"), settings=ChromaSettings(anonymized_telemetry=False)
    )
    vectors = VectorIndex(client)
    vectors.add_chunks(goal_chunks, real_embedder.embed_passages([c.indexed_text for c in goal_chunks]))
    searcher = HybridSearcher(
        goal_chunks,
        build_keyword_index(tmp_path / "keywords.sqlite3", goal_chunks),
        vectors,
        lambda query: real_embedder.embed_queries([query])[0],
    )
    hits = searcher.search("flygtninge og familiesammenførte i job", limit=5)
    minutes_2019 = "lyngby-taarbaek-beskaeftigelses-og-integrationsudvalget-2019-06-11"
    assert [hit.metadata.get("goal_id") for hit in hits] == [
        f"{minutes_2019}:goal-2019-6",
        f"{minutes_2019}:goal-2019-foelgemaal-b",
        "lyngby-taarbaek-beskaeftigelsesplan-2022:goal-2022-4",
        "lyngby-taarbaek-beskaeftigelsesplan-2023:goal-2023-4",
        # and nothing else: 'Alle ledige skal have en værdig sagsbehandling' scored 0.143 with the per-chunk
        # trigram bm25, just over the 0.14 floor; substring matches scored by idf leave it under
    ]


def _plan_2022_questions():
    for question in DEV_QUESTIONS["questions"]:
        spans = [ExpectedSpan(**span) for span in question["expected"] if span["source_file"] == PLAN_2022_FILE]
        if spans:
            yield question["question"], spans


@pytest.mark.slow
def test_real_model_answers_dev_questions_on_plan_2022(real_searcher):
    ranks = {
        question: answer_rank(real_searcher.search(question, limit=5), spans)
        for question, spans in _plan_2022_questions()
    }
    # 12 of 14 at rank 1; the English "green transition" query scores under the floor
    expected = {question: 1 for question, _ in _plan_2022_questions()}
    expected["green transition and skilled workers"] = None
    # since the running text no record holds is chunked too (more chunks, another baseline sample), the
    # plan's section on following up handicap-compensating schemes (lines 578-585) ranks over the goal
    expected["employment of people with disabilities"] = 2
    assert len(ranks) == 14
    assert ranks == expected


@pytest.mark.slow
def test_real_model_english_query_and_nonsense(real_searcher):
    hits = real_searcher.search("young people in education")
    assert _ids(hits) == ["lyngby-taarbaek-beskaeftigelsesplan-2022:goal-2022-7"]
    assert "Flere unge skal i uddannelse eller beskæftigelse" in hits[0].text
    for nonsense in DEV_QUESTIONS["nonsense"]:
        assert real_searcher.search(nonsense) == [], nonsense
    assert DEFAULT_WEIGHTS.floor > 0


def test_a_keyword_index_of_other_chunks_is_ignored_not_misread(fake_searcher, tmp_path):
    """Rows of an index rebuilt from another chunk list are not this searcher's positions."""
    from dataclasses import replace

    stale = replace(fake_searcher, lexical=build_keyword_index(tmp_path / "keywords.sqlite3", CHUNKS[::-1]))
    assert not any(signals.bm25 or signals.ngram for signals in stale.candidates("sprogskolen", SearchFilters(), 0.15))
    assert _ids(stale.search("danskundervisning sprogskolen")) == ["doc-2022:chunk-4"]  # dense still answers


def test_a_searcher_embeds_a_repeated_text_once_and_keeps_its_vector_read_only():
    calls: list[str] = []

    def embed(text: str) -> np.ndarray:
        calls.append(text)
        return np.ones(3, dtype=np.float32)

    embed_query = remembered_queries(embed)
    first, again = embed_query("hvorfor steg ledigheden"), embed_query("hvorfor steg ledigheden")
    embed_query("et andet spørgsmål")
    assert calls == ["hvorfor steg ledigheden", "et andet spørgsmål"]
    assert again is first
    with pytest.raises(ValueError):
        first[0] = 0.0
