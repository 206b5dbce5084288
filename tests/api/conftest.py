"""One ingested copy of corpus/ per test session, served by a TestClient (read-only store, fake-embedder search)."""

import chromadb
import numpy as np
import pytest
from chromadb.config import Settings as ChromaSettings
from fastapi.testclient import TestClient

from api.app import create_app
from index.lexical import LexicalIndex
from index.pipeline import ingest_paths
from index.search import HybridSearcher, store_chunks
from index.store import Store
from index.vectors import VectorIndex
from maalspor.config import Settings
from tests.conftest import CORPUS
from tests.fakes import fake_embed



@pytest.fixture(scope="session")
def api_settings(tmp_path_factory) -> Settings:
    data_dir = tmp_path_factory.mktemp("api-data")
    settings = Settings(data_dir=data_dir, database_url=f"sqlite:///{data_dir / 'maalspor.sqlite3'}")
    store = Store(settings.sqlite_path)
    ingest_paths([CORPUS], store)
    store.close()
    return settings


@pytest.fixture(scope="session")
def fake_searcher(api_settings, tmp_path_factory) -> HybridSearcher:
    store = Store(api_settings.sqlite_path)
    chunks = [chunk for document_chunks in store_chunks(store).values() for chunk in document_chunks]
    store.close()
    client = chromadb.PersistentClient(path=str(tmp_path_factory.mktemp("chroma")),
                                       settings=ChromaSettings(anonymized_telemetry=False))
    vectors = VectorIndex(client)
    vectors.add_chunks(chunks, np.stack([fake_embed(chunk.indexed_text) for chunk in chunks]))
    return HybridSearcher(chunks, LexicalIndex([chunk.indexed_text for chunk in chunks]), vectors, fake_embed)


@pytest.fixture(scope="session")
def client(api_settings, fake_searcher) -> TestClient:
    return TestClient(create_app(api_settings, searcher_factory=lambda: fake_searcher))


@pytest.fixture(scope="session")
def store(api_settings) -> Store:
    return Store(api_settings.sqlite_path)
