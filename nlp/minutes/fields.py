"""Field parsers shared by the layouts: recommendations, attachment lists, item type, decisions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from maalspor.model import CleanText, Decision, ItemType, Recommendation
from nlp.decisions import build_decision, parse_decision_header
from nlp.lines import Line, cite, content, unwrap

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
    header: Line | None
    body: list[Line] = field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        return ([self.header] if self.header else []) + self.body


def decisions(clean: CleanText, lines: list[Line], committee: str | None, date: str | None) -> list[Decision]:
    """Decisions in a decision section: each header line starts one; text before any header
    belongs to the meeting's own committee and date."""
    groups: list[_DecisionLines] = []
    for line in content(lines):
        header = parse_decision_header(line.text)
        if header:
            groups.append(_DecisionLines(header[0], header[1], line))
        elif groups:
            groups[-1].body.append(line)
        else:
            groups.append(_DecisionLines(committee or "", date, None, [line]))
    return [
        build_decision(group.committee, group.date, unwrap(group.body), cite(clean, group.lines)) for group in groups
    ]
