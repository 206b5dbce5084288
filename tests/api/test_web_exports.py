"""What staff take away: the dossier in Markdown, CSV with Danish headers and Word; lists as CSV; the Atom feed."""

import csv
import io
import xml.etree.ElementTree as ET

from docx import Document as WordDocument

PLAN_2015_ITEM = "EBU 09.09.2014, punkt 2"
TOPIC = {"q": "Beskæftigelsesplan"}
ATOM = "{http://www.w3.org/2005/Atom}"


def test_dossier_page_lists_items_with_recommendations_outcomes_and_bilag(client):
    html = client.get("/dossier", params=TOPIC).text
    assert "<h2>Dagsordenspunkter (3)</h2>" in html
    assert (
        "<h3>09.09.2014 — Erhvervs- og Beskæftigelsesudvalget, punkt 2: Beskæftigelsesplan 2015 - endeligt udkast og med høringssvar</h3>"
        in html
    )
    assert "beskæftigelsesreformen er udmøntet i lovgivning. — <em>godkendt</em></li>" in html
    assert "<li>Høringssvar BP2015 LO</li>" in html
    for export in (
        "/dossier.md?q=Besk%C3%A6ftigelsesplan",
        "/dossier.csv?q=Besk%C3%A6ftigelsesplan",
        "/dossier.docx?q=Besk%C3%A6ftigelsesplan",
    ):
        assert f'href="{export}"' in html


def test_dossier_markdown_keeps_outcomes_per_recommendation_and_links(client):
    markdown = client.get("/dossier.md", params=TOPIC).text
    assert markdown.startswith("# Dossier: Beskæftigelsesplan\n")
    assert "## 09.09.2014 — Erhvervs- og Beskæftigelsesudvalget, punkt 2: Beskæftigelsesplan 2015" in markdown
    assert "lægges til grund for beskæftigelsesindsatsen i Lyngby-Taarbæk Kommune. — *anbefalet*" in markdown
    assert (
        "- 4. Den justerede strategi for beskæftigelsesindsatsen for forsikrede ledige fremgår af Beskæftigelsesplan 2016. — *godkendt*"
        in markdown
    )
    assert f"**Kilde:** [{PLAN_2015_ITEM}](http://testserver/documents/" in markdown
    assert (
        "**Bilag:** Beskæftigelsesplan 2015_med høringssvar markeret; Høringssvar til Beskæftigelsesplan 2015"
        in markdown
    )


def test_dossier_csv_has_danish_headers_indstilling_and_bilag(client):
    response = client.get("/dossier.csv", params=TOPIC)
    assert response.headers["content-disposition"] == 'attachment; filename="dossier.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert list(rows[0]) == [
        "Dato", "Udvalg", "Punkt", "Titel", "Indstilling", "Beslutning", "Udfald",
        "Udfald pr. indstillingspunkt", "Bilag", "Kilde", "Link",
    ]  # fmt: skip
    assert [(r["Dato"], r["Punkt"], r["Udfald"], r["Kilde"]) for r in rows] == [
        ("09.09.2014", "1", "taget til efterretning", "EBU 09.09.2014, punkt 1"),
        ("09.09.2014", "2", "anbefalet", PLAN_2015_ITEM),
        ("11.06.2019", "4", "taget til efterretning", "BIU 11.06.2019, punkt 4"),
    ]
    assert (
        rows[1]["Udfald pr. indstillingspunkt"] == "1: anbefalet; 2: anbefalet; 3: godkendt; 4: godkendt; 5: godkendt"
    )
    assert rows[1]["Indstilling"].startswith("Forvaltningen foreslår at:\n1) Den fremlagte Beskæftigelsesplan 2015")
    assert (
        rows[2]["Bilag"]
        == "Oversigt over resultatmål for Beskæftigelsesplan 2019 - første status; Beskæftigelsesplan 2019 - første status"
    )


def test_dossier_word_document_opens_with_the_items(client):
    response = client.get("/dossier.docx", params=TOPIC)
    assert response.headers["content-type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    word = WordDocument(io.BytesIO(response.content))
    texts = [paragraph.text for paragraph in word.paragraphs]
    assert texts[0] == "Dossier: Beskæftigelsesplan"
    assert (
        "11.06.2019 — Beskæftigelses- og Integrationsudvalget, punkt 4: Første status på Beskæftigelsesplan 2019 (Orientering)"
        in texts
    )
    assert any(
        t.startswith("5. Det drøftes, om der skal afholdes fælles møde") and t.endswith("— godkendt") for t in texts
    )
    assert any(t.startswith(f"Kilde: {PLAN_2015_ITEM} — http://testserver/documents/") for t in texts)


def test_goal_dossier_holds_the_meetings_about_the_goal_thread(client):
    markdown = client.get("/dossier.md", params={"goal": "lyngby-taarbaek-beskaeftigelsesplan-2022:goal-2022-7"}).text
    assert markdown.startswith("# Dossier: Flere unge skal i uddannelse eller beskæftigelse\n")
    assert markdown.count("\n## ") == 3
    assert client.get("/dossier", params={"goal": "nope"}).status_code == 404


def test_lists_answer_csv_by_parameter_or_suffix(client):
    by_parameter = client.get("/decisions", params={"format": "csv", "outcome": "udsat"})
    assert by_parameter.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(by_parameter.text)))
    assert [(r["item_number"], r["outcome"], r["meeting_date"]) for r in rows] == [("4", "udsat", "2014-09-09")]
    assert client.get("/decisions.csv", params={"outcome": "udsat"}).text == by_parameter.text
    assert client.get("/decisions.json", params={"outcome": "udsat"}).json()[0]["item_number"] == "4"
    goals = list(csv.DictReader(io.StringIO(client.get("/goals.csv", params={"year": 2023, "origin": "local"}).text)))
    assert [(g["number"], g["wording"]) for g in goals] == [
        ("6", "Flere unge skal i uddannelse eller beskæftigelse"),
        ("7", "Flere aktivitetsparate over 30 år skal i delvis beskæftigelse"),
    ]
    assert client.get("/threads.csv").text.count("\nthread:") == 26
    assert client.get("/documents", params={"format": "csv"}).text.splitlines()[0].startswith("id,kind,title,")
    topics_csv = client.get("/topics.csv", params=TOPIC).text
    assert topics_csv == client.get("/topics", params={**TOPIC, "format": "csv"}).text
    assert topics_csv.splitlines()[0] == "date,committee,item_id,title,outcome,decision_text"


def test_atom_feed_of_a_topic_newest_first(client):
    response = client.get("/feed.atom", params=TOPIC)
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    assert feed.find(f"{ATOM}title").text == "Målspor: nyt om Beskæftigelsesplan"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries[:3]] == [
        "BIU 11.06.2019, punkt 4: Første status på Beskæftigelsesplan 2019 (Orientering)",
        "EBU 09.09.2014, punkt 1: Status på Beskæftigelsesplan 2014, andet kvartal",
        "EBU 09.09.2014, punkt 2: Beskæftigelsesplan 2015 - endeligt udkast og med høringssvar",
    ]
    assert entries[0].find(f"{ATOM}updated").text == "2019-06-11T00:00:00Z"
    assert entries[0].find(f"{ATOM}link").get("href").startswith("http://testserver/documents/")
    assert len({e.find(f"{ATOM}id").text for e in entries}) == len(entries)
