"""How a goal continued from one plan year into the next, as an answer words it: the link's relation, the words
replaced, added or removed, and the target's change; and the link as the answer's JSON records it."""

from __future__ import annotations

import re

from answer.material import Material
from answer.phrasing import Statement, say
from answer.question import Question
from maalspor.model import GoalLink
from nlp.wording_diff import TargetChange, target_change, word_diff

# How a link says a goal continued, as an answer words it: (Danish, English).
_RELATION_WORDS = {
    "identical": ("videreført uændret", "carried over unchanged"),
    "reworded": ("omformuleret", "reworded"),
    "narrowed": ("snævret ind", "narrowed"),
    "broadened": ("udvidet", "broadened"),
    "split": ("delt i flere mål", "split into several goals"),
    "merged": ("lagt sammen med andre mål", "merged with other goals"),
    "related": ("et beslægtet mål", "a related goal"),
}
# More changed passages than this read as noise, not as a difference: the goal was rewritten (both
# wordings are quoted in the years' own statements).
_READABLE_CHANGES = 3
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,:;)/])")
_SPACE_INSIDE_BRACKETS = re.compile(r"([(/])\s+")


def continuation(question: Question, link: GoalLink, material: Material) -> Statement:
    """One sentence on how a goal continued into the next plan year: the relation, the words replaced, added
    or removed, and the target's change."""
    before, after = material.goals[link.from_goal], material.goals[link.to_goal]
    relation_da, relation_en = _RELATION_WORDS.get(link.relation, (link.relation, link.relation))
    wording_da, wording_en = _wording_change(before.wording, after.wording)
    target_da, target_en = _target_change(target_change(before.target, after.target))
    return Statement(
        say(
            question,
            f"Fra {before.plan_year} til {after.plan_year} ({relation_da}): {wording_da}; {target_da}.",
            f"From {before.plan_year} to {after.plan_year} ({relation_en}): {wording_en}; {target_en}.",
        ),
        before.citations[:1] + after.citations[:1],
    )


def _wording_change(before: str, after: str) -> tuple[str, str]:
    """'“begrænses til X” er erstattet af “falde med 4 pct.”', a removal or an addition, in both languages."""
    changes: list[tuple[str, str]] = []  # (removed, added); a replacement has both
    for op in word_diff(before, after):
        if op.op == "insert" and changes and changes[-1][0] and not changes[-1][1]:
            changes[-1] = (changes[-1][0], op.text)  # the words that replace the ones just deleted
        elif op.op != "equal":
            changes.append((op.text, "") if op.op == "delete" else ("", op.text))
    if not changes:
        return "ordlyden er uændret", "the wording is unchanged"
    if len(changes) > _READABLE_CHANGES:
        return "ordlyden er skrevet om", "the wording was rewritten"
    danish = [_one_change(removed, added, "er erstattet af", "er fjernet", "er tilføjet") for removed, added in changes]
    english = [_one_change(removed, added, "was replaced by", "was removed", "was added") for removed, added in changes]
    return ", ".join(danish), ", ".join(english)


def _one_change(removed: str, added: str, replaced: str, deleted: str, inserted: str) -> str:
    removed, added = _as_written(removed), _as_written(added)
    if removed and added:
        return f"“{removed}” {replaced} “{added}”"
    return f"“{removed}” {deleted}" if removed else f"“{added}” {inserted}"


def _as_written(words: str) -> str:
    """Diff words joined as text is written: no space before punctuation or inside brackets."""
    return _SPACE_INSIDE_BRACKETS.sub(r"\1", _SPACE_BEFORE_PUNCTUATION.sub(r"\1", words))


def _target_change(change: TargetChange) -> tuple[str, str]:
    """The target's change between two linked goals as a clause, in both languages."""
    before, after = f"“{change.before}”", f"“{change.after}”"
    clauses = {
        "none": (
            "målet selv har ingen talsat målsætning i nogen af årene",
            "the goal itself has no quantified target in either year",
        ),
        "added": (f"målsætningen {after} er ny", f"the target {after} is new"),
        "removed": (f"målsætningen {before} er fjernet", f"the target {before} was removed"),
        "value-set": (f"pladsholderen X er udfyldt: {after}", f"the placeholder X was filled in: {after}"),
        "unchanged": (f"målsætningen er den samme ({after})", f"the target is the same ({after})"),
        "changed": (f"målsætningen er ændret fra {before} til {after}", f"the target changed from {before} to {after}"),
    }
    return clauses[change.kind]


def link_record(link: GoalLink, material: Material) -> dict:
    before, after = material.goals[link.from_goal], material.goals[link.to_goal]
    return {
        "from_goal": link.from_goal,
        "to_goal": link.to_goal,
        "relation": link.relation,
        "confidence": round(link.confidence, 2),
        "from_year": link.from_year,
        "to_year": link.to_year,
        "target_change": target_change(before.target, after.target).description,
    }
