"""The structured store: one SQLite file under the data dir, written per document in one transaction.

All storage goes through `Store`, so a server database could be added behind the same methods; the
URL scheme decides (only sqlite:/// is implemented).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from pathlib import Path

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

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    plan_year INTEGER,
    meeting_date TEXT,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sources (
    source_file TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    document_id TEXT NOT NULL,
    format TEXT NOT NULL,
    clean_text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS source_lines (
    source_file TEXT NOT NULL,
    position INTEGER NOT NULL,
    page INTEGER,
    line INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (source_file, position)
);
CREATE TABLE IF NOT EXISTS sections (
    id TEXT PRIMARY KEY, document_id TEXT NOT NULL, position INTEGER NOT NULL, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS goals (
    id TEXT PRIMARY KEY, document_id TEXT NOT NULL, plan_year INTEGER NOT NULL, position INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS items (
    id TEXT PRIMARY KEY, document_id TEXT NOT NULL, embedded INTEGER NOT NULL, position INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS links (
    from_goal TEXT NOT NULL, to_goal TEXT NOT NULL, relation TEXT NOT NULL, confidence REAL NOT NULL,
    data TEXT NOT NULL, PRIMARY KEY (from_goal, to_goal)
);
CREATE TABLE IF NOT EXISTS threads (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS thread_goals (
    goal_id TEXT PRIMARY KEY, thread_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS plan_links (
    position INTEGER PRIMARY KEY, goal_id TEXT NOT NULL, item_id TEXT NOT NULL, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS goals_by_document ON goals(document_id);
CREATE INDEX IF NOT EXISTS items_by_document ON items(document_id);
CREATE INDEX IF NOT EXISTS sections_by_document ON sections(document_id);
"""

_RECORD_TABLES = ("sections", "goals", "items")


def open_store(database_url: str, read_only: bool = False) -> Store:
    return Store(sqlite_path_of(database_url), read_only=read_only)


class Store:
    def __init__(self, path: Path, read_only: bool = False):
        """read_only: the connection cannot write and may serve a web server's worker threads;
        a database not created yet reads as an empty store."""
        self.path = path
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(path)
            self._conn.executescript(SCHEMA)
        elif path.exists():
            self._conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True, check_same_thread=False)
        else:
            self._conn = sqlite3.connect(":memory:", check_same_thread=False)
            self._conn.executescript(SCHEMA)

    def close(self) -> None:
        self._conn.close()

    # ------------------------------------------------------------ sources

    def source_hash(self, source_file: str) -> str | None:
        row = self._conn.execute("SELECT content_hash FROM sources WHERE source_file = ?", (source_file,)).fetchone()
        return row[0] if row else None

    def source_document_id(self, source_file: str) -> str | None:
        row = self._conn.execute("SELECT document_id FROM sources WHERE source_file = ?", (source_file,)).fetchone()
        return row[0] if row else None

    def clean_text(self, source_file: str) -> str | None:
        row = self._conn.execute("SELECT clean_text FROM sources WHERE source_file = ?", (source_file,)).fetchone()
        return row[0] if row else None

    def source_lines(self, source_file: str) -> list[SourceLine]:
        rows = self._conn.execute(
            "SELECT page, line, text FROM source_lines WHERE source_file = ? ORDER BY position", (source_file,)
        )
        return [SourceLine(page=page, line=line, text=text) for page, line, text in rows]

    # ------------------------------------------------------------ writing

    def save_parsed(self, parsed: ParsedDocument) -> None:
        """Store a document and all its records in one transaction, replacing any earlier version."""
        document = parsed.document
        source = parsed.clean.source
        earlier = self.document(document.id)
        if earlier is not None and earlier.source_file == source.source_file:
            # the primary file changed: its other renditions still belong to the document
            document.renditions = earlier.renditions
        with self._conn:
            self._delete_document(document.id)
            self._delete_source(source.source_file)
            self._insert_source(parsed)
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

    def save_rendition(self, parsed: ParsedDocument, primary: Document) -> None:
        """Record `parsed` as another rendition of `primary`: its source text is kept, its records are not."""
        source_file = parsed.clean.source.source_file
        renditions = sorted(set(primary.renditions) | {source_file})
        primary.renditions = renditions
        with self._conn:
            self._delete_source(source_file)
            self._insert_source(parsed, document_id=primary.id)
            self._conn.execute("UPDATE documents SET data = ? WHERE id = ?", (_dump(primary), primary.id))

    def remove_source(self, source_file: str) -> None:
        """Forget a source file; a primary rendition takes its document (and records) with it."""
        document_id = self.source_document_id(source_file)
        with self._conn:
            if document_id is not None:
                document = self.document(document_id)
                if document is not None and document.source_file == source_file:
                    self._delete_document(document_id)
                    for rendition in document.renditions:
                        self._delete_source(rendition)
                elif document is not None:
                    document.renditions = [r for r in document.renditions if r != source_file]
                    self._conn.execute("UPDATE documents SET data = ? WHERE id = ?", (_dump(document), document.id))
            self._delete_source(source_file)

    def replace_lineage(self, links: list[GoalLink], threads: list[Thread], plan_links: list[PlanLink]) -> None:
        """Links, threads and plan links are derived from the whole store at re-link time: replaced together."""
        with self._conn:
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

    def _insert_source(self, parsed: ParsedDocument, document_id: str | None = None) -> None:
        source = parsed.clean.source
        self._conn.execute(
            "INSERT INTO sources (source_file, content_hash, document_id, format, clean_text) VALUES (?, ?, ?, ?, ?)",
            (
                source.source_file,
                source.content_hash,
                document_id or parsed.document.id,
                source.format,
                parsed.clean.text,
            ),
        )
        self._conn.executemany(
            "INSERT INTO source_lines (source_file, position, page, line, text) VALUES (?, ?, ?, ?, ?)",
            [(source.source_file, i, line.page, line.line, line.text) for i, line in enumerate(source.lines)],
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
