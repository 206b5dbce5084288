"""A live, robust search index in the server (issue 11): a newer index is picked up without a restart,
the server never builds an index, and a missing or broken index or data dir is never a 500."""

import logging
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.deps import SEARCH_NOT_BUILT, STORE_MISSING
from index.search.opening import default_searcher_factory
from index.store.sqlite import Store
from maalspor.config import Settings


class CountingSearcher:
    """Stands in for the hybrid searcher: remembers which one answered."""

    def __init__(self, number: int):
        self.number = number

    def search(self, query, filters=None, limit=10):
        return []


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    data_dir = tmp_path / "data"
    Store(data_dir / "maalspor.sqlite3").close()
    return Settings(data_dir=data_dir, database_url=f"sqlite:///{data_dir / 'maalspor.sqlite3'}")


def bump_search_generation(settings: Settings) -> None:
    """What `maalspor index` does when it is done."""
    writer = Store(settings.sqlite_path)
    writer.bump_search_generation()
    writer.close()


def test_the_server_reopens_its_searcher_after_index_without_a_restart(settings):
    """Issue 11: the searcher was opened at the first request and never again."""
    opened: list[CountingSearcher] = []

    def factory():
        opened.append(CountingSearcher(len(opened) + 1))
        return opened[-1]

    app = create_app(settings, searcher_factory=factory)
    client = TestClient(app)
    assert client.get("/search", params={"q": "unge"}).status_code == 200
    assert len(opened) == 1
    bump_search_generation(settings)
    deadline = time.monotonic() + 15
    while app.state.searcher.get() is not opened[-1] or len(opened) < 2:
        assert time.monotonic() < deadline, "the newer index was not picked up"
        time.sleep(0.2)
    assert len(opened) == 2  # reopened once, in the background, not per request


def test_an_index_never_built_is_not_built_by_the_server(settings):
    assert default_searcher_factory(settings)() is None
    assert not settings.chroma_dir.exists() and not settings.models_dir.exists()


def test_a_missing_index_answers_without_search_and_is_not_created(settings, caplog):
    bump_search_generation(settings)
    settings.models_dir.mkdir()
    with caplog.at_level(logging.WARNING, logger="api.deps"):
        assert default_searcher_factory(settings)() is None
    assert "is missing: answering without search" in caplog.text
    assert not settings.chroma_dir.exists()


def test_a_model_dir_named_by_path_counts_as_built(settings, tmp_path, caplog):
    """MAALSPOR_EMBEDDING_MODEL=<a built model dir> serves search without a models/ dir of the data dir's
    own (the check must reach the index, which is missing here, instead of stopping at the model)."""
    from dataclasses import replace

    model_dir = tmp_path / "built-model"
    model_dir.mkdir()
    named = replace(settings, embedding_model=str(model_dir))
    bump_search_generation(named)
    with caplog.at_level(logging.WARNING, logger="api.deps"):
        assert default_searcher_factory(named)() is None
    assert "is missing: answering without search" in caplog.text
    assert not named.models_dir.exists()


@pytest.fixture
def corrupt_index(settings) -> Settings:
    bump_search_generation(settings)
    settings.models_dir.mkdir()
    settings.chroma_dir.mkdir()
    (settings.chroma_dir / "chroma.sqlite3").write_bytes(b"\x00garbage" * 4096)
    return settings


def test_a_corrupt_index_answers_without_search_never_500(corrupt_index, caplog):
    """Issue 11: a corrupt chroma dir gave 500 on /, /search and /ask."""
    client = TestClient(create_app(corrupt_index))
    with caplog.at_level(logging.WARNING, logger="api.deps"):
        search = client.get("/search", params={"q": "unge"})
    assert search.status_code == 200 and search.json()["note"] == SEARCH_NOT_BUILT
    assert "search index cannot be opened" in caplog.text
    assert client.get("/ask", params={"q": "Hvilke mål har Beskæftigelsesplan 2023?"}).status_code == 200
    assert client.get("/").status_code == 200


def test_a_data_dir_that_does_not_exist_is_a_503_with_a_danish_message(tmp_path):
    data_dir = tmp_path / "dtaa"
    client = TestClient(create_app(Settings(data_dir=data_dir, database_url=f"sqlite:///{data_dir}/m.sqlite3")))
    response = client.get("/documents")
    assert response.status_code == 503 and response.json() == {"detail": STORE_MISSING}
    assert not data_dir.exists()
