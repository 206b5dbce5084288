"""Answers about goals across plan years: how a goal changed, when it first appeared, dropped, unchanged, status."""

from __future__ import annotations

from answer.material import Material
from answer.phrasing import Answer, Statement, goal_line, no_evidence, quoted, say, topic_da, topic_en
from answer.question import Question
from maalspor.model import Goal, GoalLink, Thread
from nlp.wording_diff import is_identical, target_change, word_diff


def _best_thread(goals: list[Goal], material: Material, years: tuple[int, ...] = ()) -> Thread | None:
    """The thread holding most of the matching goals, preferring one that covers the named years."""
    counts: dict[str, int] = {}
    for goal in goals:
        thread = material.thread_of(goal.id)
        if thread is not None:
            counts[thread.id] = counts.get(thread.id, 0) + 1
    threads = [t for t in material.threads if t.id in counts]
    return max(threads, key=lambda t: (all(y in t.goals_by_year for y in years), counts[t.id]), default=None)


def answer_change(question: Question, material: Material, searcher=None) -> Answer:
    thread = _best_thread(material.matching_goals(question.terms), material, question.years[:2])
    if thread is None:
        return no_evidence(question, f"noget mål om {topic_da(question)}", f"a goal about {topic_en(question)}")
    years = sorted(thread.goals_by_year)
    first, last = (min(question.years), max(question.years)) if len(question.years) >= 2 else (years[0], years[-1])
    span = [y for y in years if first <= y <= last]
    if not span:
        return no_evidence(
            question,
            f"et mål om {topic_da(question)} mellem {first} og {last}",
            f"a goal about {topic_en(question)} between {first} and {last}",
        )
    members = {i for y in span for i in thread.goals_by_year[y]}
    steps = sorted(
        (link for link in material.links if link.from_goal in members and link.to_goal in members),
        key=lambda link: (link.from_year, link.to_year),
    )
    statements = [goal_line(question, material.goals[i]) for i in thread.goals_by_year[span[0]]]
    statements += [_step(question, link, material) for link in steps]
    if span[-1] != span[0]:
        statements += [goal_line(question, material.goals[i]) for i in thread.goals_by_year[span[-1]]]
    if span[0] != first or span[-1] != last:
        statements.append(
            Statement(
                say(
                    question,
                    f"Målet findes i materialet kun for årene {', '.join(map(str, years))}.",
                    f"The material has this goal only for {', '.join(map(str, years))}.",
                ),
                [],
            )
        )
    return Answer(question, statements, goals=sorted(members), links=[_link_record(link, material) for link in steps])


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


def _link_record(link: GoalLink, material: Material) -> dict:
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
    thread = _best_thread(material.matching_goals(question.terms), material)
    if thread is None:
        return no_evidence(question, f"noget mål om {topic_da(question)}", f"a goal about {topic_en(question)}")
    years = sorted(thread.goals_by_year)
    goal = material.goals[thread.goals_by_year[years[0]][0]]
    title = material.documents[goal.document_id].title
    later = ", ".join(map(str, years[1:])) or say(question, "ingen", "none")
    return Answer(
        question,
        [
            Statement(
                say(
                    question,
                    f"Målet {quoted(goal)} optræder første gang i materialet i {goal.plan_year} ({title}, mål {goal.number}); "
                    f"senere år med målet: {later}.",
                    f"The goal {quoted(goal)} first appears in the material in {goal.plan_year} ({title}, goal {goal.number}); "
                    f"later years with the goal: {later}.",
                ),
                goal.citations[:1],
            )
        ],
        goals=[i for y in years for i in thread.goals_by_year[y]],
    )


def _next_year(year: int, material: Material) -> int | None:
    return min((g.plan_year for g in material.goals.values() if g.plan_year > year), default=None)


def answer_dropped(question: Question, material: Material, searcher=None) -> Answer:
    if not question.years:
        return no_evidence(question, "hvilket år der menes", "which year is meant")
    year = question.years[0]
    following = _next_year(year, material)
    if following is None:
        return no_evidence(
            question,
            f"nogen plan efter {year}, så det kan ikke ses, hvilke mål der udgik",
            f"any plan after {year}, so it cannot tell which goals were dropped",
        )
    continued = {link.from_goal for link in material.links if link.to_year == following}
    dropped = [g for g in material.goals.values() if g.plan_year == year and g.id not in continued]
    if not dropped:
        return Answer(
            question,
            [
                Statement(
                    say(
                        question,
                        f"Alle mål fra {year} findes igen i {following}.",
                        f"Every goal of {year} recurs in {following}.",
                    ),
                    [],
                )
            ],
        )
    statements = [
        Statement(
            say(
                question,
                f"Mål {g.number} fra {year}, {quoted(g)}, findes ikke i {following}.",
                f"Goal {g.number} of {year}, {quoted(g)}, is not in {following}.",
            ),
            g.citations[:1],
        )
        for g in dropped
    ]
    return Answer(question, statements, goals=[g.id for g in dropped])


def answer_unchanged(question: Question, material: Material, searcher=None) -> Answer:
    if not question.years:
        return no_evidence(question, "hvilke år der menes", "which years are meant")
    year = question.years[0]
    following = question.years[1] if len(question.years) > 1 else _next_year(year, material)
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
    statements = []
    for link in same:
        before, after = material.goals[link.from_goal], material.goals[link.to_goal]
        statements.append(
            Statement(
                say(
                    question,
                    f"{quoted(after)} (mål {before.number} i {year}, mål {after.number} i {following}) er uændret.",
                    f"{quoted(after)} (goal {before.number} in {year}, goal {after.number} in {following}) is unchanged.",
                ),
                before.citations[:1] + after.citations[:1],
            )
        )
    return Answer(
        question,
        statements,
        goals=[g for link in same for g in (link.from_goal, link.to_goal)],
        links=[_link_record(link, material) for link in same],
    )


def answer_status(question: Question, material: Material, searcher=None) -> Answer:
    statements: list[Statement] = []
    used = []
    for goal in material.matching_goals(question.terms):
        said = _status_statements(question, goal)
        statements += said
        if said:
            used.append(goal.id)
    if not statements:
        return no_evidence(
            question,
            f"status eller målsætning for {topic_da(question)}",
            f"a status or target for {topic_en(question)}",
        )
    return Answer(question, statements, goals=used)


def _status_statements(question: Question, goal: Goal) -> list[Statement]:
    """The goal's status figures in the named years, then its target (if any figure, or the plan year, was named)."""
    observations = [
        s for s in goal.status if not question.years or any((s.date or "").startswith(str(y)) for y in question.years)
    ]
    statements = [
        Statement(
            say(
                question,
                f"Status for {quoted(goal)} ({goal.plan_year}, mål {goal.number}) pr. {status.date}: {figure}.",
                f"Status of {quoted(goal)} ({goal.plan_year}, goal {goal.number}) as of {status.date}: {figure}.",
            ),
            status.citations,
        )
        for status in observations
        for figure in [" ".join(status.text.split())]
    ]
    in_year = not question.years or goal.plan_year in question.years
    if goal.target and (observations or in_year):
        statements.append(
            Statement(
                say(
                    question,
                    f"Målsætningen for {quoted(goal)} var: {goal.target.text}.",
                    f"The target of {quoted(goal)} was: {goal.target.text}.",
                ),
                goal.citations[:1],
            )
        )
    return statements
