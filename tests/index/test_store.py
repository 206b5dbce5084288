"""The store keeps the lineage it is given, exactly, and replaces it as a whole."""

from index.store.sqlite import Store
from maalspor.model import GoalLink, Outcome, PlanLink, PlanLinkRole, Relation, Thread


def test_lineage_round_trips_and_is_replaced_as_a_whole(tmp_path):
    store = Store(tmp_path / "maalspor.sqlite3")
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


def test_a_new_read_only_store_has_no_lineage(tmp_path):
    store = Store(tmp_path / "absent.sqlite3", read_only=True)
    assert (store.links(), store.threads(), store.plan_links(), store.thread_of("x")) == ([], [], [], None)
