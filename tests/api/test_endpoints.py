"""Every read endpoint on the seed corpus, and the 4xx answers to bad input."""

import pytest

PLAN_2022 = "lyngby-taarbaek-beskaeftigelsesplan-2022"
MEETING_2014 = "lyngby-taarbaek-erhvervs-og-beskaeftigelsesudvalget-2014-09-09"
GOAL_2022_7 = f"{PLAN_2022}:goal-2022-7"


def test_documents_and_source_lines(client):
    documents = client.get("/documents").json()
    assert len(documents) == 4  # 004 is a rendition of the 2022 plan
    plan = next(d for d in documents if d["id"] == PLAN_2022)
    assert plan["renditions"] == ["004_661df588116e84b5.txt"]
    detail = client.get(f"/documents/{MEETING_2014}", params={"offset": 46, "limit": 1}).json()
    assert detail["lines"] == [
        {"page": None, "line": 47, "text": "Jakob Engel-Schmidt (V) og Hanne Agersnap (F) var fraværende. "}
    ]


def test_goals_filters(client):
    assert len(client.get("/goals", params={"year": 2022}).json()) == 8
    assert len(client.get("/goals", params={"year": 2023, "origin": "local"}).json()) == 2
    refugees = client.get("/goals", params={"q": "flygtninge", "year": 2022}).json()
    assert [g["id"] for g in refugees] == [f"{PLAN_2022}:goal-2022-4"]


def test_goal_detail_with_thread_and_meetings(client):
    goal = client.get(f"/goals/{GOAL_2022_7}").json()
    assert goal["wording"] == "Flere unge skal i uddannelse eller beskæftigelse"
    assert goal["thread_id"].startswith("thread:")
    assert goal["meetings"] == []  # no minutes in the corpus deal with the 2022 plan


def test_thread_timeline_and_compare(client):
    thread_id = client.get(f"/goals/{GOAL_2022_7}").json()["thread_id"]
    thread = client.get(f"/threads/{thread_id}").json()
    assert [y["year"] for y in thread["years"]] == [2014, 2015, 2019, 2022, 2023]
    assert any(
        m["title"] == "Beskæftigelsesplan 2015 - endeligt udkast og med høringssvar" and m["role"] == "approves"
        for m in thread["meetings"]
    )
    compare = client.get("/compare", params={"goal": GOAL_2022_7, "from": 2022, "to": 2023}).json()
    assert compare["changes"][0]["diff"] == [
        {"op": "equal", "text": "Flere unge skal i uddannelse eller beskæftigelse"}
    ]
    assert any(t["id"] == thread_id for t in client.get("/threads").json())


def test_decisions_filters(client):
    everything = client.get("/decisions").json()
    assert len(everything) == 12  # 7 items on 11 June 2019, 5 on 9 September 2014
    postponed = client.get("/decisions", params={"outcome": "udsat"}).json()
    assert [d["item_number"] for d in postponed] == ["4"]
    in_2019 = client.get("/decisions", params={"date_from": "2019-01-01", "committee": "integration"}).json()
    assert len(in_2019) == 7
    assert [d["title"] for d in client.get("/decisions", params={"q": "Beskæftigelsesplan"}).json()] == [
        "Status på Beskæftigelsesplan 2014, andet kvartal",
        "Beskæftigelsesplan 2015 - endeligt udkast og med høringssvar",
        "Første status på Beskæftigelsesplan 2019 (Orientering)",
    ]


def test_topics_in_three_formats(client):
    items = client.get("/topics", params={"q": "Beskæftigelsesplan"}).json()["items"]
    assert [i["date"] for i in items] == ["2014-09-09", "2014-09-09", "2019-06-11"]
    markdown = client.get("/topics", params={"q": "Beskæftigelsesplan", "format": "markdown"}).text
    assert "- **2014-09-09** Erhvervs- og Beskæftigelsesudvalget: Beskæftigelsesplan 2015 - endeligt udkast" in markdown
    csv_text = client.get("/topics", params={"q": "Beskæftigelsesplan", "format": "csv"}).text
    assert csv_text.splitlines()[0] == "date,committee,item_id,title,outcome,decision_text"
    assert len(csv_text.strip().splitlines()) >= 4


def test_search_with_filters(client):
    hits = client.get("/search", params={"q": "flygtninge selvforsørgende", "year": 2023, "kind": "goal"}).json()[
        "hits"
    ]
    assert hits and all(h["kind"] == "goal" for h in hits)
    assert "flygtninge" in hits[0]["text"].lower()


def test_search_without_index_says_so(api_settings):
    from fastapi.testclient import TestClient

    from api.app import create_app

    bare = TestClient(create_app(api_settings, searcher_factory=lambda: None))
    body = bare.get("/search", params={"q": "unge"}).json()
    assert body["hits"] == [] and body["note"].startswith("search index not built")


@pytest.mark.parametrize(
    "url, status",
    [
        ("/documents/nope", 404),
        ("/goals/nope", 404),
        ("/threads/nope", 404),
        ("/compare?goal=nope&from=2022&to=2023", 404),
        (f"/compare?goal={GOAL_2022_7}&from=2016&to=2023", 404),
        ("/goals?limit=101", 422),
        ("/goals?origin=federal", 422),
        ("/decisions?date_from=yesterday", 422),
        ("/search?q=", 422),
        ("/ask", 422),
        ("/topics?q=x&format=pdf", 422),
        ("/documents/nope/source?line=0", 422),
    ],
)
def test_client_errors(client, url, status):
    assert client.get(url).status_code == status


def test_openapi_is_published(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/documents",
        "/goals",
        "/threads/{thread_id}",
        "/compare",
        "/decisions",
        "/topics",
        "/search",
        "/ask",
    } <= set(paths)
