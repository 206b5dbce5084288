"""Goal links across plan years, checked against the lineage read from the seeds (tests/resources/goal_lineage.json,
which says why each link holds)."""

import json

import pytest

from index.lineage.links import link_goals, load_overrides
from index.store.pipeline import ingest_paths
from index.store.sqlite import Store
from tests.conftest import CORPUS
from tests.index.lineage_fixtures import GOLD, full_id


@pytest.fixture(scope="module")
def seeded(plain_store):
    return plain_store


@pytest.fixture(scope="module")
def links(seeded):
    return {(link.from_goal, link.to_goal): link for link in seeded.links()}


@pytest.mark.parametrize("entry", GOLD["expected"], ids=lambda e: f"{e['from']}->{e['to']}")
def test_expected_link_is_found_with_its_relation(links, entry):
    link = links.get((full_id(entry["from"]), full_id(entry["to"])))
    assert link is not None, entry["why"]
    if entry["relation"]:
        assert link.relation == entry["relation"], entry["why"]


@pytest.mark.parametrize("entry", GOLD["wrong"], ids=lambda e: f"{e['from']}->{e['to']}")
def test_wrong_link_is_not_made(links, entry):
    assert (full_id(entry["from"]), full_id(entry["to"])) not in links, entry["why"]


def test_every_link_is_expected_or_acceptable(links):
    known = {(full_id(e["from"]), full_id(e["to"])) for e in GOLD["expected"] + GOLD["acceptable"]}
    assert set(links) <= known


def test_new_and_dropped_goals(seeded, links):
    with_predecessor = {to for _, to in links}
    with_successor = {frm for frm, _ in links}
    for short in GOLD["new_in_2022"]:
        assert full_id(short) not in with_predecessor, short
    # 2022 #6 'Flere jobparate ledige +55 år' is the only 2022 goal without a 2023 partner
    goals_2022 = {g.id for g in seeded.goals() if g.plan_year == 2022}
    assert goals_2022 - with_successor == {full_id(s) for s in GOLD["dropped_after_2022"]}


def test_link_evidence_and_confidence(links):
    reworded = links[(full_id("2019-6"), full_id("2022-4"))]
    assert reworded.evidence["method"] == "computed"
    assert 0.6 < reworded.confidence < 1.0
    assert reworded.evidence["group"] == 1.0  # flygtninge og familiesammenførte in both
    assert links[(full_id("2022-2"), full_id("2023-2"))].confidence == 1.0


def test_overrides_reject_and_add_survive_relinking(tmp_path):
    overrides = tmp_path / "link_overrides.json"
    overrides.write_text(
        json.dumps(
            {
                "version": 1,
                "overrides": [
                    {
                        "action": "reject",
                        "from_goal": full_id("2019-6"),
                        "to_goal": full_id("2022-4"),
                        "relation": None,
                        "note": "test",
                        "by": "tester",
                        "date": "2024-01-01",
                    },
                    {
                        "action": "add",
                        "from_goal": full_id("2022-6"),
                        "to_goal": full_id("2023-3"),
                        "relation": "related",
                        "note": "test",
                        "by": "tester",
                        "date": "2024-01-01",
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    store = Store(tmp_path / "s.sqlite3")
    ingest_paths([CORPUS], store, overrides_path=overrides)
    ingest_paths([CORPUS], store, overrides_path=overrides)  # re-ingest: nothing changes, links recomputed
    links = {(link.from_goal, link.to_goal): link for link in store.links()}
    assert (full_id("2019-6"), full_id("2022-4")) not in links
    added = links[(full_id("2022-6"), full_id("2023-3"))]
    assert (added.relation, added.confidence, added.evidence["method"]) == ("related", 1.0, "manual")
    store.close()


def test_repository_override_file_is_valid():
    assert load_overrides(CORPUS / "link_overrides.json") == []


def test_links_never_cross_municipalities(seeded):
    goals = seeded.goals()
    municipality_of = {g.document_id: ("other" if g.plan_year == 2023 else "lyngby") for g in goals}
    links = link_goals(goals, municipality_of=municipality_of)
    assert not any(link.to_year == 2023 for link in links)
