"""A question's language from the share of each language's function words, English staff words mapped to
the Danish the plans use, first/last cues naming the unit counted in, and periods written short."""

import pytest

from answer.question import understand


@pytest.mark.parametrize(
    "text, language",
    [
        ("is there any goal on kontanthjælpsmodtagere after 2019", "en"),  # one Danish term, English frame
        ("did the flexjob target change between the plans", "en"),
        ("attachments to item 7, Køge finance committee?", "en"),  # no function word: the meeting words tell
        ("hvad blev besluttet om den nye skatepark", "da"),
        ("bilag til punkt 4, økonomiudvalget", "da"),
        ("flygtningemålet 2016 vs 2020", "da"),  # 'vs' is Danish shorthand too
    ],
)
def test_language_from_function_word_share(text, language):
    assert understand(text).language == language


@pytest.mark.parametrize(
    "text, term",
    [
        ("how many partially sick-listed citizens returned to work in 2021", "delvis"),
        ("what was the target for people in resource programmes in 2020", "ressourceforløb"),
        ("was the goal on wage subsidies met", "løntilskud"),
        ("how many citizens on public benefit were there in 2018", "forsørgelse"),
        ("which sanctions did the committee discuss", "sanktion"),
    ],
)
def test_english_staff_words_map_to_the_plans_danish(text, term):
    assert term in understand(text).terms


@pytest.mark.parametrize(
    "text, kind",
    [
        ("seneste plan hvor seniorerne har et mål", "last"),
        ("sidste år der var et mål for fleksjob", "last"),
        ("the most recent plan with a goal for graduates", "last"),
        ("first year with a target for refugees", "first"),
        ("when was there last a target for graduates", "last"),
        ("sammenlign ledighedsmålet sidste år med i år", "change"),  # last year compared, not the last one
    ],
)
def test_first_and_last_cues_name_the_unit_counted_in(text, kind):
    assert understand(text).kind == kind


@pytest.mark.parametrize(
    "text, span",
    [
        ("hvad skal området spare under budget 2021-24", (2021, 2024)),
        ("kassebeholdningen i regnskabet 1952/53", (1952, 1953)),
        ("referatet fra mødet 2011-03-14", (None, None)),  # an ISO date, not a period
        ("hvad skete der i 2014-05", (None, None)),  # a month, the end not after the start
    ],
)
def test_periods_written_short_read_as_spans(text, span):
    question = understand(text)
    assert (question.year_from, question.year_to) == span


def test_the_material_itself_is_no_topic():
    assert understand("in which year did the material first show a goal for refugees").terms == ("flygtninge",)
    assert understand("hvornår optræder flygtninge i materialet første gang").terms == ("flygtninge",)
