"""A goal's status reported in running text under the goal's heading (nlp.goals.prose_status): the 2019
status report (corpus/002) and the 2014 one (corpus/003), read by hand, and the conventions on their own."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from ingest.normalize import normalize
from ingest.text import read_text
from maalspor.model import DocKind, Document, Goal, Origin, SourceContext
from nlp.classify import describe
from nlp.goals import extract_goals_from_minutes
from nlp.goals.prose_status import add_prose_status
from nlp.goals.shared import make_goal
from nlp.lines import text_lines

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
_DOCUMENT = Document(
    "m", DocKind.MINUTES, None, "X Kommune", "Beskæftigelsesudvalget", "2019-06-11", None, "t.txt", "h"
)


@cache
def goals_of(stem: str) -> dict[tuple[int, str], Goal]:
    clean = normalize(read_text(CORPUS / f"{stem}.txt"))
    return {(g.plan_year, g.number): g for g in extract_goals_from_minutes(clean, describe(clean))}


def text_statuses(goal: Goal):
    return [s for s in goal.status if s.value is None and s.persons is None]


@pytest.mark.parametrize(
    "stem, year, number, figure, line",
    [
        # Mål 9 has no figure in the table; its comment: 'Seneste status fra KL viser … kr. 11.240.028.'
        ("002_f3dbe880e0f1df7c", 2019, "9", "11.240.028", 2823),
        # 'Mål 6: 40 pct. …' repeated, then 'Status viser, at 41,3 pct. af flygtninge …'
        ("002_f3dbe880e0f1df7c", 2019, "6", "41,3 pct.", 2721),
        # 'Bemærkning til følgemål d: …' then 'Jobcentret samarbejder med i alt 73 virksomheder …'
        ("002_f3dbe880e0f1df7c", 2019, "følgemål d", "73 virksomheder", 2751),
        # 'Mål 2' alone on a line in the summary, its wording's figure (5 pct.) is not the status: 14 pct. is
        ("002_f3dbe880e0f1df7c", 2019, "2", "14 pct.", 512),
        # the goal's short name as heading: 'Førtidspension' / 'Status viser, at … 35 personer …'
        ("003_d16604ceb04aa2e7", 2014, "2", "35 personer", 283),
    ],
)
def test_status_comment_under_the_goal_heading(stem, year, number, figure, line):
    [status] = text_statuses(goals_of(stem)[(year, number)])
    assert figure in status.text
    assert status.date is None  # the months a comment names may be its baseline ('i forhold til december 2012')
    assert status.citations[0].line_start == line


def test_comments_without_a_figure_or_about_several_goals_are_no_status():
    goals = goals_of("002_f3dbe880e0f1df7c")
    # følgemål a's remark names only its own '52 uger' and a chart ('Jan 2018 … 1.000'): no status in words
    assert text_statuses(goals[(2019, "følgemål a")]) == []
    # mål 11's first heading is followed by 'afvigelse … for mål 1, 2, 3, 7 og 10': about several goals
    assert "afvigelse" not in " ".join(s.text for s in goals[(2019, "11")].status)


def test_plan_goals_get_no_status_from_their_text():
    goals = goals_of("003_d16604ceb04aa2e7")
    assert all(g.status == [] for (year, _), g in goals.items() if year == 2015)


def _goal(number: str, wording: str) -> Goal:
    return make_goal(_DOCUMENT, 2019, number, wording, Origin.LOCAL, SourceContext.STATUS_REPORT, [])


def _read(tmp_path: Path, text: str, goals: list[Goal]) -> list[Goal]:
    path = tmp_path / "status.txt"
    path.write_text(text, encoding="utf-8")
    clean = normalize(read_text(path))
    add_prose_status(clean, text_lines(clean), goals, _DOCUMENT)
    return goals


def test_remark_label_and_verdict(tmp_path):
    text = (
        "Kommentar til mål 3: Færre unge på kontanthjælp\n\n"
        "Indsatsen er fortsat med uændret styrke gennem hele perioden.\n\n"
        "Antallet af unge er faldet, og målet er dermed opfyldt ved udgangen af året.\n\n"
        "Indsatsområde: Sygedagpenge\n\n"
        "Målet er ikke nået, da antallet steg med 12 pct. i perioden.\n"
    )
    [goal] = _read(tmp_path, text, [_goal("3", "Færre unge på kontanthjælp")])
    [status] = goal.status
    assert status.text.startswith("Antallet af unge er faldet")  # the verdict, not the area after it
    assert status.citations[0].line_start == 5


def test_a_table_row_under_the_name_is_no_comment(tmp_path):
    text = "Virksomhedskontakt\nSamarbejdsgraden med virksomheder i kommunen år til dato 27% jan-dec 13 - - - -\n"
    [goal] = _read(tmp_path, text, [_goal("vk", "Virksomhedskontakt: Samarbejdsgraden med virksomheder")])
    assert goal.status == []
