"""Targets, periods and target groups read from real goal sentences of the seed corpus."""

from datetime import date

import pytest

from nlp.danish import counted_noun, full_year, parse_typed_date, plan_years_in_full
from nlp.language import lemmas, sentences
from nlp.targets import parse_period, parse_target, target_group

# (sentence as in the seed, direction, value, unit, persons, placeholder)
TARGETS = [
    # 002 line 340-342, Mål 1
    (
        "Antallet af personer, der modtager offentlig forsørgelse, skal falde med 4 pct. fra oktober 2018 til oktober 2019",
        "fald",
        4.0,
        "pct",
        None,
        False,
    ),
    # 002 line 375-377, Mål 4
    (
        "Andelen af personer i virksomhedsrettet tilbud ud af det samlede antal ledige borgere i tilbud skal minimum være "
        "60 pct. i 2019",
        "minimum",
        60.0,
        "pct",
        None,
        False,
    ),
    # 002 line 397-399, Mål 6: the quantity opens the sentence
    (
        "40 pct. af flygtninge og familiesammenførte til flygtninge skal være i beskæftigelse i gennemsnit over "
        "månederne i 2019",
        "niveau",
        40.0,
        "pct",
        None,
        False,
    ),
    # 003 line 753-754, draft plan 2015 goal 1
    (
        "Antallet af unge under 30 år på offentlig forsørgelse skal begrænses til X personer i december 2015 svarende til "
        "et fald på X personer og X pct. fra december 2013 til december 2015.",
        "maksimum",
        None,
        "personer",
        None,
        True,
    ),
    # 003 line 29-31, Ledighedsydelse
    ("Mål om en stigning på maksimalt 21 pct. svarende til 14 fuldtidspersoner.", "maksimum", 21.0, "pct", 14, False),
    # 003 line 19, Førtidspension
    (
        "Mål om at tilgangen til førtidspension skal falde 22 pct. svarende til 45 personer.",
        "fald",
        22.0,
        "pct",
        45,
        False,
    ),
    # 003 line 798-799: a level in per cent, the change in percentage points
    (
        "Samarbejdsgraden (andelen af virksomhedskontakter i kommunen) skal i dec. 2015 være på X pct. svarende til en "
        "stigning på X procentpoint fra december 2013 til december 2015.",
        "niveau",
        None,
        "pct",
        None,
        True,
    ),
    # 003 line 1488-1492: 'min. 80 pct. af tiden' defines the group, it is not the target
    (
        "Antallet af langtidsledige – dvs. ledige, der har været ledige i min. 80 pct. af tiden inden for de seneste 52 uger "
        "– skal begrænses til X personer i december 2015 svarende til et fald på X personer og X pct. fra december 2013 "
        "til december 2015.",
        "maksimum",
        None,
        "personer",
        None,
        True,
    ),
    # 000 line 302: a sub-target of focus area 2
    (
        "Minimum 75 pct. af borgerne skal opleve at de professionelle, der er involveret i deres forløb, arbejder sammen",
        "minimum",
        75.0,
        "pct",
        None,
        False,
    ),
    # 003 line 23-24
    ("Mål om en andel på 65 pct.", "niveau", 65.0, "pct", None, False),
]


@pytest.mark.parametrize("sentence, direction, value, unit, persons, placeholder", TARGETS)
def test_target(sentence, direction, value, unit, persons, placeholder):
    target = parse_target(sentence)
    assert target is not None
    assert (target.direction, target.value, target.unit, target.persons, target.placeholder) == (
        direction,
        value,
        unit,
        persons,
        placeholder,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Flere personer med handicap skal i beskæftigelse",  # 002 Mål 11: no quantity
        "Antallet af borgere, som modtager ressourceforløbsydelse, opgøres hvert kvartal for at følge udviklingen tæt.",
    ],
)
def test_sentence_without_quantity_has_no_target(sentence):
    assert parse_target(sentence) is None


PERIODS = [
    ("skal falde med 4 pct. fra oktober 2018 til oktober 2019", "2018-10", "2019-10"),
    ("skal falde med 4 pct. fra november 2018 til november 2019", "2018-11", "2019-11"),
    ("svarende til et fald på X personer og X pct. fra december 2013 til december 2015.", "2013-12", "2015-12"),
    ("skal minimum være 60 pct. i 2019", "2019-01", "2019-12"),
    ("skal begrænses til X personer i december 2015", None, "2015-12"),
]


@pytest.mark.parametrize("sentence, start, end", PERIODS)
def test_period(sentence, start, end):
    period = parse_period(sentence)
    assert (period.start, period.end) == (start, end)


def test_no_period_in_a_sentence_without_dates():
    assert parse_period("Mål om en andel på 65 pct.") is None


GROUPS = [
    ("Virksomhederne skal sikres den nødvendige og kvalificerede arbejdskraft", "virksomhederne"),
    ("Alle ledige skal have en værdig sagsbehandling", "ledige"),
    ("Flere flygtninge og familiesammenførte skal være selvforsørgende", "flygtninge og familiesammenførte"),
    ("Flere personer med handicap skal i beskæftigelse", "personer med handicap"),
    ("Flere jobparate ledige +55 år skal i beskæftigelse", "jobparate ledige +55 år"),
    ("Flere unge skal i uddannelse eller beskæftigelse", "unge"),
    ("Flere aktivitetsparate over 30 år skal i delvis beskæftigelse", "aktivitetsparate over 30 år"),
    ("Antallet af ledige akademikere skal begrænses til X personer", "akademikere"),
]


@pytest.mark.parametrize("wording, group", GROUPS)
def test_target_group(wording, group):
    assert target_group(wording) == group


def test_lemmas_use_the_lookup_tables():
    assert lemmas("Flere flygtninge skal sikres") == ["flere", "flygtning", "skulle", "sikre"]


def test_sentences():
    assert sentences("Målet er opfyldt. Status er et fald på 2,1 pct.") == [
        "Målet er opfyldt.",
        "Status er et fald på 2,1 pct.",
    ]


def test_one_rule_reads_every_two_digit_year():
    """Plans, typed dates and target months share nlp.danish.full_year: 20xx up to five years ahead of today,
    else 19xx (archives reach back to the 1940s; plans rarely name a year more than a few years ahead)."""
    ahead = date.today().year % 100 + 5
    assert full_year(19) == 2019
    assert full_year(ahead) == 2000 + ahead
    assert full_year(ahead + 1) == 1900 + ahead + 1
    assert full_year(45) == 1945
    assert full_year(2014) == 2014
    assert parse_typed_date("mødet 5/4-45") == "1945-04-05"
    assert plan_years_in_full("BP19 og handleplan 98") == "BP2019 og handleplan 1998"


@pytest.mark.parametrize(
    ("wording", "noun"),
    [
        ("Overblik over virksomheder som jobcenteret samarbejder med om integration", "virksomheder"),  # 002
        ("Antal afholdte samtaler for aktivitetsparate kontanthjælpsmodtagere", "samtaler"),
        ("Antallet af personer, som modtager offentlig forsørgelse i mere end 52 uger", None),  # 002 følgemål a
        ("Antallet af aktivitetsparate unge under 30 år skal falde med 4 pct.", None),
        ("Andelen af borgere i virksomhedsrettet aktivering", None),
    ],
)
def test_what_a_goal_counts_when_it_is_not_people(wording, noun):
    assert counted_noun(wording) == noun
