"""Answers about meetings: what was decided (by every body), an agenda history, attachments (who was absent:
answer/absence_answers.py)."""

from __future__ import annotations

import re
from dataclasses import replace

from answer.attachment_lines import attachment_lines
from answer.case_history import Treatment, announced_treatments, mentioned_treatments, quoting_treatments
from answer.material import Material, decision_summary, item_search_text
from answer.meeting_dates import date_bound, without_named_meeting
from answer.phrasing import Answer, Statement, date_in, no_evidence, say, topic_da, topic_en
from answer.phrasing_meetings import history_line, printed_history_line, recommendation_line, treatment_heading
from answer.question import Question
from answer.topic import TermMatcher
from maalspor.model import AgendaItem, Citation, Decision
from nlp.decisions import meeting_decision

# A decision this short ('Godkendt', 'Indstillingen tiltrådt', 'Anbefales over for Byrådet') is read with
# the recommendation it rules on.
SHORT_DECISION_WORDS = 12
_ENUMERATOR = re.compile(r"^\W*(?:[A-Za-z]|\d{1,2})[).]\s+")


def answer_decision(question: Question, material: Material, searcher=None) -> Answer:
    found = [(item, d) for item, d in material.resolve_items(question) if item.decisions]
    found = by_named_body(question, found, material)
    if not found:
        return no_evidence(
            question, f"hvad der blev besluttet om {topic_da(question)}", f"what was decided about {topic_en(question)}"
        )
    statements = []
    absences_told: set[tuple[str, str | None]] = set()
    for item, _ in found:
        recommendation_told = False  # several bodies' short rulings on one item rule on the same recommendation
        for decision in _decisions_asked(question, item, material):
            meeting = (decision.committee, decision.date)
            statements += decision_statements(
                question, item, decision, material, meeting not in absences_told, not recommendation_told
            )
            recommendation_told = recommendation_told or _rules_on_recommendation(item, decision)
            absences_told.add(meeting)
    return Answer(question, statements, decisions=[decision_summary(i, d, material) for i, d in found])


def by_named_body(
    question: Question, found: list[tuple[AgendaItem, Decision | None]], material: Material
) -> list[tuple[AgendaItem, Decision | None]]:
    """The items a body the question names decided on ('Hvad mente Magistraten om ...'); all when none did."""
    named = [(item, d) for item, d in found if any(material.names_body(question, x.committee) for x in item.decisions)]
    return named or found


def _decisions_asked(question: Question, item: AgendaItem, material: Material) -> list[Decision]:
    """The item's decisions in date order: every body's, unless the question names a body ('ØU', 'byrådet',
    'Magistraten') that decided on it, or a meeting day or month."""
    decisions = sorted(item.decisions, key=lambda d: d.date or "")
    of_named_body = [d for d in decisions if material.names_body(question, d.committee)]
    return [d for d in of_named_body or decisions if _on_named_day(question, d)]


def _on_named_day(question: Question, decision: Decision) -> bool:
    named = question.date or question.month
    return not named or (decision.date or "").startswith(named)


def decision_statements(
    question: Question,
    item: AgendaItem,
    decision: Decision,
    material: Material,
    with_absences: bool = True,
    with_recommendation: bool = True,
) -> list[Statement]:
    """The body's decision with its outcome (per recommendation where the minutes give one), the
    recommendation a short ruling rules on, then absentees."""
    text = " ".join(decision.text.split())
    citations = decision.citations or item.citations[:1]
    statements = [
        Statement(
            say(
                question,
                f"{decision.committee} besluttede den {date_in(question, decision.date)} om punkt {item.number} "
                f"“{item.title}”: “{text}” ({_outcomes(question, decision)}).",
                f"On {date_in(question, decision.date)} {decision.committee} decided on item {item.number} "
                f"“{item.title}”: “{text}” ({_outcomes(question, decision)}).",
            ),
            citations,
        )
    ]
    if with_recommendation and _rules_on_recommendation(item, decision):
        statements.append(_recommendation_decided(question, item, material))
    if decision.absent and with_absences:
        names = ", ".join(f"{a.name} ({a.party})" if a.party else a.name for a in decision.absent)
        cited = [line] if (line := absence_line(material, citations, decision)) else []
        statements.append(Statement(say(question, f"Fraværende: {names}.", f"Absent: {names}."), cited))
    return statements


def _rules_on_recommendation(item: AgendaItem, decision: Decision) -> bool:
    """Minutes write 'Godkendt', 'Indstillingen tiltrådt' or '1. Taget til efterretning. 2. Godkendt.', which
    say what was decided only with the recommendation ('Indstilling') beside them."""
    short = len(decision.text.split()) <= SHORT_DECISION_WORDS
    return short and bool(item.citations) and bool(_recommendation_text(item).strip())


def _recommendation_text(item: AgendaItem) -> str:
    return item.recommendation_text or " ".join(r.text.strip() for r in item.recommendations)


def _recommendation_decided(question: Question, item: AgendaItem, material: Material) -> Statement:
    """The recommendation a short ruling rules on, quoted and cited at its lines."""
    text = _recommendation_text(item)
    # a parser may letter or number the recommendations ('A) …'): the source line holds the words after that
    lines = [_ENUMERATOR.sub("", line).strip() for line in text.strip().splitlines() if line.strip()]
    first, last = (material.quoter.narrowed(item.citations[0], line[:40]) for line in (lines[0], lines[-1]))
    if last.line_start == last.line_end and last.page == first.page and last.line_end > first.line_end:
        first = replace(first, line_end=last.line_end)  # the whole recommendation, when its lines were found
    return Statement(recommendation_line(question, " ".join(text.split())), [first])


def absence_line(material: Material, citations: list[Citation], decision: Decision) -> Citation | None:
    """The cited line naming the first absent member (a decision may cite several stretches), else the first."""
    name = decision.absent[0].name.casefold()
    naming = (c for c in citations if any(name in line.text.casefold() for line in material.quoter.cited_lines(c)))
    chosen = next(naming, citations[0] if citations else None)
    return material.quoter.narrowed(chosen, decision.absent[0].name) if chosen else None


def _outcomes(question: Question, decision: Decision) -> str:
    if decision.outcome_by_recommendation:
        listed = ", ".join(f"{n}: {o.value}" for n, o in sorted(decision.outcome_by_recommendation.items()))
        return say(question, f"udfald pr. indstilling — {listed}", f"outcome per recommendation — {listed}")
    outcome = decision.outcome.value if decision.outcome else say(question, "ikke angivet", "not stated")
    return say(question, f"udfald: {outcome}", f"outcome: {outcome}")


def answer_history(question: Question, material: Material, searcher=None) -> Answer:
    found, history = _history(question, material)
    history = sorted(history + _announced(question, found, material), key=lambda pair: pair[0])
    if not history:
        return no_evidence(
            question, f"noget dagsordenspunkt om {topic_da(question)}", f"any agenda item about {topic_en(question)}"
        )
    statements = [statement for _, statement in history]
    return Answer(question, statements, decisions=[decision_summary(i, d, material) for i, d in found])


def _history(question: Question, material: Material) -> tuple[list[Treatment], list[tuple[str, Statement]]]:
    """The treatments of the topic and their (date, line) in date order; where the question bounds the history
    by a meeting day or month ('sidst inden aug 2023', 'before TU on 1 October'), the items are found in every
    year and only the treatments on the asked side of it are kept (the bounding meeting's own item still tells
    of the earlier ones)."""
    bound = date_bound(question)
    asked = without_named_meeting(question) if bound else question
    found = _treatments_of(asked, material)
    history = _dated_history(asked, found, material)
    if bound is None:
        return found, history
    kept = [(item, decision) for item, decision in found if bound.admits(_date((item, decision), material))]
    return kept, [(date, statement) for date, statement in history if bound.admits(date)]


def _dated_history(question: Question, found: list[Treatment], material: Material) -> list[tuple[str, Statement]]:
    """(date, line) of every treatment: the found items' decisions, the meetings the material does not hold
    but the items' own texts name, and the later items that take a found case up by its title, in date order."""
    held = [
        (_date((item, decision), material), _history_line(question, item, decision, material, found))
        for item, decision in found
    ]
    others = mentioned_treatments(question, found, material) + quoting_treatments(question, found, material)
    # a meeting day, month or year the question names limits the others as it limits the items found
    others = [(date, statement) for date, statement in others if _in_named_years(question, date)]
    return sorted(held + others, key=lambda pair: pair[0])


def _announced(question: Question, found: list[Treatment], material: Material) -> list[tuple[str, Statement]]:
    """The later treatments the found items announce, within the named years and the history's date bound."""
    bound = date_bound(question)
    return [
        (date, statement)
        for date, statement in announced_treatments(question, found, material)
        if (bound.admits(date) if bound else _in_named_years(question, date))
    ]


def first_or_last_treatment(question: Question, material: Material, last: bool) -> Answer | None:
    """When the topic was first (or last) on an agenda, for a first/last question no goal answers; None when
    no item names the topic."""
    found, history = _history(question, material)
    if not history:
        return None
    _, line = history[-1] if last else history[0]
    line.text = f"{treatment_heading(question, last, len(history))} {line.text}"
    return Answer(question, [line], decisions=[decision_summary(i, d, material) for i, d in found])


def _treatments_of(question: Question, material: Material) -> list[tuple[AgendaItem, Decision | None]]:
    """Every treatment of the items about the topic, in every body and municipality in scope, in date order: an
    item's minutes print the decisions of the bodies that dealt with it before ('Beslutning i Magistraten den …',
    'Udvalget har behandlet sagen den …'), each a treatment of its own."""
    found = material.resolve_items(question)
    found = [treatment for candidate in found for treatment in _every_decision(question, candidate)]
    treatments = sorted(
        found + _mentioned_elsewhere(question, material, found),
        key=lambda c: (_date(c, material), _item_order(c[0])),
    )
    # one treatment per case, body and day: a body's own minutes outrank another meeting's reprint of its decision
    once: dict[tuple[str, str | None, str], tuple[AgendaItem, Decision | None]] = {}
    for item, d in treatments:
        key = (item.title.casefold(), d.committee if d else None, _date((item, d), material))
        if key not in once or _reprinted(once[key], material):
            once[key] = (item, d)
    return list(once.values())


def _reprinted(candidate: tuple[AgendaItem, Decision | None], material: Material) -> bool:
    """Another body's earlier decision that these minutes reprint (a case history), not the meeting's own."""
    item, decision = candidate
    meeting_date = material.documents[item.document_id].meeting_date
    return bool(decision and not item.embedded and meeting_date and decision.date != meeting_date)


def _every_decision(
    question: Question, candidate: tuple[AgendaItem, Decision | None]
) -> list[tuple[AgendaItem, Decision | None]]:
    """The item with its meeting's decision and each other body's decision on it within the named years."""
    item, meeting = candidate
    earlier = [d for d in item.decisions if d is not meeting and d.date and _in_named_years(question, d.date)]
    return [candidate, *((item, d) for d in earlier)]


def _in_named_years(question: Question, date: str) -> bool:
    named = question.date or question.month
    if named:
        return date.startswith(named)
    return not question.years or int(date[:4]) in question.years


def _history_line(
    question: Question,
    item: AgendaItem,
    decision: Decision | None,
    material: Material,
    found: list[tuple[AgendaItem, Decision | None]],
) -> Statement:
    """'9. januar 2023, Beskæftigelses- og Erhvervsudvalget, punkt 2 “…”: drøftet.' (the municipality, when
    the items come from several)."""
    record = decision_summary(item, decision, material)
    document = material.documents[item.document_id]
    place = (document.municipality or "") if len(_municipalities(found, material)) > 1 else ""
    if decision and _reprinted((item, decision), material):
        # the item number is the reprinting meeting's, not the deciding body's
        text = printed_history_line(
            question, record, place, item.number, item.title, document.committee, document.meeting_date or ""
        )
        return Statement(text, decision.citations[:1] or item.citations[:1])
    text = history_line(
        question, record["date"], record["committee"], place, item.number, item.title, record["outcome"]
    )
    return Statement(text, item.citations[:1])


def _mentioned_elsewhere(
    question: Question, material: Material, found: list[tuple[AgendaItem, Decision | None]]
) -> list[tuple[AgendaItem, Decision | None]]:
    """In the municipalities in scope where no item's title names the topic, the items whose text does
    (a topic raised under 'Meddelelser' in one municipality and as its own item in another)."""
    terms = material.item_terms(question)
    places = _municipalities(found, material)
    if not terms or not found:
        return []
    others = [
        (item, meeting_decision(item, material.documents[item.document_id]))
        for item in material.items
        if not item.embedded
        and material.documents[item.document_id].municipality not in places
        and material.in_scope(question, item.document_id)
    ]
    others = [(item, decision) for item, decision in others if material.in_years(question, item, decision)]
    # every item of those municipalities is ranked: a topic word none of them holds is a subject they lack, and
    # outweighs a common word one of them shares ('måltal' of another case)
    ranked = TermMatcher(terms, over_whole_material=True).rank(others, [item_search_text(item) for item, _ in others])
    return [scored.record for scored in ranked]


def _date(candidate: tuple[AgendaItem, Decision | None], material: Material) -> str:
    item, decision = candidate
    return (decision.date if decision else None) or material.documents[item.document_id].meeting_date or ""


def _item_order(item: AgendaItem) -> tuple[int, str]:
    """A meeting's items in their agenda order: '2' before '10'; a number with letters after the plain ones."""
    return (int(item.number), "") if item.number.isdigit() else (10**6, item.number)


def _municipalities(found: list[tuple[AgendaItem, Decision | None]], material: Material) -> set[str | None]:
    return {material.documents[item.document_id].municipality for item, _ in found}


def answer_attachments(question: Question, material: Material, searcher=None) -> Answer:
    found = [(item, decision) for item, decision in material.resolve_items(question) if not item.embedded]
    if not found:
        return no_evidence(
            question, f"noget punkt om {topic_da(question)}", f"an agenda item about {topic_en(question)}"
        )
    statements = []
    for item, _ in found:
        names = ", ".join(f"“{a}”" for a in item.attachments)
        citations = attachment_lines(item, material)
        statements.append(
            Statement(
                say(
                    question,
                    f"Punkt {item.number} “{item.title}” havde {len(item.attachments)} bilag: {names}."
                    if names
                    else f"Punkt {item.number} “{item.title}” havde ingen bilag.",
                    f"Item {item.number} “{item.title}” had {len(item.attachments)} attachments: {names}."
                    if names
                    else f"Item {item.number} “{item.title}” had no attachments.",
                ),
                citations or item.citations[:1],
            )
        )
    return Answer(question, statements, decisions=[decision_summary(i, d, material) for i, d in found])
