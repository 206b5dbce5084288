"""The dense index: chunk embeddings in a chromadb collection, kept in step with the store per document.

chromadb never embeds anything itself (`embedding_function=None`: its default would download a
model); we pass our own unit-length vectors and use cosine space. Which documents are indexed, and
from which content, is kept in the collection's metadata as `hash:<document id>` -> content hash,
so a sync re-embeds only documents whose chunks changed and deletes those that left the store.

Each vector carries only its document id (for deletes) and a digest of the text it was embedded from (so a
changed document keeps the vectors of its unchanged chunks). The text and the filter fields live in our
store and the searcher's chunk list: given `documents=`, chromadb also keeps every text in its SQLite and
its full-text index, and one row per metadata key, which halved the fill rate
(bench/bench_chroma_fill.py). Vectors written before this carry the old full metadata and text; they are
read as before, and a changed document among them is embedded afresh.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from urllib.parse import urlparse

import numpy as np

from index.search.chunks import Chunk
from maalspor.config import Settings

COLLECTION = "maalspor-chunks"
_HASH_PREFIX = "hash:"
# The collection must hold at least one metadata key; this one also says what the vectors are.
_SCHEMA_KEY = "maalspor:vectors"
_SCHEMA_VALUE = "chunks-v1"

# The metadata key holding the digest of a vector's indexed text.
_TEXT_DIGEST = "text_sha256"

# chromadb reads ids in pages of this many (each a SQLite `IN` list, which has a variable limit).
_GET_PAGE = 5000

Embed = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class VectorHit:
    id: str
    similarity: float  # cosine, 1 = same direction
    metadata: dict


@dataclass
class SyncReport:
    embedded: list[str] = field(default_factory=list)  # document ids (re-)embedded
    deleted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    chunks_embedded: int = 0


def open_client(settings: Settings):
    """HttpClient when MAALSPOR_CHROMA_URL is set, else a PersistentClient under the data dir."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise ValueError(f"MAALSPOR_CHROMA_URL must look like http://host:port, not {settings.chroma_url!r}")
        return chromadb.HttpClient(
            host=url.hostname,
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=chroma_settings,
        )
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


def content_hash(chunks: Sequence[Chunk]) -> str:
    """Changes whenever anything indexed or returned for the document's chunks changes."""
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(json.dumps(asdict(chunk), ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()


def text_digest(chunk: Chunk) -> str:
    """Names the text a chunk's vector is made from (heading and text), without storing it."""
    return hashlib.sha256(chunk.indexed_text.encode("utf-8")).hexdigest()


class VectorIndex:
    def __init__(self, client, collection_name: str = COLLECTION):
        self.client = client
        self.collection = client.get_or_create_collection(
            collection_name,
            embedding_function=None,
            configuration={"hnsw": {"space": "cosine"}},
            metadata={_SCHEMA_KEY: _SCHEMA_VALUE},
        )

    @classmethod
    def open(cls, settings: Settings) -> VectorIndex:
        return cls(open_client(settings))

    def count(self) -> int:
        return self.collection.count()

    # -------------------------------------------------------------- writing

    def document_hashes(self) -> dict[str, str]:
        metadata = self.collection.metadata or {}
        return {key[len(_HASH_PREFIX) :]: value for key, value in metadata.items() if key.startswith(_HASH_PREFIX)}

    def sync(self, chunks_by_document: Mapping[str, Sequence[Chunk]], embed_passages: Embed) -> SyncReport:
        """Make the collection hold exactly these documents' chunks, embedding only what changed."""
        report = SyncReport()
        hashes = self.document_hashes()
        for document_id in sorted(set(hashes) - set(chunks_by_document)):
            self._delete(document_id)
            del hashes[document_id]
            report.deleted.append(document_id)
        for document_id, chunks in chunks_by_document.items():
            new_hash = content_hash(chunks)
            if hashes.get(document_id) == new_hash:
                report.unchanged.append(document_id)
                continue
            embedded = self._replace_document(document_id, chunks, embed_passages)
            hashes[document_id] = new_hash
            report.embedded.append(document_id)
            report.chunks_embedded += embedded
            # recorded after each document, so an interrupted sync redoes only what it had not finished
            self._save_hashes(hashes)
        if report.deleted:
            self._save_hashes(hashes)
        return report

    def add_chunks(self, chunks: Sequence[Chunk], embeddings: np.ndarray) -> None:
        """Store chunks with precomputed embeddings (bench and tests; `sync` is the normal way in)."""
        batch = self.client.get_max_batch_size()
        for start in range(0, len(chunks), batch):
            part = chunks[start : start + batch]
            self.collection.upsert(
                ids=[chunk.id for chunk in part],
                embeddings=np.asarray(embeddings[start : start + batch], dtype=np.float32),
                metadatas=[{"document_id": chunk.document_id, _TEXT_DIGEST: text_digest(chunk)} for chunk in part],
            )

    def _replace_document(self, document_id: str, chunks: Sequence[Chunk], embed_passages: Embed) -> int:
        """Replace the document's chunks, embedding only those whose indexed text is new (a parser or
        chunking change usually adds or alters a few chunks of a document, not all); returns how many."""
        kept = self._embeddings_by_digest(document_id)
        fresh = {text_digest(chunk): chunk.indexed_text for chunk in chunks}
        for digest in kept:
            fresh.pop(digest, None)
        vectors = dict(zip(fresh, embed_passages(list(fresh.values())), strict=True)) if fresh else {}
        self._delete(document_id)
        if chunks:
            self.add_chunks(chunks, np.asarray([vectors.get(d, kept.get(d)) for d in map(text_digest, chunks)]))
        return len(fresh)

    def _embeddings_by_digest(self, document_id: str) -> dict[str, np.ndarray]:
        """The document's stored embeddings by the digest of the indexed text they were made from."""
        stored = self.collection.get(where={"document_id": document_id}, include=["embeddings", "metadatas"])
        return {
            digest: np.asarray(vector)
            for metadata, vector in zip(stored["metadatas"], stored["embeddings"], strict=True)
            if (digest := (metadata or {}).get(_TEXT_DIGEST))
        }

    def _delete(self, document_id: str) -> None:
        self.collection.delete(where={"document_id": document_id})

    def _save_hashes(self, hashes: Mapping[str, str]) -> None:
        # modify() replaces the whole metadata, so the schema key is written again each time
        metadata = {_SCHEMA_KEY: _SCHEMA_VALUE, **{f"{_HASH_PREFIX}{doc}": value for doc, value in hashes.items()}}
        self.collection.modify(metadata=metadata)

    # -------------------------------------------------------------- reading

    def query(
        self, vector: np.ndarray, limit: int, where: dict | None = None, ids: Sequence[str] | None = None
    ) -> list[VectorHit]:
        """The `limit` nearest chunks, optionally only those matching `where` or among `ids`."""
        available = len(ids) if ids is not None else self.count()
        if available == 0 or limit <= 0:
            return []
        result = self.collection.query(
            query_embeddings=np.asarray(vector, dtype=np.float32).reshape(1, -1),
            n_results=min(limit, available),
            where=where or None,
            ids=list(ids) if ids is not None else None,
            include=["metadatas", "distances"],
        )
        return [
            VectorHit(id=chunk_id, similarity=1.0 - float(distance), metadata=dict(metadata or {}))
            for chunk_id, distance, metadata in zip(
                result["ids"][0], result["distances"][0], result["metadatas"][0], strict=False
            )
        ]

    def in_memory(self, ids: Sequence[str]) -> MemoryVectors:
        """These chunks' stored embeddings as one matrix, row i for ids[i] (a chunk the collection lacks
        gets no row: it is never a dense candidate, as with a chromadb query)."""
        rows = {chunk_id: row for row, chunk_id in enumerate(ids)}
        found: list[tuple[int, np.ndarray]] = []
        for start in range(0, len(ids), _GET_PAGE):
            result = self.collection.get(ids=list(ids[start : start + _GET_PAGE]), include=["embeddings"])
            found += [
                (rows[chunk_id], vector) for chunk_id, vector in zip(result["ids"], result["embeddings"], strict=True)
            ]
        dim = len(found[0][1]) if found else 0
        matrix = np.zeros((len(ids), dim), dtype=np.float32)
        present = np.zeros(len(ids), dtype=bool)
        for row, vector in found:
            matrix[row] = vector
            present[row] = True
        return MemoryVectors(matrix, present)

    def similarities(self, vector: np.ndarray, ids: Sequence[str]) -> dict[str, float]:
        """Exact cosine of the query to the given chunks (for lexical candidates the ANN search missed)."""
        if not ids:
            return {}
        result = self.collection.get(ids=list(ids), include=["embeddings"])
        embeddings = np.asarray(result["embeddings"], dtype=np.float32)
        return dict(zip(result["ids"], (embeddings @ np.asarray(vector, dtype=np.float32)).tolist(), strict=False))


@dataclass(frozen=True)
class MemoryVectors:
    """A fixed chunk list's embeddings held in the process: exact cosines by one matrix product. Over a few
    thousand chunks that costs microseconds, where a chromadb query costs about 10 ms of client work
    (bench/bench_search_cpu.py); it is exact where chromadb's HNSW search is approximate."""

    matrix: np.ndarray  # (chunks, dim) float32 unit rows, in the chunk list's order
    present: np.ndarray  # per row: the collection holds the chunk's vector

    def nearest(self, vector: np.ndarray, limit: int, allowed: np.ndarray | None = None) -> dict[int, float]:
        """Row -> cosine of the `limit` rows nearest to `vector`, among the `allowed` ones."""
        usable = np.flatnonzero(self.present if allowed is None else self.present & allowed)
        count = min(limit, len(usable))
        if count <= 0:
            return {}
        cosines = (self.matrix @ np.asarray(vector, dtype=np.float32))[usable]
        best = np.argpartition(-cosines, count - 1)[:count]
        return dict(zip(usable[best].tolist(), cosines[best].tolist(), strict=True))

    def cosines(self, vector: np.ndarray, rows: Sequence[int]) -> dict[int, float]:
        """Row -> cosine for the given rows that have a vector."""
        kept = [row for row in rows if self.present[row]]
        return dict(zip(kept, (self.matrix[kept] @ np.asarray(vector, dtype=np.float32)).tolist(), strict=True))
