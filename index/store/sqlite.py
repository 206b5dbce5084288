"""The structured store: one SQLite file under the data dir, written per document in one transaction.

All storage goes through `Store`, so a server database could be added behind the same methods; the
URL scheme decides (only sqlite:/// is implemented).
"""

from __future__ import annotations

import json
import time
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass
from pathlib import Path

from index.store import schema
from index.store.connection import StoreMissing
from index.store.database import Database, SqliteDatabase
from index.store.line_cache import SOURCE_TEXTS, SourceText
from index.store.serialize import from_dict
from maalspor.config import Settings, load_settings, sqlite_path_of
from maalspor.model import (
    AgendaItem,
    Document,
    Goal,
    GoalLink,
    ParsedDocument,
    PlanLink,
    Section,
    SourceLine,
    Thread,
)

_RECORD_TABLES = ("sections", "goals", "items")
_SOURCE_COLUMNS = "source_file, content_hash, document_id, origin"
# Bumped by `maalspor index` each time the search index changed; servers reload their searcher when it moves.
_SEARCH_GENERATION = "search_generation"


def open_store(database_url: str, read_only: bool = False, data_dir: Path | None = None) -> Store:
    """The store of MAALSPOR_DATABASE_URL: sqlite:///path (embedded) or postgresql://… (a server);
    a server database keeps its original files under data_dir (default: MAALSPOR_DATA_DIR)."""
    from index.store.postgres import PostgresDatabase, is_postgres_url

    if not is_postgres_url(database_url):
        return Store(sqlite_path_of(database_url), read_only=read_only)
    data_dir = data_dir or load_settings().data_dir
    if read_only and not data_dir.is_dir():
        raise StoreMissing(f"data directory {data_dir} does not exist: check MAALSPOR_DATA_DIR")
    if not read_only:
        data_dir.mkdir(parents=True, exist_ok=True)
    database = PostgresDatabase(database_url, read_only, schema.create)
    return Store(data_dir / "postgresql", read_only, database=database)


def open_read_only_store(settings: Settings) -> Store:
    """The settings' store for a reader (the server, `ask`, `export`); StoreMissing where it does not exist."""
    return open_store(settings.database_url, read_only=True, data_dir=settings.data_dir)


@dataclass(frozen=True)
class StoredSource:
    """A file the store holds: its unique name (what citations carry), the document it renders and
    where it was read from (None for files stored before origins were kept)."""

    source_file: str
    content_hash: str
    document_id: str
    origin: str | None


class Store:
    def __init__(self, path: Path, read_only: bool = False, database: Database | None = None):
        """The SQLite store at `path`; or, with `database` given (PostgreSQL), a store whose data dir
        (original files) is path.parent.

        read_only: the connection cannot write and may serve a web server's worker threads; a
        database not created yet reads as an empty store, a data dir that does not exist raises StoreMissing.
        """
        self.path = path
        self._read_only = read_only
        self._db = database or SqliteDatabase(path, read_only, schema.create)
        # where ingest keeps a read-only copy of every original file (index.store.originals)
        self.originals_dir = path.parent / "originals"

    def writing(self) -> AbstractContextManager[None]:
        """Hold the writer lock for a whole batch: a concurrent writer waits until it is released."""
        return self._db.writer_lock()

    def close(self) -> None:
        self._db.close()

    @property
    def server_url(self) -> str | None:
        """The database server's URL (postgresql://…), None for the embedded SQLite file."""
        from index.store.postgres import PostgresDatabase

        return self._db.url if isinstance(self._db, PostgresDatabase) else None

    # ------------------------------------------------------------ sources

    def source_hash(self, source_file: str) -> str | None:
        stored = self.source(source_file)
        return stored.content_hash if stored else None

    def source_document_id(self, source_file: str) -> str | None:
        stored = self.source(source_file)
        return stored.document_id if stored else None

    def source(self, source_file: str) -> StoredSource | None:
        return self._source_where("source_file = ?", source_file)

    def source_from(self, origin: str) -> StoredSource | None:
        """The source last read from this path (a changed file replaces it)."""
        return self._source_where("origin = ?", origin)

    def source_with_content(self, content_hash: str) -> StoredSource | None:
        """A stored file with exactly these bytes, wherever it was read from."""
        return self._source_where("content_hash = ?", content_hash)

    def sources_of(self, document_id: str) -> list[StoredSource]:
        rows = self._db.execute(f"SELECT {_SOURCE_COLUMNS} FROM sources WHERE document_id = ?", (document_id,))
        return [StoredSource(*row) for row in rows]

    def clean_text(self, source_file: str) -> str | None:
        row = self._db.execute("SELECT clean_text FROM sources WHERE source_file = ?", (source_file,)).fetchone()
        return row[0] if row else None

    def source_lines(self, source_file: str) -> list[SourceLine]:
        return list(self.source_text(source_file).lines)

    def source_text(self, source_file: str) -> SourceText:
        """The file's lines, by page for quoting; a read-only store keeps them between calls
        (index/store/line_cache.py)."""
        content_hash = self.source_hash(source_file) if self._read_only else None
        if content_hash is None:
            return SourceText(self._read_source_lines(source_file))
        key = (str(self.path), source_file, content_hash)
        return SOURCE_TEXTS.text(key, lambda: self._read_source_lines(source_file))

    def _read_source_lines(self, source_file: str) -> list[SourceLine]:
        rows = self._db.execute(
            "SELECT page, line, text, ocr_confidence FROM source_lines WHERE source_file = ? ORDER BY position",
            (source_file,),
        )
        return [SourceLine(page=page, line=line, text=text, ocr_confidence=ocr) for page, line, text, ocr in rows]

    def _source_where(self, condition: str, value: str) -> StoredSource | None:
        row = self._db.execute(
            f"SELECT {_SOURCE_COLUMNS} FROM sources WHERE {condition} ORDER BY source_file LIMIT 1", (value,)
        ).fetchone()
        return StoredSource(*row) if row else None

    # ------------------------------------------------------------ search generation

    def search_generation(self) -> int:
        """How many times `maalspor index` changed the search index (0: never built)."""
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (_SEARCH_GENERATION,)).fetchone()
        return int(row[0]) if row else 0

    def bump_search_generation(self) -> int:
        with self._db.transaction():
            generation = self.search_generation() + 1
            self._db.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (_SEARCH_GENERATION, str(generation)),
            )
        return generation

    # ------------------------------------------------------------ upload jobs

    def save_upload_job(self, job_id: str, state: str, data: dict) -> None:
        """Write an upload job's state and details, stamped with the time (its runner's heartbeat)."""
        self._db.execute(
            "INSERT INTO upload_jobs (id, state, heartbeat, data) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE"
            " SET state = excluded.state, heartbeat = excluded.heartbeat, data = excluded.data",
            (job_id, state, time.time(), json.dumps(data, ensure_ascii=False)),
        )

    def upload_job(self, job_id: str) -> tuple[dict, float] | None:
        """An upload job's details and when its runner last wrote it (Unix time); None if there is no such
        job, or no jobs table yet (a file from before jobs were stored, opened read-only)."""
        if not self._db.columns("upload_jobs"):
            return None
        row = self._db.execute("SELECT data, heartbeat FROM upload_jobs WHERE id = ?", (job_id,)).fetchone()
        return (json.loads(row[0]), float(row[1])) if row else None

    # ------------------------------------------------------------ writing

    def save_parsed(self, parsed: ParsedDocument, origin: str | None = None) -> None:
        """Store a document and all its records in one transaction, replacing any earlier version.

        origin: the path the file was read from (a later change of that file replaces this source)."""
        document = parsed.document
        source = parsed.clean.source
        earlier = self.document(document.id)
        if earlier is not None and earlier.source_file == source.source_file:
            # the primary file changed: its other renditions still belong to the document
            document.renditions = earlier.renditions
        with self._db.transaction():
            self._delete_document(document.id)
            self._delete_source(source.source_file)
            self._insert_source(parsed, document.id, origin)
            self._db.execute(
                "INSERT INTO documents (id, kind, plan_year, meeting_date, data) VALUES (?, ?, ?, ?, ?)",
                (document.id, document.kind.value, document.plan_year, document.meeting_date, _dump(document)),
            )
            self._db.executemany(
                "INSERT INTO sections (id, document_id, position, data) VALUES (?, ?, ?, ?)",
                [(s.id, s.document_id, i, _dump(s)) for i, s in enumerate(parsed.sections)],
            )
            self._db.executemany(
                "INSERT INTO goals (id, document_id, plan_year, position, data) VALUES (?, ?, ?, ?, ?)",
                [(g.id, g.document_id, g.plan_year, i, _dump(g)) for i, g in enumerate(parsed.goals)],
            )
            self._db.executemany(
                "INSERT INTO items (id, document_id, embedded, position, data) VALUES (?, ?, ?, ?, ?)",
                [(it.id, it.document_id, int(it.embedded), i, _dump(it)) for i, it in enumerate(parsed.items)],
            )

    def save_rendition(self, parsed: ParsedDocument, primary: Document, origin: str | None = None) -> None:
        """Record `parsed` as another rendition of `primary`: its source text is kept, its records are not."""
        source_file = parsed.clean.source.source_file
        renditions = sorted(set(primary.renditions) | {source_file})
        primary.renditions = renditions
        with self._db.transaction():
            self._delete_source(source_file)
            self._insert_source(parsed, primary.id, origin)
            self._db.execute("UPDATE documents SET data = ? WHERE id = ?", (_dump(primary), primary.id))

    def remove_source(self, source_file: str) -> None:
        """Forget a source file; a primary rendition takes its document (and records) with it."""
        stored = self.source(source_file)
        with self._db.transaction():
            if stored is not None:
                document = self.document(stored.document_id)
                if document is not None and document.source_file == source_file:
                    self._delete_document(document.id)
                    for rendition in document.renditions:
                        self._delete_source(rendition)
                elif document is not None:
                    document.renditions = [r for r in document.renditions if r != source_file]
                    self._db.execute("UPDATE documents SET data = ? WHERE id = ?", (_dump(document), document.id))
            self._delete_source(source_file)

    def replace_lineage(self, links: list[GoalLink], threads: list[Thread], plan_links: list[PlanLink]) -> None:
        """Links, threads and plan links are derived from the whole store at re-link time: replaced together."""
        with self._db.transaction():
            for table in ("links", "threads", "thread_goals", "plan_links"):
                self._db.execute(f"DELETE FROM {table}")
            self._db.executemany(
                "INSERT INTO links (from_goal, to_goal, relation, confidence, data, position) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (link.from_goal, link.to_goal, link.relation, link.confidence, _dump(link), i)
                    for i, link in enumerate(links)
                ],
            )
            self._db.executemany(
                "INSERT INTO threads (id, position, data) VALUES (?, ?, ?)",
                [(thread.id, i, _dump(thread)) for i, thread in enumerate(threads)],
            )
            self._db.executemany(
                "INSERT INTO thread_goals (goal_id, thread_id) VALUES (?, ?)",
                [(goal, t.id) for t in threads for ids in t.goals_by_year.values() for goal in ids],
            )
            self._db.executemany(
                "INSERT INTO plan_links (position, goal_id, item_id, data) VALUES (?, ?, ?, ?)",
                [(i, link.goal_id, link.item_id, _dump(link)) for i, link in enumerate(plan_links)],
            )

    def _insert_source(self, parsed: ParsedDocument, document_id: str, origin: str | None) -> None:
        source = parsed.clean.source
        self._db.execute(
            "INSERT INTO sources (source_file, content_hash, origin, document_id, format, clean_text)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (source.source_file, source.content_hash, origin, document_id, source.format, parsed.clean.text),
        )
        self._db.executemany(
            "INSERT INTO source_lines (source_file, position, page, line, text, ocr_confidence)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (source.source_file, i, line.page, line.line, line.text, line.ocr_confidence)
                for i, line in enumerate(source.lines)
            ],
        )

    def _delete_document(self, document_id: str) -> None:
        self._db.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        for table in _RECORD_TABLES:
            self._db.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))

    def _delete_source(self, source_file: str) -> None:
        self._db.execute("DELETE FROM sources WHERE source_file = ?", (source_file,))
        self._db.execute("DELETE FROM source_lines WHERE source_file = ?", (source_file,))

    # ------------------------------------------------------------ reading

    def document(self, document_id: str) -> Document | None:
        row = self._db.execute("SELECT data FROM documents WHERE id = ?", (document_id,)).fetchone()
        return from_dict(Document, json.loads(row[0])) if row else None

    def documents(self) -> list[Document]:
        rows = self._db.execute("SELECT data FROM documents ORDER BY COALESCE(meeting_date, plan_year || ''), id")
        return [from_dict(Document, json.loads(data)) for (data,) in rows]

    def sections(self, document_id: str | None = None) -> list[Section]:
        return self._records("sections", Section, document_id)

    def goals(self, document_id: str | None = None) -> list[Goal]:
        return self._records("goals", Goal, document_id, order="plan_year, document_id, position")

    def items(self, document_id: str | None = None, include_embedded: bool = True) -> list[AgendaItem]:
        items = self._records("items", AgendaItem, document_id)
        return [item for item in items if include_embedded or not item.embedded]

    def links(self) -> list[GoalLink]:
        rows = self._db.execute("SELECT data FROM links ORDER BY position")
        return [from_dict(GoalLink, json.loads(data)) for (data,) in rows]

    def threads(self) -> list[Thread]:
        """Ordered by first plan year, then id (as build_threads returns them)."""
        rows = self._db.execute("SELECT data FROM threads ORDER BY position")
        return [from_dict(Thread, json.loads(data)) for (data,) in rows]

    def thread_of(self, goal_id: str) -> Thread | None:
        row = self._db.execute(
            "SELECT threads.data FROM thread_goals JOIN threads ON threads.id = thread_goals.thread_id"
            " WHERE thread_goals.goal_id = ?",
            (goal_id,),
        ).fetchone()
        return from_dict(Thread, json.loads(row[0])) if row else None

    def plan_links(self) -> list[PlanLink]:
        """In the order link_plans_to_minutes returns them (by item, then goal)."""
        rows = self._db.execute("SELECT data FROM plan_links ORDER BY position")
        return [from_dict(PlanLink, json.loads(data)) for (data,) in rows]

    def _records(self, table: str, cls, document_id: str | None, order: str = "document_id, position"):
        if document_id is None:
            rows = self._db.execute(f"SELECT data FROM {table} ORDER BY {order}")
        else:
            rows = self._db.execute(f"SELECT data FROM {table} WHERE document_id = ? ORDER BY {order}", (document_id,))
        return [from_dict(cls, json.loads(data)) for (data,) in rows]


def _dump(record) -> str:
    return json.dumps(asdict(record), ensure_ascii=False)
