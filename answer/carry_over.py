"""What a plan says itself about carrying goals over from an earlier year.

Plans and the minutes presenting them say in running text when a year's goals repeat an earlier year's
('Alle målene går igen fra 2021', 'Beskæftigelsesministeren har for 2023 valgt at videreføre de fem mål
fra 2022'); that sentence answers 'new?', 'unchanged?' and 'the same as the year before?' even when the
earlier plan is not in the material. The cue words are data.
"""

from __future__ import annotations

import re

from answer.material import Material
from answer.passages import cite, quote
from answer.phrasing import Statement, carry_over_quote
from answer.question import Question
from maalspor.model import Citation

# Words saying goals continue unchanged, Danish and English, or that a plan is made on goals decided before
# ('udarbejdet med afsæt i de fremlagte indsatsområder og mål', 'tager udgangspunkt i', 'bygger videre på').
CARRY_OVER_CUES = re.compile(
    r"\b(går igen|gentage[st]?|videreføre[rs]?|videreført\w*|fastholde[rs]?|uændre\w*|de samme|samme mål"
    r"|(?:med|tager|taget) (?:afsæt|udgangspunkt) i|bygger (?:videre )?på"
    r"|carried (?:over|forward)|unchanged|the same|repeated|based on|builds on)\b",
    re.I,
)
# The most sentences quoted: a plan says what it builds on, and then how many goals that gave.
MAX_CARRY_OVER_QUOTES = 2


def carry_over_statement(question: Question, material: Material, later: int, earlier: int) -> list[Statement]:
    """The sentences of the `later` year's plan (or the minutes presenting it) saying its goals carry over from
    `earlier` or build on what was decided then, quoted (windows apart, in the document's order); none when the
    material has no such sentence."""
    documents = _documents_with_goals(question, material, later)
    statements: list[Statement] = []
    for passage in material.passages(question, documents):
        if str(earlier) in passage.text and CARRY_OVER_CUES.search(passage.text):
            cited: list[Citation] = cite(passage, material.quoter.source_lines)
            if any(_overlap(cited, s.citations) for s in statements):
                continue
            title = material.documents[passage.document_id].title or ""
            statements.append(Statement(carry_over_quote(question, title, quote(passage)), cited))
            if len(statements) == MAX_CARRY_OVER_QUOTES:
                break
    return statements


def _overlap(cited: list[Citation], others: list[Citation]) -> bool:
    return any(
        a.source_file == b.source_file
        and a.page == b.page
        and a.line_start <= b.line_end
        and b.line_start <= a.line_end
        for a in cited
        for b in others
    )


def _documents_with_goals(question: Question, material: Material, year: int) -> list[str]:
    """The documents holding goals of plan year `year` in the question's scope, plans first."""
    found = {g.document_id for g in material.goals.values() if g.plan_year == year}
    in_scope = [d for d in found if material.in_scope(question, d)]
    return sorted(in_scope, key=lambda d: (material.documents[d].kind.value != "plan", d))
