"""Link goals of different plan years: which goal continues, rewords, narrows, splits or merges which.

Each pair of consecutive plan years is an assignment problem over a pair score built from evidence
(lexical similarity, shared indicator words, target group, target unit).
A goal without a partner above the threshold is new (or dropped): no partner is forced. One goal may
take a second partner (split / merge) only with strong evidence, and a goal that skipped a plan year
may be linked across the gap. Human corrections (corpus/link_overrides.json) are applied last and
also steer the assignment: a rejected pair is never proposed again.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import combinations
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz

from maalspor.model import Goal, GoalLink, Relation
from nlp.wording_diff import is_identical, normalize_wording

# Calibrated on the seed lineage (bench/bench_links.py, lexical scores): the weakest true link scores
# 0.63 (2015 #1 -> 2019 Mål 2); wrong best candidates score up to 0.52 (2015 ministermål 3 -> 2019 Mål 9).
LINK_THRESHOLD = 0.52
# A second partner (split / merge) needs more: two goals of one plan often share their target group.
MULTI_THRESHOLD = 0.54
# A link across a skipped plan year must be stronger: the years between offered no continuation.
GAP_THRESHOLD = 0.65
# Below this a link is only 'related': same topic, too different to call it the same goal.
RELATED_BELOW = 0.58

_WEIGHTS = {"lexical": 0.30, "indicator": 0.30, "group": 0.25, "kind": 0.15, "unit": 0.05}
# A second partner must score nearly as well as the goal's best one (and above MULTI_THRESHOLD).
_MULTI_MARGIN = 0.05
_ALONE_MARGIN = 0.10

# Stems (first 6 letters of a lemma) that every goal uses and that say nothing about its topic.
_GENERIC_STEMS = frozenset(
    "skulle skal mål antal andel flere pct procen falde fald stige stigni begræn minimu maksim svaren "
    "decemb oktobe novemb dec gennem måned følge opgøre være have borger person tilgan samlet".split()
)
_STEM_LENGTH = 6
_BROAD_GROUPS = frozenset({"ledige", "borgere"})


@dataclass(frozen=True)
class Override:
    action: str  # "confirm" | "reject" | "add"
    from_goal: str
    to_goal: str
    relation: Relation | None = None
    note: str | None = None
    by: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class _Profile:
    """What the scorer compares of one goal, computed once."""

    goal: Goal
    text: str
    content: frozenset[str]  # topic stems of the whole wording
    subject: frozenset[str]  # topic stems of who/what the goal is about (before 'skal')
    group: frozenset[str]


# ---------------------------------------------------------------- overrides


OVERRIDES_FILE_NAME = "link_overrides.json"


def load_overrides(path: Path) -> list[Override]:
    """The human corrections; a missing file means none."""
    if not path.exists():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("version") != 1:
        raise ValueError(f"{path}: unsupported link override version {data.get('version')!r}")
    overrides = [Override(**entry) for entry in data.get("overrides", [])]
    for override in overrides:
        if override.action not in ("confirm", "reject", "add"):
            raise ValueError(f"{path}: unknown override action {override.action!r}")
        if override.relation is not None and override.relation not in Relation.__members__.values():
            raise ValueError(f"{path}: unknown relation {override.relation!r}; one of {', '.join(Relation)}")
    return [replace(o, relation=Relation(o.relation)) if o.relation else o for o in overrides]


# ---------------------------------------------------------------- linking


def link_goals(
    goals: list[Goal],
    overrides: Sequence[Override] = (),
    municipality_of: dict[str, str | None] | None = None,
) -> list[GoalLink]:
    """All links between goals of different plan years; `municipality_of` (document id -> municipality)
    keeps towns apart, without it all goals are one town's."""
    links: list[GoalLink] = []
    for municipality_goals in _by_municipality(goals, municipality_of or {}).values():
        links.extend(_link_municipality(municipality_goals, overrides))
    return links


def _link_municipality(goals: list[Goal], overrides: Sequence[Override]) -> list[GoalLink]:
    profiles = {goal.id: _profile(goal) for goal in goals}
    rejected = {(o.from_goal, o.to_goal) for o in overrides if o.action == "reject"}
    years = sorted({goal.plan_year for goal in goals})
    by_year = {year: [p for p in profiles.values() if p.goal.plan_year == year] for year in years}
    evidence: dict[tuple[str, str], dict[str, float | str]] = {}
    for earlier, later in _year_pairs(years):
        # A gap link only joins goals that found no partner in the years between.
        has_successor = {from_id for from_id, _ in evidence}
        has_predecessor = {to_id for _, to_id in evidence}
        sources = [p for p in by_year[earlier] if later == _next(years, earlier) or p.goal.id not in has_successor]
        targets = [p for p in by_year[later] if later == _next(years, earlier) or p.goal.id not in has_predecessor]
        consecutive = later == _next(years, earlier)
        evidence.update(_assign(sources, targets, rejected, LINK_THRESHOLD if consecutive else GAP_THRESHOLD))
    links = [_typed_link(pair, ev, evidence, profiles) for pair, ev in evidence.items()]
    return _apply_overrides(links, overrides, profiles)


def _year_pairs(years: list[int]) -> list[tuple[int, int]]:
    """Consecutive pairs first, then ever wider gaps."""
    return sorted(combinations(years, 2), key=lambda pair: (years.index(pair[1]) - years.index(pair[0]), pair))


def _next(years: list[int], year: int) -> int:
    return years[years.index(year) + 1]


def _assign(sources: list[_Profile], targets: list[_Profile], rejected: set, threshold: float) -> dict:
    """One-to-one assignment above the threshold, plus extra partners with strong evidence."""
    if not sources or not targets:
        return {}
    from scipy.optimize import linear_sum_assignment

    evidence = [[_evidence(a, b) for b in targets] for a in sources]
    scores = np.array([[ev["score"] for ev in row] for row in evidence])
    for i, a in enumerate(sources):
        for j, b in enumerate(targets):
            if (a.goal.id, b.goal.id) in rejected:
                scores[i, j] = 0.0
    chosen = {(i, j) for i, j in zip(*linear_sum_assignment(-scores), strict=False) if scores[i, j] >= threshold}
    chosen |= _extra_partners(scores, chosen)
    return {(sources[i].goal.id, targets[j].goal.id): evidence[i][j] for i, j in chosen}


def _extra_partners(scores: np.ndarray, chosen: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Second partners above MULTI_THRESHOLD: a pair nearly as good as the best pair of either of its
    goals. A goal the assignment left alone gets a wider margin than one that already has a partner."""
    row_best = {i: scores[i, j] for i, j in chosen}
    col_best = {j: scores[i, j] for i, j in chosen}
    extra = set()
    for i, j in zip(*np.nonzero(scores >= MULTI_THRESHOLD), strict=False):
        if (i, j) in chosen:
            continue
        near_row = i in row_best and scores[i, j] >= row_best[i] - _margin(j not in col_best)
        near_col = j in col_best and scores[i, j] >= col_best[j] - _margin(i not in row_best)
        if near_row or near_col:
            extra.add((int(i), int(j)))
    return extra


def _margin(other_end_alone: bool) -> float:
    return _ALONE_MARGIN if other_end_alone else _MULTI_MARGIN


def _typed_link(pair: tuple[str, str], evidence: dict, all_pairs: dict, profiles: dict[str, _Profile]) -> GoalLink:
    a, b = profiles[pair[0]], profiles[pair[1]]
    # Only partners of the goal's own kind make a split or merge: a følgemål beside its goal does not.
    successors = sum(1 for frm, to in all_pairs if frm == a.goal.id and _same_step(profiles[to].goal, b.goal))
    predecessors = sum(1 for frm, to in all_pairs if to == b.goal.id and _same_step(profiles[frm].goal, a.goal))
    relation = _relation(a, b, evidence["score"], successors, predecessors)
    return GoalLink(
        from_goal=a.goal.id,
        to_goal=b.goal.id,
        from_year=a.goal.plan_year,
        to_year=b.goal.plan_year,
        relation=relation,
        # the same words in consecutive plans are the same goal, whatever the other evidence says
        confidence=1.0 if relation == Relation.IDENTICAL else round(float(evidence["score"]), 3),
        evidence={**evidence, "method": "computed"},
    )


def _same_step(goal: Goal, other: Goal) -> bool:
    return goal.plan_year == other.plan_year and _is_follow_up(goal) == _is_follow_up(other)


def _relation(a: _Profile, b: _Profile, score: float, successors: int, predecessors: int) -> Relation:
    if successors > 1:
        return Relation.SPLIT
    if predecessors > 1:
        return Relation.MERGED
    if is_identical(a.text, b.text):
        return Relation.IDENTICAL
    if score < RELATED_BELOW:
        return Relation.RELATED
    added, dropped = b.subject - a.subject, a.subject - b.subject
    if added and not dropped:
        return Relation.NARROWED
    if dropped and not added:
        return Relation.BROADENED
    return Relation.REWORDED


def _apply_overrides(
    links: list[GoalLink], overrides: Sequence[Override], profiles: dict[str, _Profile]
) -> list[GoalLink]:
    by_pair = {(link.from_goal, link.to_goal): link for link in links}
    for override in overrides:
        pair = (override.from_goal, override.to_goal)
        if override.action == "reject":
            by_pair.pop(pair, None)
            continue
        if pair[0] not in profiles or pair[1] not in profiles:
            continue  # the override names a goal of another municipality (or one no longer parsed)
        link = by_pair.get(pair) or _manual_link(pair, override, profiles)
        link.confidence = 1.0
        link.relation = override.relation or link.relation
        link.evidence = {
            **link.evidence,
            "method": "manual" if override.action == "add" else "confirmed",
            "note": override.note or "",
            "by": override.by or "",
        }
        by_pair[pair] = link
    return sorted(by_pair.values(), key=lambda link: (link.from_year, link.to_year, link.from_goal, link.to_goal))


def _manual_link(pair: tuple[str, str], override: Override, profiles: dict[str, _Profile]) -> GoalLink:
    a, b = profiles[pair[0]].goal, profiles[pair[1]].goal
    return GoalLink(a.id, b.id, a.plan_year, b.plan_year, override.relation or Relation.RELATED, 1.0, {})


# ---------------------------------------------------------------- evidence


def _evidence(a: _Profile, b: _Profile) -> dict[str, float | str]:
    features: dict[str, float | None] = {
        "lexical": _lexical(a.text, b.text),
        "indicator": _dice(a.content, b.content),
        "group": _group_agreement(a, b),
        "kind": 1.0 if _is_follow_up(a.goal) == _is_follow_up(b.goal) else 0.0,
        "unit": _unit_agreement(a.goal, b.goal),
    }
    present = {name: value for name, value in features.items() if value is not None}
    score = sum(_WEIGHTS[name] * value for name, value in present.items()) / sum(_WEIGHTS[name] for name in present)
    return {**{name: round(value, 3) for name, value in present.items()}, "score": round(score, 3)}


def _lexical(a: str, b: str) -> float:
    """Mean of token-set (generous to a reworded subset) and token-sort (strict on length) similarity."""
    a, b = a.lower(), b.lower()
    return (fuzz.token_set_ratio(a, b) + fuzz.token_sort_ratio(a, b)) / 200


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def _is_follow_up(goal: Goal) -> bool:
    """A 'følgemål' is an indicator the plan only follows; it continues as such, rarely as a goal."""
    return goal.number.lower().startswith("følgemål")


def _group_agreement(a: _Profile, b: _Profile) -> float | None:
    if not a.group or not b.group:
        return None  # unknown is no evidence either way
    if a.group == b.group:
        # 'ledige' covers nearly every goal: agreeing on it says little
        return 0.5 if a.goal.target_group in _BROAD_GROUPS else 1.0
    return 0.5 if a.group & b.group else 0.0


def _unit_agreement(a: Goal, b: Goal) -> float | None:
    if a.target is None or b.target is None or a.target.unit is None or b.target.unit is None:
        return None
    same_unit = a.target.unit == b.target.unit
    return 1.0 if same_unit and a.target.direction == b.target.direction else 0.5 if same_unit else 0.0


def _profile(goal: Goal) -> _Profile:
    text = normalize_wording(goal.wording)
    subject = text.split(" skal ", 1)[0] if " skal " in text else text
    return _Profile(goal, text, _stems(text), _stems(subject), _stems(goal.target_group or ""))


@lru_cache(maxsize=4096)
def _stems(text: str) -> frozenset[str]:
    """Topic stems: lemmas without stop words, numbers and goal boilerplate, cut to 6 letters so
    'langtidsledighed' and 'langtidsledige' agree."""
    from nlp.language import pipeline  # spaCy only when goals are linked

    stems = set()
    for token in pipeline()(text.lower()):
        if token.is_stop or token.is_punct or token.like_num or not token.is_alpha and "-" not in token.text:
            continue
        stem = token.lemma_.lower().strip("-")[:_STEM_LENGTH]
        if len(stem) > 2 and stem not in _GENERIC_STEMS:
            stems.add(stem)
    return frozenset(stems)


def _by_municipality(goals: list[Goal], municipality_of: dict[str, str | None]) -> dict[str | None, list[Goal]]:
    groups: dict[str | None, list[Goal]] = {}
    for goal in goals:
        groups.setdefault(municipality_of.get(goal.document_id), []).append(goal)
    return groups
