"""Who was absent from a meeting, or from the meeting that dealt with an item; and whether a member the question
names was there.

Danish minutes record attendance in the header ('Deltagere: …', 'Fraværende: …', 'Afbud: …') and, where
a member left or came late, under the item's decision ('Fraværende: …'). A question naming a member ('Var
Morten Dahlin til stede …', 'Deltog Hanne Agersnap …', 'Was X absent …') is answered for that member first:
absent when a list of absentees names them, present when the list of participants does and no list of
absentees does, else that the minutes do not record them as absent — then the meeting's absences follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from answer.attendance import Attendance, header_attendance
from answer.attendance_notes import item_participants, substitutes
from answer.material import Material
from answer.meeting_answers import absence_line, by_named_body
from answer.meeting_words import is_meeting_process_word
from answer.phrasing import Answer, Statement, date_in, no_evidence, say
from answer.question import Question
from answer.stopwords import STOPWORDS
from maalspor.model import AgendaItem, Citation, Decision, Document
from nlp.bodies import is_body_name
from nlp.decisions import meeting_decision

# A question about the first or the latest time a topic was dealt with ('da ... blev drøftet første gang').
FIRST_TIME = re.compile(r"\b(første gang|først|first time|first)\b", re.I)
LAST_TIME = re.compile(r"\b(sidste gang|senest|seneste|last time|most recently|latest)\b", re.I)
# Two or more capitalised words in a row: how a question names a person ('Hanne Agersnap', 'John T. Olsen').
_CAPITALISED_RUN = re.compile(r"\b[A-ZÆØÅ][a-zæøåé]+(?:(?: [A-ZÆØÅ]\.)? [A-ZÆØÅ][a-zæøåé]+)+")
_PARTY = re.compile(r"\s*\([^)]*\)")
# At most this many meetings of a named year are reported when no agenda item names the question's topic.
MEETINGS_OF_A_YEAR = 2


@dataclass(frozen=True)
class Reported:
    """One meeting's (or one item's) attendance as stated, with the names it rests on."""

    statement: Statement
    where: tuple[str, str]  # 'ved mødet i … den …' / 'da … behandlede punkt …'; English: 'the … meeting on …'
    absent: list[str]
    present: list[str]  # the header's list of participants (empty where the minutes print none)
    presence_line: Citation | None
    notes: tuple[Statement, ...] = ()  # who else the item's text says took part ('Fra administrationen deltog …')
    # (name, item, line) of each member the minutes record absent under one item only ('Fraværende: X' under punkt 1)
    items_missed: tuple[tuple[str, AgendaItem, Citation | None], ...] = ()


def answer_absent(question: Question, material: Material, searcher=None) -> Answer:
    """Absences at the meeting the question dates; else at the meetings that dealt with its topic. A member the
    question names is told about first."""
    persons = named_persons(question, material)
    question = replace(question, terms=_without_names(question.terms, persons, material))
    # who took a named member's place ('Mødt for X: Y') says both that X was away and who came instead
    replaced = substitutes(question, material, persons)
    if replaced:
        return Answer(question, replaced)
    reported = _reported(question, material)
    if not reported:
        named = question.date or question.month
        return no_evidence(
            question,
            f"noget møde {date_in(question, question.date) if question.date else named}"
            if named
            else "hvilket møde der menes",
            f"a meeting on {named}" if named else "which meeting is meant",
        )
    persons = _with_listed_names(question.text, persons, reported)
    told = [_person_line(question, person, meeting) for person in persons for meeting in _meetings(reported)]
    statements = told + [statement for meeting in reported for statement in (meeting.statement, *meeting.notes)]
    return Answer(question, list({statement.text: statement for statement in statements}.values()))


def _reported(question: Question, material: Material) -> list[Reported]:
    meetings = [
        d
        for d in material.documents.values()
        if d.meeting_date and material.in_scope(question, d.id) and _on_named_date(question, d.meeting_date)
    ]
    # a meeting no minutes of its own record is known from the later minutes that reprint its decisions
    found = [(item, decision) for item, decision in material.resolve_items(question) if meetings or not item.embedded]
    found = by_named_body(question, found, material)
    if meetings:
        at_meeting = [(item, decision) for item, decision in found if material.documents[item.document_id] in meetings]
        if at_meeting and material.names_an_item(question):  # one item of the meeting: who missed that item
            return [_item_absence(question, i, d, material) for i, d in at_meeting[:3]]
        return [_absence(question, document, material) for document in meetings]
    if found:
        return [_item_absence(question, i, d, material) for i, d in _treatments(question, found)]
    # no item names the topic: the meetings of the named year in scope
    return [_absence(question, document, material) for document in _meetings_in_named_years(question, material)]


def _meetings(reported: list[Reported]) -> list[Reported]:
    """One report per meeting (two items of one meeting share its attendance)."""
    return list({meeting.where: meeting for meeting in reversed(reported)}.values())[::-1]


def named_persons(question: Question, material: Material) -> list[str]:
    """The members the question names: runs of capitalised words no item title holds and no body name is
    ('Greve Byråd', 'Tryghed i Greve Nord' stay the topic), less a sentence-initial question word ('Var',
    'Deltog')."""
    titles = " ".join(item.title for item in material.items).lower()
    persons = []
    for match in _CAPITALISED_RUN.finditer(question.text):
        words = match.group(0).split()
        if _sentence_initial(question.text, match.start()) and _question_word(words[0]):
            words = words[1:]
        run = " ".join(words)
        if len(words) >= 2 and run.lower() not in titles and not any(is_body_name(word) for word in words):
            persons.append(run)
    return persons


def _with_listed_names(text: str, persons: list[str], reported: list[Reported]) -> list[str]:
    """The members named, and any member the meetings' lists hold whom the question names in any case ('var john
    t. olsen med')."""
    listed = {_PARTY.sub("", name) for meeting in reported for name in (*meeting.absent, *meeting.present)}
    found = persons + [name for name in sorted(listed) if name.casefold() in text.casefold()]
    return list(
        {
            person.casefold(): person
            for person in found
            if not any(person != other and _same_person(person, other) for other in found)
        }.values()
    )


def _sentence_initial(text: str, start: int) -> bool:
    return not text[:start].strip() or text[:start].rstrip()[-1] in ".?!:"


def _question_word(word: str) -> bool:
    return word.lower() in STOPWORDS or is_meeting_process_word(word.lower())


def _without_names(terms: tuple[str, ...], persons: list[str], material: Material) -> tuple[str, ...]:
    """The topic less the words of the members named and of every absentee the minutes record: they say who,
    not which item."""
    names = {w.lower() for item in material.items for d in item.decisions for a in d.absent for w in a.name.split()}
    names.update(word.lower() for person in persons for word in re.split(r"[ -]", person))
    return tuple(t for t in terms if t not in names)


def _same_person(asked: str, listed: str) -> bool:
    """Every word of the name asked is a word of the listed name ('Morten Dahlin' in 'Morten Dahlin (V)')."""
    return set(asked.casefold().split()) <= set(_PARTY.sub("", listed).casefold().split())


def _person_line(question: Question, person: str, meeting: Reported) -> Statement:
    where_da, where_en = meeting.where
    if any(_same_person(person, name) for name in meeting.absent):
        return Statement(
            say(
                question,
                f"{person} deltog ikke (fraværende) {where_da}.",
                f"{person} did not take part (absent) in {where_en}.",
            ),
            meeting.statement.citations,
        )
    missed = [(item, cited) for name, item, cited in meeting.items_missed if _same_person(person, name)]
    if missed:
        return _missed_items_line(question, person, meeting, missed)
    if any(_same_person(person, name) for name in meeting.present) and meeting.presence_line:
        return Statement(
            say(
                question,
                f"{person} var til stede {where_da}: {person} står blandt deltagerne og ikke blandt de fraværende.",
                f"{person} was present at {where_en}: {person} is listed among the participants, not as absent.",
            ),
            [meeting.presence_line],
        )
    return Statement(
        say(
            question,
            f"{person} er ikke noteret som fraværende {where_da}.",
            f"{person} is not recorded as absent from {where_en}.",
        ),
        meeting.statement.citations,
    )


def _missed_items_line(
    question: Question, person: str, meeting: Reported, missed: list[tuple[AgendaItem, Citation | None]]
) -> Statement:
    """A member at the meeting who was away while some items were dealt with (came late, left early, was
    disqualified): the minutes record the absence under those items."""
    items_da = ", ".join(f"punkt {item.number} “{item.title}”" for item, _ in missed)
    items_en = ", ".join(f"item {item.number} “{item.title}”" for item, _ in missed)
    where_da, where_en = meeting.where
    return Statement(
        say(
            question,
            f"{person} var fraværende under {items_da} {where_da}.",
            f"{person} was absent during {items_en} of {where_en}.",
        ),
        [cited for _, cited in missed if cited],
    )


def _treatments(
    question: Question, found: list[tuple[AgendaItem, Decision | None]]
) -> list[tuple[AgendaItem, Decision | None]]:
    """The first or the latest treatment when the question asks for it, else the first three (oldest first)."""
    if FIRST_TIME.search(question.text):
        return found[:1]
    if LAST_TIME.search(question.text):
        return found[-1:]
    return found[:3]


def _meetings_in_named_years(question: Question, material: Material) -> list[Document]:
    """The minutes in scope of the named years, when they are few enough to be the meeting meant."""
    meetings = [
        d
        for d in material.documents.values()
        if d.meeting_date
        and question.years
        and int(d.meeting_date[:4]) in question.years
        and material.in_scope(question, d.id)
    ]
    return sorted(meetings, key=lambda d: d.meeting_date or "") if len(meetings) <= MEETINGS_OF_A_YEAR else []


def _on_named_date(question: Question, meeting_date: str) -> bool:
    if question.date:
        return meeting_date == question.date
    return bool(question.month) and meeting_date.startswith(question.month or "")


def _item_absence(question: Question, item: AgendaItem, decision: Decision | None, material: Material) -> Reported:
    """Who was absent when the item was decided: the decision's own absences (of the body the question names,
    when another body's decision records them: 'fraværende i Magistraten'), else the meeting's."""
    document = material.documents[item.document_id]
    named = [d for d in item.decisions if d.absent and material.names_body(question, d.committee)]
    decision = named[0] if named else decision
    participants = tuple(item_participants(question, item, material))
    if decision is None or not decision.absent or not decision.citations:
        return replace(_absence(question, document, material), notes=participants)
    names = [f"{a.name} ({a.party})" if a.party else a.name for a in decision.absent]
    citation = absence_line(material, decision.citations, decision)
    where = (
        f"da {decision.committee} behandlede punkt {item.number} “{item.title}” den {date_in(question, decision.date)}",
        f"{decision.committee}'s meeting on {date_in(question, decision.date)} for item {item.number} “{item.title}”",
    )
    statement = Statement(
        say(question, f"Fraværende, {where[0]}: {', '.join(names)}.", f"Absent from {where[1]}: {', '.join(names)}."),
        [citation] if citation else [],
    )
    # the header lists who came to the meeting the minutes record, not to an earlier one an item quotes
    header = _header(document, material) if decision.date == document.meeting_date else None
    present = header.present if header else []
    return Reported(statement, where, names, present, header.presence_line if header else None, participants)


def _header(document: Document, material: Material) -> Attendance:
    return header_attendance(
        document, [item for item in material.items if item.document_id == document.id], material.quoter
    )


def _absence(question: Question, document: Document, material: Material) -> Reported:
    """Who the minutes of `document` record as absent: the header's list, else the decisions' absences."""
    header = _header(document, material)
    when = date_in(question, document.meeting_date)
    where = (f"ved mødet i {document.committee} den {when}", f"the {document.committee} meeting on {when}")
    names, citation = header.absent, header.absence_line
    if not names:
        items = [item for item in material.items if item.document_id == document.id and not item.embedded]
        with_absence = [d for item in items if (d := meeting_decision(item, document)) is not None and d.absent]
        names = list(
            dict.fromkeys(f"{a.name} ({a.party})" if a.party else a.name for d in with_absence for a in d.absent)
        )
        first = with_absence[0] if with_absence else None
        citation = absence_line(material, first.citations, first) if first else None
    if names:
        statement = Statement(
            say(
                question, f"Fraværende {where[0]}: {', '.join(names)}.", f"Absent from {where[1]}: {', '.join(names)}."
            ),
            [citation] if citation else [],
        )
    else:
        statement = Statement(
            say(
                question,
                f"Referatet fra {document.title} noterer ingen fraværende.",
                f"The minutes of {document.title} record no absent members.",
            ),
            [header.presence_line] if header.presence_line else [],
        )
    return Reported(
        statement, where, names, header.present, header.presence_line, items_missed=_items_missed(document, material)
    )


def _items_missed(document: Document, material: Material) -> tuple[tuple[str, AgendaItem, Citation | None], ...]:
    """Each member an item's decision records absent, with the item and the line naming them (the decision's
    lines first, then the item's: minutes may print 'Fraværende: X' above the decision)."""
    items = [item for item in material.items if item.document_id == document.id and not item.embedded]
    decided = [(item, d) for item in items if (d := meeting_decision(item, document)) is not None and d.absent]
    return tuple(
        (absent.name, item, absence_line(material, [*d.citations, *item.citations[:1]], d))
        for item, d in decided
        for absent in d.absent
    )
