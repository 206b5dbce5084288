"""SQLite connections that survive crashes and concurrent writers.

Writers run in WAL mode, so readers keep reading the last committed state while a writer is in the
middle of a transaction, and a writer killed with `kill -9` leaves a write-ahead log that the next
connection rolls back on its own (no hot journal that read-only connections cannot recover).
A writer takes the lock file beside the database for the whole batch and opens every transaction
with BEGIN IMMEDIATE, so two `maalspor ingest` runs never interleave.
"""

from __future__ import annotations

import fcntl
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# How long a connection waits for another writer's transaction before giving up (seconds).
BUSY_TIMEOUT_S = 60.0


class StoreMissing(Exception):
    """The data directory does not exist: most likely a mistyped MAALSPOR_DATA_DIR. One line for the user."""


def connect_writer(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    return conn


def connect_reader(path: Path) -> sqlite3.Connection:
    """A read-only connection shareable by a web server's threads.

    A data dir that does not exist is an error (a mistyped setting must not read as an empty store);
    a data dir without a database yet reads as an empty store (an in-memory database, to be given
    the schema)."""
    if not path.parent.is_dir():
        raise StoreMissing(
            f"data directory {path.parent} does not exist: check MAALSPOR_DATA_DIR or run `maalspor ingest` first"
        )
    if not path.exists():
        return sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    uri = f"file:{path.resolve()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # A WAL database in a folder we cannot write (a read-only data dir): the reader cannot create
        # the shared-memory file. No writer can write there either, so the file cannot change: read it
        # as immutable.
        conn.close()
        conn = sqlite3.connect(f"{uri}&immutable=1", uri=True, check_same_thread=False, isolation_level=None)
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE … COMMIT: the write lock is taken up front, so a transaction never fails halfway
    because another writer got there first; any exception rolls everything back."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def writer_lock(database: Path) -> Iterator[None]:
    """Hold `<database>.lock` exclusively: a second writer waits until the first has finished its batch."""
    with _file_lock(database.with_name(database.name + ".lock")):
        yield


@contextmanager
def schema_lock(database: Path) -> Iterator[None]:
    """Hold `<database>.schema.lock` while a writer opens the file: switching a new database to WAL needs
    an exclusive lock, and SQLite answers a second process doing the same at that moment with "database is
    locked" at once, without waiting out the busy timeout (two `maalspor ingest` runs on a new data dir).
    A lock of its own, so that opening never waits for another writer's whole batch."""
    with _file_lock(database.with_name(database.name + ".schema.lock")):
        yield


@contextmanager
def _file_lock(lock_path: Path) -> Iterator[None]:
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
