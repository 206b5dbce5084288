"""Labelled goal sentences followed by their status (nlp.goals.sentence_status): Greve's status table of
its resultatmål, read from the FirstAgenda export, and the other wordings of the same convention."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.normalize import normalize
from ingest.readers import read_source
from ingest.text import read_text
from maalspor.model import DocKind, Document
from nlp.classify import describe
from nlp.goals.sentence_status import sentence_status_goals
from nlp.lines import text_lines

_DOCUMENT = Document("m", DocKind.MINUTES, None, "Greve Kommune", "Økonomiudvalget", "2023-11-27", None, "t.txt", "h")


def _goals(tmp_path: Path, text: str):
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    clean = normalize(read_text(path))
    return sentence_status_goals(clean, text_lines(clean), _DOCUMENT)


def test_greve_resultatmaal_with_their_status(realdocs):
    path = realdocs / "greve_beu_json" / "greve_beu_2022-11-14.json"
    clean = normalize(read_source(path))
    goals = sentence_status_goals(clean, text_lines(clean), describe(clean))
    # item 2 'Status på de overordnede resultatmål …': three under voksenliv, one under ungeliv
    assert [(g.number, g.plan_year, g.origin, g.source_context) for g in goals] == [
        (f"resultatmål {n}", 2023, "local", "status-report") for n in range(1, 5)
    ]
    first, second, _, youth = goals
    assert first.wording.startswith("Antallet af borgere på kommunal offentlig forsørgelse skal falde fra december")
    assert first.wording.endswith(
        "skal stigningen i Greve være 2 procentpoint lavere end gennemsnittet for hele landet"
    )
    assert (first.period.start, first.period.end) == ("2020-12", "2022-12")
    assert (first.target.direction, first.target.value, first.target.unit) == ("fald", 2.0, "procentpoint")
    assert second.wording == (
        "Minimum 20 procent af de aktivitetsparate kontanthjælpsmodtagere har opnået lønnede timer eller "
        "uddannelse i en kalendermåned inden udgangen af juni 2022"
    )
    assert youth.wording.startswith("Antallet af ydelsesmodtagere mellem 18-29 år")
    [status] = first.status
    assert status.date == "2022-08"
    assert status.text.startswith("Der er i Greve sket et fald på 31,5 procent.")
    assert (first.citations[0].line_start, status.citations[0].line_start) == (55, 57)


def test_unquoted_sentence_and_dated_status_with_its_text(tmp_path):
    goals = _goals(
        tmp_path,
        "Beskæftigelsesplan 2024\n\n"
        "Målsætning for ungeområdet\n"
        "Flere unge skal i uddannelse eller job\n"
        "Status pr. 30. april 2024: 62 procent af de unge er i uddannelse eller job.\n\n"
        "Effektmål 2: Færre borgere skal være på sygedagpenge i mere end 22 uger.\n"
        "Status (juni 2024)\n"
        "Antallet er faldet med 40 personer siden\n"
        "januar.\n",
    )
    assert [(g.number, g.plan_year, g.wording) for g in goals] == [
        ("målsætning 1", 2024, "Flere unge skal i uddannelse eller job"),
        ("2", 2024, "Færre borgere skal være på sygedagpenge i mere end 22 uger"),
    ]
    assert [(s.date, s.text) for g in goals for s in g.status] == [
        ("2024-04", "62 procent af de unge er i uddannelse eller job."),
        ("2024-06", "Antallet er faldet med 40 personer siden januar."),
    ]


def test_a_guillemet_quoted_goal_without_a_plan_year_takes_the_status_year(tmp_path):
    goals = _goals(
        tmp_path, "Resultatmål\n«Ledigheden blandt akademikere skal falde»\nStatus 2023\nLedigheden er faldet.\n"
    )
    assert [(g.wording, g.plan_year) for g in goals] == [("Ledigheden blandt akademikere skal falde", 2023)]


@pytest.mark.parametrize(
    "text",
    [
        # a table's column headers, then a row whose status is the sentence 'Status viser …'
        "Beskæftigelsesplan 2019\nResultatmål\nStatus\n",
        "Beskæftigelsesplan 2019\nResultatmål\nFlere skal i job\nStatus viser en stigning på 1,1 pct.\n",
        # 'Mål N:' rows are the labelled status tables' (nlp.goals.labelled_status)
        "Beskæftigelsesplan 2019\nMål 1: Antallet af personer på offentlig forsørgelse skal falde\nStatus marts 2019\n",
        # a goal word in running text is no label, and a label too far from any status is no row
        "Beskæftigelsesplan 2019\nMålet er nået, og udvalget drøftede sagen.\nStatus august 2019\n",
        "Beskæftigelsesplan 2019\nResultatmål\n" + "Flere skal i job\n" * 7 + "Status august 2019\n",
        # pejlemærker are directions, not goals
        "Beskæftigelsesplan 2023\nPejlemærke om arbejdskraft\nFlere virksomheder skal rekruttere lokalt\nStatus\n",
    ],
)
def test_no_goal_without_a_labelled_sentence_and_its_status(tmp_path, text):
    assert _goals(tmp_path, text) == []


def test_a_goal_reported_twice_is_one_goal_with_both_citations(tmp_path):
    row = "Resultatmål under voksenliv\n”Flere ledige skal i ordinære timer”\nStatus august 2022\nDet er sket.\n"
    goals = _goals(tmp_path, "Beskæftigelsesplan 2023\n" + row + "\nBilag 1\n" + row)
    [goal] = goals
    assert [c.line_start for c in goal.citations] == [3, 9]


def test_a_status_cell_left_empty_reports_no_status(tmp_path):
    goals = _goals(
        tmp_path,
        "Beskæftigelsesplan 2023\nResultatmål\nFlere ledige skal i ordinære timer\nStatus\n"
        "Resultatmål\nFærre unge skal være på uddannelseshjælp\nStatus\n",
    )
    assert [(g.number, g.wording, g.status) for g in goals] == [
        ("resultatmål 1", "Flere ledige skal i ordinære timer", []),
        ("resultatmål 2", "Færre unge skal være på uddannelseshjælp", []),
    ]
