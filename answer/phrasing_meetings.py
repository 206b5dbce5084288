"""Answer wording about meetings and their items (Danish and English), beside answer.phrasing."""

from __future__ import annotations

from answer.phrasing import date_in, say
from answer.question import Question


def mentioned_treatment_line(
    question: Question, date: str, body: str, number: str, title: str, meeting_date: str | None, planned: bool = False
) -> str:
    """'30. maj 2012, Sundheds- og Forebyggelsesudvalget: nævnt som tidligere behandling i punkt 4 “…” på
    mødet 4. december 2012.' — a meeting the material does not hold, known from a later item's text; a `planned`
    one is announced by an earlier item ('planlagt behandling ifølge punkt 3 “…” på mødet 24. april 2023')."""
    kind_da, kind_en = (
        ("planlagt behandling ifølge", "planned treatment according to")
        if planned
        else (
            "nævnt som tidligere behandling i",
            "mentioned as an earlier treatment in",
        )
    )
    return say(
        question,
        f"{date_in(question, date)}, {body}: {kind_da} punkt {number} “{title}” på mødet "
        f"{date_in(question, meeting_date)}.",
        f"{date_in(question, date)}, {body}: {kind_en} item {number} “{title}” of the "
        f"meeting on {date_in(question, meeting_date)}.",
    )


# A quoted recommendation is cut here: the facts a decision approves come first in it.
RECOMMENDATION_QUOTE_LIMIT = 1000


def recommendation_line(question: Question, text: str) -> str:
    """'Indstillingen, som beslutningen gælder: “…”.'"""
    text = text.rstrip(" .")
    if len(text) > RECOMMENDATION_QUOTE_LIMIT:
        text = text[:RECOMMENDATION_QUOTE_LIMIT].rsplit(" ", 1)[0] + " …"
    return say(
        question, f"Indstillingen, som beslutningen gælder: “{text}”.", f"The recommendation decided on: “{text}”."
    )


def meeting_items_line(
    question: Question, committee: str | None, date: str | None, items: list, closed: bool = False
) -> str:
    """'Mødet i Byråd den 12. december 2022 havde 3 punkter: 1 “…”; 2 “…”; 3 “…”.' ('3 lukkede punkter' when only
    the closed items are listed)."""
    listed = "; ".join(f"{i.number} “{i.title}”" for i in items)
    one = len(items) == 1
    kind_da = ("lukket punkt" if one else "lukkede punkter") if closed else ("punkt" if one else "punkter")
    kind_en = ("closed " if closed else "") + ("item" if one else "items")
    return say(
        question,
        f"Mødet i {committee} den {date_in(question, date)} havde {len(items)} {kind_da}: {listed}.",
        f"The {committee} meeting on {date_in(question, date)} had {len(items)} {kind_en}: {listed}.",
    )


def coming_cases_line(
    question: Question, committee: str | None, date: str | None, number: str, title: str, cases: list[str]
) -> str:
    """'På mødet i … den 11. juni 2019 listede punkt 6 “Kommende sager” 5 sager planlagt til kommende møder: “…”; “…”.'"""
    listed = "; ".join(f"“{case}”" for case in cases)
    when = date_in(question, date)
    return say(
        question,
        f"På mødet i {committee} den {when} listede punkt {number} “{title}” {len(cases)} sager planlagt til "
        f"kommende møder: {listed}.",
        f"At the {committee} meeting on {when}, item {number} “{title}” listed {len(cases)} cases planned for "
        f"coming meetings: {listed}.",
    )


def committee_total_line(question: Question, committee: str, meetings: int, items: int) -> str:
    """'Byråd: 4 møder med i alt 37 punkter.'"""
    return say(
        question,
        f"{committee}: {meetings} møder med i alt {items} punkter.",
        f"{committee}: {meetings} meetings with {items} items in all.",
    )


def history_line(
    question: Question,
    date: str | None,
    committee: str | None,
    municipality: str,
    number: str,
    title: str,
    outcome: str | None,
) -> str:
    """'9. januar 2023, Beskæftigelses- og Erhvervsudvalget (Greve Kommune), punkt 2 “…”: drøftet.'"""
    place = f" ({municipality})" if municipality else ""
    outcome = outcome or say(question, "intet udfald noteret", "no outcome recorded")
    return say(
        question,
        f"{date_in(question, date)}, {committee}{place}, punkt {number} “{title}”: {outcome}.",
        f"{date_in(question, date)}, {committee}{place}, item {number} “{title}”: {outcome}.",
    )


def printed_history_line(
    question: Question,
    record: dict,
    municipality: str,
    number: str,
    title: str,
    printed_by: str | None,
    printed_on: str,
) -> str:
    """'19. august 2025, Magistraten: anbefalet (gengivet under punkt 3 “…” på mødet i Teknisk Udvalg
    1. oktober 2025).' — a decision known from the case history another meeting's minutes print."""
    place = f" ({municipality})" if municipality else ""
    outcome = record["outcome"] or say(question, "intet udfald noteret", "no outcome recorded")
    when, committee, printed = date_in(question, record["date"]), record["committee"], date_in(question, printed_on)
    return say(
        question,
        f"{when}, {committee}{place}: {outcome} (gengivet under punkt {number} “{title}” på mødet i {printed_by} {printed}).",
        f"{when}, {committee}{place}: {outcome} (as printed under item {number} “{title}” of the {printed_by} meeting "
        f"on {printed}).",
    )


def quoting_item_line(question: Question, record: dict, number: str, title: str, quoted: str, earlier: bool) -> str:
    """'11. juni 2019, Beskæftigelses- og Integrationsudvalget, punkt 7 “Meddelelser” (tager sagen “…” op): taget
    til efterretning.' — a later item that takes a case up by its title; an `earlier` one shares its subject (a
    series of items under one title head: 'Tryghed i Greve Nord - Halvårsstatus')."""
    outcome = record["outcome"] or say(question, "intet udfald noteret", "no outcome recorded")
    when, committee = date_in(question, record["date"]), record["committee"]
    relation_da = f"tidligere punkt om samme emne som “{quoted}”" if earlier else f"tager sagen “{quoted}” op"
    relation_en = f"an earlier item on the subject of “{quoted}”" if earlier else f"takes up the case “{quoted}”"
    return say(
        question,
        f"{when}, {committee}, punkt {number} “{title}” ({relation_da}): {outcome}.",
        f"{when}, {committee}, item {number} “{title}” ({relation_en}): {outcome}.",
    )


def treatment_heading(question: Question, last: bool, treatments: int) -> str:
    """'Første gang på dagsordenen (af 3 behandlinger i materialet):'"""
    which_da, which_en = ("Seneste", "Latest") if last else ("Første", "First")
    return say(
        question,
        f"{which_da} gang på dagsordenen (af {treatments} {'behandling' if treatments == 1 else 'behandlinger'} i "
        "materialet):",
        f"{which_en} time on the agenda (of {treatments} in the material):",
    )


def announced_absence_line(question: Question, committee: str | None, announced_on: str | None, sentence: str) -> str:
    """'Referatet fra mødet i … den 12. september 2022 noterer afbud til mødet: “…”.'"""
    when = date_in(question, announced_on)
    sentence = sentence.rstrip(" .")
    return say(
        question,
        f"Referatet fra mødet i {committee} den {when} noterer afbud til mødet: “{sentence}”.",
        f"The minutes of the {committee} meeting on {when} record an apology for the meeting: “{sentence}”.",
    )


def substitute_line(question: Question, person: str, source: str, sentence: str) -> str:
    """'I stedet for Peder Sørensen (…): “…”.'"""
    sentence = sentence.rstrip(" .")
    return say(
        question, f"I stedet for {person} ({source}): “{sentence}”.", f"In place of {person} ({source}): “{sentence}”."
    )


def item_participants_line(question: Question, number: str, title: str, sentence: str) -> str:
    """'Deltagere under punkt 2 “…” ud over medlemmerne: “…”.'"""
    sentence = sentence.rstrip(" .")
    return say(
        question,
        f"Deltagere under punkt {number} “{title}” ud over medlemmerne: “{sentence}”.",
        f"Taking part in item {number} “{title}” besides the members: “{sentence}”.",
    )
