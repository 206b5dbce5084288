"""Field parsers shared by the layouts: recommendations, attachment lists, item type, decisions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from maalspor.model import CleanText, Decision, ItemType, Recommendation
from nlp.bodies import same_body
from nlp.decisions import DecisionHeader, build_decision, decision_header, history_entry, history_field
from nlp.lines import Line, after_prefix, cite, content, unwrap

# "1) ...", "A) ...", Aarhus "At 1) ...", FirstAgenda JSON "1. at ..."
_RECOMMENDATION = re.compile(r"^(?:at\s+)?(?P<mark>\d{1,2}|[A-H])(?:\)|\.(?=\s+at\s))\s*(?P<text>.*)", re.I)
# "• title", "1. title", eDoc "2012-200782 - title"
_ATTACHMENT = re.compile(r"^(?:•\s*|\d{1,2}\.\s+|\d{4}\s*[–-]\s*\d+\s+-\s+)(?P<title>.+)")
# A lettered sub-point ("c. Konference ...") ends an attachment list inside a 'Meddelelser' item.
_SUB_POINT = re.compile(r"^[a-zæøå]\.\s")
_NO_ATTACHMENTS = {"ingen", "ingen bilag", "-"}

_TYPE_SUFFIX = re.compile(r"\((orientering|drøftelse|beslutning)\)\s*$", re.I)
# Titles that state the item's nature in their first words.
_TYPE_PREFIXES = (
    ("orientering", ItemType.ORIENTERING),
    ("meddelelser", ItemType.ORIENTERING),
    ("drøftelse", ItemType.DROEFTELSE),
    ("godkendelse", ItemType.BESLUTNING),
)


def item_type(title: str) -> ItemType | None:
    suffix = _TYPE_SUFFIX.search(title)
    if suffix:
        return ItemType(suffix.group(1).lower())
    first_word = title.split(" ", 1)[0].lower().rstrip(".:")
    return next((kind for prefix, kind in _TYPE_PREFIXES if first_word == prefix), None)


def recommendations(lines: list[Line]) -> list[Recommendation]:
    found: list[Recommendation] = []
    for line in content(lines):
        match = _RECOMMENDATION.match(line.text)
        if match:
            mark = match.group("mark").upper()
            number = int(mark) if mark.isdigit() else ord(mark) - ord("A") + 1
            found.append(Recommendation(number, match.group("text")))
        elif found:
            found[-1].text += " " + line.text
    return found


def attachments(lines: list[Line]) -> list[str]:
    """Attachment titles of a 'Bilag' list; unmarked lists hold one title per line."""
    entries = content(lines)
    marked = any(_ATTACHMENT.match(line.text) for line in entries)
    titles: list[str] = []
    continuing = False
    for line in entries:
        match = _ATTACHMENT.match(line.text)
        if match:
            titles.append(match.group("title").strip())
            continuing = True
        elif not marked:
            titles.append(line.text)
        elif continuing and not _SUB_POINT.match(line.text):
            titles[-1] += " " + line.text
        else:
            continuing = False
    return [title for title in titles if title.lower().rstrip(".") not in _NO_ATTACHMENTS]


@dataclass
class _DecisionLines:
    committee: str
    date: str | None
    header: list[Line] = field(default_factory=list)  # the lines naming body and date
    body: list[Line] = field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        return self.header + self.body

    def decision(self, clean: CleanText) -> Decision:
        return build_decision(self.committee, self.date, unwrap(self.body), cite(clean, self.lines))


def _opened_by(header: DecisionHeader, line: Line, committee: str | None, date: str | None) -> _DecisionLines:
    """The decision block a header line opens: a header without a body is the meeting's own body's;
    without a date, the meeting's date when the body is the meeting's."""
    body = header.body or committee or ""
    own = header.body is None or same_body(header.body, committee)
    group = _DecisionLines(body, header.date or (date if own else None), [line])
    if header.rest:
        group.body.append(after_prefix(line, len(line.text) - len(header.rest)))
    return group


def decisions(clean: CleanText, lines: list[Line], committee: str | None, date: str | None) -> list[Decision]:
    """Decisions in a decision section: each header line ('Beslutning i Byrådet den 12-12-2022:',
    'Økonomiudvalget, den 28. november 2022') starts one; text before any header belongs to the
    meeting's own body and date."""
    groups: list[_DecisionLines] = []
    for line in content(lines):
        header = decision_header(line.text)
        if header and (header.body or header.date or header.rest or not groups):
            groups.append(_opened_by(header, line, committee, date))
        elif header is None and not groups:
            groups.append(_DecisionLines(committee or "", date, [], [line]))
        elif header is None:
            groups[-1].body.append(line)
    return [group.decision(clean) for group in groups if group.body or group.committee]


def history_decisions(clean: CleanText, lines: list[Line]) -> list[Decision]:
    """Earlier decisions in a history section ('Sagens forløb', 'Sagsforløb', 'Tidligere behandling',
    'Punktet behandlet tidligere'): each entry names a body and a date, on one line
    ('14-11-2022 Beskæftigelses- og Erhvervsudvalget') or in table fields ('Udvalg: Magistraten' /
    'Dato: 02-09-2025' / 'Punktnummer: 12'), and its decision text follows."""
    groups: list[_DecisionLines] = []
    for line in content(lines):
        entry = history_entry(line.text)
        table_field = history_field(line.text)
        if entry:
            groups.append(_DecisionLines(entry.body or "", entry.date, [line]))
        elif table_field and table_field[0] == "body":
            groups.append(_DecisionLines(table_field[1], None, [line]))
        elif table_field and groups and not groups[-1].body:
            groups[-1].header.append(line)
            if table_field[0] == "date":
                groups[-1].date = table_field[1]
        elif groups:
            groups[-1].body.append(line)
    return [group.decision(clean) for group in groups]
