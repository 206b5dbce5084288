"""The command line end to end: ingest a folder, export JSON with the documented fields."""

import json
import os
import shutil

import pytest

from cli.main import main
from tests.conftest import CORPUS
from tests.index.postgres_server import postgres_server, postgres_url  # noqa: F401 - fixtures

GOAL_FIELDS = {
    "id",
    "document_id",
    "plan_year",
    "number",
    "wording",
    "origin",
    "target",
    "target_group",
    "period",
    "status",
    "citations",
}
DECISION_FIELDS = {
    "id",
    "document_id",
    "committee",
    "meeting_date",
    "item_number",
    "title",
    "item_type",
    "recommendation",
    "decision_text",
    "decision_date",
    "outcome",
    "absent",
    "attachments",
    "citations",
}
CITATION_FIELDS = {"source_file", "page", "line_start", "line_end"}


@pytest.fixture
def cli_env(tmp_path, monkeypatch):
    monkeypatch.setenv("MAALSPOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MAALSPOR_DATABASE_URL", raising=False)
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("001_66e873449e3ce21a.txt", "003_d16604ceb04aa2e7.txt"):
        shutil.copy(CORPUS / name, folder / name)
    return folder


def export(kind, capsys):
    capsys.readouterr()
    assert main(["export", kind, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_ingest_prints_a_line_per_file_and_a_summary(cli_env, capsys):
    assert main(["ingest", str(cli_env)]) == 0
    out = capsys.readouterr().out
    assert "ok       001_66e873449e3ce21a.txt -> lyngby-taarbaek-beskaeftigelsesplan-2023" in out
    assert "2 ingested, 0 renditions, 0 unchanged, 0 failed" in out
    assert main(["ingest", str(cli_env)]) == 0
    assert "0 ingested, 0 renditions, 2 unchanged, 0 failed" in capsys.readouterr().out


def test_exports_carry_the_contract_fields(cli_env, capsys):
    main(["ingest", str(cli_env)])
    goals = export("goals", capsys)
    assert goals and all(set(goal) >= GOAL_FIELDS for goal in goals)
    assert all(set(c) >= CITATION_FIELDS for goal in goals for c in goal["citations"])
    plan_goals = [g for g in goals if g["document_id"] == "lyngby-taarbaek-beskaeftigelsesplan-2023"]
    assert [g["number"] for g in plan_goals] == ["1", "2", "3", "4", "5", "6", "7"]

    decisions = export("decisions", capsys)
    assert [d["item_number"] for d in decisions] == ["1", "2", "3", "4", "5"]
    assert all(set(d) >= DECISION_FIELDS for d in decisions)
    item2 = decisions[1]
    assert item2["decision_date"] == "2014-09-09"
    assert item2["outcome_by_recommendation"] == {
        "1": "anbefalet",
        "2": "anbefalet",
        "3": "godkendt",
        "4": "godkendt",
        "5": "godkendt",
    }
    assert item2["absent"] == [{"name": "Jakob Engel-Schmidt", "party": "V"}, {"name": "Hanne Agersnap", "party": "F"}]

    documents = export("documents", capsys)
    assert {d["kind"] for d in documents} == {"plan", "minutes"}
    assert export("sections", capsys)


def test_a_failed_file_gives_exit_code_1(cli_env, capsys):
    (cli_env / "broken.pdf").write_bytes(b"not a pdf at all")
    assert main(["ingest", str(cli_env)]) == 1
    assert "FAILED   broken.pdf:" in capsys.readouterr().out


def test_index_then_search_prints_hits_with_citations(tmp_path, monkeypatch, capsys):
    """End to end with the real offline model, on the 2023 plan alone (about 60 chunks to embed)."""
    monkeypatch.setenv("MAALSPOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MAALSPOR_DATABASE_URL", raising=False)
    plan = tmp_path / "plan.txt"
    shutil.copy(CORPUS / "001_66e873449e3ce21a.txt", plan)
    assert main(["ingest", str(plan)]) == 0
    assert main(["index"]) == 0
    assert "search index up to date" in capsys.readouterr().out

    assert main(["search", "unge i uddannelse", "--kind", "goal", "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["text"] == "Flere unge skal i uddannelse eller beskæftigelse"
    assert hits[0]["citations"][0] == {
        "source_file": "plan.txt",
        "page": None,
        "line_start": 637,
        "line_end": 637,
        "quote": None,
    }
    assert all(hit["kind"] == "goal" for hit in hits)

    assert main(["search", "unge i uddannelse", "--year", "2019", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # the only document is the 2023 plan
    assert main(["search", "blå elefanter danser tango på månen"]) == 0
    assert "no match" in capsys.readouterr().out


def test_output_cut_short_by_the_reader_is_no_error(tmp_path):
    """`maalspor export goals | head -1`: the closed pipe ends the command quietly with exit 0."""
    import subprocess
    import sys

    env = {**os.environ, "MAALSPOR_DATA_DIR": str(tmp_path)}
    ingest = subprocess.run([sys.executable, "-m", "cli.main", "ingest", str(CORPUS)], env=env, capture_output=True)
    assert ingest.returncode == 0
    export = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "export", "sections"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert export.stdout is not None and export.stdout.readline().strip() == b"["
    export.stdout.close()
    assert export.wait() == 0 and b"Traceback" not in export.stderr.read()


def test_ingest_report_json_gives_the_counts_per_file(cli_env, capsys):
    """Issue 9.7: per file the counts of items, decisions and goals; a plan without goals is a warning."""
    (cli_env / "plan2024.txt").write_text(
        "Beskæftigelsesplan 2024\nLyngby-Taarbæk Kommune\n\nPlanen beskriver de mål, vi vil nå i 2024.\n",
        encoding="utf-8",
    )
    assert main(["ingest", str(cli_env), "--report", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    counts = {
        f["source_file"]: (f["outcome"], f["kind"], f["items"], f["decisions"], f["goals"], f["warnings"])
        for f in report["files"]
    }
    assert counts == {
        "001_66e873449e3ce21a.txt": ("ingested", "plan", 0, 0, 7, []),
        "003_d16604ceb04aa2e7.txt": ("ingested", "minutes", 5, 5, 23, []),
        "plan2024.txt": ("ingested", "plan", 0, 0, 0, ["a plan, but no goals were found"]),
    }
    assert report["summary"] == "3 ingested, 0 renditions, 0 unchanged, 0 failed, 1 warnings"
    assert main(["ingest", str(cli_env)]) == 0
    assert "0 ingested, 0 renditions, 3 unchanged, 0 failed, 0 warnings" in capsys.readouterr().out


def test_the_text_report_shows_counts_and_warnings(cli_env, capsys):
    (cli_env / "plan2024.txt").write_text(
        "Beskæftigelsesplan 2024\nLyngby-Taarbæk Kommune\n\nPlanen beskriver de mål, vi vil nå i 2024.\n",
        encoding="utf-8",
    )
    assert main(["ingest", str(cli_env)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        "ok       003_d16604ceb04aa2e7.txt -> lyngby-taarbaek-erhvervs-og-beskaeftigelsesudvalget-2014-09-09"
        "  [5 items, 5 decisions, 23 goals]" in out
    )
    assert "WARNING  plan2024.txt: a plan, but no goals were found" in out


def test_index_and_search_on_an_empty_store_say_so(tmp_path, monkeypatch, capsys):
    """Issue 11: both crashed with `ValueError: matmul: dimension mismatch`."""
    monkeypatch.setenv("MAALSPOR_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("MAALSPOR_DATABASE_URL", raising=False)
    assert main(["index"]) == 1
    assert "the store holds no documents: nothing to index" in capsys.readouterr().err
    assert main(["search", "unge"]) == 1
    assert "the store holds no documents: nothing to search" in capsys.readouterr().err


def test_readers_on_a_mistyped_data_dir_fail_and_create_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MAALSPOR_DATA_DIR", str(tmp_path / "dtaa"))
    monkeypatch.delenv("MAALSPOR_DATABASE_URL", raising=False)
    for command in (["export", "goals"], ["ask", "Hvilke mål har planen?"], ["index"], ["serve"]):
        assert main(command) == 2, command
        assert "dtaa does not exist: check MAALSPOR_DATA_DIR" in capsys.readouterr().err
    assert not (tmp_path / "dtaa").exists()


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_two_concurrent_ingests_give_the_store_of_one(engine, tmp_path, request):
    """Issue 11: two `maalspor ingest` runs on one data dir gave 9 documents / 79 goals instead of 8 / 71.
    The 2022 plan and its second conversion must become one document however the runs interleave."""
    import subprocess
    import sys

    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("000_74d16ed6cde7bc44.txt", "001_66e873449e3ce21a.txt", "004_661df588116e84b5.txt"):
        shutil.copy(CORPUS / name, folder / name)
    env = {**os.environ, "MAALSPOR_DATA_DIR": str(tmp_path / "data")}
    env.pop("MAALSPOR_DATABASE_URL", None)
    if engine == "postgresql":
        env["MAALSPOR_DATABASE_URL"] = request.getfixturevalue("postgres_url")
    command = [sys.executable, "-m", "cli.main", "ingest", "--report", "json", str(folder)]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    finished = [run.communicate(timeout=300) for run in runs]
    for run, (_, stderr) in zip(runs, finished, strict=True):
        assert run.returncode == 0, stderr.decode()
    reports = [json.loads(stdout) for stdout, _ in finished]
    outcomes = sorted(sorted(f["outcome"] for f in report["files"]) for report in reports)
    assert outcomes == [["ingested", "ingested", "rendition"], ["skipped", "skipped", "skipped"]]
    exported = subprocess.run(
        [sys.executable, "-m", "cli.main", "export", "documents"], env=env, capture_output=True, check=True
    )
    documents = {d["id"]: d["renditions"] for d in json.loads(exported.stdout)}
    assert documents == {
        "lyngby-taarbaek-beskaeftigelsesplan-2022": ["004_661df588116e84b5.txt"],
        "lyngby-taarbaek-beskaeftigelsesplan-2023": [],
    }


def test_serve_with_workers_hands_uvicorn_the_app_factory_by_name(tmp_path, monkeypatch):
    """Worker processes cannot share an app object: uvicorn imports the factory in each."""
    import uvicorn

    monkeypatch.setenv("MAALSPOR_DATA_DIR", str(tmp_path))
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append((app, options)))
    assert main(["serve", "--workers", "3", "--port", "8123"]) == 0
    [(app, options)] = calls
    assert app == "api.app:create_app"
    # a busy worker under load is given a minute to answer uvicorn's health ping before it is killed
    assert options == {
        "factory": True,
        "host": "127.0.0.1",
        "port": 8123,
        "workers": 3,
        "timeout_worker_healthcheck": 60,
    }
    from importlib import import_module

    module, name = app.split(":")
    assert callable(getattr(import_module(module), name))


@pytest.mark.parametrize("option", [["ingest", "x", "--jobs", "0"], ["serve", "--workers", "-1"]])
def test_process_counts_must_be_positive(option, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(option)
    assert stopped.value.code == 2
    assert "is not a positive number" in capsys.readouterr().err
