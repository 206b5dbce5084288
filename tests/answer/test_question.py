"""Question understanding: intents from cue words, slots (years, spans, month, date, numbers, municipality),
topic terms with compounds and English mapped to Danish, several questions in one; and topic matching."""

import pytest

from answer.question import understand
from answer.topic import TermMatcher, mentions
from nlp.danish import parse_danish_date


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Hvad skete der med målet om integrationsgrunduddannelse efter 2019?", "change"),
        ("Er målet om sygedagpenge det samme i 2019 og 2022?", "unchanged"),
        ("Hvornår var seniorerne sidst med i planen?", "last"),
        ("Which goals were new in 2022 compared with 2019?", "new"),
        ("Hvilke nye mål kom til i 2023?", "new"),
        ("hvordan gik det med de delvis raskmeldte i 2019", "status"),
        ("Hvordan går indsatsen for at få flere ledige i fleksjob?", "status"),  # how an effort is going
        ("Hvordan er det gået med sygefraværet siden 2020?", "status"),
        ("Was the goal for sick leave met in 2019?", "status"),
        ("Hvor mange følgemål er der i 2019?", "overview"),
        ("How many goals did the 2022 plan have?", "overview"),
        ("Hvorfor blev forslaget om budgetreduktioner sendt videre?", "why"),
        ("Deltog Mette Schmidt Olsen i mødet i juni 2019?", "absent"),
        ("What did the committee decide about the SSP action plan?", "decision"),
        ("Hvilke sager om SSP har været behandlet?", "history"),
        ("What was the first status of the 2019 plan in the first quarter?", "status"),  # not 'first appearance'
        ("Fortæl om virksomhedsrettet aktivering", "search"),
        ("Hvor mange borgere har tilsluttet sig ordningen?", "search"),  # a count, not a ruling
        ("Hvor mange stemte for forslaget om cykelstier?", "decision"),  # a count of votes is one
        ("Hvordan har ministermålene ændret sig fra 2019 til 2022?", "change"),
    ],
)
def test_intent_from_cue_words(text, kind):
    assert understand(text).kind == kind


def test_year_span_month_and_numbers():
    span = understand("Hvordan udviklede målet for unge sig fra 2014 til 2023?")
    assert (span.year_from, span.year_to, span.years) == (2014, 2023, (2014, 2023))
    after = understand("Hvad skete der med målet efter 2019?")
    assert (after.year_from, after.year_to) == (2019, None)
    since = understand("What happened to the refugee goal since 2019?")
    assert since.year_from == 2019 and since.language == "en"
    month = understand("Hvad var status for mål 6 i marts 2019?")
    assert (month.month, month.goal_number, month.date) == ("2019-03", "6", None)
    assert understand("status for følgemål c").goal_number == "følgemål c"
    assert understand("Hvilke bilag havde punkt 5 den 11. juni 2019?").item_number == "5"


@pytest.mark.parametrize(
    "text, date",
    [
        ("fravær ved mødet 9/9-2014", "2014-09-09"),
        ("hvem var fraværende 14/11 2022", "2022-11-14"),
        ("absent on June 11, 2019", "2019-06-11"),
        ("mødet den 2019-06-11", "2019-06-11"),
        # typed with a two-digit year, the way staff write dates in mails and questions
        ("var nogen fraværende i BEU den 24/4-23", "2023-04-24"),
        ("bilag til mødet 14.11.22", "2022-11-14"),
        ("sognerådets møde 5/4-45", "1945-04-05"),
    ],
)
def test_meeting_dates_in_any_common_form(text, date):
    assert understand(text).date == date


@pytest.mark.parametrize("text", ["hvad var 1/3 af de ledige", "mødet 31/2-23", "pkt. 4.1.123"])
def test_fractions_impossible_days_and_long_numbers_are_no_dates(text):
    assert understand(text).date is None


def test_a_typed_two_digit_year_is_never_read_in_documents():
    # 'pkt. 4.1.12' in a plan is a section number: documents keep to four-digit years
    assert parse_danish_date("jf. pkt. 4.1.12 i aftalen") is None


def test_topic_terms_drop_question_words_and_split_goal_compounds():
    assert understand("Hvad var status for IGU-målet i marts 2019?").terms == ("igu",)
    assert understand("What was the status for unemployed academics in 2014?").terms == ("ledige", "akademikere")
    assert understand("Hvornår var målet om ledige over 55 år med sidste gang?").terms == ("ledige", "over 55")
    assert understand("Hvad besluttede Odense Kommune om planen?").municipality == "Odense"


def test_a_question_asking_two_things_has_two_parts_sharing_the_topic():
    question = understand("Hvornår kom målet om handicap ind, og hvad var status i 2019?")
    assert [part.kind for part in question.parts] == ["first", "status"]
    assert question.parts[1].terms == ("handicap",) and question.parts[1].years == (2019,)


def test_topic_matching_finds_inflections_compounds_and_synonyms():
    matcher = TermMatcher(("flygtninge", "kontanthjælp", "handicap"))
    assert matcher.matched("Flygtningene og kontanthjælpsmodtagerne") == {"flygtninge": 1.0, "kontanthjælp": 1.0}
    # a synonym counts for less than the word itself
    assert matcher.matched("borgere med funktionsnedsættelse") == {"handicap": 0.7}
    # 'sport' is not found inside 'transport': inner compound matches need six letters
    assert TermMatcher(("sport",)).matched("offentlig transport") == {}
    assert mentions("Flere unge under 30 år i job", ["unge", "job"])


def test_a_compound_question_word_matches_its_parts_spelt_apart():
    """Ballerup's item 'Prioritering af midler til kronikerindsatser' is what 'kronikermidlerne' asks about, and
    'Sundheds- og Forebyggelsesudvalget' is 'sundhedsudvalget' (a suspended compound); the parts count as a
    synonym does, below the word itself."""
    matcher = TermMatcher(("kronikermidlerne", "sundhedsudvalget"))
    assert matcher.matched("Prioritering af midler til kronikerindsatser") == {"kronikermidlerne": 0.7}
    assert matcher.matched("Sundheds- og Forebyggelsesudvalget") == {"sundhedsudvalget": 0.7}
    assert matcher.could_match("Prioritering af midler til kronikerindsatser")
    # parts must each start a word (or close one, when long): letters inside other words are no parts
    assert TermMatcher(("fordelingen",)).matched("Forderet ved tilvejebringelsen") == {}
    assert TermMatcher(("kronikermidlerne",)).matched("kronisk syge borgere") == {}
    # parts far apart in one text are two subjects, not the compound spelt out
    far_apart = "Musik i frikvarteret blev drøftet. Udvalget godkendte renoveringen af tagene på skolen."
    assert TermMatcher(("musikskolen",)).matched(far_apart) == {}
    assert TermMatcher(("musikskolen",)).matched("skolen for musik og billedkunst") == {"musikskolen": 0.7}


def test_a_rare_unknown_word_outweighs_a_common_one():
    """'e-sport for unge': 'unge' alone (in many goals) is not enough to call a goal about e-sport a match."""
    goals = ["Flere unge i uddannelse", "Unge under 30 år i job", "Flere ledige i job"]
    assert TermMatcher(("sport", "unge")).rank(goals, goals) == []
    assert [s.record for s in TermMatcher(("unge",)).rank(goals, goals)] == goals[:2]


@pytest.mark.parametrize(
    ("question", "band"),
    [
        ("hvordan klarer de 25-29 årige sig i jobcentret", "25-29"),
        ("antal 18-29-årige på uddannelseshjælp", "18-29"),
        ("How are the 30-39 year olds doing on sickness benefit?", "30-39"),
        ("ledige 50 – 59 år i Greve", "50-59"),
        ("unge mellem 16 og 17 år i fritidsjob", "16-17"),
    ],
)
def test_an_age_band_is_a_topic_term(question, band):
    """An age band names a target group as 'under 30' does; the verbs around it ('går det', 'doing') do not."""
    terms = understand(question).terms
    assert band in terms
    assert not {"går", "doing", "olds"} & set(terms)


def test_an_age_band_matches_however_the_dash_is_spaced_but_not_inside_other_numbers():
    matcher = TermMatcher(("20-24",))
    assert matcher.matched("Andelen af 20 – 24-årige på uddannelseshjælp") == {"20-24": 1.0}
    assert matcher.could_match("Andelen af 20 – 24-årige")
    assert matcher.matched("det er især de unge mellem 20 og 24 år, som er faldet") == {"20-24": 1.0}
    assert matcher.matched("I alt 120-240 kr. pr. måned") == {}
    assert TermMatcher(("under 30",)).matched("under 300 personer") == {}


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("følgemål b maj 2019", "status"),
        ("mål 4 antal personer december 2014", "status"),
        ("mål 4 2014 og 2015", "change"),  # two years: compared, not one figure
        ("Hvordan har mål 4 ændret sig siden 2014?", "change"),  # a cue still decides
    ],
)
def test_a_goal_named_at_one_time_with_nothing_asked_asks_its_status(question, kind):
    assert understand(question).kind == kind


def test_a_noun_in_er_matches_both_spellings_of_its_definite_form():
    """'jobcentret' and 'jobcenteret', 'teatret' and 'teateret' are one word spelt two ways."""
    assert TermMatcher(("jobcentret",)).matched("som jobcenteret samarbejder med") == {"jobcentret": 1.0}
    assert TermMatcher(("jobcenteret",)).matched("Jobcentret samarbejder med") == {"jobcenteret": 1.0}
    assert TermMatcher(("teateret",)).could_match("Aarhus Teatret")
    assert TermMatcher(("efter",)).matched("eftr") == {}  # short stems keep one spelling


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("hvornår blev lokalplan 1187 vedtaget", "1187"),
        ("hvad skete der med kommuneplantillæg nr. 64", "64"),
        ("byplanvedtægt 27 ophævelse", "27"),
    ],
)
def test_a_number_naming_a_plan_is_a_topic_term(question, named):
    terms = understand(question).terms
    assert named in terms and "nr" not in terms


def test_a_year_after_a_plan_word_stays_a_year():
    question = understand("Hvad var mål 3 i Beskæftigelsesplan 2019?")
    assert "2019" not in question.terms and question.years == (2019,)


def test_asking_for_a_cost_names_no_topic():
    """'kostede'/'costs' ask for an amount (answer/answer_types.py reads it from the text), not about costs."""
    assert understand("hvad kostede ombygningen af rådhuset").terms == ("ombygningen", "rådhuset")
    assert "cost" not in understand("What did the new bridge cost?").terms
