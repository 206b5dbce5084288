"""Goals compared between two plan years: which are new, which were dropped, which were carried over unchanged.

Plans compare within one municipality. A question may limit the comparison to a goal kind ('nye
ministermål'); a question about one topic is answered from that goal's own years (answer/goal_answers.py).
Where a plan says itself that its goals carry over from an earlier year, that sentence is quoted too
(answer/carry_over.py), also when the earlier plan is not in the material.
"""

from __future__ import annotations

from collections.abc import Callable

from answer.carry_over import carry_over_statement
from answer.goal_answers import answer_change, answer_first, answer_last
from answer.goal_changes import compared_years, kept_unchanged, links_between
from answer.goal_overview import GoalKind, asked_kind, topic_beyond_kind
from answer.goal_steps import link_record
from answer.goal_topic import asks_for_goal_list
from answer.material import Material, goal_search_text
from answer.phrasing import (
    Answer,
    Statement,
    goal_kind_label,
    goal_name,
    no_evidence,
    no_plan_for,
    quoted,
    say,
    year_list,
)
from answer.question import Question
from answer.topic import MATCH_SHARE, TermMatcher
from maalspor.model import Citation, Goal, GoalLink


def _continued_from(earlier: int, later: int, material: Material, kind: GoalKind | None = None) -> set[str]:
    """The goals of `earlier` whose thread also holds a goal in `later` (of the asked kind, when one is asked:
    a main goal followed up as a følgemål is a new følgemål, though the subject goes on)."""
    return {
        i
        for t in material.threads
        if any(not kind or kind.holds(material.goals[g]) for g in t.goals_by_year.get(later, []) if g in material.goals)
        for i in t.goals_by_year.get(earlier, [])
    }


def _goals_about(topic: tuple[str, ...], question: Question, material: Material) -> set[str] | None:
    """The goals in scope the topic names (None: no topic, every goal counts)."""
    if not topic:
        return None
    goals = [g for g in material.goals.values() if material.in_scope(question, g.document_id)]
    shares = TermMatcher(topic).shares([goal_search_text(g) for g in goals])
    return {goal.id for goal, share in zip(goals, shares, strict=True) if share >= MATCH_SHARE}


def _one_goals_history(topic: tuple[str, ...], question: Question) -> bool:
    """A topic asked about as one goal ('målet om X'), not as a list of goals on it in named years ('nye mål for
    X i 2019'): that goal's own years answer."""
    return bool(topic) and not (question.years and asks_for_goal_list(question.text))


def answer_new(question: Question, material: Material, searcher=None) -> Answer:
    topic = topic_beyond_kind(question, material)
    if _one_goals_history(topic, question):  # that goal's years, or nothing when no goal is about it
        return answer_first(question, material, searcher)
    named = sorted(set(question.years))
    if not named:
        return no_evidence(question, "hvilket år der menes", "which year is meant")

    def later_and_earlier(years: list[int]) -> tuple[int, int | None]:
        later = named[-1]
        return later, named[0] if len(named) >= 2 else max((y for y in years if y < later), default=None)

    statements, goal_ids = _goals_not_carried(
        question,
        material,
        later_and_earlier,
        lambda later, earlier, kind: (
            f"nye {kind[0]} i {later} i forhold til {earlier}",
            f"new {kind[1]} in {later} against {earlier}",
        ),
        _goals_about(topic, question, material),
    )
    if topic and not goal_ids:  # no new goal on the topic: that goal's own years
        return answer_first(question, material, searcher)
    if not statements:
        return no_evidence(
            question,
            f"to planår at sammenligne for {year_list(question, named)}",
            f"two plan years to compare for {year_list(question, named)}",
        )
    return Answer(question, statements, goals=goal_ids)


def answer_dropped(question: Question, material: Material, searcher=None) -> Answer:
    topic = topic_beyond_kind(question, material)
    if _one_goals_history(topic, question):  # its last year, or nothing when no goal is about it
        return answer_last(question, material, searcher)
    named = sorted(set(question.years))
    if not named:
        return no_evidence(question, "hvilket år der menes", "which year is meant")

    def earlier_and_later(years: list[int]) -> tuple[int, int | None]:
        earlier = named[0]
        return earlier, named[-1] if len(named) >= 2 else min((y for y in years if y > earlier), default=None)

    statements, goal_ids = _goals_not_carried(
        question,
        material,
        earlier_and_later,
        lambda earlier, later, kind: (
            f"{kind[0]} fra {earlier}, som ikke findes i {later}",
            f"{kind[1]} of {earlier} not in {later}",
        ),
        _goals_about(topic, question, material),
    )
    if topic and not goal_ids:  # no dropped goal on the topic: that goal's own last year
        return answer_last(question, material, searcher)
    if not statements:
        return no_evidence(
            question,
            f"nogen plan efter {named[0]}, så det kan ikke ses, hvilke mål der udgik",
            f"any plan after {named[0]}, so it cannot tell which goals were dropped",
        )
    return Answer(question, statements, goals=goal_ids)


def _goals_not_carried(
    question: Question,
    material: Material,
    year_pair: Callable[[list[int]], tuple[int, int | None]],
    describe: Callable[[int, int, tuple[str, str]], tuple[str, str]],
    about: set[str] | None,
) -> tuple[list[Statement], list[str]]:
    """Per municipality, the goals (of the asked kind) of the listed year with no goal in the other year's plan on
    their thread (new goals: listed = later; dropped ones: listed = earlier); none, or no plan of the other
    year: what the later plan says about carrying goals over; only goals `about` the topic, when one is asked. `year_pair` picks (listed, other) from the municipality's plan years; `describe`
    names the list in Danish and English, given the kind's (Danish, English) label."""
    kind = asked_kind(question, material)
    label = goal_kind_label(kind.name) if kind else ("mål", "goals")
    statements: list[Statement] = []
    goal_ids: list[str] = []
    by_municipality = _plan_years_by_municipality(question, material)
    for municipality, years in by_municipality.items():
        listed, other = year_pair(years)
        if listed not in years or other is None or listed == other:
            continue
        said = carry_over_statement(question, material, max(listed, other), min(listed, other))
        if other not in years:  # no plan of the other year: say so, and what the plan says about that year
            answer = Answer(question, [no_plan_for(question, other, years), *said])
        else:
            carried = _continued_from(listed, other, material, kind)
            goals = [
                g
                for g in _goals_of(question, material, municipality, listed)
                if (not kind or kind.holds(g)) and (about is None or g.id in about)
            ]
            new = [g for g in goals if g.id not in carried]
            answer = _goal_list(question, new, *describe(listed, other, label), goals)
            answer.statements += [] if new else said  # none: the later plan may say its goals carry over
        statements += _labelled(answer.statements, municipality if len(by_municipality) > 1 else "")
        goal_ids += answer.goals
    return statements, goal_ids


def _plan_years_by_municipality(question: Question, material: Material) -> dict[str, list[int]]:
    """Each municipality in scope and the plan years it has goals for (plans compare within one municipality)."""
    years: dict[str, set[int]] = {}
    for goal in material.goals.values():
        if material.in_scope(question, goal.document_id):
            municipality = material.documents[goal.document_id].municipality or ""
            years.setdefault(municipality, set()).add(goal.plan_year)
    return {municipality: sorted(found) for municipality, found in years.items()}


def _goals_of(question: Question, material: Material, municipality: str, year: int) -> list[Goal]:
    return [
        g
        for g in material.goals.values()
        if g.plan_year == year
        and (material.documents[g.document_id].municipality or "") == municipality
        and material.in_scope(question, g.document_id)
    ]


def _labelled(statements: list[Statement], municipality: str) -> list[Statement]:
    """The first statement of a municipality's list says whose plans it compares."""
    if statements and municipality:
        statements[0].text = f"{municipality}: {statements[0].text}"
    return statements


def _goal_list(
    question: Question, goals: list[Goal], danish: str, english: str, compared: list[Goal] | None = None
) -> Answer:
    """The listed goals, one statement each; none: say so, citing the `compared` goals that all recur."""
    if not goals:
        cited = [c for goal in compared or [] for c in goal.citations[-1:]]
        return Answer(
            question, [Statement(say(question, f"Der er ingen {danish}.", f"There are no {english}."), cited)]
        )
    heading: Statement[Citation] = Statement(say(question, f"{len(goals)} {danish}:", f"{len(goals)} {english}:"), [])
    statements = [heading] + [
        Statement(
            say(
                question,
                f"{goal_name(question, g).capitalize()} ({g.plan_year}): {quoted(g)}.",
                f"{goal_name(question, g).capitalize()} ({g.plan_year}): {quoted(g)}.",
            ),
            list(g.citations),
        )
        for g in goals
    ]
    return Answer(question, statements, goals=[g.id for g in goals])


def answer_unchanged(question: Question, material: Material, searcher=None) -> Answer:
    if topic_beyond_kind(question, material):  # about one topic: that goal's years, or nothing when none is
        return answer_change(question, material, searcher)
    year, following = compared_years(question, material) or (None, None)
    if year is None or following is None:
        return no_evidence(question, "hvilke år der menes", "which years are meant")
    by_municipality = _plan_years_by_municipality(question, material).values()
    plan_years = sorted({y for years in by_municipality if following in years for y in years})
    if plan_years and year not in plan_years:
        return _earlier_plan_missing(question, material, year, following, plan_years)
    same = _unchanged_links(question, material, year, following)
    # the plan's own sentence on carrying its goals over: it confirms the list, and names what the goal records
    # may not (how many goals, whose)
    said = carry_over_statement(question, material, following, year)
    if not same and not said:
        return no_evidence(
            question,
            f"noget mål, der blev videreført uændret fra {year} til {following}",
            f"any goal carried over unchanged from {year} to {following}",
        )
    return Answer(
        question,
        [_unchanged_line(question, link, material) for link in same]
        + _plan_comparison(question, material, year, following)
        + said,
        goals=[g for link in same for g in (link.from_goal, link.to_goal)],
        links=[link_record(link, material) for link in same],
    )


def _plan_comparison(question: Question, material: Material, year: int, following: int) -> list[Statement]:
    """A plan asked about as a whole ('er planen for 2015 den samme som 2014'): besides the goals kept word for
    word, how many of the earlier plan's goals go on with other words or another target, and how many of the later
    plan's goals are new, each named."""
    changed = sorted(
        (
            material.goals[link.to_goal]
            for link in links_between(question, material, year, following)
            if not kept_unchanged(link, material)
        ),
        key=lambda g: list(material.goals).index(g.id),  # the plan's order
    )
    continued = _continued_from(following, year, material)
    new = [g for g in _distinct(_goals_in_scope(question, material, following)) if g.id not in continued]
    return [
        Statement(say(question, f"{da} {names}.", f"{en} {names}."), [c for g in goals for c in g.citations[:1]])
        for goals, da, en in (
            (
                _distinct(changed),
                f"{len(_distinct(changed))} mål går igen fra {year} til {following} med ændret ordlyd eller målsætning:",
                f"{len(_distinct(changed))} goals go on from {year} to {following} with other words or another target:",
            ),
            (new, f"{len(new)} mål i {following} er nye:", f"{len(new)} goals of {following} are new:"),
        )
        if goals and (names := ", ".join(dict.fromkeys(goal_name(question, g) for g in goals)))
    ]


def _goals_in_scope(question: Question, material: Material, year: int) -> list[Goal]:
    return [g for g in material.goals.values() if g.plan_year == year and material.in_scope(question, g.document_id)]


def _distinct(goals: list[Goal]) -> list[Goal]:
    """One goal per wording: minutes print a year's goal list again."""
    return list({" ".join(g.wording.lower().split()): g for g in reversed(goals)}.values())[::-1]


def _earlier_plan_missing(
    question: Question, material: Material, year: int, following: int, plan_years: list[int]
) -> Answer:
    """The material lacks the earlier plan: say so, quote what the later plan says about that year's goals and,
    where the question named only the later year, compare it with the nearest earlier plan the material holds."""
    statements = [no_plan_for(question, year, plan_years), *carry_over_statement(question, material, following, year)]
    nearest = max((y for y in plan_years if y < following), default=None)
    same = _unchanged_links(question, material, nearest, following) if nearest and len(question.years) < 2 else []
    return Answer(
        question,
        statements + [_unchanged_line(question, link, material) for link in same],
        goals=[g for link in same for g in (link.from_goal, link.to_goal)],
        links=[link_record(link, material) for link in same],
    )


def _unchanged_links(question: Question, material: Material, year: int, following: int) -> list[GoalLink]:
    """The links from `year` to `following` (of goals of the asked kind) keeping wording and target."""
    return [link for link in links_between(question, material, year, following) if kept_unchanged(link, material)]


def _unchanged_line(question: Question, link: GoalLink, material: Material) -> Statement:
    before, after = material.goals[link.from_goal], material.goals[link.to_goal]
    return Statement(
        say(
            question,
            f"{quoted(after)} ({goal_name(question, before)} i {before.plan_year}, {goal_name(question, after)} i {after.plan_year}) er uændret.",
            f"{quoted(after)} ({goal_name(question, before)} in {before.plan_year}, {goal_name(question, after)} in {after.plan_year}) "
            "is unchanged.",
        ),
        before.citations[:1] + after.citations[:1],
    )
