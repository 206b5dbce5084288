"""Adding documents from the page: read-only without a key, 401 with a wrong one, a background job with progress
and a per-file report with the right one."""

import time

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from maalspor.config import Settings
from tests.conftest import CORPUS

KEY = "hemmelig-noegle-42"
MINUTES_2019 = CORPUS / "002_f3dbe880e0f1df7c.txt"


def app_client(tmp_path, api_key: str) -> TestClient:
    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'maalspor.sqlite3'}", api_key=api_key)
    return TestClient(create_app(settings, searcher_factory=lambda: None))


def finished_job(client: TestClient, status_url: str) -> dict:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        job = client.get(status_url).json()
        if job["finished"]:
            return job
        time.sleep(0.2)
    pytest.fail(f"upload job {status_url} did not finish")


def test_without_a_configured_key_the_app_is_read_only(tmp_path):
    client = app_client(tmp_path, api_key="")
    response = client.post("/upload", files=[("files", ("referat.txt", b"x"))], headers={"X-API-Key": "anything"})
    assert response.status_code == 403 and "skrivebeskyttet" in response.json()["detail"]
    assert "Appen er skrivebeskyttet" in client.get("/upload").text


def test_a_wrong_or_missing_key_is_refused_and_nothing_is_kept(tmp_path):
    client = app_client(tmp_path, api_key=KEY)
    for headers in ({}, {"X-API-Key": "forkert"}):
        response = client.post("/upload", files=[("files", ("referat.txt", b"x"))], headers=headers)
        assert response.status_code == 401
    assert not (tmp_path / "uploads").exists()


def test_upload_with_the_key_ingests_in_the_background_and_reports_per_file(tmp_path):
    client = app_client(tmp_path, api_key=KEY)
    files = [
        ("files", ("../BIU 2019-06-11.txt", MINUTES_2019.read_bytes())),
        ("files", ("tom.pdf", b"not a pdf")),
    ]
    response = client.post("/upload", files=files, headers={"X-API-Key": KEY})
    assert response.status_code == 202
    job = finished_job(client, response.json()["status"])
    assert (job["state"], job["done"], job["total"]) == ("færdig", 2, 2)
    assert job["files"] == ["BIU_2019-06-11.txt", "tom.pdf"]  # folders and spaces stripped from client names
    assert [(entry["file"], entry["outcome"]) for entry in job["report"]] == [
        ("BIU_2019-06-11.txt", "indlæst"),
        ("tom.pdf", "fejlet"),
    ]
    assert (job["report"][0]["items"], job["report"][0]["decisions"]) == (7, 7)
    assert job["report"][1]["message"].startswith("tom.pdf:")
    assert job["summary"] == "1 indlæst, 0 anden udgave, 0 uændret, 1 fejlet"
    assert list((tmp_path / "uploads").iterdir()) == []  # the store keeps the original, the upload copy goes
    decisions = client.get("/decisions.json").json()
    assert len(decisions) == 7 and decisions[0]["committee"] == "Beskæftigelses- og Integrationsudvalget"
    page = client.get(response.json()["status"], headers={"Accept": "text/html"}).text
    assert "<caption>Rapport pr. fil</caption>" in page and "<td>fejlet</td>" in page


def test_unsupported_kinds_are_refused_before_anything_runs(tmp_path):
    client = app_client(tmp_path, api_key=KEY)
    response = client.post("/upload", files=[("files", ("virus.exe", b"MZ"))], headers={"X-API-Key": KEY})
    assert response.status_code == 415 and response.json()["detail"].startswith("virus.exe: filtypen kan ikke indlæses")
