"""The chromadb vector index against a real Chroma server: incremental sync, deletes, filtered queries."""

import socket
import subprocess
import sys
import time
import urllib.request
import zlib
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from index.search.chunks import Chunk
from index.search.vectors import VectorIndex, content_hash, open_client, text_digest
from maalspor.config import Settings

CHROMA = Path(sys.executable).parent / "chroma"
SERVER_START_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory) -> str:
    if not CHROMA.exists():
        pytest.skip("the chroma CLI is not installed in this environment")
    port = _free_port()
    server = subprocess.Popen(
        [
            str(CHROMA),
            "run",
            "--path",
            str(tmp_path_factory.mktemp("chroma")),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"chroma server did not answer on {url} within {SERVER_START_SECONDS} s")
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _chunk(document_id: str, number: int, year: int, text: str) -> Chunk:
    return Chunk(
        id=f"{document_id}:section-{number}",
        text=text,
        kind="section",
        heading="",
        document_id=document_id,
        doc_kind="plan",
        municipality="Testrup Kommune",
        committee=None,
        date=None,
        year=year,
    )


class CountingEmbedder:
    """Deterministic unit vectors; remembers how many texts it was asked to embed."""

    def __init__(self):
        self.embedded: list[str] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.embedded += texts
        vectors = np.array(
            [np.random.default_rng(zlib.crc32(t.encode())).standard_normal(8) for t in texts], dtype=np.float32
        )
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


CORPUS = {
    "plan-2019": [_chunk("plan-2019", n, 2019, f"tekst {n} om ledighed 2019") for n in range(3)],
    "plan-2022": [_chunk("plan-2022", n, 2022, f"tekst {n} om unge 2022") for n in range(2)],
}


def _settings(tmp_path: Path, chroma_url: str = "") -> Settings:
    return Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'x.sqlite3'}", chroma_url=chroma_url)


def test_sync_embeds_only_changed_documents_and_drops_removed_ones(chroma_url, tmp_path):
    index = VectorIndex(open_client(_settings(tmp_path, chroma_url)), collection_name="sync-test")
    embed = CountingEmbedder()
    first = index.sync(CORPUS, embed)
    assert sorted(first.embedded) == ["plan-2019", "plan-2022"] and first.chunks_embedded == 5
    assert index.count() == 5

    embed.embedded.clear()
    second = index.sync(CORPUS, embed)
    assert embed.embedded == [] and sorted(second.unchanged) == ["plan-2019", "plan-2022"]

    edited = {"plan-2019": CORPUS["plan-2019"][:2] + [replace(CORPUS["plan-2019"][2], text="ny tekst")]}
    third = index.sync(edited, embed)
    assert third.embedded == ["plan-2019"] and third.deleted == ["plan-2022"]
    # only the edited chunk is embedded again; the unchanged ones keep their vectors
    assert embed.embedded == ["ny tekst"] and third.chunks_embedded == 1
    assert index.count() == 3
    kept = CORPUS["plan-2019"][0]
    assert index.query(embed([kept.indexed_text])[0], 1)[0].id == kept.id
    assert index.document_hashes() == {"plan-2019": content_hash(edited["plan-2019"])}


def test_query_honours_where_filters_and_candidate_ids(chroma_url, tmp_path):
    index = VectorIndex(open_client(_settings(tmp_path, chroma_url)), collection_name="query-test")
    embed = CountingEmbedder()
    index.sync(CORPUS, embed)
    target = CORPUS["plan-2022"][1]
    vector = embed([target.indexed_text])[0]
    nearest = index.query(vector, 10)
    assert nearest[0].id == target.id and nearest[0].similarity == pytest.approx(1.0, abs=1e-5)
    assert len(nearest) == 5
    only_2019 = index.query(vector, 10, where={"document_id": "plan-2019"})
    assert {hit.metadata["document_id"] for hit in only_2019} == {"plan-2019"} and len(only_2019) == 3
    among = index.query(vector, 10, ids=[CORPUS["plan-2019"][0].id])
    assert [hit.id for hit in among] == [CORPUS["plan-2019"][0].id]
    assert index.similarities(vector, [target.id])[target.id] == pytest.approx(1.0, abs=1e-5)


def test_vectors_in_memory_are_rows_in_the_given_order_with_exact_cosines(tmp_path):
    index = VectorIndex(open_client(_settings(tmp_path)), collection_name="memory-test")
    embed = CountingEmbedder()
    index.sync(CORPUS, embed)
    chunks = CORPUS["plan-2022"] + CORPUS["plan-2019"]
    unknown = replace(chunks[0], id="plan-2030:chunk-0")  # not in the collection: no row, never a candidate
    memory = index.in_memory([chunk.id for chunk in chunks] + [unknown.id])
    assert memory.present.tolist() == [True] * len(chunks) + [False]
    vector = embed([chunks[1].indexed_text])[0]
    nearest = memory.nearest(vector, 3)
    assert len(nearest) == 3 and max(nearest, key=nearest.__getitem__) == 1
    assert nearest[1] == pytest.approx(1.0, abs=1e-5)
    assert len(memory.nearest(vector, 10)) == len(chunks)
    only_2019 = np.array([chunk.year == 2019 for chunk in chunks] + [False])
    assert set(memory.nearest(vector, 10, only_2019)) == set(np.flatnonzero(only_2019).tolist())
    exact = memory.cosines(vector, [0, 1, len(chunks)])
    stored = index.similarities(vector, [chunks[0].id, chunks[1].id])
    assert exact == pytest.approx({0: stored[chunks[0].id], 1: stored[chunks[1].id]}, abs=1e-6)


def test_persistent_client_is_the_default_and_keeps_hashes_across_reopen(tmp_path):
    settings = _settings(tmp_path)
    VectorIndex.open(settings).sync(CORPUS, CountingEmbedder())
    assert (tmp_path / "chroma").is_dir()
    embed = CountingEmbedder()
    report = VectorIndex.open(settings).sync(CORPUS, embed)
    assert embed.embedded == [] and sorted(report.unchanged) == ["plan-2019", "plan-2022"]


def test_collection_holds_vectors_with_a_document_id_and_text_digest_only(tmp_path):
    # the text and filter fields live in the store: chromadb keeping (and full-text indexing) them slowed fills
    index = VectorIndex(open_client(_settings(tmp_path)), collection_name="lean-test")
    index.sync(CORPUS, CountingEmbedder())
    stored = index.collection.get(include=["documents", "metadatas"])
    assert stored["documents"] == [None] * 5
    chunk = CORPUS["plan-2019"][0]
    metadata = stored["metadatas"][stored["ids"].index(chunk.id)]
    assert metadata == {"document_id": "plan-2019", "text_sha256": text_digest(chunk)}


def test_vectors_stored_with_text_before_are_read_and_a_changed_document_embedded_afresh(tmp_path):
    index = VectorIndex(open_client(_settings(tmp_path)), collection_name="old-layout-test")
    embed = CountingEmbedder()
    chunks = CORPUS["plan-2019"]
    index.collection.add(  # the layout written before: full metadata and the text, no digest
        ids=[chunk.id for chunk in chunks],
        embeddings=embed([chunk.indexed_text for chunk in chunks]),
        metadatas=[chunk.metadata() for chunk in chunks],
        documents=[chunk.text for chunk in chunks],
    )
    index.collection.modify(metadata={"maalspor:vectors": "chunks-v1", "hash:plan-2019": content_hash(chunks)})
    vector = embed([chunks[1].indexed_text])[0]
    assert index.query(vector, 1)[0].id == chunks[1].id
    embed.embedded.clear()
    assert index.sync(CORPUS, embed).unchanged == ["plan-2019"]
    edited = {"plan-2019": [*chunks[:2], replace(chunks[2], text="ny tekst")]}
    report = index.sync(edited, embed)
    assert report.chunks_embedded == 3 and index.count() == 3
    assert index.query(vector, 1)[0].id == chunks[1].id


def test_bad_chroma_url_is_refused(tmp_path):
    with pytest.raises(ValueError, match="http://host:port"):
        open_client(_settings(tmp_path, "localhost:8000"))
