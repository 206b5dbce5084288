"""Upload jobs: files saved under the data dir until a background thread has ingested them through the same
pipeline (writer lock, limits, per-file report) as `maalspor ingest`, with progress a page can poll.

Jobs live in the store (table upload_jobs), so any server worker answers a poll and a restart loses none.
The thread running a job rewrites it on each file and every few seconds (a heartbeat); a job that stopped
being rewritten before it finished was running in a server that died, and reads as failed."""

from __future__ import annotations

import re
import shutil
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING

from maalspor.config import Settings

if TYPE_CHECKING:
    from index.store.report import IngestReport

UPLOADS_DIR = "uploads"
_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)
# How often a running job is rewritten, and how long without it before a job counts as dead (seconds):
# long enough for a writer's transaction or a loaded machine to delay a beat or two.
HEARTBEAT_S = 5.0
STALE_AFTER_S = 60.0
DIED = (
    "Serveren stoppede, mens jobbet kørte (genstart eller nedbrud). "
    "Filer, der ikke står som indlæst, skal uploades igen."
)


@dataclass
class Job:
    id: str
    files: list[str]
    state: str = "venter"  # venter | kører | færdig | fejlet
    done: int = 0
    summary: str = ""
    report: list[dict] = field(default_factory=list)  # one entry per file: name, outcome, message

    @property
    def finished(self) -> bool:
        return self.state in ("færdig", "fejlet")

    def as_dict(self) -> dict:
        return {**asdict(self), "total": len(self.files), "finished": self.finished}

    @classmethod
    def from_stored(cls, data: dict, heartbeat: float) -> Job:
        """The job as stored; one whose runner stopped writing before it finished reads as failed."""
        known = {f.name for f in fields(cls)}  # a record written by another version may hold more or fewer
        job = cls(**{name: value for name, value in data.items() if name in known})
        if not job.finished and time.time() - heartbeat > STALE_AFTER_S:
            job.state, job.summary = "fejlet", DIED
        return job


def safe_name(filename: str) -> str:
    """A client's file name reduced to one plain path component (no folders, no leading dot)."""
    name = _UNSAFE.sub("_", Path(filename.replace("\\", "/")).name).lstrip(".")
    return name or "upload"


class JobBoard:
    """The upload jobs in the settings' store; each runs in a thread of the server that accepted it."""

    def __init__(self, settings: Settings):
        self._settings = settings

    def job(self, job_id: str) -> Job | None:
        from index.store.sqlite import open_read_only_store

        store = open_read_only_store(self._settings)
        try:
            stored = store.upload_job(job_id)
        finally:
            store.close()
        return Job.from_stored(*stored) if stored else None

    def folder(self) -> tuple[str, Path]:
        """A new job id and the folder its files are saved in."""
        job_id = uuid.uuid4().hex[:12]
        folder = self._settings.data_dir / UPLOADS_DIR / job_id
        folder.mkdir(parents=True, exist_ok=True)
        return job_id, folder

    def start(self, job_id: str, paths: list[Path]) -> Job:
        job = Job(job_id, [path.name for path in paths])
        recorder = JobRecorder(self._settings, job)
        recorder.save()
        threading.Thread(target=self._run, args=(recorder, paths), daemon=True, name=f"upload-{job_id}").start()
        return job

    def _run(self, recorder: JobRecorder, paths: list[Path]) -> None:
        from index.store.pipeline import ingest_paths  # the parsers load spaCy: only when a job runs
        from index.store.sqlite import open_store

        job = recorder.job
        job.state = "kører"
        with recorder.beating():
            try:  # the store as `maalspor ingest` opens it (SQLite or PostgreSQL, originals under the data dir)
                store = open_store(self._settings.database_url, data_dir=self._settings.data_dir)
                try:
                    report = ingest_paths(paths, store, progress=recorder.counting)
                finally:
                    store.close()
                    # the ingest keeps its own read-only copy of each file it stored (index.store.originals)
                    shutil.rmtree(paths[0].parent, ignore_errors=True)
            except Exception as err:  # the job page must say why, the server must go on
                job.state, job.summary = "fejlet", f"{type(err).__name__}: {err}"
                return
            job.report = file_report(report)
            job.summary, job.state = danish_summary(job.report), "færdig"


class JobRecorder:
    """Writes one job to the store: when asked, and every HEARTBEAT_S while it runs."""

    def __init__(self, settings: Settings, job: Job):
        self._settings = settings
        self.job = job
        self._lock = threading.Lock()  # one write at a time, so an older snapshot never overwrites a newer

    def save(self) -> None:
        from index.store.sqlite import open_store

        with self._lock:
            store = open_store(self._settings.database_url, data_dir=self._settings.data_dir)
            try:
                store.save_upload_job(self.job.id, self.job.state, asdict(self.job))
            finally:
                store.close()

    def counting(self, files: Iterable[Path]) -> Iterator[Path]:
        """The files, the job's count and record moved on as each is done."""
        for path in files:
            yield path
            self.job.done += 1
            self.save()

    @contextmanager
    def beating(self) -> Iterator[None]:
        """Write the job now (running), every HEARTBEAT_S until the block ends, then once more (its final state)."""
        self.save()
        stop = threading.Event()
        beat = threading.Thread(target=self._beat, args=(stop,), daemon=True, name=f"upload-{self.job.id}-beat")
        beat.start()
        try:
            yield
        finally:
            stop.set()
            beat.join()
            self.save()

    def _beat(self, stop: threading.Event) -> None:
        while not stop.wait(HEARTBEAT_S):
            try:
                self.save()
            except Exception:  # a missed beat is retried at the next; the job itself must go on
                continue


# The ingest report's outcomes (index.store.report.FileOutcome values) in Danish.
OUTCOMES = {"ingested": "indlæst", "rendition": "anden udgave", "skipped": "uændret", "failed": "fejlet"}


def danish_summary(entries: list[dict]) -> str:
    """'1 indlæst, 0 anden udgave, 0 uændret, 1 fejlet'."""
    return ", ".join(f"{sum(e['outcome'] == outcome for e in entries)} {outcome}" for outcome in OUTCOMES.values())


def file_report(report: IngestReport) -> list[dict]:
    """The ingest report, one entry per file: what happened, the report's line, what was found, warnings."""
    return [
        {
            "file": Path(file.path).name,
            "outcome": OUTCOMES.get(str(file.outcome), str(file.outcome)),
            "message": file.message,
            "items": file.items,
            "decisions": file.decisions,
            "goals": file.goals,
            "warnings": file.warnings,
        }
        for file in report.files
    ]
