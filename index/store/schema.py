"""The SQLite schema of the store (all tables; every statement can be repeated safely)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from index.store.database import Database

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
    origin TEXT,
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
    ocr_confidence REAL,
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
    data TEXT NOT NULL, position INTEGER, PRIMARY KEY (from_goal, to_goal)
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
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS upload_jobs (
    id TEXT PRIMARY KEY, state TEXT NOT NULL, heartbeat REAL NOT NULL, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sources_by_hash ON sources(content_hash);
CREATE INDEX IF NOT EXISTS goals_by_document ON goals(document_id);
CREATE INDEX IF NOT EXISTS items_by_document ON items(document_id);
CREATE INDEX IF NOT EXISTS sections_by_document ON sections(document_id);
"""

# Columns added after the first release: (table, column, type).
_ADDED_COLUMNS = (
    ("sources", "origin", "TEXT"),
    ("source_lines", "ocr_confidence", "REAL"),
    ("links", "position", "INTEGER"),
)


def create(database: Database) -> None:
    """Create what is missing: the tables, then the columns added since an earlier version wrote the file."""
    database.executescript(SCHEMA)
    for table, column, column_type in _ADDED_COLUMNS:
        if column not in database.columns(table):
            database.execute(f"ALTER TABLE {table} ADD COLUMN {column} {column_type}")
    database.execute("CREATE INDEX IF NOT EXISTS sources_by_origin ON sources(origin)")
