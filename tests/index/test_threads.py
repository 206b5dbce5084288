"""Threads over the seed lineage, computed once at re-link time and read back from the store.

The unge thread spans 2014..2023 through a split and a merge."""

from index.lineage.threads import build_threads, thread_of
from tests.index.lineage_fixtures import full_id


def _short(goal_id: str) -> str:
    return goal_id.split(":goal-")[1]


def _years(thread) -> dict[int, list[str]]:
    return {year: [_short(g) for g in ids] for year, ids in thread.goals_by_year.items()}


def test_unge_thread_runs_through_split_and_merge(plain_store):
    thread = plain_store.thread_of(full_id("2022-7"))
    assert thread.id == f"thread:{full_id('2014-flere-unge-i-uddannelse')}"
    assert _years(thread) == {
        2014: ["2014-flere-unge-i-uddannelse", "2014-1a"],
        2015: ["2015-1", "2015-ministermaal-1"],
        2019: ["2019-2", "2019-3"],
        2022: ["2022-7"],
        2023: ["2023-6"],
    }
    assert list(thread.goals_by_year) == [2014, 2015, 2019, 2022, 2023]  # int keys survive the store
    assert thread.label == "Flere unge skal i uddannelse eller beskæftigelse"


def test_dropped_goal_is_a_thread_of_one_year(plain_store):
    thread = plain_store.thread_of(full_id("2022-6"))
    assert thread.goals_by_year == {2022: [full_id("2022-6")]}
    assert thread.id == f"thread:{full_id('2022-6')}"
    assert thread.label == "Flere jobparate ledige +55 år skal i beskæftigelse"


def test_unknown_goal_has_no_thread(plain_store):
    assert plain_store.thread_of("no-such-document:goal-2019-1") is None


def test_threads_in_order_of_first_year_then_id(plain_store):
    threads = plain_store.threads()
    assert [_short(t.id.removeprefix("thread:")) for t in threads] == [
        "2014-2",
        "2014-2a",
        "2014-3",
        "2014-4a",
        "2014-antallet-af-ledige-akademikere",
        "2014-flere-unge-i-uddannelse",
        "2014-kontanthjaelp",
        "2014-virksomhedskontakt",
        "2015-2",
        "2015-2a",
        "2015-ministermaal-4",
        "2019-10",
        "2019-11",
        "2019-5",
        "2019-6",
        "2019-8",
        "2019-9",
        "2019-foelgemaal-c",
        "2019-foelgemaal-d",
        "2019-foelgemaal-e",
        "2019-foelgemaal-f",
        "2022-1",
        "2022-2",
        "2022-3",
        "2022-6",
        "2022-8",
    ]
    assert _years(threads[2]) == {2014: ["2014-3"], 2015: ["2015-5", "2015-ministermaal-3"]}


def test_every_goal_is_in_exactly_one_thread(plain_store):
    members = [goal_id for t in plain_store.threads() for ids in t.goals_by_year.values() for goal_id in ids]
    assert sorted(members) == sorted(goal.id for goal in plain_store.goals())
    assert len(members) == len(set(members)) == 55


def test_stored_threads_are_what_build_threads_makes(plain_store):
    threads = build_threads(plain_store.goals(), plain_store.links())
    assert plain_store.threads() == threads
    assert thread_of(full_id("2019-11"), threads) == plain_store.thread_of(full_id("2019-11"))


def test_long_label_is_shortened_at_a_word(plain_store):
    thread = plain_store.thread_of(full_id("2015-6"))  # kontanthjælp 2014 -> 2015 #6 -> 2019 Mål 7
    assert _years(thread) == {2014: ["2014-kontanthjaelp"], 2015: ["2015-6"], 2019: ["2019-7"]}
    assert thread.label == "Antallet af jobparate kontanthjælpsmodtagere skal falde…"
