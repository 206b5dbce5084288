"""Which goals changed between two plan years, and the year pair a comparison question names.

A question about the goals of two plan years asks for a list ('Hvilke mål er ændret fra 2022 til 2023?'); the
answer says, for each goal carried on with other words or another target, how (answer/goal_steps.py), or that
none changed, beside the later plan's own sentence on carrying its goals over (answer/carry_over.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from answer.carry_over import carry_over_statement
from answer.goal_overview import asked_kind, topic_beyond_kind
from answer.goal_steps import continuation, link_record
from answer.goal_topic import asks_for_goal_list
from answer.material import Material
from answer.phrasing import Answer, Statement, no_evidence, say
from answer.question import Question
from maalspor.model import GoalLink
from nlp.wording_diff import is_identical, target_change

# A year after these words is the earlier plan of a comparison ('videreført fra 2022', 'uændret siden
# 2019', 'the goals from the 2022 plan', '2022-målene'); a year on its own is the later one, compared with
# the year before it ('uændret i 2023', 'videreført til 2022'): employment plans are made every year.
_EARLIER_YEAR = re.compile(
    r"\b(fra|efter|siden|from|after|since)\s+(?:[a-zæøå]+\s+){0,3}?(?:19|20)\d\d\b|\b(?:19|20)\d\d-\w*mål", re.I
)


def compared_years(question: Question, material: Material) -> tuple[int, int | None] | None:
    """(earlier, later) plan years: two named years, a named span, a year named as the earlier and the plan
    after it, or a year and the year before it."""
    named = sorted(set(question.years))
    if len(named) >= 2:
        return named[0], named[-1]
    if not named:
        return None
    year = named[0]
    if _EARLIER_YEAR.search(question.text):
        return year, min((y for y in material.plan_years() if y > year), default=None)
    return year - 1, year


def asks_for_changed_goals(question: Question, material: Material) -> bool:
    """A change question about a set of goals with no subject of its own ('Hvilke mål blev ændret …?')."""
    return asks_for_goal_list(question.text) and not topic_beyond_kind(question, material)


def changed_goals(question: Question, material: Material) -> Answer:
    """Each goal of the earlier year carried into the later one with other words or another target, and how;
    none: say so. The later plan's own sentence on carrying its goals over follows."""
    earlier, later = compared_years(question, material) or (None, None)
    if earlier is None or later is None:
        return no_evidence(question, "hvilke år der menes", "which years are meant")
    links = links_between(question, material, earlier, later)
    said = carry_over_statement(question, material, later, earlier)
    if not links and not said:
        return no_evidence(
            question, f"mål, der går igen fra {earlier} til {later}", f"goals recurring from {earlier} to {later}"
        )
    changed = [link for link in links if not kept_unchanged(link, material)]
    statements = [continuation(question, link, material) for link in changed]
    if links and not changed:
        statements.append(_none_changed(question, links, material))
    return Answer(
        question,
        statements + said,
        goals=[g for link in changed for g in (link.from_goal, link.to_goal)],
        links=[link_record(link, material) for link in changed],
    )


def _none_changed(question: Question, links: list[GoalLink], material: Material) -> Statement:
    first = material.goals[links[0].from_goal].plan_year
    last = material.goals[links[0].to_goal].plan_year
    return Statement(
        say(
            question,
            f"Ingen af de {len(links)} mål fra {first}, der går igen i {last}, er ændret i ordlyd eller målsætning.",
            f"None of the {len(links)} goals of {first} that recur in {last} changed in wording or target.",
        ),
        [c for link in links for c in material.goals[link.to_goal].citations[:1]],
    )


def links_between(question: Question, material: Material, earlier: int, later: int) -> list[GoalLink]:
    """The links from `earlier` to `later` of goals in scope (of the asked kind), one per pair of goals."""
    kind = asked_kind(question, material)
    return _one_per_goal_pair(
        (
            link
            for link in material.links
            if link.from_year == earlier
            and link.to_year == later
            and material.in_scope(question, material.goals[link.to_goal].document_id)
            and (not kind or kind.holds(material.goals[link.to_goal]))
        ),
        material,
    )


def kept_unchanged(link: GoalLink, material: Material) -> bool:
    """The goal kept its wording and its target."""
    before, after = material.goals[link.from_goal], material.goals[link.to_goal]
    kept_target = target_change(before.target, after.target).kind in ("unchanged", "none")
    return is_identical(before.wording, after.wording) and kept_target


def _one_per_goal_pair(links: Iterable[GoalLink], material: Material) -> list[GoalLink]:
    """One link per goal carried over: minutes reprint a year's goal list (every body passing the plan prints it
    again), so the same pair of wordings is linked once per reprint."""
    kept: dict[tuple, GoalLink] = {}
    for link in links:
        before, after = material.goals[link.from_goal], material.goals[link.to_goal]
        municipality = material.documents[after.document_id].municipality
        key = (municipality, before.plan_year, after.plan_year, " ".join(after.wording.lower().split()))
        kept.setdefault(key, link)
    return list(kept.values())
