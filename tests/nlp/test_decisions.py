"""Decision text functions, on lines quoted from the corpus and the realdocs."""

from __future__ import annotations

import pytest

from maalspor.model import Absence, Citation
from nlp.decisions import (
    build_decision,
    classify_outcome,
    outcomes_by_recommendation,
    parse_decision_header,
    split_absences,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Erhvervs- og Beskæftigelsesudvalget den. 9. september 2014",
            ("Erhvervs- og Beskæftigelsesudvalget", "2014-09-09"),
        ),
        (
            "Erhvervs- og Beskæftigelsesudvalget den 9. september 2014",
            ("Erhvervs- og Beskæftigelsesudvalget", "2014-09-09"),
        ),
        ("Børne- og Ungdomsudvalget, den 6. juni 2019", ("Børne- og Ungdomsudvalget", "2019-06-06")),
        (
            "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 1",
            ("Sundheds- og Forebyggelsesudvalget", "2012-12-04"),
        ),
    ],
)
def test_decision_headers(line, expected):
    assert parse_decision_header(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "jf. beslutning fra Erhvervs- og Beskæftigelsesudvalget den 10. juni 2014.",  # a sentence in 003
        "Anne Jeremiassen (LA) har i mail, modtaget den. 2. september 2014, anmodet om sag på",
        "Tirsdag den 18. juni 2019",  # no committee
    ],
)
def test_sentences_are_not_decision_headers(line):
    assert parse_decision_header(line) is None


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Taget til efterretning.", "taget til efterretning"),
        ("Ad. 1-2 Anbefalet.\nAd. 3-5 Godkendt.", "anbefalet"),
        ("Drøftet.\nForslagene oversendes til økonomiudvalget.", "drøftet"),
        ("Udsat.", "udsat"),
        ("Indstillingen godkendt", "godkendt"),
        ("Indstilles til godkendelse", "anbefalet"),
        ("1. - 5. anbefales.", "anbefalet"),
        (
            "Fremsendes til Teknisk Udvalg til behandling i henhold til beslutning i byrådets møde den 27. august 2025.",
            "oversendt",
        ),
        (
            "Tilbagesendes Borgmesterens Afdeling med bemærkning, at byrådet i sit møde den 27. august 2025 har vedtaget",
            "vedtaget",
        ),
        ("Ikke godkendt.", "afvist"),
        ("Mødet blev hævet kl. 17.", None),
    ],
)
def test_outcome_is_the_first_outcome_phrase(text, outcome):
    assert classify_outcome(text) == outcome


def test_outcomes_per_recommendation():
    assert outcomes_by_recommendation("Ad. 1-2 Anbefalet. Ad. 3-5 Godkendt.") == {
        1: "anbefalet",
        2: "anbefalet",
        3: "godkendt",
        4: "godkendt",
        5: "godkendt",
    }
    assert outcomes_by_recommendation("1. - 5. anbefales.") == {n: "anbefalet" for n in range(1, 6)}
    assert outcomes_by_recommendation("Ad 2: Udsat.") == {2: "udsat"}
    assert outcomes_by_recommendation("Taget til efterretning.") == {}


@pytest.mark.parametrize(
    ("text", "rest", "absent"),
    [
        (
            "Taget til efterretning.\nJakob Engel-Schmidt (V) og Hanne Agersnap (F) var fraværende.",
            "Taget til efterretning.",
            [Absence("Jakob Engel-Schmidt", "V"), Absence("Hanne Agersnap", "F")],
        ),
        ("Godkendt.\nMette Schmidt Olsen  (C) var fraværende.", "Godkendt.", [Absence("Mette Schmidt Olsen", "C")]),
        (
            "Udvalget drøftede handlingsplanen.\nAfbud: Brigitte Klintskov Jerkel, Kenneth Jerkel",
            "Udvalget drøftede handlingsplanen.",
            [Absence("Brigitte Klintskov Jerkel", None), Absence("Kenneth Jerkel", None)],
        ),
        (
            "Vedtaget.\nJesper Kjeldsen deltog ikke i sagens behandling.",
            "Vedtaget.",
            [Absence("Jesper Kjeldsen", None)],
        ),
        ("Indstillingen godkendt\nFølgende deltog ikke i behandlingen af punktet:", "Indstillingen godkendt", []),
    ],
)
def test_absences_are_split_from_the_text(text, rest, absent):
    assert split_absences(text) == (rest, absent)


def test_build_decision_fills_every_field():
    citation = Citation("003.txt", None, 130, 134)
    decision = build_decision(
        "Erhvervs- og Beskæftigelsesudvalget",
        "2014-09-09",
        "Ad. 1-2 Anbefalet.\nAd. 3-5 Godkendt.\nJakob Engel-Schmidt (V) og Hanne Agersnap (F) var fraværende.",
        citation,
    )
    assert decision.text == "Ad. 1-2 Anbefalet.\nAd. 3-5 Godkendt."
    assert decision.outcome == "anbefalet"
    assert decision.outcome_by_recommendation[5] == "godkendt"
    assert decision.absent == [Absence("Jakob Engel-Schmidt", "V"), Absence("Hanne Agersnap", "F")]
    assert decision.citations == [citation]
