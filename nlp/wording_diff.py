"""Word-level diff of two goal wordings, and the structured change between two goals' targets.

'Flere flygtninge og familiesammenførte skal være selvforsørgende (ministermål)' and the same text
broken over two lines with a hyphen compare as identical: the diff sees words, not layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from maalspor.model import Target

# Plans mark state goals with a '(ministermål)' suffix; it says who set the goal, not what it is.
_ORIGIN_SUFFIX = re.compile(r"\s*\((?:ministermål|ministerielt mål|lokalt mål)\)\s*$", re.I)
# A word hyphenated at a line break ('beskæf-\ntigelse'); 'job- og' keeps its hyphen (a conjunction follows).
_BROKEN_WORD = re.compile(r"(\w)-\s*\n\s*(?!og\b|eller\b)([a-zæøå])")
# Words, numbers with Danish decimal commas ('2,5'), and the hyphen-prefixed halves of 'job- og'.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[\wæøåÆØÅ]+(?:-[\wæøåÆØÅ]+)*-?|[^\s\w]")


@dataclass(frozen=True)
class DiffOp:
    op: str  # "equal" | "insert" | "delete"
    text: str


@dataclass(frozen=True)
class TargetChange:
    kind: str  # "unchanged" | "added" | "removed" | "value-set" | "changed" | "none"
    before: str | None
    after: str | None
    description: str


def normalize_wording(wording: str) -> str:
    """The wording without layout damage and origin suffix, whitespace collapsed."""
    text = _BROKEN_WORD.sub(r"\1\2", wording)
    return _ORIGIN_SUFFIX.sub("", " ".join(text.split()))


def tokens(wording: str) -> list[str]:
    return _TOKEN.findall(normalize_wording(wording))


def word_diff(before: str, after: str) -> list[DiffOp]:
    """Insertions and deletions between two wordings, compared case-insensitively word by word."""
    old, new = tokens(before), tokens(after)
    matcher = SequenceMatcher(a=[t.lower() for t in old], b=[t.lower() for t in new], autojunk=False)
    ops: list[DiffOp] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(DiffOp("equal", " ".join(new[j1:j2])))
            continue
        if i2 > i1:
            ops.append(DiffOp("delete", " ".join(old[i1:i2])))
        if j2 > j1:
            ops.append(DiffOp("insert", " ".join(new[j1:j2])))
    return ops


def render_diff(ops: list[DiffOp]) -> str:
    """Terminal form: '[-deleted-]' and '{+inserted+}' around changed words."""
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return " ".join(marks[op.op].format(op.text) for op in ops)


def is_identical(before: str, after: str) -> bool:
    return all(op.op == "equal" for op in word_diff(before, after))


def target_change(before: Target | None, after: Target | None) -> TargetChange:
    """How a goal's quantified target changed between two linked goals."""
    if before is None:
        if after is None:
            return TargetChange("none", None, None, "no target in either year")
        return TargetChange("added", None, after.text, f"target added: {after.text}")
    if after is None:
        return TargetChange("removed", before.text, None, f"target removed (was: {before.text})")
    if before.placeholder and not after.placeholder:
        return TargetChange("value-set", before.text, after.text, f"placeholder X set: {_summary(after)}")
    if _summary(before) == _summary(after):
        return TargetChange("unchanged", before.text, after.text, f"unchanged: {_summary(after)}")
    return TargetChange("changed", before.text, after.text, f"{_summary(before)} -> {_summary(after)}")


def _summary(target: Target) -> str:
    """'fald 5 pct', 'minimum 60 pct', 'maksimum X personer': the target's meaning without its wording."""
    value = "X" if target.placeholder or target.value is None else f"{target.value:g}"
    parts = [target.direction or "niveau", value, target.unit or ""]
    return " ".join(part for part in parts if part)
