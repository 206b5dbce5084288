"""Decision text functions, on lines quoted from the corpus and the realdocs."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.normalize import normalize
from ingest.text import read_text
from maalspor.model import (
    Absence,
    AgendaItem,
    Citation,
    CleanText,
    Decision,
    DocKind,
    Document,
    Outcome,
    Substitute,
)
from nlp.decisions import (
    DecisionHeader,
    build_decision,
    classify_outcome,
    decision_header,
    meeting_decision,
    outcomes_by_recommendation,
    parse_decision_header,
    split_absences,
    split_attendance,
)
from nlp.lines import Line, text_lines
from nlp.minutes import fields


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


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # Greve ØU 2022-11-28, item 21
        (
            "1-4 Økonomiudvalget undlader og sender sagen tilbage til Klima, Teknik og Miljøudvalget med ønske om at"
            " sagen suppleres med de oplysninger som udvalget har ønsket fremlagt i selvstændig sag",
            "tilbagesendt",
        ),
        ("Udvalget undlader at tage stilling og sender sagen tilbage til forvaltningen.", "tilbagesendt"),
        ("Sagen sendes tilbage til forvaltningen.", "tilbagesendt"),
        ("Sagen tilbagesendes til administrationen med henblik på yderligere belysning.", "tilbagesendt"),
        ("Udsættes til næste møde.", "udsat"),
        ("Sagen blev udsat.", "udsat"),  # Aarhus TU 2025-10-01, item 3's history
        ("Behandlingen udskydes til januar.", "udsat"),
        ("Punktet blev trukket af dagsordenen.", "trukket"),
        ("Sagen trækkes fra dagsordenen.", "trukket"),
        ("Punktet udgik.", "trukket"),
        # Aarhus TU 2025-10-01, item 3: the discussion ends in postponement
        (
            "Der var foretræde til sagen, hvorefter udvalget drøftede sagen og stillede spørgsmål til forvaltningen."
            " Udvalget besluttede herefter at udsætte sagens behandling med henblik på forvaltningens besvarelse.",
            "udsat",
        ),
        ("Udvalget drøftede og stillede spørgsmål til forvaltningen om forlængelse af forsøget.", "drøftet"),
        # Aarhus TU 2025-10-01, item 6's history: the remark holds the Magistrate's decision
        (
            "Fremsendes til Aarhus Byråd med bemærkning, at Magistraten i mødet den 18. marts 2025 anbefaler, at"
            " byrådet tiltræder Magistratsafdelingen for Teknik og Miljøs indstilling af 29. januar 2025.",
            "anbefalet",
        ),
        ("Godkendt med bemærkning, at forvaltningen udsætter høringen til foråret.", "godkendt"),
    ],
)
def test_outcomes_of_cases_left_undecided_and_of_remarks(text, outcome):
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


# ---------------------------------------------------------------- the general header grammar


@pytest.mark.parametrize(
    ("line", "body", "date", "rest"),
    [
        ("Beslutning", None, None, ""),
        ("Beslutninger", None, None, ""),  # Aarhus web minutes
        ("BESLUTNING", None, None, ""),
        ("Beslutning: Godkendt.", None, None, "Godkendt."),
        # the forms, in municipal wording
        (
            "Beslutning i Udvalget for teknik og miljø (UTM) den 14-03-2017",
            "Udvalget for teknik og miljø",
            "2017-03-14",
            "",
        ),
        ("Beslutning Kultur- og Fritidsudvalget den 02-05-2022", "Kultur- og Fritidsudvalget", "2022-05-02", ""),
        ("Beslutning i Økonomiudvalget den 3. november 2015: Godkendt.", "Økonomiudvalget", "2015-11-03", "Godkendt."),
        (
            "Børne- og Ungdomsudvalget, den 7. maj 2020 Anbefales.",
            "Børne- og Ungdomsudvalget",
            "2020-05-07",
            "Anbefales.",
        ),
        ("FORRETNINGSUDVALGETS BESLUTNING", "Forretningsudvalget", None, ""),
        ("Beslutning Byråd 2022-2025 den 12-12-2022", "Byrådet", "2022-12-12", ""),
        ("Sognerådet d. 5/4 1945", "Sognerådet", "1945-04-05", ""),
        ("Beslutning i Byrådet den 2022-12-12", "Byrådet", "2022-12-12", ""),
        # Ballerup eDoc
        (
            "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2",
            "Sundheds- og Forebyggelsesudvalget",
            "2012-12-04",
            "",
        ),
        # Lyngby-Taarbæk (corpus 003)
        (
            "Erhvervs- og Beskæftigelsesudvalget den. 9. september 2014",
            "Erhvervs- og Beskæftigelsesudvalget",
            "2014-09-09",
            "",
        ),
    ],
)
def test_decision_header_forms(line, body, date, rest):
    assert decision_header(line) == DecisionHeader(body, date, rest)


@pytest.mark.parametrize(
    "line",
    [
        "Beslutning om tillæg til lokalplan 5",  # an item title
        "Beslutningsforslag fra DD",  # Aarhus Byråd 2025-08-27
        # corpus 002 line 996: a sentence wrapped so that the line starts with a body and date
        "Beskæftigelses- og Integrationsudvalget den 5. februar 2019. Sagen skitserer den tværgående",
        # Ballerup eDoc: the earlier treatment printed above an item's summary names no decision
        "Kommunalbestyrelsen den 30. januar 2012 Punkt 5",
        "Byrådet den 12. december 2022 godkendte planen.",
    ],
)
def test_lines_that_are_not_decision_headers(line):
    assert decision_header(line) is None


# ---------------------------------------------------------------- histories


def _lines(tmp_path: Path, text: str) -> tuple[CleanText, list[Line]]:
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    clean = normalize(read_text(path))
    return clean, text_lines(clean)


def test_history_of_one_line_entries(tmp_path):
    # Greve Økonomiudvalget 2022-11-28, item 23 'Sagens forløb'
    clean, lines = _lines(
        tmp_path,
        "15-11-2022 Skole-, Børne- og Ungeudvalget\n"
        "1. Udvalget godkender indstillingen\n"
        "Linda Heegaard (SF) stemte imod med følgende mindretalsudtalelse:\n"
        "15-11-2022 Plan- og Tryghedsudvalget\n"
        "2. Anbefales.\n"
        "Mehmet Zeki Dogru (Ø) stemte imod.\n"
        "16-11-2022 Kultur- og Fritidsudvalget\n"
        "3. Tages til efterretning.\n",
    )
    earlier = fields.history_decisions(clean, lines)
    assert [(d.committee, d.date, d.outcome) for d in earlier] == [
        ("Skole-, Børne- og Ungeudvalget", "2022-11-15", "godkendt"),
        ("Plan- og Tryghedsudvalget", "2022-11-15", "anbefalet"),
        ("Kultur- og Fritidsudvalget", "2022-11-16", "taget til efterretning"),
    ]
    assert earlier[1].outcome_by_recommendation == {2: "anbefalet"}
    assert "Mehmet Zeki Dogru (Ø) stemte imod." in earlier[1].text  # dissent stays in the text


def test_history_of_a_range_entry(tmp_path):
    # Greve Økonomiudvalget 2022-11-28, item 24 (Beskæftigelsesplan 2023)
    clean, lines = _lines(tmp_path, "14-11-2022 Beskæftigelses- og Erhvervsudvalget\n1. - 5. anbefales.\n")
    [earlier] = fields.history_decisions(clean, lines)
    assert (earlier.committee, earlier.date, earlier.text) == (
        "Beskæftigelses- og Erhvervsudvalget",
        "2022-11-14",
        "1. - 5. anbefales.",
    )
    assert earlier.outcome_by_recommendation == {n: "anbefalet" for n in range(1, 6)}


def test_history_entry_with_the_item_number(tmp_path):
    # Ballerup KMB IT-udvalget 2013-05-15 (SBSYS publication), item 2 'Sagens forløb'
    clean, lines = _lines(tmp_path, "KMB IT-udvalget den 5. december 2012 Punkt 3\n")
    [earlier] = fields.history_decisions(clean, lines)
    assert (earlier.committee, earlier.date, earlier.text) == ("KMB IT-udvalget", "2012-12-05", "")


def test_history_in_table_fields(tmp_path):
    # Aarhus Teknisk Udvalg 2025-10-01, item 2 'Sagsforløb'
    clean, lines = _lines(
        tmp_path,
        "Udvalg: Magistraten\n"
        "Dato: 02-09-2025\n"
        "Punktnummer: 12\n"
        "Fremsendes til Aarhus Byråd med bemærkning, at Magistraten i mødet den 2. september 2025 anbefaler,"
        " at byrådet tiltræder Borgmesterens Afdelings og Magistratsafdelingen for Teknik og Miljøs indstilling.\n"
        "Venstre tog forbehold vedrørende mobilitet/trafikforhold.\n"
        "Thure Hastrup deltog ikke i sagens behandling.\n"
        "Udvalg: Aarhus Byråd\n"
        "Dato: 10-09-2025\n"
        "Punktnummer: 11\n"
        "Fremsendes til Teknisk Udvalg til behandling i henhold til beslutning i byrådets møde den 10. september"
        " 2025.\n",
    )
    magistrate, council = fields.history_decisions(clean, lines)
    # 'Fremsendes … med bemærkning, at Magistraten … anbefaler': the remark holds the decision
    assert (magistrate.committee, magistrate.date, magistrate.outcome) == ("Magistraten", "2025-09-02", "anbefalet")
    assert magistrate.absent == [Absence("Thure Hastrup", None)]
    assert "Venstre tog forbehold vedrørende mobilitet/trafikforhold." in magistrate.text
    assert (council.committee, council.date, council.outcome) == ("Aarhus Byråd", "2025-09-10", "oversendt")


def test_several_decision_blocks_each_with_its_body_and_date(tmp_path):
    clean, lines = _lines(
        tmp_path,
        "Beslutning i Beskæftigelses- og Erhvervsudvalget den 14-11-2022\n"
        "1. - 5. anbefales.\n"
        "Beslutning i Økonomiudvalget den 28-11-2022\n"
        "Økonomiudvalget anbefaler overfor Byrådet, at Beskæftigelses- og Erhvervsudvalgets indstilling godkendes.\n"
        "Beslutning i Byrådet den 12-12-2022: Godkendt.\n",
    )
    blocks = fields.decisions(clean, lines, "Byrådet", "2022-12-12")
    assert [(d.committee, d.date, d.outcome) for d in blocks] == [
        ("Beskæftigelses- og Erhvervsudvalget", "2022-11-14", "anbefalet"),
        ("Økonomiudvalget", "2022-11-28", "anbefalet"),
        ("Byrådet", "2022-12-12", "godkendt"),
    ]
    assert blocks[2].text == "Godkendt."


def test_an_unlabelled_decision_is_the_meetings_own(tmp_path):
    # Greve Økonomiudvalget 2022-11-28, item 1
    clean, lines = _lines(tmp_path, "Dagsordenen blev godkendt.\n")
    [decision] = fields.decisions(clean, lines, "Økonomiudvalget", "2022-11-28")
    assert (decision.committee, decision.date, decision.outcome) == ("Økonomiudvalget", "2022-11-28", "godkendt")


def test_meeting_decision_is_the_bodys_on_the_meetings_day():
    def decision(committee: str, date: str) -> Decision:
        return Decision(committee, date, "Anbefales.", Outcome.ANBEFALET)

    item = AgendaItem("d:item-31", "d", "31", "Godkendelse af beskæftigelsesplan for 2023", None)
    item.decisions = [
        decision("Byrådet", "2022-12-12"),
        decision("Beskæftigelses- og Erhvervsudvalget", "2022-11-14"),
        decision("Økonomiudvalget", "2022-11-28"),
    ]
    document = Document("d", DocKind.MINUTES, None, "Greve", "Byråd 2022-2025", "2022-12-12", None, "x.json", "h")
    assert meeting_decision(item, document) is item.decisions[0]


# ---------------------------------------------------------------- outcomes and attendance


def test_outcomes_per_recommendation_of_a_joined_decision():
    # Greve Økonomiudvalget 2022-11-28, item 10 (one paragraph once the lines are joined)
    text = (
        "Økonomiudvalget anbefaler overfor Byrådet at 1. anbefales 2. anbefales med bemærkning om at "
        "Økonomiudvalget ønsker at beslutningen træder i kraft umiddelbart 3. anbefales 4. anbefales ikke. "
        "Økonomiudvalget anbefaler at 0,35 mio. kr. overføres til 2023 5-7. anbefales"
    )
    assert outcomes_by_recommendation(text) == {
        1: "anbefalet",
        2: "anbefalet",
        3: "anbefalet",
        4: "afvist",
        5: "anbefalet",
        6: "anbefalet",
        7: "anbefalet",
    }


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("2. Anbefales ikke med bemærkning om at sagsfremstilling ønskes fremlagt.", "afvist"),  # Greve ØU
        (
            "Et flertal i udvalget kunne tiltræde indstillingen i overensstemmelse med Magistratens anbefaling.",
            "tiltrådt",
        ),  # Aarhus TU
        ("Økonomiudvalget anbefaler overfor Byrådet, at administrationens indstilling godkendes.", "anbefalet"),
        ("1. Udvalget godkender indstillingen", "godkendt"),
    ],
)
def test_outcome_wordings(text, outcome):
    assert classify_outcome(text) == outcome


@pytest.mark.parametrize(
    ("text", "absent", "substitutes"),
    [
        # Aarhus Teknisk Udvalg 2025-10-01, item 2
        (
            "Liv Gro Jensen var forhindret i at deltage i udvalgets behandling af sagen.",
            [Absence("Liv Gro Jensen", None)],
            [],
        ),
        # Greve ØU 2022-11-28, meeting header
        (
            "Fraværende: John T. Olsen, Marc Genning",
            [Absence("John T. Olsen", None), Absence("Marc Genning", None)],
            [],
        ),
        ("Fraværende med afbud: Hans Jensen (V)", [Absence("Hans Jensen", "V")], []),
        ("Anne Madsen (A) deltog ikke i behandlingen af punktet.", [Absence("Anne Madsen", "A")], []),
        ("Per Holm (C) har meldt afbud.", [Absence("Per Holm", "C")], []),
        (
            "I stedet for Hans Jensen (V) deltog Per Hansen (V).",
            [Absence("Hans Jensen", "V")],
            [Substitute("Per Hansen", "V", "Hans Jensen")],
        ),
        (
            "Per Hansen (V) mødte som stedfortræder for Hans Jensen (V).",
            [Absence("Hans Jensen", "V")],
            [Substitute("Per Hansen", "V", "Hans Jensen")],
        ),
        ("Stedfortræder: Lise Berg (F)", [], [Substitute("Lise Berg", "F", None)]),
    ],
)
def test_attendance_wordings(text, absent, substitutes):
    attendance = split_attendance(f"Godkendt.\n{text}")
    assert (attendance.text, attendance.absent, attendance.substitutes) == ("Godkendt.", absent, substitutes)


def test_votes_and_reservations_stay_in_the_decision_text():
    # Greve ØU 2022-11-28 item 24; Aarhus Byråd 2025-08-27 item 2
    text = (
        "Økonomiudvalget anbefaler overfor Byrådet, at Beskæftigelses- og Erhvervsudvalgets indstilling godkendes.\n"
        "Mehmet Zeki Dogru (Ø) stemte imod med bemærkning om, at Enhedslisten ønsker en anden beskæftigelsespolitik.\n"
        "For stemte A, V og C, imod stemte Ø.\n"
        "Socialdemokratiet tog forbehold.\n"
        "Jesper Kjeldsen deltog ikke i sagens behandling."
    )
    attendance = split_attendance(text)
    assert attendance.text == "\n".join(text.splitlines()[:4])
    assert attendance.absent == [Absence("Jesper Kjeldsen", None)]


def test_a_sentence_about_a_citizen_names_no_member():
    text = "Godkendt.\nBorgeren var fraværende fra arbejdet i tre måneder."
    assert split_attendance(text).absent == []
