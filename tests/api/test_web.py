"""The Danish web page: answer with citations, thread timeline with <ins>/<del>, highlighted source lines."""

import re

UNGE_THREAD_GOAL = "lyngby-taarbaek-beskaeftigelsesplan-2022:goal-2022-7"


def test_home_page_answers_and_lists_threads(client):
    html = client.get("/", params={"q": "Hvem var fraværende den 9. september 2014?"}).text
    assert '<html lang="da">' in html
    assert "Jakob Engel-Schmidt (V), Hanne Agersnap (F)" in html
    link = re.search(r'href="(/documents/[^"]+/source\?line=\d+[^"]*)"', html).group(1)
    source = client.get(link.replace("&amp;", "&")).text
    assert "<mark>Jakob Engel-Schmidt (V) og Hanne Agersnap (F) var fraværende. </mark>" in source


def test_thread_page_highlights_the_wording_diff(client):
    thread_id = client.get(f"/goals/{UNGE_THREAD_GOAL}").json()["thread_id"]
    html = client.get(f"/traad/{thread_id}").text
    assert "<ins>job- og uddannelsesparate</ins>" in html
    assert "<del>" in html and "Målsætning: placeholder X set: fald 5 pct" in html
