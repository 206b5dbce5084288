"""Plan <-> minutes, computed at re-link time and stored: the 2014 minutes approve the 2015 draft and
report status on 2014; the 2019 minutes report status on 2019."""

from index.lineage.plan_links import link_plans_to_minutes
from maalspor.model import Outcome, PlanLink, PlanLinkRole
from tests.index.lineage_fixtures import GOLD, full_id

MINUTES_2014 = GOLD["documents"]["2014"]
MINUTES_2019 = GOLD["documents"]["2019"]

# goal, observations in the 2014 minutes: a table row and a 'Status viser, at …' paragraph for seven goals
_2014_STATUS = [
    ("2014-flere-unge-i-uddannelse", 0),
    ("2014-2", 2),
    ("2014-3", 2),
    ("2014-virksomhedskontakt", 0),
    ("2014-1a", 2),
    ("2014-2a", 2),
    ("2014-antallet-af-ledige-akademikere", 2),
    ("2014-kontanthjaelp", 2),
    ("2014-4a", 2),
]
_2015_GOALS = ["2015-1", "2015-2", "2015-2a", "2015-3", "2015-4", "2015-5", "2015-6", "2015-7", "2015-8", "2015-9"]
_2015_GOALS += [f"2015-ministermaal-{n}" for n in range(1, 5)]
_2019_GOALS = ["2019-1", "2019-foelgemaal-a", "2019-2", "2019-3", "2019-4", "2019-5", "2019-6", "2019-foelgemaal-b"]
_2019_GOALS += ["2019-foelgemaal-c", "2019-foelgemaal-d", "2019-7", "2019-foelgemaal-e", "2019-8", "2019-9"]
_2019_GOALS += ["2019-10", "2019-foelgemaal-f", "2019-11"]
# observations in the 2019 minutes: a status-table row, a comment in running text under the goal, both or
# neither (goal 9's status is only prose: 'en besparelse på kr. 11.240.028'; følgemål f has no figure at all)
_2019_OBSERVED = {"2019-foelgemaal-a": 1, "2019-foelgemaal-b": 1, "2019-foelgemaal-c": 1, "2019-foelgemaal-e": 1}
_2019_OBSERVED |= {"2019-9": 1, "2019-11": 1, "2019-foelgemaal-f": 0}


def _of_minutes(plan_links, minutes):
    return [link for link in plan_links if link.item_id.startswith(f"{minutes}:")]


def test_plan_links_of_the_2014_minutes(plain_store):
    status = PlanLinkRole.REPORTS_STATUS, Outcome.TAGET_TIL_EFTERRETNING
    expected = [
        PlanLink(full_id(goal), f"{MINUTES_2014}:item-1", *status, "2014-09-09", observed)
        for goal, observed in _2014_STATUS
    ] + [  # item 2: 'Beskæftigelsesplan 2015 - endeligt udkast og med høringssvar', recommended
        PlanLink(full_id(goal), f"{MINUTES_2014}:item-2", PlanLinkRole.APPROVES, Outcome.ANBEFALET, "2014-09-09", 0)
        for goal in _2015_GOALS
    ]
    assert _of_minutes(plain_store.plan_links(), MINUTES_2014) == expected


def test_plan_links_of_the_2019_minutes(plain_store):
    status = PlanLinkRole.REPORTS_STATUS, Outcome.TAGET_TIL_EFTERRETNING
    expected = [  # item 4: 'Første status på Beskæftigelsesplan 2019'; no budget or other item links
        PlanLink(full_id(goal), f"{MINUTES_2019}:item-4", *status, "2019-06-11", _2019_OBSERVED.get(goal, 2))
        for goal in _2019_GOALS
    ]
    assert _of_minutes(plain_store.plan_links(), MINUTES_2019) == expected


def test_only_the_minutes_link_plans(plain_store):
    plan_links = plain_store.plan_links()
    assert len(plan_links) == len(_2014_STATUS) + len(_2015_GOALS) + len(_2019_GOALS) == 40
    assert plan_links[:1] == _of_minutes(plan_links, MINUTES_2019)[:1]  # in the order the minutes are stored


def test_stored_plan_links_are_what_link_plans_to_minutes_makes(plain_store):
    computed = link_plans_to_minutes(plain_store.goals(), plain_store.items(), plain_store.documents())
    assert plain_store.plan_links() == computed
