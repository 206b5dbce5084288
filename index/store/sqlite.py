"""The structured store: one SQLite file under the data dir, written per document in one transaction.

All storage goes through `Store`, so a server database could be added behind the same methods; the
URL scheme decides (only sqlite:/// is implemented).
"""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass
from pathlib import Path

from index.store import schema
from index.store.connection import connect_reader, connect_writer, transaction, writer_lock
from index.store.serialize import from_dict
from maalspor.config import sqlite_path_of
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


def open_store(database_url: str, read_only: bool = False) -> Store:
    return Store(sqlite_path_of(database_url), read_only=read_only)


@dataclass(frozen=True)
class StoredSource:
    """A file the store holds: its unique name (what citations carry), the document it renders and
    where it was read from (None for files stored before origins were kept)."""

    source_file: str
    content_hash: str
    document_id: str
    origin: str | None


class Store:
    def __init__(self, path: Path, read_only: bool = False):
        """read_only: the connection cannot write and may serve a web server's worker threads; a
        database not created yet reads as an empty store, a data dir that does not exist raises StoreMissing."""
        self.path = path
        self._conn = connect_reader(path, schema.create) if read_only else connect_writer(path, schema.create)

    @property
    def originals_dir(self) -> Path:
        """Where ingest keeps a read-only copy of every original file (see index.store.originals)."""
        return self.path.parent / "originals"

    def writing(self) -> AbstractContextManager[None]:
        """Hold the writer lock for a whole batch: a concurrent writer waits until it is released."""
        return writer_lock(self.path)

    def close(self) -> None:
        self._conn.close()

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
        rows = self._conn.execute(f"SELECT {_SOURCE_COLUMNS} FROM sources WHERE document_id = ?", (document_id,))
        return [StoredSource(*row) for row in rows]

    def clean_text(self, source_file: str) -> str | None:
        row = self._conn.execute("SELECT clean_text FROM sources WHERE source_file = ?", (source_file,)).fetchone()
        return row[0] if row else None

    def source_lines(self, source_file: str) -> list[SourceLine]:
        rows = self._conn.execute(
            "SELECT page, line, text, ocr_confidence FROM source_lines WHERE source_file = ? ORDER BY position",
            (source_file,),
        )
        return [SourceLine(page=page, line=line, text=text, ocr_confidence=ocr) for page, line, text, ocr in rows]

    def _source_where(self, condition: str, value: str) -> StoredSource | None:
        row = self._conn.execute(
            f"SELECT {_SOURCE_COLUMNS} FROM sources WHERE {condition} ORDER BY source_file LIMIT 1", (value,)
        ).fetchone()
        return StoredSource(*row) if row else None

    # ------------------------------------------------------------ search generation

    def search_generation(self) -> int:
        """How many times `maalspor index` changed the search index (0: never built)."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (_SEARCH_GENERATION,)).fetchone()
        return int(row[0]) if row else 0

    def bump_search_generation(self) -> int:
        with transaction(self._conn):
            generation = self.search_generation() + 1
            self._conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (_SEARCH_GENERATION, str(generation)),
            )
        return generation

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
        with transaction(self._conn):
            self._delete_document(document.id)
            self._delete_source(source.source_file)
            self._insert_source(parsed, document.id, origin)
            self._conn.execute(
                "INSERT INTO documents (id, kind, plan_year, meeting_date, data) VALUES (?, ?, ?, ?, ?)",
                (document.id, document.kind.value, document.plan_year, document.meeting_date, _dump(document)),
            )
            self._conn.executemany(
                "INSERT INTO sections (id, document_id, position, data) VALUES (?, ?, ?, ?)",
                [(s.id, s.document_id, i, _dump(s)) for i, s in enumerate(parsed.sections)],
            )
            self._conn.executemany(
                "INSERT INTO goals (id, document_id, plan_year, position, data) VALUES (?, ?, ?, ?, ?)",
                [(g.id, g.document_id, g.plan_year, i, _dump(g)) for i, g in enumerate(parsed.goals)],
            )
            self._conn.executemany(
                "INSERT INTO items (id, document_id, embedded, position, data) VALUES (?, ?, ?, ?, ?)",
                [(it.id, it.document_id, int(it.embedded), i, _dump(it)) for i, it in enumerate(parsed.items)],
            )

    def save_rendition(self, parsed: ParsedDocument, primary: Document, origin: str | None = None) -> None:
        """Record `parsed` as another rendition of `primary`: its source text is kept, its records are not."""
        source_file = parsed.clean.source.source_file
        renditions = sorted(set(primary.renditions) | {source_file})
        primary.renditions = renditions
        with transaction(self._conn):
            self._delete_source(source_file)
            self._insert_source(parsed, primary.id, origin)
            self._conn.execute("UPDATE documents SET data = ? WHERE id = ?", (_dump(primary), primary.id))

    def remove_source(self, source_file: str) -> None:
        """Forget a source file; a primary rendition takes its document (and records) with it."""
        stored = self.source(source_file)
        with transaction(self._conn):
            if stored is not None:
                document = self.document(stored.document_id)
                if document is not None and document.source_file == source_file:
                    self._delete_document(document.id)
                    for rendition in document.renditions:
                        self._delete_source(rendition)
                elif document is not None:
                    document.renditions = [r for r in document.renditions if r != source_file]
                    self._conn.execute("UPDATE documents SET data = ? WHERE id = ?", (_dump(document), document.id))
            self._delete_source(source_file)

    def replace_lineage(self, links: list[GoalLink], threads: list[Thread], plan_links: list[PlanLink]) -> None:
        """Links, threads and plan links are derived from the whole store at re-link time: replaced together."""
        with transaction(self._conn):
            for table in ("links", "threads", "thread_goals", "plan_links"):
                self._conn.execute(f"DELETE FROM {table}")
            self._conn.executemany(
                "INSERT INTO links (from_goal, to_goal, relation, confidence, data) VALUES (?, ?, ?, ?, ?)",
                [(link.from_goal, link.to_goal, link.relation, link.confidence, _dump(link)) for link in links],
            )
            self._conn.executemany(
                "INSERT INTO threads (id, position, data) VALUES (?, ?, ?)",
                [(thread.id, i, _dump(thread)) for i, thread in enumerate(threads)],
            )
            self._conn.executemany(
                "INSERT INTO thread_goals (goal_id, thread_id) VALUES (?, ?)",
                [(goal, t.id) for t in threads for ids in t.goals_by_year.values() for goal in ids],
            )
            self._conn.executemany(
                "INSERT INTO plan_links (position, goal_id, item_id, data) VALUES (?, ?, ?, ?)",
                [(i, link.goal_id, link.item_id, _dump(link)) for i, link in enumerate(plan_links)],
            )

    def _insert_source(self, parsed: ParsedDocument, document_id: str, origin: str | None) -> None:
        source = parsed.clean.source
        self._conn.execute(
            "INSERT INTO sources (source_file, content_hash, origin, document_id, format, clean_text)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (source.source_file, source.content_hash, origin, document_id, source.format, parsed.clean.text),
        )
        self._conn.executemany(
            "INSERT INTO source_lines (source_file, position, page, line, text, ocr_confidence)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (source.source_file, i, line.page, line.line, line.text, line.ocr_confidence)
                for i, line in enumerate(source.lines)
            ],
        )

    def _delete_document(self, document_id: str) -> None:
        self._conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
        for table in _RECORD_TABLES:
            self._conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))

    def _delete_source(self, source_file: str) -> None:
        self._conn.execute("DELETE FROM sources WHERE source_file = ?", (source_file,))
        self._conn.execute("DELETE FROM source_lines WHERE source_file = ?", (source_file,))

    # ------------------------------------------------------------ reading

    def document(self, document_id: str) -> Document | None:
        row = self._conn.execute("SELECT data FROM documents WHERE id = ?", (document_id,)).fetchone()
        return from_dict(Document, json.loads(row[0])) if row else None

    def documents(self) -> list[Document]:
        rows = self._conn.execute("SELECT data FROM documents ORDER BY COALESCE(meeting_date, plan_year || ''), id")
        return [from_dict(Document, json.loads(data)) for (data,) in rows]

    def sections(self, document_id: str | None = None) -> list[Section]:
        return self._records("sections", Section, document_id)

    def goals(self, document_id: str | None = None) -> list[Goal]:
        return self._records("goals", Goal, document_id, order="plan_year, document_id, position")

    def items(self, document_id: str | None = None, include_embedded: bool = True) -> list[AgendaItem]:
        items = self._records("items", AgendaItem, document_id)
        return [item for item in items if include_embedded or not item.embedded]

    def links(self) -> list[GoalLink]:
        rows = self._conn.execute("SELECT data FROM links ORDER BY rowid")
        return [from_dict(GoalLink, json.loads(data)) for (data,) in rows]

    def threads(self) -> list[Thread]:
        """Ordered by first plan year, then id (as build_threads returns them)."""
        rows = self._conn.execute("SELECT data FROM threads ORDER BY position")
        return [from_dict(Thread, json.loads(data)) for (data,) in rows]

    def thread_of(self, goal_id: str) -> Thread | None:
        row = self._conn.execute(
            "SELECT threads.data FROM thread_goals JOIN threads ON threads.id = thread_goals.thread_id"
            " WHERE thread_goals.goal_id = ?",
            (goal_id,),
        ).fetchone()
        return from_dict(Thread, json.loads(row[0])) if row else None

    def plan_links(self) -> list[PlanLink]:
        """In the order link_plans_to_minutes returns them (by item, then goal)."""
        rows = self._conn.execute("SELECT data FROM plan_links ORDER BY position")
        return [from_dict(PlanLink, json.loads(data)) for (data,) in rows]

    def _records(self, table: str, cls, document_id: str | None, order: str = "document_id, position"):
        if document_id is None:
            rows = self._conn.execute(f"SELECT data FROM {table} ORDER BY {order}")
        else:
            rows = self._conn.execute(
                f"SELECT data FROM {table} WHERE document_id = ? ORDER BY {order}", (document_id,)
            )
        return [from_dict(cls, json.loads(data)) for (data,) in rows]


def _dump(record) -> str:
    return json.dumps(asdict(record), ensure_ascii=False)
