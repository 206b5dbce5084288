"""The store keeps the lineage it is given, exactly, and replaces it as a whole — on SQLite and on PostgreSQL."""

import pytest

from index.store.sqlite import Store, open_store
from maalspor.model import GoalLink, Outcome, PlanLink, PlanLinkRole, Relation, Thread
from tests.index.postgres_server import postgres_server, postgres_url  # noqa: F401 - fixtures

ENGINES = ("sqlite", "postgresql")


@pytest.fixture(params=ENGINES)
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'data' / 'maalspor.sqlite3'}"
    return request.getfixturevalue("postgres_url")


def test_lineage_round_trips_and_is_replaced_as_a_whole(database_url, tmp_path):
    store = open_store(database_url, data_dir=tmp_path / "data")
    link = GoalLink("d:goal-2019-1", "d:goal-2022-1", 2019, 2022, Relation.REWORDED, 0.9, {"method": "lexical"})
    threads = [
        Thread("thread:d:goal-2019-1", "Mål ét", {2019: ["d:goal-2019-1"], 2022: ["d:goal-2022-1"]}),
        Thread("thread:d:goal-2019-2", "Mål to", {2019: ["d:goal-2019-2"]}),
    ]
    plan_links = [
        PlanLink("d:goal-2019-2", "m:item-1", PlanLinkRole.APPROVES, Outcome.ANBEFALET, "2019-01-01", 0),
        PlanLink("d:goal-2019-1", "m:item-1", PlanLinkRole.DISCUSSES, None, None, 2),
    ]
    store.replace_lineage([link], threads, plan_links)
    assert store.links() == [link]
    assert store.threads() == threads
    assert list(store.threads()[0].goals_by_year) == [2019, 2022]  # int keys, in order
    assert store.thread_of("d:goal-2022-1") == threads[0]
    assert store.thread_of("d:goal-2019-3") is None
    assert store.plan_links() == plan_links
    store.replace_lineage([], threads[1:], [])
    assert (store.links(), store.threads(), store.plan_links()) == ([], threads[1:], [])
    assert store.thread_of("d:goal-2022-1") is None
    store.close()


def test_the_search_generation_counts_up_and_readers_cannot_write(database_url, tmp_path):
    writer = open_store(database_url, data_dir=tmp_path / "data")
    assert writer.search_generation() == 0
    assert (writer.bump_search_generation(), writer.bump_search_generation()) == (1, 2)
    reader = open_store(database_url, read_only=True, data_dir=tmp_path / "data")
    assert reader.search_generation() == 2
    with pytest.raises(Exception, match="(?i)read-only|readonly"):
        reader.bump_search_generation()
    reader.close()
    writer.close()


def test_a_new_read_only_store_has_no_lineage(tmp_path):
    store = Store(tmp_path / "absent.sqlite3", read_only=True)
    assert (store.links(), store.threads(), store.plan_links(), store.thread_of("x")) == ([], [], [], None)


def test_ingest_gives_the_same_store_on_both_engines(database_url, tmp_path):
    """Identity, renditions and lineage through the pipeline; PostgreSQL sorts as SQLite does (C collation)."""
    import shutil

    from answer.records import export_records
    from index.store.pipeline import ingest_paths
    from tests.conftest import CORPUS

    for folder, seed, name in (
        ("a", "001_66e873449e3ce21a.txt", "plan.txt"),
        ("b", "003_d16604ceb04aa2e7.txt", "plan.txt"),
        ("b", "000_74d16ed6cde7bc44.txt", "x.txt"),
        ("b", "004_661df588116e84b5.txt", "y.txt"),
    ):
        (tmp_path / folder).mkdir(exist_ok=True)
        shutil.copy(CORPUS / seed, tmp_path / folder / name)
    store = open_store(database_url, data_dir=tmp_path / "data")
    report = ingest_paths([tmp_path / "a", tmp_path / "b"], store, overrides_path=tmp_path / "no-overrides.json")
    assert report.renditions == ["y.txt -> rendition of lyngby-taarbaek-beskaeftigelsesplan-2022 (x.txt)"]
    documents = export_records(store, "documents")
    assert [(d["id"], d["source_file"], d["renditions"]) for d in documents] == [
        ("lyngby-taarbaek-erhvervs-og-beskaeftigelsesudvalget-2014-09-09", "b/plan.txt", []),
        ("lyngby-taarbaek-beskaeftigelsesplan-2022", "x.txt", ["y.txt"]),
        ("lyngby-taarbaek-beskaeftigelsesplan-2023", "plan.txt", []),
    ]
    assert len(export_records(store, "goals")) == 23 + 8 + 7
    assert len(store.links()) > 0 and len(store.threads()) > 0
    assert store.source_lines("b/plan.txt")[3].text.strip() == "Sag nr. 1"
    store.close()
