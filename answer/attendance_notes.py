"""Attendance that minutes record in running text, not in the header's lists of who came and who did not.

Three conventions of Danish minutes and case texts carry it (the cue tables below, Danish and English):
- an absence announced ahead, at an earlier meeting ('Liselott Blixt melder afbud til mødet den 10. oktober'),
  so a meeting whose own minutes the material lacks still has its known absentees;
- a substitute called in or chosen for an absent member ('Mødt for X: Y', 'Y deltog som stedfortræder for X',
  'suppleant for X', 'i stedet for X … valgt Y', old protocols' 'i Stedet for');
- staff or guests present for one item only ('Fra administrationen deltog …', '… deltager faglig koordinator
  … under behandlingen af sagen', 'Til stede under punktet: …').
Each is quoted as the minutes word it, cited at its lines.
"""

from __future__ import annotations

import re

from answer.material import Material
from answer.phrasing import Statement
from answer.phrasing_meetings import announced_absence_line, item_participants_line, substitute_line
from answer.question import Question
from maalspor.model import AgendaItem, Citation, Document, SourceLine
from nlp.treatment_mentions import dates_in

ANNOUNCED_ABSENCE = re.compile(
    r"\b(?:melder|meldte|meldt|har meldt|havde meldt)\s+(?:afbud|forfald)\b"
    r"|\bdeltager ikke i\s+(?:\w+)?mødet\b|\bsends?\s+(?:apologies|regrets)\b",
    re.I,
)
# The words that put a substitute in an absent member's place; the absent member is named right after them.
SUBSTITUTE_FOR = (
    r"(?:i\s*stedet\s+for|mødt\s+for|møder\s+for|stedfortræder\s+for|suppleant\s+for|indkaldt\s+for|vikar\s+for|"
    r"in\s+place\s+of|instead\s+of|substitut\w*\s+for|deputi[sz]\w*\s+for|replacing)"
)
ITEM_PARTICIPATION = re.compile(
    r"\b(?:deltag\w*|deltog|til stede|mødt|mødte|attend\w*|present)\b.*\b(?:under|for|ved|during)\s+"
    r"(?:behandlingen|punktet|sagen|sagens behandling|dette punkt|drøftelsen|orienteringen|the item|this item)\b"
    r"|^\W*fra\s+(?:administrationen|forvaltningen|direktionen|centret|center\b|afdelingen)[^.]*\bdeltog\b",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ•-])")
# A sentence wrapped over short lines (scanned protocols, text extracts) is read on at most this many more lines,
# where the cue ends this close to its line's end (the clause it opens, a name or a date, is on the next line).
CONTINUATION_LINES = 2
WRAPPED_TAIL = 20


def announced_absences(question: Question, material: Material) -> list[Statement]:
    """The absences earlier minutes in scope announce for the meeting on the day the question names."""
    if not question.date:
        return []
    earlier = [
        document
        for document in material.documents.values()
        if document.meeting_date
        and document.meeting_date < question.date
        and int(document.meeting_date[:4]) >= int(question.date[:4]) - 1
        and material.in_scope(question, document.id)
    ]
    statements = []
    for document in sorted(earlier, key=lambda d: d.meeting_date or ""):
        year = int((document.meeting_date or "0")[:4])
        for sentence, cited in _noted(material.quoter.source_lines(document.source_file), ANNOUNCED_ABSENCE):
            if question.date in {date for y in (year, year + 1) for date, _ in dates_in(sentence, y)}:
                text = announced_absence_line(question, document.committee, document.meeting_date, sentence)
                statements.append(Statement(text, [_cite(document, cited)]))
    return statements


def substitutes(question: Question, material: Material, persons: list[str]) -> list[Statement]:
    """The sentences in the material in scope that put someone in the place of a member the question names."""
    statements = []
    for person in persons:
        name = r"\s+".join(map(re.escape, person.split()))  # the name may wrap or be spaced unevenly
        named = re.compile(rf"{SUBSTITUTE_FOR}\s+(?:\w+\s+)?{name}", re.I)
        for document in material.documents.values():
            if material.in_scope(question, document.id):
                for sentence, cited in _noted(material.quoter.source_lines(document.source_file), named):
                    text = substitute_line(question, person, document.title or document.source_file, sentence)
                    statements.append(Statement(text, [_cite(document, cited)]))
    return statements


def item_participants(question: Question, item: AgendaItem, material: Material) -> list[Statement]:
    """Who the item's text says takes part in its treatment besides the members."""
    if not item.citations:
        return []
    document = material.documents[item.document_id]
    lines = material.quoter.cited_lines(item.citations[0])
    return [
        Statement(item_participants_line(question, item.number, item.title, sentence), [_cite(document, cited)])
        for sentence, cited in _noted(lines, ITEM_PARTICIPATION)
    ]


def _noted(lines: list[SourceLine], cue: re.Pattern) -> list[tuple[str, list[SourceLine]]]:
    """(sentence, its lines) of each sentence the cue matches from a line on (a name or a date may wrap onto the
    next line), read on over the lines it wraps onto."""
    noted = []
    for index, line in enumerate(lines):
        own = " ".join(line.text.split())
        following = _continuation(lines, index)
        text = " ".join([own, *(" ".join(part.text.split()) for part in following[:1])])
        match = cue.search(text)
        if match is None or match.start() >= len(own):
            continue
        wrapped = len(own) - match.end() < WRAPPED_TAIL
        cited = [line, *following] if wrapped else [line]
        joined = " ".join(" ".join(part.text.split()) for part in cited)
        sentence = next((s for s in _SENTENCE_END.split(joined) if cue.search(s)), joined)
        noted.append((sentence, cited))
    return noted


def _continuation(lines: list[SourceLine], index: int) -> list[SourceLine]:
    """The lines after `index` that carry on its sentence (blank lines skipped), up to CONTINUATION_LINES."""
    following: list[SourceLine] = []
    last = lines[index]
    for line in lines[index + 1 :]:
        if last.text.rstrip().endswith((".", "!", "?", ":")) or len(following) == CONTINUATION_LINES:
            break
        if line.page != last.page:
            break
        if line.text.strip():
            following.append(line)
            last = line
    return following


def _cite(document: Document, lines: list[SourceLine]) -> Citation:
    return Citation(document.source_file, lines[0].page, lines[0].line, lines[-1].line)
