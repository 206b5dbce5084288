"""Every read endpoint on the seed corpus, and the 4xx answers to bad input."""

import pytest

PLAN_2022 = "lyngby-taarbaek-beskaeftigelsesplan-2022"
MEETING_2014 = "lyngby-taarbaek-erhvervs-og-beskaeftigelsesudvalget-2014-09-09"
MEETING_2019 = "lyngby-taarbaek-beskaeftigelses-og-integrationsudvalget-2019-06-11"
GOAL_2022_7 = f"{PLAN_2022}:goal-2022-7"


def test_documents_and_source_lines(client):
    documents = client.get("/documents").json()
    assert len(documents) == 4  # 004 is a rendition of the 2022 plan
    assert [(d["id"], d["kind"], d["plan_year"], d["meeting_date"]) for d in documents] == [
        (MEETING_2014, "minutes", None, "2014-09-09"),
        (MEETING_2019, "minutes", None, "2019-06-11"),
        (PLAN_2022, "plan", 2022, None),
        ("lyngby-taarbaek-beskaeftigelsesplan-2023", "plan", 2023, None),
    ]
    plan = next(d for d in documents if d["id"] == PLAN_2022)
    assert plan["renditions"] == ["004_661df588116e84b5.txt"]
    detail = client.get(f"/documents/{MEETING_2014}", params={"offset": 46, "limit": 1}).json()
    assert detail["lines"] == [
        {
            "page": None,
            "line": 47,
            "text": "Jakob Engel-Schmidt (V) og Hanne Agersnap (F) var fraværende. ",
            "ocr_confidence": None,  # a text file's line, not read by OCR
        }
    ]


def test_goals_filters(client):
    assert len(client.get("/goals", params={"year": 2022}).json()) == 8
    local_2023 = client.get("/goals", params={"year": 2023, "origin": "local"}).json()
    assert [(g["number"], g["wording"], g["origin"]) for g in local_2023] == [
        ("6", "Flere unge skal i uddannelse eller beskæftigelse", "local"),
        ("7", "Flere aktivitetsparate over 30 år skal i delvis beskæftigelse", "local"),
    ]
    refugees = client.get("/goals", params={"q": "flygtninge", "year": 2022}).json()
    assert [g["id"] for g in refugees] == [f"{PLAN_2022}:goal-2022-4"]
    assert refugees[0]["wording"] == "Flere flygtninge og familiesammenførte skal være selvforsørgende"
    assert (refugees[0]["number"], refugees[0]["origin"], refugees[0]["target"]) == ("4", "ministerial", None)


def test_goal_detail_with_thread_and_meetings(client):
    goal = client.get(f"/goals/{GOAL_2022_7}").json()
    assert goal["wording"] == "Flere unge skal i uddannelse eller beskæftigelse"
    assert goal["thread_id"] == f"thread:{MEETING_2014}:goal-2014-flere-unge-i-uddannelse"
    assert goal["meetings"] == []  # no minutes in the corpus deal with the 2022 plan


def test_thread_timeline_and_compare(client):
    thread_id = client.get(f"/goals/{GOAL_2022_7}").json()["thread_id"]
    thread = client.get(f"/threads/{thread_id}").json()
    assert [y["year"] for y in thread["years"]] == [2014, 2015, 2019, 2022, 2023]
    assert thread["label"] == "Flere unge skal i uddannelse eller beskæftigelse"
    assert [(m["item_id"], m["role"], m["outcome"]) for m in thread["meetings"]] == [
        (f"{MEETING_2014}:item-1", "reports-status", "taget til efterretning"),
        (f"{MEETING_2014}:item-2", "approves", "anbefalet"),
        (f"{MEETING_2019}:item-4", "reports-status", "taget til efterretning"),
    ]
    assert [(c["from_year"], c["to_year"], c["relation"]) for c in thread["changes"]][-1] == (2022, 2023, "identical")
    assert any(
        m["title"] == "Beskæftigelsesplan 2015 - endeligt udkast og med høringssvar" and m["role"] == "approves"
        for m in thread["meetings"]
    )
    compare = client.get("/compare", params={"goal": GOAL_2022_7, "from": 2022, "to": 2023}).json()
    assert compare["changes"][0]["diff"] == [
        {"op": "equal", "text": "Flere unge skal i uddannelse eller beskæftigelse"}
    ]
    threads = client.get("/threads").json()
    assert len(threads) == 26 and any(t["id"] == thread_id for t in threads)
    assert threads[0] == {
        "id": f"thread:{MEETING_2014}:goal-2014-2",
        "label": "Tilgangen af personer til førtidspension skal begrænses…",
        "goals_by_year": {"2014": [f"{MEETING_2014}:goal-2014-2"], "2015": [f"{MEETING_2014}:goal-2015-3"]},
    }


def test_decisions_filters(client):
    everything = client.get("/decisions").json()
    assert len(everything) == 12  # 7 items on 11 June 2019, 5 on 9 September 2014
    postponed = client.get("/decisions", params={"outcome": "udsat"}).json()
    assert [d["item_number"] for d in postponed] == ["4"]
    assert (postponed[0]["id"], postponed[0]["outcome"], postponed[0]["committee"], postponed[0]["meeting_date"]) == (
        f"{MEETING_2014}:item-4",
        "udsat",
        "Erhvervs- og Beskæftigelsesudvalget",
        "2014-09-09",
    )
    in_2019 = client.get("/decisions", params={"date_from": "2019-01-01", "committee": "integration"}).json()
    assert len(in_2019) == 7
    plans = client.get("/decisions", params={"q": "Beskæftigelsesplan"}).json()
    assert [(d["title"], d["outcome"]) for d in plans] == [
        ("Status på Beskæftigelsesplan 2014, andet kvartal", "taget til efterretning"),
        ("Beskæftigelsesplan 2015 - endeligt udkast og med høringssvar", "anbefalet"),
        ("Første status på Beskæftigelsesplan 2019 (Orientering)", "taget til efterretning"),
    ]


def test_topics_in_three_formats(client):
    items = client.get("/topics", params={"q": "Beskæftigelsesplan"}).json()["items"]
    assert [i["date"] for i in items] == ["2014-09-09", "2014-09-09", "2019-06-11"]
    assert [(i["item_id"], i["outcome"]) for i in items] == [
        (f"{MEETING_2014}:item-1", "taget til efterretning"),
        (f"{MEETING_2014}:item-2", "anbefalet"),
        (f"{MEETING_2019}:item-4", "taget til efterretning"),
    ]
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
    assert body["hits"] == [] and body["note"].startswith("Søgeindekset er ikke klar")


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
