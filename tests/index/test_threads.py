"""Threads over the seed lineage: the unge thread spans 2014..2023 through a split and a merge."""

import pytest

from index.lineage.threads import build_threads, thread_of
from index.store.pipeline import ingest_paths
from index.store.sqlite import Store
from tests.conftest import CORPUS
from tests.index.lineage_fixtures import full_id


@pytest.fixture(scope="module")
def threads(tmp_path_factory):
    data = tmp_path_factory.mktemp("threads")
    store = Store(data / "maalspor.sqlite3")
    ingest_paths([CORPUS], store, overrides_path=data / "none.json")
    yield build_threads(store.goals(), store.links())
    store.close()


def test_unge_thread_runs_through_split_and_merge(threads):
    thread = thread_of(full_id("2022-7"), threads)
    assert sorted(thread.goals_by_year) == [2014, 2015, 2019, 2022, 2023]
    assert {full_id("2019-2"), full_id("2019-3")} <= set(thread.goals_by_year[2019])
    assert thread.goals_by_year[2023] == [full_id("2023-6")]
    assert thread.label == "Flere unge skal i uddannelse eller beskæftigelse"


def test_dropped_goal_is_a_thread_of_one_year(threads):
    thread = thread_of(full_id("2022-6"), threads)
    assert thread.goals_by_year == {2022: [full_id("2022-6")]}
    assert thread.id == f"thread:{full_id('2022-6')}"


def test_every_goal_is_in_exactly_one_thread(threads):
    members = [goal_id for t in threads for ids in t.goals_by_year.values() for goal_id in ids]
    assert len(members) == len(set(members)) == 55


def test_long_label_is_shortened_at_a_word(threads):
    thread = thread_of(full_id("2015-6"), threads)  # kontanthjælp 2014 -> 2015 #6 -> 2019 Mål 7
    assert thread.label == "Antallet af jobparate kontanthjælpsmodtagere skal falde…"
