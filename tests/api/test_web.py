"""The Danish web pages: citations named as people name them, the goal thread in Danish with a two-year
compare, the search page with facets, highlighting and paging, Danish error pages, /docs without a CDN."""

import re
from html import unescape

import pytest

from api.labels import diff_segments, goal_heading, target_change_label, tidy_spacing
from api.sources import SourceNamer, citation_label, committee_abbreviation
from maalspor.model import DocKind, Document
from tests.conftest import CORPUS

UNGE_THREAD_GOAL = "lyngby-taarbaek-beskaeftigelsesplan-2022:goal-2022-7"
REFUGEE_GOAL_2019 = "lyngby-taarbaek-beskaeftigelses-og-integrationsudvalget-2019-06-11:goal-2019-6"
HTML = {"Accept": "text/html"}


def thread_url(client, goal_id: str) -> str:
    return "/traad/" + client.get(f"/goals/{goal_id}").json()["thread_id"]


@pytest.mark.parametrize(
    "committee, initials",
    [
        ("Beskæftigelses- og Integrationsudvalget", "BIU"),
        ("Erhvervs- og Beskæftigelsesudvalget", "EBU"),
        ("Økonomiudvalget", "ØU"),
        ("Børne- og Ungdomsudvalget", "BUU"),
        ("Social-, Sundheds- og Ældreudvalget", "SSÆU"),
        ("Sundheds- og Forebyggelsesudvalget", "SFU"),
        ("Kommunalbestyrelsen", "Kommunalbestyrelsen"),
        ("Aarhus Byråd", "Aarhus Byråd"),
        ("Udvalget for Beskæftigelse og Integration", "Udvalget for Beskæftigelse og Integration"),
    ],
)
def test_committee_initials_follow_the_danish_convention(committee, initials):
    assert committee_abbreviation(committee) == initials


def test_citation_labels_name_meeting_and_item_or_document_page_and_lines():
    plan = Document("p", DocKind.PLAN, "Beskæftigelsesplan 2022", "X Kommune", None, None, 2022, "p.pdf", "h")
    meeting = Document(
        "m",
        DocKind.MINUTES,
        "BIU",
        "X Kommune",
        "Beskæftigelses- og Integrationsudvalget",
        "2019-06-11",
        None,
        "m.txt",
        "h",
    )
    assert (
        citation_label(plan, {"page": 7, "line_start": 12, "line_end": 15}) == "Beskæftigelsesplan 2022, s. 7, l. 12–15"
    )
    assert citation_label(plan, {"page": None, "line_start": 12, "line_end": 12}) == "Beskæftigelsesplan 2022, l. 12"
    assert citation_label(meeting, {"page": None, "line_start": 3, "line_end": 9}, "4") == "BIU 11.06.2019, punkt 4"


def test_display_labels_are_danish_with_normal_punctuation():
    assert tidy_spacing("dvs . ledige , der ( fx unge ) er 3,5 %") == "dvs. ledige, der (fx unge) er 3,5%"
    segments = diff_segments([{"op": "equal", "text": "ledige"}, {"op": "insert", "text": ", dvs ."}])
    assert [(s["text"], s["spaced"]) for s in segments] == [("ledige", False), (", dvs.", False)]
    assert [goal_heading(n) for n in ("4a", "ministermål 1", "flere-unge-i-uddannelse")] == [
        "Mål 4a",
        "Ministermål 1",
        "Mål",
    ]
    assert target_change_label("none", None, None) == "Ingen målsætning i nogen af årene."


def test_home_page_answers_with_recognisable_citations_that_open_the_source(client):
    html = client.get("/", params={"q": "Hvem var fraværende den 9. september 2014?"}).text
    assert '<html lang="da">' in html and '<meta name="viewport"' in html and "<h1>Målspor</h1>" in html
    assert "Jakob Engel-Schmidt (V), Hanne Agersnap (F)" in html
    link, label = re.search(r'<a href="(/documents/[^"]+/source\?line=\d+[^"]*)"[^>]*>([^<]+)</a>', html).groups()
    assert label == "EBU 09.09.2014, punkt 1"
    source = client.get(unescape(link)).text
    assert "<mark>Jakob Engel-Schmidt (V) og Hanne Agersnap (F) var fraværende. </mark>" in source
    assert '<a class="original" href="/files/003_d16604ceb04aa2e7.txt">Åbn originalen</a>' in source
    original = client.get("/files/003_d16604ceb04aa2e7.txt")
    assert original.headers["content-type"] == "text/plain; charset=utf-8"
    assert original.content == (CORPUS / "003_d16604ceb04aa2e7.txt").read_bytes()
    assert original.headers["content-security-policy"] == "sandbox"


def test_only_kept_originals_are_served(client):
    for name in ("nope.pdf", "..%2Fmaalspor.sqlite3", "link_overrides.json"):
        assert client.get(f"/files/{name}").status_code == 404


def test_pdf_citations_link_the_original_at_the_page(store):
    namer = SourceNamer(store, lambda source_file: f"/files/{source_file}")
    citation = {"source_file": "plan.pdf", "page": 7, "line_start": 12, "line_end": 15, "document_id": "x"}
    ref = namer(citation)
    assert (ref.label, ref.file_url) == ("plan.pdf, l. 12–15", "/files/plan.pdf#page=7")
    assert ref.view_url == "/documents/x/source?line=12&end=15&page=7#l12"


def test_thread_page_is_danish_and_marks_the_diff_by_more_than_colour(client):
    html = client.get(thread_url(client, REFUGEE_GOAL_2019)).text
    assert "<strong>2019 → 2022:</strong> omformuleret <small>(sikker sammenkædning)</small>" in html
    assert '<ins><span class="vh">indsat: </span>selvforsørgende</ins>' in html
    assert '<del><span class="vh">slettet: </span>til flygtninge</del>' in html
    assert (
        "Status marts 2019 for mål 6 (2019) “40 pct. af flygtninge og familiesammenførte til flygtninge skal være i beskæftigelse i gennemsnit over månederne i 2019”: 41,3 pct. (186 personer) — målet (40 pct.) er nået."
        in html
    )
    assert ">Beskæftigelsesplan 2022, l. 392</a>" in html
    assert "Indsat tekst er <ins>understreget</ins>, slettet tekst er <del>gennemstreget</del>." in html
    for english in ("reworded", "split,", "target removed", "no target", "placeholder X"):
        assert english not in html


def test_thread_page_compares_two_chosen_years_side_by_side(client):
    html = client.get(thread_url(client, UNGE_THREAD_GOAL), params={"fra": 2015, "til": 2023}).text
    assert "<option selected>2015</option>" in html and "<option selected>2023</option>" in html
    side_by_side = html[html.index('<div class="side-by-side">') : html.index("Ordlyden fra 2015 til 2023")]
    assert "<h3>2015</h3>" in side_by_side and "<h3>2023</h3>" in side_by_side
    assert "<strong>Ministermål 1</strong>" in side_by_side
    # the 2015 plan is printed after the meeting's last item: cited by its lines, not as an agenda item
    assert ">EBU 09.09.2014, l. 1009–1011</a>" in side_by_side
    assert (
        "<li>09.09.2014: Beskæftigelsesplan 2015 - endeligt udkast og med høringssvar — godkender planen, anbefalet"
        in html
    )
    assert 'Flere unge skal <del><span class="vh">slettet: </span>have en</del>' in html
    missing = client.get(thread_url(client, UNGE_THREAD_GOAL), params={"fra": 2016, "til": 2023}, headers=HTML)
    assert missing.status_code == 404 and "Målet findes ikke i både 2016 og 2023." in missing.text


def test_search_page_with_facets_highlighting_and_permalinks(client):
    html = client.get("/soeg", params={"q": "flygtninge selvforsørgende"}).text
    total = int(re.search(r'<p id="count" role="status">(\d+) resultater', html).group(1))
    assert total > 10 and 'rel="next" href="/soeg?q=flygtninge+selvfors%C3%B8rgende&amp;side=2"' in html
    assert "<mark>flygtninge</mark>" in html and "<mark>selvforsørgende</mark>" in html
    year_counts = dict(re.findall(r'<a href="/soeg\?[^"]*year=(\d{4})">\d{4}</a> \((\d+)\)', html))
    assert set(year_counts) >= {"2019", "2022", "2023"}
    filtered = client.get("/soeg.json", params={"q": "flygtninge selvforsørgende", "year": 2023, "kind": "mål"}).json()
    assert filtered["total"] == len(filtered["rows"]) > 0
    assert {(row["year"], row["kind"]) for row in filtered["rows"]} == {("2023", "mål")}
    assert "Flere flygtninge og familiesammenførte skal være selvforsørgende" in filtered["rows"][0]["text"]
    csv_text = client.get("/soeg.csv", params={"q": "flygtninge selvforsørgende", "year": 2023, "kind": "mål"}).text
    assert csv_text.splitlines()[0] == "score,kind,year,municipality,committee,outcome,date,heading,text,kilde"
    assert "Beskæftigelsesplan 2023, l. 485" in csv_text


class NoHits:
    """What the real searcher answers for a topic the material lacks: its score floor leaves no hit.
    (The test fixtures' hashed bag-of-words searcher has no meaningful floor.)"""

    def search(self, query, filters=None, limit=10):
        return []


def test_search_for_something_absent_says_so(api_settings):
    from fastapi.testclient import TestClient

    from api.app import create_app

    bare = TestClient(create_app(api_settings, searcher_factory=NoHits))
    html = bare.get("/soeg", params={"q": "hundeskove", "year": 2019}).text
    assert "Ingen resultater for „hundeskove“ med de valgte filtre." in html
    assert '<a href="/soeg?q=hundeskove">fjern filtrene</a>' in html
    assert bare.get("/soeg.json", params={"q": "hundeskove"}).json()["total"] == 0


def test_outcome_facet_filters_decisions(client):
    view = client.get(
        "/soeg.json", params={"q": "Beskæftigelsesplan status", "outcome": "taget til efterretning"}
    ).json()
    assert view["total"] > 0 and {row["outcome"] for row in view["rows"]} == {"taget til efterretning"}
    outcomes = next(f for f in view["facets"] if f["name"] == "outcome")
    assert ["taget til efterretning", view["total"]] in outcomes["values"]


def test_errors_are_danish_pages_for_browsers_and_json_for_clients(client):
    page = client.get("/traad/nope", headers=HTML)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "<h1>Siden findes ikke</h1>" in page.text and '<html lang="da">' in page.text
    assert client.get("/threads/nope").json() == {"detail": "no thread with id 'nope' (see /threads)"}
    invalid = client.get("/soeg", params={"side": 0}, headers=HTML)
    assert invalid.status_code == 422 and "Ugyldige oplysninger i forespørgslen" in invalid.text


def test_api_docs_are_a_local_page_of_every_operation(client):
    html = client.get("/docs").text
    assert "<script" not in html and "http" not in html.replace("http://www.w3.org", "")
    operations = re.findall(r"<h2 id=\"op-\d+\"><code>([A-Z]+ [^<]+)</code></h2>", html)
    assert len(operations) == 12 and "GET /decisions" in operations and "POST /ask" in operations
    assert "<td><code>format</code></td><td>query</td><td>string</td><td>nej</td><td>json, csv</td>" in html
