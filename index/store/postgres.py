"""PostgreSQL behind the Store (MAALSPOR_DATABASE_URL=postgresql://…): the same SQL, tables and
transactions as the embedded SQLite file, for a municipality's server with several workers.

Writers serialise whole batches with a session-level advisory lock (the lock file's counterpart);
readers run in read-only transactions. Text sorts by the database's collation: create the database
with the C collation to get the order SQLite gives (docs/deployment.md)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from index.store.connection import StoreMissing
from index.store.database import Database

# pg_advisory_lock keys: any constants shared by every maalspor writer of the database.
_WRITER_LOCK_KEY = 0x6D61616C  # 'maal': a batch of writes
_SCHEMA_LOCK_KEY = 0x6D61616D  # creating the tables: held briefly, so a connection that only records an
# upload job's progress opens while an ingest batch holds the writer lock
# SQLite's REAL is an 8-byte float; PostgreSQL's REAL has 4 bytes.
_SQLITE_TYPES = ((re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),)


def is_postgres_url(database_url: str) -> bool:
    return database_url.startswith(("postgresql://", "postgres://"))


class PostgresDatabase:
    def __init__(self, url: str, read_only: bool, create: Callable[[Database], None]):
        import psycopg

        self.url = url  # the keyword index keeps its tables here too (index/search/lexical_postgres.py)
        try:
            self.connection = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as err:
            reason = str(err).strip().splitlines()[-1] if str(err).strip() else type(err).__name__
            raise StoreMissing(f"cannot connect to the database of MAALSPOR_DATABASE_URL ({reason})") from err
        if read_only:
            self.connection.execute("SET default_transaction_read_only = on")
        else:
            with self._advisory_lock(_SCHEMA_LOCK_KEY):  # two writers starting at once must not both create the tables
                create(self)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.connection.execute(_postgres_sql(sql), params or None)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self.connection.cursor() as cursor:
            cursor.executemany(_postgres_sql(sql), list(rows))

    def executescript(self, script: str) -> None:
        self.connection.execute(_postgres_sql(script))

    def columns(self, table: str) -> set[str]:
        rows = self.connection.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND table_name = %s",
            (table,),
        )
        return {name for (name,) in rows}

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.connection.transaction():
            yield

    def writer_lock(self) -> AbstractContextManager[None]:
        return self._advisory_lock(_WRITER_LOCK_KEY)

    @contextmanager
    def _advisory_lock(self, key: int) -> Iterator[None]:
        self.connection.execute("SELECT pg_advisory_lock(%s)", (key,))
        try:
            yield
        finally:
            self.connection.execute("SELECT pg_advisory_unlock(%s)", (key,))

    def close(self) -> None:
        self.connection.close()


def _postgres_sql(sql: str) -> str:
    """The Store's SQLite dialect as PostgreSQL reads it: %s placeholders, 8-byte floats."""
    for pattern, replacement in _SQLITE_TYPES:
        sql = pattern.sub(replacement, sql)
    return sql.replace("?", "%s")
