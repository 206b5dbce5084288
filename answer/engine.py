"""`ask`: answer a Danish or English question from the structured store, without a generative model.

The question's kind is recognised by its wording (change, first appearance, dropped, unchanged,
status, decision, agenda history, absent members, attachments); its years, a meeting date and its
topic words are parsed out; the goals and agenda items are found by lexical match; the answer is
composed from their fields. Every statement carries the citations it rests on, and a question the
material does not answer gets a plain "Det fremgår ikke af materialet ..." / "The material does not show ...".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from answer.records import CitationQuoter
from index.lineage.threads import build_threads, thread_of
from index.store.sqlite import Store
from maalspor.model import AgendaItem, Citation, Decision, Document, Goal, GoalLink, Thread
from nlp.decisions import meeting_decision
from nlp.wording_diff import is_identical, normalize_wording, target_change, word_diff

# Checked in this order: 'Hvilke bilag havde punktet om ...' is about attachments, not a decision.
KIND_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("absent", re.compile(r"fravær|absent|missing from the meeting", re.I)),
    ("attachments", re.compile(r"\bbilag|attachment", re.I)),
    ("unchanged", re.compile(r"uændre|unchanged|carried (over|forward)|videreført", re.I)),
    ("dropped", re.compile(r"\budg(ik|ået)|\bbortfald|dropped|removed|discontinued", re.I)),
    (
        "first",
        re.compile(r"hvornår kom|første gang|first (appear|time)|when did .* (appear|come|enter)|introduced", re.I),
    ),
    ("change", re.compile(r"ændret|ændring|\bchanged?\b|udvikl|evolved", re.I)),
    ("history", re.compile(r"dagsorden|agenda|historik|history|behandlet", re.I)),
    ("decision", re.compile(r"besluttede|beslutning|\bdecided?\b|decision", re.I)),
    ("status", re.compile(r"\bstatus|\btarget|målsætning|måltal|resultat", re.I)),
]

# English topic words -> the Danish word stems the documents use.
GLOSSARY = {
    "young": "unge",
    "youth": "unge",
    "refugees": "flygtninge",
    "refugee": "flygtninge",
    "disability": "handicap",
    "disabilities": "handicap",
    "disabled": "handicap",
    "unemployed": "ledige",
    "academics": "akademikere",
    "businesses": "virksomheder",
    "companies": "virksomheder",
    "education": "uddannelse",
    "employment": "beskæftigelse",
    "cash": "kontanthjælp",
}

STOPWORDS = frozenset(
    """
hvad hvilke hvilken hvornår hvem hvordan hvorfor var er blev har have havde kom ind ud sig om for fra til i
på af med den det de en et og eller at der som efter før målet mål målene målsætningen udvalget udvalgene
besluttede beslutning besluttet status punktet punkt punkter bilag fraværende ændret ændring udgik udgået
uændret uændrede videreført første gang dagsordenen dagsorden været kommunen
what which when who how why was were is are did do does the a an of for from to in on at about with and or
goal goals target targets committee decide decided decision status change changed changes over carried
unchanged dropped first appear appeared agenda item items attachments attachment absent meeting people
persons citizens been has have had into after before between
""".split()
)

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januar", "january", "jan"),
            ("februar", "february", "feb"),
            ("marts", "march", "mar"),
            ("april", "apr"),
            ("maj", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
DANISH_MONTHS = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
]

_YEAR = re.compile(r"\b(19[89]\d|20\d\d)\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\.?\s+([a-zæøå]+)\s+(\d{4})\b", re.I)
_MONTH_DAY_YEAR = re.compile(r"\b([a-z]+)\s+(\d{1,2}),?\s+(\d{4})\b", re.I)
_WORD = re.compile(r"[a-zæøåéü0-9]+(?:-[a-zæøå]+)*", re.I)
_ENGLISH = re.compile(r"\b(what|which|when|who|how|did|were|was|the)\b", re.I)
_DANISH = re.compile(r"[æøå]|\b(hvad|hvilke|hvornår|hvem|hvordan|var|blev)\b", re.I)


# ------------------------------------------------------------------ understanding the question


@dataclass(frozen=True)
class Question:
    text: str
    language: str  # "da" | "en"
    kind: str
    years: tuple[int, ...]
    date: str | None  # ISO yyyy-mm-dd of a meeting named in the question
    terms: tuple[str, ...]  # topic words, lower case, English mapped to Danish


def understand(text: str) -> Question:
    date = meeting_date(text)
    years = tuple(int(y) for y in _YEAR.findall(text))
    kind = next((kind for kind, pattern in KIND_PATTERNS if pattern.search(text)), "search")
    return Question(
        text=text, language=language(text), kind=kind, years=years, date=date, terms=tuple(topic_terms(text))
    )


def language(text: str) -> str:
    return "en" if _ENGLISH.search(text) and not _DANISH.search(text) else "da"


def meeting_date(text: str) -> str | None:
    if match := _ISO_DATE.search(text):
        return match.group(0)
    for pattern, day_group, month_group in ((_DAY_MONTH_YEAR, 1, 2), (_MONTH_DAY_YEAR, 2, 1)):
        for match in pattern.finditer(text):
            month = MONTHS.get(match.group(month_group).lower())
            if month:
                return f"{match.group(3)}-{month:02d}-{int(match.group(day_group)):02d}"
    return None


def topic_terms(text: str) -> list[str]:
    """The question's content words: no question words, numbers or month names; English mapped to Danish."""
    words = [w.lower() for w in _WORD.findall(text)]
    terms = [GLOSSARY.get(w, w) for w in words if w not in STOPWORDS and w not in MONTHS and not w.isdigit()]
    return list(dict.fromkeys(terms))


def mentions(text: str, terms: list[str] | tuple[str, ...]) -> bool:
    """Every term starts some word of the text (a short stem, so 'flygtninge' finds 'flygtningene')."""
    words = [w.lower() for w in _WORD.findall(text)]
    return all(any(word.startswith(_stem(term)) for word in words) for term in terms)


def _stem(term: str) -> str:
    return term if len(term) <= 5 else term[: max(5, len(term) - 2)]


# ------------------------------------------------------------------ the material


@dataclass
class Material:
    """Everything an answer may draw on, read once per question."""

    documents: dict[str, Document]
    goals: dict[str, Goal]
    links: list[GoalLink]
    threads: list[Thread]
    items: list[AgendaItem]
    quoter: CitationQuoter

    @classmethod
    def load(cls, store: Store) -> Material:
        goals = store.goals()
        links = store.links()
        return cls(
            {d.id: d for d in store.documents()},
            {g.id: g for g in goals},
            links,
            build_threads(goals, links),
            store.items(),
            CitationQuoter(store),
        )

    def matching_goals(self, terms: tuple[str, ...]) -> list[Goal]:
        return [g for g in self.goals.values() if terms and mentions(g.wording, terms)]

    def matching_items(self, question: Question) -> list[tuple[AgendaItem, Decision | None]]:
        """Items whose title names the topic (else whose text does), in a named year; oldest first."""

        def in_years(item: AgendaItem, decision: Decision | None) -> bool:
            dates = {(decision.date if decision else None) or "", self.documents[item.document_id].meeting_date or ""}
            return all(str(y) in item.title or any(d.startswith(str(y)) for d in dates) for y in question.years)

        def text_of(item: AgendaItem) -> str:
            return " ".join(filter(None, (item.title, item.resume, item.recommendation_text, item.case_text)))

        candidates = [(item, meeting_decision(item, self.documents[item.document_id])) for item in self.items]
        candidates = [(item, decision) for item, decision in candidates if in_years(item, decision)]
        if not question.terms:
            return []
        found = [c for c in candidates if mentions(c[0].title, question.terms)] or [
            c for c in candidates if mentions(text_of(c[0]), question.terms)
        ]
        return sorted(found, key=lambda c: ((c[1].date if c[1] else None) or "", c[0].embedded))


# ------------------------------------------------------------------ composing the answer


@dataclass
class Statement:
    text: str
    citations: list[Citation]


@dataclass
class Answer:
    question: Question
    statements: list[Statement]
    goals: list[str] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    decisions: list[dict] = field(default_factory=list)

    @property
    def evidence(self) -> bool:
        return any(statement.citations for statement in self.statements)


def ask(text: str, store: Store, searcher=None) -> dict:
    """Answer `text` from the store; the JSON record of the answer."""
    question = understand(text)
    material = Material.load(store)
    answer = ANSWERERS.get(question.kind, answer_by_search)(question, material, searcher)
    return answer_record(answer, material.quoter)


def answer_record(answer: Answer, quoter: CitationQuoter) -> dict:
    statements = [{"text": s.text, "citations": quoter.records(s.citations)} for s in answer.statements]
    citations = list(
        {
            (c["source_file"], c["page"], c["line_start"], c["line_end"]): c for s in statements for c in s["citations"]
        }.values()
    )
    return {
        "question": answer.question.text,
        "language": answer.question.language,
        "kind": answer.question.kind,
        "years": list(answer.question.years),
        "terms": list(answer.question.terms),
        "evidence": answer.evidence,
        "answer": " ".join(s.text for s in answer.statements),
        "statements": statements,
        "citations": citations,
        "goals": answer.goals,
        "links": answer.links,
        "decisions": answer.decisions,
    }


def _say(question: Question, danish: str, english: str) -> str:
    return english if question.language == "en" else danish


def no_evidence(question: Question, topic_da: str, topic_en: str) -> Answer:
    return Answer(
        question,
        [
            Statement(
                _say(
                    question, f"Det fremgår ikke af materialet {topic_da}.", f"The material does not show {topic_en}."
                ),
                [],
            )
        ],
    )


def _topic(question: Question) -> str:
    words = " ".join(question.terms) or "?"
    return words + (f" i {', '.join(map(str, question.years))}" if question.years else "")


def _topic_en(question: Question) -> str:
    words = " ".join(question.terms) or "?"
    return words + (f" in {', '.join(map(str, question.years))}" if question.years else "")


def _quote(goal: Goal) -> str:
    return f"“{normalize_wording(goal.wording)}”"


def _goal_line(question: Question, goal: Goal) -> Statement:
    target = f" ({_say(question, 'mål', 'target')}: {goal.target.text})" if goal.target else ""
    return Statement(
        _say(
            question,
            f"I {goal.plan_year} lød mål {goal.number}: {_quote(goal)}{target}.",
            f"In {goal.plan_year} goal {goal.number} read: {_quote(goal)}{target}.",
        ),
        goal.citations[:1],
    )


def _best_thread(goals: list[Goal], material: Material, years: tuple[int, ...] = ()) -> Thread | None:
    """The thread holding most of the matching goals, preferring one that covers the named years."""
    counts: dict[str, int] = {}
    for goal in goals:
        thread = thread_of(goal.id, material.threads)
        counts[thread.id] = counts.get(thread.id, 0) + 1
    threads = [t for t in material.threads if t.id in counts]
    return max(threads, key=lambda t: (all(y in t.goals_by_year for y in years), counts[t.id]), default=None)


def answer_change(question: Question, material: Material, searcher=None) -> Answer:
    thread = _best_thread(material.matching_goals(question.terms), material, question.years[:2])
    if thread is None:
        return no_evidence(question, f"noget mål om {_topic(question)}", f"a goal about {_topic_en(question)}")
    years = sorted(thread.goals_by_year)
    first, last = (min(question.years), max(question.years)) if len(question.years) >= 2 else (years[0], years[-1])
    span = [y for y in years if first <= y <= last]
    if not span:
        return no_evidence(
            question,
            f"et mål om {_topic(question)} mellem {first} og {last}",
            f"a goal about {_topic_en(question)} between {first} and {last}",
        )
    members = {i for y in span for i in thread.goals_by_year[y]}
    steps = sorted(
        (link for link in material.links if link.from_goal in members and link.to_goal in members),
        key=lambda link: (link.from_year, link.to_year),
    )
    statements = [_goal_line(question, material.goals[i]) for i in thread.goals_by_year[span[0]]]
    statements += [_step(question, link, material) for link in steps]
    if span[-1] != span[0]:
        statements += [_goal_line(question, material.goals[i]) for i in thread.goals_by_year[span[-1]]]
    if span[0] != first or span[-1] != last:
        statements.append(
            Statement(
                _say(
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
        _say(
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
        return no_evidence(question, f"noget mål om {_topic(question)}", f"a goal about {_topic_en(question)}")
    years = sorted(thread.goals_by_year)
    goal = material.goals[thread.goals_by_year[years[0]][0]]
    title = material.documents[goal.document_id].title
    later = ", ".join(map(str, years[1:])) or _say(question, "ingen", "none")
    return Answer(
        question,
        [
            Statement(
                _say(
                    question,
                    f"Målet {_quote(goal)} optræder første gang i materialet i {goal.plan_year} ({title}, mål {goal.number}); "
                    f"senere år med målet: {later}.",
                    f"The goal {_quote(goal)} first appears in the material in {goal.plan_year} ({title}, goal {goal.number}); "
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
                    _say(
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
            _say(
                question,
                f"Mål {g.number} fra {year}, {_quote(g)}, findes ikke i {following}.",
                f"Goal {g.number} of {year}, {_quote(g)}, is not in {following}.",
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
                _say(
                    question,
                    f"{_quote(after)} (mål {before.number} i {year}, mål {after.number} i {following}) er uændret.",
                    f"{_quote(after)} (goal {before.number} in {year}, goal {after.number} in {following}) is unchanged.",
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
    goals = material.matching_goals(question.terms)
    statements = []
    used = []
    for goal in goals:
        observations = [
            s
            for s in goal.status
            if not question.years or any((s.date or "").startswith(str(y)) for y in question.years)
        ]
        for status in observations:
            figure = " ".join(status.text.split())
            statements.append(
                Statement(
                    _say(
                        question,
                        f"Status for {_quote(goal)} ({goal.plan_year}, mål {goal.number}) pr. {status.date}: {figure}.",
                        f"Status of {_quote(goal)} ({goal.plan_year}, goal {goal.number}) as of {status.date}: {figure}.",
                    ),
                    status.citations,
                )
            )
        in_year = not question.years or goal.plan_year in question.years
        if goal.target and (observations or in_year):
            statements.append(
                Statement(
                    _say(
                        question,
                        f"Målsætningen for {_quote(goal)} var: {goal.target.text}.",
                        f"The target of {_quote(goal)} was: {goal.target.text}.",
                    ),
                    goal.citations[:1],
                )
            )
        if observations or (goal.target and in_year):
            used.append(goal.id)
    if not statements:
        return no_evidence(
            question, f"status eller målsætning for {_topic(question)}", f"a status or target for {_topic_en(question)}"
        )
    return Answer(question, statements, goals=used)


def decision_summary(item: AgendaItem, decision: Decision | None, material: Material) -> dict:
    document = material.documents[item.document_id]
    return {
        "item_id": item.id,
        "title": item.title,
        "committee": decision.committee if decision else document.committee,
        "date": (decision.date if decision else None) or document.meeting_date,
        "outcome": decision.outcome if decision else None,
        "decision_text": decision.text if decision else None,
        "attachments": item.attachments,
    }


def _danish_date(iso: str | None) -> str:
    if not iso or len(iso) != 10:
        return iso or "ukendt dato"
    year, month, day = iso.split("-")
    return f"{int(day)}. {DANISH_MONTHS[int(month) - 1]} {year}"


def answer_decision(question: Question, material: Material, searcher=None) -> Answer:
    found = material.matching_items(question)
    decided = [(item, decision) for item, decision in found if decision is not None]
    if not decided:
        return no_evidence(
            question, f"hvad der blev besluttet om {_topic(question)}", f"what was decided about {_topic_en(question)}"
        )
    statements = []
    for item, decision in decided:
        text = " ".join(decision.text.split())
        statements.append(
            Statement(
                _say(
                    question,
                    f"{decision.committee} besluttede den {_danish_date(decision.date)} om punkt {item.number} "
                    f"“{item.title}”: {text} (udfald: {decision.outcome or 'ikke angivet'}).",
                    f"On {decision.date} {decision.committee} decided on item {item.number} “{item.title}”: {text} "
                    f"(outcome: {decision.outcome or 'not stated'}).",
                ),
                decision.citations or item.citations[:1],
            )
        )
    return Answer(question, statements, decisions=[decision_summary(i, d, material) for i, d in decided])


def answer_history(question: Question, material: Material, searcher=None) -> Answer:
    found = material.matching_items(question)
    if not found:
        return no_evidence(
            question, f"noget dagsordenspunkt om {_topic(question)}", f"any agenda item about {_topic_en(question)}"
        )
    statements = []
    for item, decision in found:
        record = decision_summary(item, decision, material)
        outcome = record["outcome"] or _say(question, "intet udfald noteret", "no outcome recorded")
        statements.append(
            Statement(
                _say(
                    question,
                    f"{_danish_date(record['date'])}, {record['committee']}, punkt {item.number} “{item.title}”: {outcome}.",
                    f"{record['date']}, {record['committee']}, item {item.number} “{item.title}”: {outcome}.",
                ),
                item.citations[:1],
            )
        )
    return Answer(question, statements, decisions=[decision_summary(i, d, material) for i, d in found])


def answer_absent(question: Question, material: Material, searcher=None) -> Answer:
    meetings = [d for d in material.documents.values() if question.date and d.meeting_date == question.date]
    if not meetings:
        return no_evidence(
            question,
            f"noget møde den {_danish_date(question.date)}" if question.date else "hvilket møde der menes",
            f"a meeting on {question.date}" if question.date else "which meeting is meant",
        )
    statements = []
    for document in meetings:
        decisions = [
            meeting_decision(item, document)
            for item in material.items
            if item.document_id == document.id and not item.embedded
        ]
        with_absence = [d for d in decisions if d is not None and d.absent]
        if not with_absence:
            statements.append(
                Statement(
                    _say(
                        question,
                        f"Referatet fra {document.title} noterer ingen fraværende.",
                        f"The minutes of {document.title} record no absent members.",
                    ),
                    [],
                )
            )
            continue
        names = list(
            dict.fromkeys(f"{a.name} ({a.party})" if a.party else a.name for d in with_absence for a in d.absent)
        )
        first = with_absence[0]
        citation = material.quoter.narrowed(first.citations[0], first.absent[0].name) if first.citations else None
        statements.append(
            Statement(
                _say(
                    question,
                    f"Fraværende ved mødet i {document.committee} den {_danish_date(document.meeting_date)}: {', '.join(names)}.",
                    f"Absent from the {document.committee} meeting on {document.meeting_date}: {', '.join(names)}.",
                ),
                [citation] if citation else [],
            )
        )
    return Answer(question, statements)


def answer_attachments(question: Question, material: Material, searcher=None) -> Answer:
    found = [(item, decision) for item, decision in material.matching_items(question) if not item.embedded]
    if not found:
        return no_evidence(
            question, f"noget punkt om {_topic(question)}", f"an agenda item about {_topic_en(question)}"
        )
    statements = []
    for item, _ in found:
        names = ", ".join(f"“{a}”" for a in item.attachments) or _say(question, "ingen", "none")
        citations = [material.quoter.narrowed(item.citations[0], a) for a in item.attachments] if item.citations else []
        statements.append(
            Statement(
                _say(
                    question,
                    f"Punkt {item.number} “{item.title}” havde bilag: {names}.",
                    f"Item {item.number} “{item.title}” had attachments: {names}.",
                ),
                citations or item.citations[:1],
            )
        )
    return Answer(question, statements, decisions=[decision_summary(i, d, material) for i, d in found])


SEARCH_HITS_IN_ANSWER = 3


def answer_by_search(question: Question, material: Material, searcher=None) -> Answer:
    """No recognised kind: the best search passages, cited; without a search index, say so."""
    hits = searcher.search(question.text, limit=SEARCH_HITS_IN_ANSWER) if searcher else []
    if not hits:
        return no_evidence(question, f"noget om {_topic(question)}", f"anything about {_topic_en(question)}")
    return Answer(
        question,
        [
            Statement(
                _say(
                    question,
                    f"Relevant tekststykke: “{' '.join(hit.text.split())[:300]}”.",
                    f"Relevant passage: “{' '.join(hit.text.split())[:300]}”.",
                ),
                hit.citations,
            )
            for hit in hits
        ],
    )


ANSWERERS = {
    "change": answer_change,
    "first": answer_first,
    "dropped": answer_dropped,
    "unchanged": answer_unchanged,
    "status": answer_status,
    "decision": answer_decision,
    "history": answer_history,
    "absent": answer_absent,
    "attachments": answer_attachments,
}
