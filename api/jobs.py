"""Upload jobs: files saved under the data dir until a background thread has ingested them through the same
pipeline (writer lock, limits, per-file report) as `maalspor ingest`, with progress a page can poll."""

from __future__ import annotations

import re
import shutil
import threading
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from maalspor.config import Settings

if TYPE_CHECKING:
    from index.store.report import IngestReport

UPLOADS_DIR = "uploads"
_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


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


def safe_name(filename: str) -> str:
    """A client's file name reduced to one plain path component (no folders, no leading dot)."""
    name = _UNSAFE.sub("_", Path(filename.replace("\\", "/")).name).lstrip(".")
    return name or "upload"


class JobBoard:
    """The app's upload jobs, newest last; each runs in its own thread."""

    def __init__(self, settings: Settings):
        self._settings = settings
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def job(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def folder(self) -> tuple[str, Path]:
        """A new job id and the folder its files are saved in."""
        job_id = uuid.uuid4().hex[:12]
        folder = self._settings.data_dir / UPLOADS_DIR / job_id
        folder.mkdir(parents=True, exist_ok=True)
        return job_id, folder

    def start(self, job_id: str, paths: list[Path]) -> Job:
        job = Job(job_id, [path.name for path in paths])
        with self._lock:
            self._jobs[job_id] = job
        threading.Thread(target=self._run, args=(job, paths), daemon=True, name=f"upload-{job_id}").start()
        return job

    def _run(self, job: Job, paths: list[Path]) -> None:
        from index.store.pipeline import ingest_paths  # the parsers load spaCy: only when a job runs
        from index.store.sqlite import open_store

        job.state = "kører"
        try:  # the store as `maalspor ingest` opens it (SQLite or PostgreSQL, originals under the data dir)
            store = open_store(self._settings.database_url, data_dir=self._settings.data_dir)
            try:
                report = ingest_paths(paths, store, progress=lambda files: self._counting(job, files))
            finally:
                store.close()
                # the ingest keeps its own read-only copy of each file it stored (index.store.originals)
                shutil.rmtree(paths[0].parent, ignore_errors=True)
        except Exception as err:  # the job page must say why, the server must go on
            job.state, job.summary = "fejlet", f"{type(err).__name__}: {err}"
            return
        job.report = file_report(report)
        job.summary, job.state = danish_summary(job.report), "færdig"

    @staticmethod
    def _counting(job: Job, files: Iterable[Path]) -> Iterator[Path]:
        for path in files:
            yield path
            job.done += 1


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
