"""`ask`: answer a Danish or English question from the structured store, without a generative model.

The question's intent and slots come from cue tables (answer/question.py, answer/cues.py); its topic
is resolved by retrieval over goals and agenda items (answer/topic.py); the answer is composed from
their fields, one statement per fact, each with the citations it rests on. A question asking several
things gets every part answered. A question the material does not answer gets a plain "Det fremgår
ikke af materialet ..." / "The material does not show ...". Search (and so the embedding model) is
opened only when an answer needs it: pass a zero-argument callable instead of a searcher for that.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from answer.absence_answers import answer_absent
from answer.goal_answers import answer_change, answer_first, answer_last
from answer.intent_model import intent_classifier
from answer.material import Material, goal_search_text
from answer.meeting_answers import answer_attachments, answer_decision, answer_history
from answer.meeting_dates import with_year_assumed
from answer.overview_answers import answer_overview
from answer.passage_answers import answer_by_search, answer_why
from answer.phrasing import Answer, Statement
from answer.question import Question, asks_count, understand
from answer.records import CitationQuoter
from answer.scope import out_of_scope
from answer.semantic_topic import SemanticTopic
from answer.status_answers import answer_status
from answer.topic import TermMatcher
from answer.year_comparison import answer_dropped, answer_new, answer_unchanged

if TYPE_CHECKING:
    from index.store.sqlite import Store

Answerer = Callable[[Question, Material, Any], Answer]
# The intents only a goal has (first/last and new/dropped answer for agenda items and plans too).
GOAL_TOPIC_INTENTS = frozenset({"change", "status", "unchanged"})


def answer_record(answer: Answer[dict]) -> dict:
    """The JSON the API and `maalspor ask --format json` return (answer.schema.AnswerRecord)."""
    question = answer.question
    citations = {
        (c["source_file"], c["page"], c["line_start"], c["line_end"]): c
        for statement in answer.statements
        for c in statement.citations
    }
    return {
        "question": question.text,
        "language": question.language,
        "kind": question.kind,
        "years": list(question.years),
        "terms": list(question.terms),
        "evidence": answer.evidence,
        "answer": " ".join(s.text for s in answer.statements),
        "statements": [{"text": s.text, "citations": s.citations} for s in answer.statements],
        "citations": list(citations.values()),
        "goals": answer.goals,
        "links": answer.links,
        "decisions": answer.decisions,
    }


def ask(text: str, store: Store, searcher=None) -> dict:
    """Answer `text` from the store; the JSON record of the answer."""
    return answer_record(answer_question(text, store, searcher))


def answer_question(text: str, store: Store, searcher=None) -> Answer[dict]:
    """`searcher`: a searcher, a zero-argument callable opening one on first use, or None."""
    search = OnDemandSearcher(searcher) if searcher is not None else None
    question = understand(text, intent_classifier(search.embed_query) if search else None)
    material = Material.load(store, SemanticTopic(search) if search else None)
    answers = [_answer_one(part, material, search) for part in (question.parts or (question,))]
    return _quoted(question, answers, material.quoter)


def _answer_one(question: Question, material: Material, searcher) -> Answer:
    """The answer, after the year of a meeting named without one is assumed (and said); a scope the material lacks
    (answer/scope.py) is said instead of answering from elsewhere."""
    question, assumed = with_year_assumed(question, material)
    answer = out_of_scope(question, material) or _answered(question, material, searcher)
    if assumed is not None:
        answer.statements.insert(0, assumed)
    return answer


def _answered(question: Question, material: Material, searcher) -> Answer:
    """The intent's answer; where it cites nothing, the passages that carry the topic, when any does.

    A structured answerer finds nothing when the question's facts sit in running text rather than in the
    records it reads (a status told in a case text, a decision's reason), when it names the topic otherwise
    than the records do, or when the intent was guessed wrongly. The passage search then answers — its
    topic floor (answer/sentence_ranking.py) keeps a topic the material lacks unanswered, and the structured
    answerer's own 'Det fremgår ikke af materialet …' stands. An answer that tells what the material lacks
    ('Materialet indeholder ikke en plan for 2018') is an answer, not an abstention, and stands, unless the
    intent was only the classifier's guess."""
    answerer = _answerer(question, material)
    answer = answerer(question, material, searcher)
    if not _falls_back(answerer, answer, question):
        return answer
    passages = answer_by_search(question, material, searcher)
    # a guessed intent's own words ('noget mål om …') may misname what was asked: the passage search's stand
    return passages if passages.evidence or question.guessed else answer


def _answerer(question: Question, material: Material) -> Answerer:
    """The intent's answerer; a change, status or sameness asked of no goal (the topic matches none, and the
    question names none) is told in running text — a case's figures, a plan draft's revision — and the passages
    answer it, rather than the goal answerer offering the nearest unrelated goal."""
    if question.kind in GOAL_TOPIC_INTENTS and not material.names_a_goal(question):
        return answer_by_search
    if (
        question.kind == "search"
        and question.years
        and asks_count(question.text)
        and _counts_a_goal(question, material)
    ):
        return answer_status
    return ANSWERERS.get(question.kind, answer_by_search)


def _counts_a_goal(question: Question, material: Material) -> bool:
    """A count in a year of what a goal follows ('antal praktikpladser i kommunens egne institutioner i 2022, hvor
    mange?') is the goal's status figure then (where its status says nothing, the passages answer: _falls_back).
    The goal must hold two of the question's words at least: the counted noun alone ('hvor mange virksomheder er
    der i kommunen') asks a quantity of the municipality, not of the goal that happens to name it."""
    goals = material.resolve_goals(question)
    return bool(goals) and len(TermMatcher(material.goal_terms(question)).matched(goal_search_text(goals[0]))) >= 2


def _falls_back(answerer: Answerer, answer: Answer, question: Question) -> bool:
    """A structured answer that cites nothing and only abstains (or answers a guessed intent)."""
    searched = answerer in (answer_by_search, answer_why)
    return not searched and not answer.evidence and (answer.abstained or question.guessed)


def _quoted(question: Question, answers: list[Answer], quoter: CitationQuoter) -> Answer[dict]:
    """The answers to the question's parts as one answer, every citation quoted from its source."""
    return Answer(
        question,
        [Statement(s.text, quoter.records(s.citations)) for a in answers for s in a.statements],
        goals=list(dict.fromkeys(g for a in answers for g in a.goals)),
        links=[link for a in answers for link in a.links],
        decisions=[d for a in answers for d in a.decisions],
    )


class OnDemandSearcher:
    """Opens the searcher (and its embedding model) the first time an answer searches."""

    def __init__(self, source):
        self._source = source
        self._searcher = source if hasattr(source, "search") else None
        self._opened = self._searcher is not None

    def _open(self):
        if not self._opened:
            self._searcher, self._opened = self._source(), True
        return self._searcher

    def embed_query(self, text: str):
        """The query's e5 vector (the intent classifier's input); None without a searcher."""
        embed = getattr(self._open(), "embed_query", None)
        return embed(text) if embed else None

    @property
    def chunks(self) -> list:
        """The searcher's chunks (their running text is windowed for passage answers); none without one."""
        return getattr(self._open(), "chunks", [])

    def search(self, query: str, filters=None, limit: int = 10) -> list:
        searcher = self._open()
        if searcher is None:
            return []
        return searcher.search(query, filters, limit) if filters is not None else searcher.search(query, limit=limit)


ANSWERERS: dict[str, Answerer] = {
    "change": answer_change,
    "first": answer_first,
    "last": answer_last,
    "new": answer_new,
    "dropped": answer_dropped,
    "unchanged": answer_unchanged,
    "status": answer_status,
    "decision": answer_decision,
    "history": answer_history,
    "absent": answer_absent,
    "attachments": answer_attachments,
    "overview": answer_overview,
    "why": answer_why,
}
