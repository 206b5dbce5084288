"""The one seam between the Store and a database engine: SQLite embedded, or PostgreSQL at scale.

The Store writes its SQL once, with `?` placeholders and standard statements (CREATE … IF NOT EXISTS,
INSERT … ON CONFLICT); an engine runs it, opens transactions that take the write lock up front, and
serialises whole writer batches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Protocol

from index.store.connection import connect_reader, connect_writer, schema_lock, transaction, writer_lock


class Database(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; the result iterates over row tuples and has fetchone()."""

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement per row."""

    def executescript(self, script: str) -> None:
        """Run statements without parameters, separated by semicolons."""

    def columns(self, table: str) -> set[str]:
        """The column names of a table."""

    def transaction(self) -> AbstractContextManager[None]:
        """All or nothing; the write lock is taken when it begins."""

    def writer_lock(self) -> AbstractContextManager[None]:
        """Serialise whole batches of writers (other processes included)."""

    def close(self) -> None:
        """Release the connection."""


class SqliteDatabase:
    """One SQLite file in WAL mode (index.store.connection)."""

    def __init__(self, path: Path, read_only: bool, create: Callable[[Database], None]):
        self.path = path
        if read_only:
            self.connection = connect_reader(path)
            if self.connection.execute("PRAGMA database_list").fetchone()[2] == "":  # no file yet: in memory
                create(self)
            return
        with schema_lock(path):  # two writers opening a new file at once must not both switch it to WAL
            self.connection = connect_writer(path)
            create(self)  # CREATE … IF NOT EXISTS only: safe to repeat

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.connection.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.connection.executemany(sql, rows)

    def executescript(self, script: str) -> None:
        self.connection.executescript(script)

    def columns(self, table: str) -> set[str]:
        return {row[1] for row in self.connection.execute(f"PRAGMA table_info({table})")}

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with transaction(self.connection):
            yield

    def writer_lock(self) -> AbstractContextManager[None]:
        return writer_lock(self.path)

    def close(self) -> None:
        self.connection.close()
