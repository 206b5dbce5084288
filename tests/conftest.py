"""Shared fixtures: paths, the golden-update flag, and one ingested copy of corpus/ per test session."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from maalspor.config import Settings

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
REALDOCS = REPO.parent / "shared" / "realdocs"

# CI reads at most three scanned pages per PDF by OCR (about 10 s a page); longer scans are refused with one line.
os.environ.setdefault("MAALSPOR_OCR_MAX_PAGES", "3")


@contextmanager
def ingested_store(paths: list[Path], directory: Path) -> Iterator:
    """The files or folders `paths` ingested into a new store in `directory`, opened read-only for the test
    module (skipped when ../shared/realdocs is absent and a path lies in it)."""
    if not all(path.exists() for path in paths):
        pytest.skip("../shared/realdocs is not present")
    from index.store.pipeline import ingest_paths
    from index.store.sqlite import Store

    writer = Store(directory / "maalspor.sqlite3")
    ingest_paths(paths, writer)
    writer.close()
    store = Store(directory / "maalspor.sqlite3", read_only=True)
    try:
        yield store
    finally:
        store.close()


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden snapshots from the current code (review the diff)",
    )


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: ingests whole document sets or loads the real model")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def realdocs() -> Path:
    if not REALDOCS.is_dir():
        pytest.skip("../shared/realdocs is not present")
    return REALDOCS


@pytest.fixture(scope="session")
def api_settings(tmp_path_factory) -> Settings:
    """corpus/ ingested once for the whole session (with the versioned link overrides); read it, never write it."""
    from index.store.pipeline import ingest_paths
    from index.store.sqlite import Store

    data_dir = tmp_path_factory.mktemp("corpus-data")
    settings = Settings(data_dir=data_dir, database_url=f"sqlite:///{data_dir / 'maalspor.sqlite3'}")
    store = Store(settings.sqlite_path)
    ingest_paths([CORPUS], store)
    store.close()
    return settings


@pytest.fixture(scope="session")
def store(api_settings):
    from index.store.sqlite import Store

    return Store(api_settings.sqlite_path, read_only=True)


@pytest.fixture(scope="session")
def fake_searcher(api_settings, tmp_path_factory):
    """Hybrid search over the corpus chunks with the hashed bag-of-words embedder (no model load)."""
    import chromadb
    import numpy as np
    from chromadb.config import Settings as ChromaSettings

    from index.search.hybrid import HybridSearcher, store_chunks
    from index.search.lexical import build_keyword_index
    from index.search.vectors import VectorIndex
    from index.store.sqlite import Store
    from tests.fakes import fake_embed

    store = Store(api_settings.sqlite_path, read_only=True)
    chunks = [chunk for document_chunks in store_chunks(store).values() for chunk in document_chunks]
    store.close()
    client = chromadb.PersistentClient(
        path=str(tmp_path_factory.mktemp("chroma")), settings=ChromaSettings(anonymized_telemetry=False)
    )
    vectors = VectorIndex(client)
    vectors.add_chunks(chunks, np.stack([fake_embed(chunk.indexed_text) for chunk in chunks]))
    keywords = build_keyword_index(tmp_path_factory.mktemp("keywords") / "keywords.sqlite3", chunks)
    return HybridSearcher(chunks, keywords, vectors, fake_embed)


@pytest.fixture(scope="session")
def client(api_settings, fake_searcher):
    from fastapi.testclient import TestClient

    from api.app import create_app

    return TestClient(create_app(api_settings, searcher_factory=lambda: fake_searcher))


@pytest.fixture(scope="session")
def plain_store(tmp_path_factory):
    """corpus/ ingested once without any link overrides (what the linker finds by itself); read it only."""
    from index.store.pipeline import ingest_paths
    from index.store.sqlite import Store

    data_dir = tmp_path_factory.mktemp("corpus-plain")
    writer = Store(data_dir / "maalspor.sqlite3")
    ingest_paths([CORPUS], writer, overrides_path=data_dir / "no-overrides.json")
    writer.close()
    store = Store(data_dir / "maalspor.sqlite3", read_only=True)
    yield store
    store.close()
