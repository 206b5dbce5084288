"""Answers about goals across plan years: how a goal changed, first/last appearance, new, dropped, unchanged."""

from __future__ import annotations

from collections.abc import Callable

from answer.material import Material
from answer.phrasing import (
    Answer,
    Statement,
    coverage,
    goal_line,
    goal_name,
    no_evidence,
    quoted,
    say,
    topic_da,
    topic_en,
    year_list,
)
from answer.question import Question
from maalspor.model import Citation, Goal, GoalLink, Thread
from nlp.wording_diff import is_identical, target_change, word_diff


def best_thread(goals: list[Goal], material: Material, years: tuple[int, ...] = ()) -> Thread | None:
    """The thread of the best-matching goals, preferring one that covers the named years, then the longest."""
    counts: dict[str, int] = {}
    for rank, goal in enumerate(goals):
        thread = material.thread_of(goal.id)
        if thread is not None and thread.id not in counts:
            counts[thread.id] = len(goals) - rank
    threads = [t for t in material.threads if t.id in counts]
    return max(
        threads,
        key=lambda t: (sum(y in t.goals_by_year for y in years), counts[t.id], len(t.goals_by_year)),
        default=None,
    )


def _span(question: Question, years: list[int]) -> tuple[int, int]:
    """The years the question asks about: a named span, two named years, one open end, or the thread's own."""
    named = sorted(question.years)
    first = question.year_from if question.year_from is not None else (named[0] if len(named) >= 2 else years[0])
    last = question.year_to if question.year_to is not None else (named[-1] if len(named) >= 2 else years[-1])
    return first, max(last, first)


def answer_change(question: Question, material: Material, searcher=None) -> Answer:
    thread = best_thread(material.resolve_goals(question), material, question.years)
    if thread is None:
        return no_evidence(question, f"noget mål om {topic_da(question)}", f"a goal about {topic_en(question)}")
    years = sorted(thread.goals_by_year)
    first, last = _span(question, years)
    span = [y for y in years if first <= y <= last] or [max((y for y in years if y <= first), default=years[0])]
    members = {i for y in span for i in thread.goals_by_year[y]}
    steps = sorted(
        (link for link in material.links if link.from_goal in members and link.to_goal in members),
        key=lambda link: (link.from_year, link.to_year),
    )
    statements = [goal_line(question, material.goals[i]) for i in thread.goals_by_year[span[0]]]
    statements += [_step(question, link, material) for link in steps]
    if span[-1] != span[0]:
        statements += [goal_line(question, material.goals[i]) for i in thread.goals_by_year[span[-1]]]
    statements.append(coverage(question, years, material.plan_years()))
    return Answer(question, statements, goals=sorted(members), links=[link_record(link, material) for link in steps])


def _step(question: Question, link: GoalLink, material: Material) -> Statement:
    before, after = material.goals[link.from_goal], material.goals[link.to_goal]
    ops = word_diff(before.wording, after.wording)
    removed = "; ".join(op.text for op in ops if op.op == "delete")
    added = "; ".join(op.text for op in ops if op.op == "insert")
    target = target_change(before.target, after.target).description
    if not removed and not added:
        da, en = "ordlyden er uændret", "the wording is unchanged"
    else:
        da = f"fjernet: “{removed or '–'}”, tilføjet: “{added or '–'}”"
        en = f"removed: “{removed or '–'}”, added: “{added or '–'}”"
    return Statement(
        say(
            question,
            f"{before.plan_year} → {after.plan_year} ({link.relation}): {da}; målsætning: {target}.",
            f"{before.plan_year} → {after.plan_year} ({link.relation}): {en}; target: {target}.",
        ),
        before.citations[:1] + after.citations[:1],
    )


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


def answer_first(question: Question, material: Material, searcher=None) -> Answer:
    return _appearance(question, material, last=False)


def answer_last(question: Question, material: Material, searcher=None) -> Answer:
    return _appearance(question, material, last=True)


def _appearance(question: Question, material: Material, last: bool) -> Answer:
    thread = best_thread(material.resolve_goals(question), material)
    if thread is None:
        return no_evidence(question, f"noget mål om {topic_da(question)}", f"a goal about {topic_en(question)}")
    years = sorted(thread.goals_by_year)
    year = years[-1] if last else years[0]
    goal = material.goals[thread.goals_by_year[year][0]]
    title = material.documents[goal.document_id].title
    others = years[:-1] if last else years[1:]
    listed = year_list(question, others) or say(question, "ingen", "none")
    if last:
        da = f"optræder sidste gang i materialet i {year} ({title}, {goal_name(question, goal)}); tidligere år med målet: {listed}."
        en = f"last appears in the material in {year} ({title}, {goal_name(question, goal)}); earlier years with the goal: {listed}."
    else:
        da = f"optræder første gang i materialet i {year} ({title}, {goal_name(question, goal)}); senere år med målet: {listed}."
        en = f"first appears in the material in {year} ({title}, {goal_name(question, goal)}); later years with the goal: {listed}."
    statements = [
        Statement(say(question, f"Målet {quoted(goal)} {da}", f"The goal {quoted(goal)} {en}"), list(goal.citations)),
        coverage(question, years, material.plan_years()),
    ]
    return Answer(question, statements, goals=[i for y in years for i in thread.goals_by_year[y]])


def _year_pair(question: Question, material: Material) -> tuple[int, int | None] | None:
    """(earlier, later) plan years: two named years, a named span, or a year and the plan after it."""
    plan_years = material.plan_years()
    named = sorted(set(question.years))
    if len(named) >= 2:
        return named[0], named[-1]
    if not named:
        return None
    year = named[0]
    return year, min((y for y in plan_years if y > year), default=None)


def _continued_from(earlier: int, later: int, material: Material) -> set[str]:
    """The goals of `earlier` whose thread also holds a goal in `later`."""
    return {i for t in material.threads if later in t.goals_by_year for i in t.goals_by_year.get(earlier, [])}


def answer_new(question: Question, material: Material, searcher=None) -> Answer:
    if material.goal_terms(question):  # about one topic: that goal's years, or nothing when no goal is about it
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
        lambda later, earlier: (
            f"nye mål i {later} i forhold til {earlier}",
            f"new goals in {later} against {earlier}",
        ),
    )
    if not statements:
        return no_evidence(
            question,
            f"to planår at sammenligne for {year_list(question, named)}",
            f"two plan years to compare for {year_list(question, named)}",
        )
    return Answer(question, statements, goals=goal_ids)


def answer_dropped(question: Question, material: Material, searcher=None) -> Answer:
    if material.goal_terms(question):  # about one topic: its last year, or nothing when no goal is about it
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
        lambda earlier, later: (f"mål fra {earlier}, som ikke findes i {later}", f"goals of {earlier} not in {later}"),
    )
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
    describe: Callable[[int, int], tuple[str, str]],
) -> tuple[list[Statement], list[str]]:
    """Per municipality, the goals of the listed year with no goal in the other year's plan on their thread (new
    goals: listed = later; dropped ones: listed = earlier). `year_pair` picks (listed, other) from the
    municipality's plan years; `describe` names the list in Danish and English."""
    statements: list[Statement] = []
    goal_ids: list[str] = []
    by_municipality = _plan_years_by_municipality(question, material)
    for municipality, years in by_municipality.items():
        listed, other = year_pair(years)
        if listed not in years or other is None or listed == other:
            continue
        carried = _continued_from(listed, other, material)
        goals = _goals_of(question, material, municipality, listed)
        answer = _goal_list(question, [g for g in goals if g.id not in carried], *describe(listed, other), goals)
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
    if material.goal_terms(question):  # about one topic: that goal's years, or nothing when no goal is about it
        return answer_change(question, material, searcher)
    pair = _year_pair(question, material)
    if pair is None or pair[1] is None:
        return no_evidence(question, "hvilke år der menes", "which years are meant")
    year, following = pair
    same = [
        link
        for link in material.links
        if link.from_year == year
        and link.to_year == following
        and is_identical(material.goals[link.from_goal].wording, material.goals[link.to_goal].wording)
        and target_change(material.goals[link.from_goal].target, material.goals[link.to_goal].target).kind
        in ("unchanged", "none")
    ]
    if not same:
        return no_evidence(
            question,
            f"noget mål, der blev videreført uændret fra {year} til {following}",
            f"any goal carried over unchanged from {year} to {following}",
        )
    statements = [_unchanged_line(question, link, material) for link in same]
    return Answer(
        question,
        statements,
        goals=[g for link in same for g in (link.from_goal, link.to_goal)],
        links=[link_record(link, material) for link in same],
    )


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
