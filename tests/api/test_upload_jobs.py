"""Upload jobs live in the store, not in one server process: two app instances on one data dir (as
`serve --workers 2` runs them) both answer a poll, and a job whose server died reads as failed — on SQLite
and on PostgreSQL."""

import pytest
from fastapi.testclient import TestClient

from api import jobs
from api.app import create_app
from api.jobs import Job, JobRecorder
from maalspor.config import Settings
from tests.api.test_web_upload import KEY, MINUTES_2019, finished_job
from tests.index.postgres_server import postgres_server, postgres_url  # noqa: F401 - fixtures

ENGINES = ("sqlite", "postgresql")


@pytest.fixture(params=ENGINES)
def settings(request, tmp_path) -> Settings:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'maalspor.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres_url")
    return Settings(data_dir=tmp_path, database_url=url, api_key=KEY)


def instance(settings: Settings) -> TestClient:
    return TestClient(create_app(settings, searcher_factory=lambda: None))


def test_a_job_started_on_one_instance_is_polled_to_its_end_on_another(settings):
    accepting, polled = instance(settings), instance(settings)
    files = [("files", ("BIU 2019-06-11.txt", MINUTES_2019.read_bytes()))]
    response = accepting.post("/upload", files=files, headers={"X-API-Key": KEY})
    assert response.status_code == 202
    job = finished_job(polled, response.json()["status"])
    assert (job["state"], job["done"], job["total"], job["summary"]) == (
        "færdig",
        1,
        1,
        "1 indlæst, 0 anden udgave, 0 uændret, 0 fejlet",
    )
    assert (job["report"][0]["file"], job["report"][0]["items"]) == ("BIU_2019-06-11.txt", 7)
    restarted = instance(settings)
    assert restarted.get(response.json()["status"]).json() == job


def test_a_job_whose_server_died_reads_as_failed_on_every_instance(settings, monkeypatch):
    JobRecorder(settings, Job("abc123def456", ["referat.pdf", "plan.pdf"], state="kører", done=1)).save()
    monkeypatch.setattr(jobs, "STALE_AFTER_S", 0.0)  # its heartbeat is older than the limit
    client = instance(settings)
    job = client.get("/upload/jobs/abc123def456").json()
    assert (job["state"], job["finished"], job["done"], job["total"]) == ("fejlet", True, 1, 2)
    page = client.get("/upload/jobs/abc123def456", headers={"Accept": "text/html"}).text
    assert "Serveren stoppede, mens jobbet kørte" in page and 'http-equiv="refresh"' not in page
    assert client.get("/upload/jobs/000000000000").status_code == 404
