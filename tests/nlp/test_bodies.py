"""Body names: lines quoted from the corpus and the realdocs, plus municipal wordings of other forms."""

from __future__ import annotations

import pytest

from nlp.bodies import find_bodies, find_body, is_body_name, normalise_body, same_body


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Økonomiudvalget", "Økonomiudvalget"),
        ("Byrådet", "Byrådet"),
        ("Byråd 2022-2025", "Byrådet"),  # Greve's FirstAgenda committee name
        ("Kommunalbestyrelsen", "Kommunalbestyrelsen"),
        ("Regionsrådet", "Regionsrådet"),
        ("Forretningsudvalget", "Forretningsudvalget"),
        ("Magistraten", "Magistraten"),
        ("Sognerådet", "Sognerådet"),
        ("Handicaprådet", "Handicaprådet"),
        ("Styregruppen", "Styregruppen"),
        ("Borgerrepræsentationen", "Borgerrepræsentationen"),
        ("Sundheds- og Forebyggelsesudvalget", "Sundheds- og Forebyggelsesudvalget"),
        ("Beskæftigelses- og Erhvervsudvalget", "Beskæftigelses- og Erhvervsudvalget"),
        ("Klima-, Teknik- og Miljøudvalget", "Klima-, Teknik- og Miljøudvalget"),  # Greve ØU 2022-11-28
        ("Skole-, Børne- og Ungeudvalget", "Skole-, Børne- og Ungeudvalget"),
        ("Teknik- og miljøudvalget", "Teknik- og miljøudvalget"),
        ("Teknisk Udvalg", "Teknisk Udvalg"),  # Aarhus
        ("Børn og Unge-udvalget", "Børn og Unge-udvalget"),  # Aarhus
        ("Udvalget for teknik og miljø (UTM)", "Udvalget for teknik og miljø"),
        ("§ 17, stk. 4-udvalget", "§ 17, stk. 4-udvalget"),
        ("MED-udvalget", "MED-udvalget"),
        ("Det Regionale Arbejdsmarkedsråd", "Det Regionale Arbejdsmarkedsråd"),
        ("KMB IT-udvalget", "KMB IT-udvalget"),  # Ballerup's § 17, stk. 4-udvalg (SBSYS publication)
        ("Sogneraadet", "Sogneraadet"),  # Elev's parish book of 1945
    ],
)
def test_body_names(text, name):
    assert is_body_name(text)
    mention = find_body(text)
    assert mention is not None and mention.name == name


@pytest.mark.parametrize(
    ("text", "name", "abbreviation"),
    [
        # Aarhus Byråd 2025-08-27, item 2
        (
            "Fremsendes til Teknisk Udvalg til behandling i henhold til beslutning i byrådets møde",
            "Teknisk Udvalg",
            None,
        ),
        # Greve ØU 2022-11-28, item 24
        (
            "Økonomiudvalget anbefaler overfor Byrådet, at Beskæftigelses- og Erhvervsudvalgets indstilling godkendes.",
            "Økonomiudvalget",
            None,
        ),
        ("Beslutning i Udvalget for teknik og miljø (UTM) den 14-03-2017", "Udvalget for teknik og miljø", "UTM"),
    ],
)
def test_first_body_in_a_sentence(text, name, abbreviation):
    mention = find_body(text)
    assert mention is not None
    assert (mention.name, mention.abbreviation) == (name, abbreviation)


def test_every_body_in_a_sentence_in_order():
    text = "Økonomiudvalget anbefaler overfor Byrådet, at Beskæftigelses- og Erhvervsudvalgets indstilling godkendes."
    assert [mention.name for mention in find_bodies(text)] == [
        "Økonomiudvalget",
        "Byrådet",
        "Beskæftigelses- og Erhvervsudvalget",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Målgruppen er unge under 30 år",  # a target group, not a working group
        "Aldersgruppen 25-29 år",
        "Tråden tages op igen",
        "Udvalget",  # no name
        "Formålet med indsatsen for eleverne er:",
    ],
)
def test_words_that_are_not_bodies(text):
    assert find_body(text) is None
    assert not is_body_name(text)


@pytest.mark.parametrize(
    ("name", "normalised"),
    [
        ("Byrådets", "Byrådet"),
        ("Økonomiudvalgets", "Økonomiudvalget"),
        ("Kommunalbestyrelsens", "Kommunalbestyrelsen"),
        ("BYRÅDET", "Byrådet"),
        ("BESKÆFTIGELSES- OG ERHVERVSUDVALGETS", "Beskæftigelses- og Erhvervsudvalget"),
        ("Sundheds-og Forebyggelsesudvalget", "Sundheds- og Forebyggelsesudvalget"),
        ("Økonomiudvalg", "Økonomiudvalget"),
        ("Byråd 2022-2025", "Byrådet"),
    ],
)
def test_names_are_normalised(name, normalised):
    assert normalise_body(name) == normalised


def test_a_name_in_capitals_is_found():
    mention = find_body("FORRETNINGSUDVALGETS BESLUTNING")
    assert mention is not None and mention.name == "Forretningsudvalget"


def test_same_body_across_forms():
    assert same_body("Aarhus Byråd", "Byrådet")
    assert same_body("Byråd 2022-2025", "Byrådets")
    assert same_body("AARHUS BYRÅDS", "Aarhus Byråd")
    assert not same_body("Økonomiudvalget", "Byrådet")
    assert not same_body(None, "Byrådet")


def test_another_towns_council_is_another_body():
    assert not same_body("Aarhus Byråd", "Odense Byråd")
    assert not same_body("Greve Byråd", "Aarhus Byråd")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Aarhus TU 2025-10-01, the 'Sagsforløb' table of item 2
        ("Udvalg: Aarhus Byråd", "Aarhus Byråd"),
        ("Fremsendes til Aarhus Byråd med bemærkning, at Magistraten anbefaler", "Aarhus Byråd"),
        ("Greve Byråds beslutning", "Greve Byråd"),
        ("Københavns Borgerrepræsentation", "Københavns Borgerrepræsentation"),
        ("Greve Byråd 2022-2025", "Greve Byråd"),
        # a sentence opener before the definite council word is no town (Aarhus TU 2025-10-01, item 2)
        ("Således Byrådet godkender udviklingsplanen", "Byrådet"),
        ("Referat Byråd", "Byrådet"),
    ],
)
def test_a_council_keeps_its_town(text, name):
    mention = find_body(text)
    assert mention is not None and mention.name == name
