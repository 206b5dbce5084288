"""Crash-safe reads (issue 11): readers keep reading the last committed state while a writer is in the
middle of a transaction and after a writer was killed with kill -9; a mistyped data dir is an error."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from index.store.connection import StoreMissing
from index.store.sqlite import Store
from maalspor.model import Thread
from tests.conftest import REPO

COMMITTED = [Thread("thread:d:goal-2022-1", "Flere i job", {2022: ["d:goal-2022-1"]})]

# A writer that commits COMMITTED, then starts replacing it with 20 MB of threads and stops mid-transaction.
WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from index.store.connection import transaction
    from index.store.sqlite import Store
    from maalspor.model import Thread

    store = Store(Path(sys.argv[1]))
    store.replace_lineage([], [Thread("thread:d:goal-2022-1", "Flere i job", {2022: ["d:goal-2022-1"]})], [])
    conn = store._db.connection
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("DELETE FROM threads")
    conn.executemany(
        "INSERT INTO threads (id, position, data) VALUES (?, ?, ?)",
        [(f"thread:{i}", i, "x" * 1000) for i in range(20000)],  # 20 MB: spills past the page cache
    )
    print("mid-transaction", flush=True)
    time.sleep(600)
    """
)


@pytest.fixture
def killed_writer(tmp_path: Path):
    """The database a writer left behind when it was killed with SIGKILL in the middle of a transaction."""
    database = tmp_path / "data" / "maalspor.sqlite3"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(database)], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "mid-transaction"
        reader = Store(database, read_only=True)
        assert reader.threads() == COMMITTED  # while the writer holds its transaction open
        reader.close()
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
    return database


def test_readers_read_the_committed_state_after_a_writer_was_killed(killed_writer):
    assert killed_writer.with_name("maalspor.sqlite3-wal").exists()  # what the killed writer left
    reader = Store(killed_writer, read_only=True)
    assert reader.threads() == COMMITTED
    assert reader.documents() == []
    reader.close()


def test_the_next_writer_recovers_and_writes(killed_writer):
    writer = Store(killed_writer)
    writer.replace_lineage([], [], [])
    assert writer.threads() == []
    writer.close()


def test_a_data_dir_that_does_not_exist_is_an_error_not_an_empty_store(tmp_path):
    with pytest.raises(StoreMissing, match="does not exist: check MAALSPOR_DATA_DIR"):
        Store(tmp_path / "dataa" / "maalspor.sqlite3", read_only=True)
    assert not (tmp_path / "dataa").exists()  # nothing was created under the mistyped name


def test_a_read_only_data_dir_is_read(tmp_path):
    """Issue 11: a read-only data dir gave 500 on every page. Run as an unprivileged user (root may write
    anywhere), with the system's Python 3.11 (the store needs only the standard library)."""
    import shutil
    import tempfile

    python = Path("/usr/bin/python3.11")
    if os.geteuid() != 0 or shutil.which("runuser") is None or not python.exists():
        pytest.skip("needs root, runuser and /usr/bin/python3.11 to read as an unprivileged user")
    data = Path(tempfile.mkdtemp(prefix="maalspor-ro-"))
    try:
        data.chmod(0o755)  # readable by everyone, writable by root only
        writer = Store(data / "maalspor.sqlite3")
        writer.replace_lineage([], COMMITTED, [])
        writer.close()
        assert not (data / "maalspor.sqlite3-shm").exists()  # the writer closed: no shared-memory file
        script = f"import sys; sys.path.insert(0, {str(REPO)!r}); from index.store.sqlite import Store; "
        script += (
            f"print(Store(__import__('pathlib').Path({str(data / 'maalspor.sqlite3')!r}), read_only=True).threads())"
        )
        read = subprocess.run(
            ["runuser", "-u", "nobody", "--", str(python), "-c", script], capture_output=True, text=True, timeout=60
        )
        assert read.returncode == 0, read.stderr
        assert read.stdout.strip() == repr(COMMITTED)
    finally:
        shutil.rmtree(data, ignore_errors=True)


def _open_writer_at_the_barrier(path: Path, start, failures) -> None:
    start.wait()
    try:
        Store(path).close()
    except Exception as error:  # noqa: BLE001 - reported to the test through the queue
        failures.put(f"{type(error).__name__}: {error}")


def test_writers_opening_a_new_database_at_once_all_open_it(tmp_path):
    """Two `maalspor ingest` runs on a new data dir: switching the new file to WAL needs an exclusive lock,
    and SQLite answered the process that came second "database is locked" at once, without waiting out
    the busy timeout, so one run crashed before it read a file (seen 2 times in 180 opens before the fix)."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    failures = context.Queue()
    writers = 6
    for attempt in range(25):
        path = tmp_path / f"new-{attempt}" / "maalspor.sqlite3"
        start = context.Barrier(writers)
        processes = [
            context.Process(target=_open_writer_at_the_barrier, args=(path, start, failures)) for _ in range(writers)
        ]
        for process in processes:
            process.start()
        for process in processes:
            process.join(timeout=120)
        assert failures.empty(), f"attempt {attempt}: {failures.get()}"
