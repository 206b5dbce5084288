"""Upload jobs kept in the store (SQLite and PostgreSQL): any connection reads what another wrote, a job whose
runner stopped writing before it finished reads as failed, and recording a job never waits for an ingest batch."""

import sqlite3
import threading
import time

import pytest

from api import jobs
from api.jobs import Job, JobBoard, JobRecorder
from index.store.sqlite import Store, open_store
from maalspor.config import Settings
from tests.index.postgres_server import postgres_server, postgres_url  # noqa: F401 - fixtures

ENGINES = ("sqlite", "postgresql")


@pytest.fixture(params=ENGINES)
def settings(request, tmp_path) -> Settings:
    data_dir = tmp_path / "data"
    if request.param == "sqlite":
        return Settings(data_dir=data_dir, database_url=f"sqlite:///{data_dir / 'maalspor.sqlite3'}")
    return Settings(data_dir=data_dir, database_url=request.getfixturevalue("postgres_url"))


def writer(settings: Settings) -> Store:
    return open_store(settings.database_url, data_dir=settings.data_dir)


def test_a_job_written_by_one_connection_is_read_and_rewritten_through_others(settings):
    first, second = writer(settings), writer(settings)
    first.save_upload_job("a1", "venter", {"id": "a1", "files": ["referat æøå.pdf"], "state": "venter"})
    second.save_upload_job("a1", "kører", {"id": "a1", "files": ["referat æøå.pdf"], "state": "kører", "done": 1})
    reader = open_store(settings.database_url, read_only=True, data_dir=settings.data_dir)
    data, heartbeat = reader.upload_job("a1")
    assert data == {"id": "a1", "files": ["referat æøå.pdf"], "state": "kører", "done": 1}
    assert time.time() - 5 < heartbeat <= time.time()
    assert reader.upload_job("b2") is None
    for store in (first, second, reader):
        store.close()


def test_a_running_job_that_stopped_beating_reads_as_failed_and_a_fresh_one_as_running(settings, monkeypatch):
    running = JobRecorder(settings, Job("c3", ["a.pdf", "b.pdf"], state="kører", done=1))
    running.save()
    finished = JobRecorder(settings, Job("d4", ["a.pdf"], state="færdig", done=1, summary="1 indlæst"))
    finished.save()
    board = JobBoard(settings)
    assert (board.job("c3").state, board.job("c3").done) == ("kører", 1)
    monkeypatch.setattr(jobs, "STALE_AFTER_S", 0.0)  # as if the server died a while ago
    time.sleep(0.01)
    died = board.job("c3")
    assert (died.state, died.finished, died.done) == ("fejlet", True, 1)
    assert died.summary.startswith("Serveren stoppede, mens jobbet kørte")
    assert (board.job("d4").state, board.job("d4").summary) == ("færdig", "1 indlæst")  # finished jobs stay as they are
    assert board.job("e5") is None


def test_recording_a_job_does_not_wait_for_an_ingest_batch_holding_the_writer_lock(settings):
    batch = writer(settings)
    recorded = threading.Event()

    def record() -> None:
        JobRecorder(settings, Job("f6", ["a.pdf"])).save()
        recorded.set()

    with batch.writing():
        threading.Thread(target=record, daemon=True).start()
        assert recorded.wait(20), "the job's record waited for the writer lock"
    batch.close()


def test_a_store_from_before_upload_jobs_answers_none_to_a_reader(tmp_path):
    path = tmp_path / "maalspor.sqlite3"
    with sqlite3.connect(path) as old:
        old.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    assert Store(path, read_only=True).upload_job("a1") is None
