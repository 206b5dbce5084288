"""Field captions of the structured meeting exports mapped to the canonical field labels of ingest.meeting_text.

Each case system names the same parts of an agenda item differently ("Sammendrag" in SBSYS, "Resume" in
FirstAgenda, "ADMINISTRATIONENS INDSTILLING" in a region's SBSYS). The table below is the one place that
knows these names; captions are compared case-insensitively with whitespace collapsed. A caption that
names a deciding body ("FORRETNINGSUDVALGETS BESLUTNING", "Sundheds- og Forebyggelsesudvalgets beslutning
den 04.12.2012 Punkt 2") becomes a decision header that keeps the body and the date:
"Beslutning i Forretningsudvalget", "Beslutning i Sundheds- og Forebyggelsesudvalget den 04.12.2012".
An unknown caption is kept as it is, a line of its own.
"""

from __future__ import annotations

import re

# caption (lower case) -> canonical label
CAPTION_LABELS = {
    "resume": "Resume",
    "resumé": "Resume",
    "sammendrag": "Resume",
    "sagsfremstilling": "Sagsfremstilling",
    "sagsbeskrivelse": "Sagsbeskrivelse",
    "baggrund": "Sagsbeskrivelse",
    "beskrivelse": "Sagsbeskrivelse",
    "indstilling": "Indstilling",
    "forslag til beslutning": "Indstilling",
    "beslutning": "Beslutning",
    "afgørelse": "Beslutning",
    "økonomi": "Økonomiske konsekvenser",
    "økonomiske konsekvenser": "Økonomiske konsekvenser",
    "økonomiske konsekvenser og finansiering": "Økonomiske konsekvenser",
    "økonomi og finansiering": "Økonomiske konsekvenser",
    "lovgrundlag": "Lovgrundlag",
    "retsgrundlag": "Lovgrundlag",
    "beslutningen træffes af": "Sagsprocedure",
    "sagen afgøres af": "Sagsprocedure",
    "kompetence": "Sagsprocedure",
    "beslutningskompetence": "Sagsprocedure",
    "sagsprocedure": "Sagsprocedure",
    "tidligere behandling": "Sagens forløb",
    "punktet behandlet tidligere": "Sagens forløb",
    "sagens forløb": "Sagens forløb",
    "sagsforløb": "Sagens forløb",
    "kommunikation": "Kommunikation",
    "høring": "Høring",
    "tidsplan": "Tidsplan",
    "bilag": "Bilag",
}

# "<X>s indstilling": the administration's recommendation under the name of who makes it.
_RECOMMENDATION_BY = re.compile(
    r"(?:administrationens|forvaltningens|direktionens|koncernledelsens|\w+centerets|sekretariatets)\s+indstilling",
    re.IGNORECASE,
)
# "<Body>s beslutning[ den <date>][ Punkt N][:]": a decision header naming the deciding body.
_BODY_DECISION = re.compile(
    r"(?P<body>\S.*?(?:udvalg|udvalget|rådet|råd|bestyrelsen|gruppen|forum|magistraten|borgmesteren|direktionen))"
    r"s\s+beslutning"
    r"(?:\s+(?:den\s+)?(?P<date>\d{1,2}[.-]\d{1,2}[.-]\d{2,4}))?(?:\s+punkt\s+\d+)?\s*:?",
    re.IGNORECASE,
)


def canonical_label(caption: str) -> str:
    """The canonical field label for an export's caption; an unknown caption comes back as written."""
    text = " ".join(caption.split()).rstrip(":")
    key = text.casefold()
    if key in CAPTION_LABELS:
        return CAPTION_LABELS[key]
    if _RECOMMENDATION_BY.fullmatch(text):
        return "Indstilling"
    decision = _BODY_DECISION.fullmatch(text)
    if decision:
        return decision_header(decision.group("body"), decision.group("date"))
    return caption


def decision_header(body: str, date: str | None = None) -> str:
    """ "Beslutning i <Body>[ den dd-mm-yyyy]": the body in its ordinary case (upper-case captions tamed)."""
    name = body.capitalize() if body.isupper() else body
    return f"Beslutning i {name}" + (f" den {_dashed(date)}" if date else "")


def _dashed(date: str) -> str:
    """ "4.12.2012" or "04-12-2012" -> "04-12-2012"; a two-digit year stays as written."""
    day, month, year = re.split(r"[.-]", date)
    return f"{int(day):02d}-{int(month):02d}-{year}"


def meeting_label(caption: str, committee: str | None, day: str | None) -> str:
    """canonical_label, with the meeting's day added to an undated decision of the meeting's own committee.

    "FORRETNINGSUDVALGETS BESLUTNING" in Forretningsudvalget's minutes of 25-09-2012 was made that day;
    "REGIONSRÅDETS BESLUTNING" in the same minutes is a later meeting's, so it stays undated.
    """
    label = canonical_label(caption)
    body = _body_of_decision(label)
    if body and day and " den " not in label and body.casefold() == (committee or "").casefold():
        return decision_header(body, day)
    return label


def _body_of_decision(label: str) -> str | None:
    prefix = "Beslutning i "
    return label[len(prefix) :] if label.startswith(prefix) else None
