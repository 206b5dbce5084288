"""Danish display labels for the web page: the names of relations, roles, kinds and target changes.

Labels only, looked up from the records' enum values; answer sentences come from answer/phrasing.py.
"""

from __future__ import annotations

import re

RELATION = {
    "identical": "videreført uændret",
    "reworded": "omformuleret",
    "narrowed": "indsnævret",
    "broadened": "udvidet",
    "split": "delt",
    "merged": "slået sammen",
    "related": "beslægtet",
}

ROLE = {
    "approves": "godkender planen",
    "reports-status": "status på planen",
    "sets-targets": "fastsætter måltal",
    "discusses": "drøfter planen",
}

ORIGIN = {"ministerial": "ministermål", "local": "lokalt mål"}

HIT_KIND = {
    "section": "planafsnit",
    "goal": "mål",
    "status": "status",
    "item": "dagsordenspunkt",
    "item-field": "sagsfremstilling",
    "attachments": "bilag",
    "decision": "beslutning",
    "attendance": "fremmøde",
}

DOC_KIND = {"plan": "plan", "minutes": "referat", "agenda": "dagsorden", "other": "andet"}

CONFIDENCE = ((0.8, "sikker sammenkædning"), (0.5, "sandsynlig sammenkædning"), (0.0, "usikker sammenkædning"))

# Punctuation the word diff writes as its own token ('dvs . ledige ,'): glued back to its neighbour.
_SPACE_BEFORE_CLOSING = re.compile(r"\s+([.,;:!?)\]%])")
_SPACE_AFTER_OPENING = re.compile(r"([(\[])\s+")
# A goal number as plans print it ('4', '4a', 'ministermål 1', 'følgemål b'); a slug made up for an
# unnumbered goal ('flere-unge-i-uddannelse') is no number to show.
_PLAIN_NUMBER = re.compile(r"\d+[a-zæøå]?", re.I)


def label(table: dict[str, str], value: object) -> str:
    """The Danish label of an enum value; an unknown value is shown as it is."""
    return table.get(str(value), str(value)) if value is not None else ""


def confidence_label(confidence: float) -> str:
    return next(text for floor, text in CONFIDENCE if confidence >= floor)


def target_change_label(kind: str, before: str | None, after: str | None) -> str:
    """How a goal's target changed between two years, in Danish (nlp.wording_diff.TargetChange kinds)."""
    if kind == "none":
        return "Ingen målsætning i nogen af årene."
    if kind == "added":
        return f"Målsætning tilføjet: {after}."
    if kind == "removed":
        return f"Målsætningen er fjernet (var: {before})."
    if kind == "value-set":
        return f"Måltallet er fastsat: {after}."
    if kind == "unchanged":
        return f"Målsætningen er uændret: {after}."
    return f"Målsætningen er ændret fra {before} til {after}."


def tidy_spacing(text: str) -> str:
    """Word-diff tokens joined by spaces, read with normal punctuation: 'dvs . ledige ,' -> 'dvs. ledige,'."""
    return _SPACE_AFTER_OPENING.sub(r"\1", _SPACE_BEFORE_CLOSING.sub(r"\1", text))


def diff_segments(ops: list[dict]) -> list[dict]:
    """The diff's operations with tidy text and whether a space goes before each (none before punctuation)."""
    segments = []
    for position, op in enumerate(ops):
        text = tidy_spacing(op["text"])
        spaced = position > 0 and not _SPACE_BEFORE_CLOSING.match(" " + text)
        segments.append({"op": op["op"], "text": text, "spaced": spaced})
    return segments


def goal_heading(number: str) -> str:
    """'Mål 4a', 'Ministermål 1', 'Følgemål b'; 'Mål' alone for an unnumbered goal."""
    if _PLAIN_NUMBER.fullmatch(number):
        return f"Mål {number}"
    if " " in number:
        return number[:1].upper() + number[1:]
    return "Mål"
