"""Plan <-> minutes: the 2014 minutes approve the 2015 draft and report status on 2014; the 2019 minutes on 2019."""

import pytest

from index.lineage.plan_links import link_plans_to_minutes
from index.store.pipeline import ingest_paths
from index.store.sqlite import Store
from tests.conftest import CORPUS
from tests.index.lineage_fixtures import GOLD, full_id

MINUTES_2014 = GOLD["documents"]["2014"]
MINUTES_2019 = GOLD["documents"]["2019"]


@pytest.fixture(scope="module")
def plan_links(tmp_path_factory):
    data = tmp_path_factory.mktemp("plan_links")
    store = Store(data / "maalspor.sqlite3")
    ingest_paths([CORPUS], store, overrides_path=data / "none.json")
    yield link_plans_to_minutes(store.goals(), store.items(), store.documents())
    store.close()


def _by_item(plan_links, item_id):
    return {link.goal_id: link for link in plan_links if link.item_id == item_id}


def test_item_2_of_2014_approves_the_2015_goals(plan_links):
    links = _by_item(
        plan_links, f"{MINUTES_2014}:item-2"
    )  # 'Beskæftigelsesplan 2015 - endeligt udkast og med høringssvar'
    assert len(links) == 14  # 2015 #1-9, 2a and four ministermål
    assert all(goal_id.split(":goal-")[1].startswith("2015-") for goal_id in links)
    link = links[full_id("2015-3")]
    assert (link.role, link.outcome, link.meeting_date) == ("approves", "anbefalet", "2014-09-09")


def test_status_items_report_on_their_plan_year(plan_links):
    status_2014 = _by_item(plan_links, f"{MINUTES_2014}:item-1")  # 'Status på Beskæftigelsesplan 2014, andet kvartal'
    assert len(status_2014) == 9
    assert {link.role for link in status_2014.values()} == {"reports-status"}
    assert status_2014[full_id("2014-2")].observations == 1
    status_2019 = _by_item(plan_links, f"{MINUTES_2019}:item-4")  # 'Første status på Beskæftigelsesplan 2019'
    assert len(status_2019) == 17  # Mål 1-11 and følgemål a-f
    assert status_2019[full_id("2019-6")].role == "reports-status"
    assert status_2019[full_id("2019-9")].observations == 0  # Mål 9 has no figure in the status


def test_items_not_about_a_plan_link_nothing(plan_links):
    assert not _by_item(plan_links, f"{MINUTES_2019}:item-2")  # budget item
