"""Which windows of a case are scored by meaning at all: the reason or the figure asked for must not be left out
behind the many windows that carry the topic alike (answer/sentence_ranking.py MAX_EMBEDDED)."""

import numpy as np

from answer.passages import Passage
from answer.sentence_ranking import MAX_EMBEDDED, rank_windows
from answer.time_points import months_named, names_a_month_of
from maalspor.model import Citation

CITED = Citation("greve_beu.json", None, 100, 104)


def flat(text: str) -> np.ndarray:
    """A stand-in for e5 that reads every sentence as equally close to the question."""
    return np.array([1.0, 0.0])


def case_text(count: int) -> list[Passage]:
    """`count` windows of one case that carry its topic and answer nothing."""
    return [
        Passage(
            f"Antallet af sygedagpengemodtagere er opgjort i tabel {n}. Tabellen viser hele perioden.",
            "Punkt 3",
            "a",
            [CITED],
        )
        for n in range(count)
    ]


def test_the_window_giving_the_reason_is_scored_though_many_before_it_carry_the_topic_alike():
    reason = Passage(
        "Antallet af sygedagpengemodtagere steg, fordi flere var i beskæftigelse. Det ses i hele landet.",
        "Punkt 3",
        "b",
        [CITED],
    )
    passages = [*case_text(MAX_EMBEDDED + 4), reason]
    found = rank_windows(
        "hvorfor steg antallet af sygedagpengemodtagere", "why", passages, ("sygedagpengemodtagere",), flat
    )
    assert reason in [f.passage for f in found]


def test_the_window_dated_as_the_question_is_quoted_for_a_figure():
    dated = Passage(
        "I februar 2020 var der 655 sygedagpengemodtagere. I april 2023 var der 727.", "Punkt 3", "b", [CITED]
    )
    other = Passage("Der var 1232 sygedagpengemodtagere i januar 2022. Det er mange.", "Punkt 4", "c", [CITED])
    question = "udvikling i antal sygedagpengemodtagere fra feb 2020 til april 2023"
    found = rank_windows(question, "change", [other, dated], ("sygedagpengemodtagere",), flat, limit=1)
    assert [f.passage for f in found] == [dated]


def test_the_months_a_question_names_are_read_in_danish_and_english():
    assert months_named("fra feb 2020 til april 2023") == {(2020, 2), (2023, 4)}
    assert months_named("how many in April 2023") == {(2023, 4)}
    assert months_named("i 2023 og i uge 12") == frozenset()  # a year alone dates nearly every sentence


def test_a_text_names_a_month_of_the_question_in_its_own_spelling():
    asked = months_named("sickness benefit cases in april 2023")
    assert names_a_month_of("I februar 2020 var antallet 90 og i april 2023 på 100.", asked)
    assert not names_a_month_of("I april 2022 var antallet 95.", asked)
    assert not names_a_month_of("I april 2023 var antallet 100.", frozenset())
