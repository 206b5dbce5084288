"""The material an answer draws on: documents, goals, links, threads and agenda items, read once per question."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from answer.cues import GOAL_WORDS, PLAN_WORD
from answer.meeting_words import ENGLISH_BODY_NAMES, is_meeting_process_word, item_topic
from answer.passages import Passage, windows
from answer.question import Question
from answer.records import CitationQuoter
from answer.semantic_topic import SemanticTopic
from answer.topic import TermMatcher
from index.search.running_text import is_running_text
from maalspor.model import AgendaItem, Decision, Document, Goal, GoalLink, Section, Thread
from nlp.bodies import is_body_name, same_body
from nlp.decisions import meeting_decision

if TYPE_CHECKING:
    from index.search.chunk_text import Chunk
    from index.store.sqlite import Store

_PLAN_WORD = re.compile(PLAN_WORD)
_GOAL_WORDS = re.compile(GOAL_WORDS, re.I)
# The agenda-item fields that hold running text, searched for passages.
ITEM_TEXT_FIELDS = ("resume", "recommendation_text", "case_text", "economy", "legal_basis")
# Words of a committee's or municipality's name too common to name it on their own.
_NAME_FILLER = frozenset({"og", "kommune", "udvalget", "udvalg", "for", "i", "-"})


@dataclass
class Material:
    """Everything an answer may draw on, read once per question."""

    documents: dict[str, Document]
    goals: dict[str, Goal]
    links: list[GoalLink]
    threads: list[Thread]
    items: list[AgendaItem]
    quoter: CitationQuoter
    sections: list[Section] = field(default_factory=list)
    # finds the topic by meaning where no topic word matches (None: lexical only)
    semantic: SemanticTopic | None = None
    # (question text, attribute) -> the names it picks; in_scope runs once per record
    _named_cache: dict[tuple[str, str], set[str]] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, store: Store, semantic: SemanticTopic | None = None) -> Material:
        """The store's records (kept between questions while the database files are unchanged) and a quoter."""
        documents, goals, links, threads, items, sections = _records(store)
        return cls(documents, goals, links, threads, items, CitationQuoter(store), sections, semantic=semantic)

    def thread_of(self, goal_id: str) -> Thread | None:
        return next((t for t in self.threads if any(goal_id in ids for ids in t.goals_by_year.values())), None)

    def plan_years(self) -> list[int]:
        return sorted({g.plan_year for g in self.goals.values()})

    def meeting_days(self, question: Question) -> set[str]:
        """The days the meetings in scope were held: their minutes' dates, and the dates of earlier meetings whose
        items the minutes reprint (as in_years dates an item)."""
        days = {d.meeting_date for d in self.documents.values() if self.in_scope(question, d.id)}
        days |= {
            decision.date
            for item in self.items
            if item.embedded and self.in_scope(question, item.document_id)
            for decision in item.decisions
        }
        return {day for day in days if day}

    def years_told(self, question: Question) -> set[int]:
        """The years the material in scope tells about: its plan years, the years of its goals' status figures
        and target dates, and the years of its meetings."""
        goals = [g for g in self.goals.values() if self.in_scope(question, g.document_id)]
        years = {g.plan_year for g in goals}
        years |= {int(s.date[:4]) for g in goals for s in g.status if s.date}
        years |= {
            int(g.period.end[:4]) for g in goals if g.period and g.period.end
        }  # the target's date, not the baseline's
        return years | {int(day[:4]) for day in self.meeting_days(question)}

    def in_scope(self, question: Question, document_id: str) -> bool:
        """The document belongs to the municipality and committee the question names (if it names one)."""
        document = self.documents[document_id]
        if question.municipality and not self._holds_municipality(question.municipality):
            return False
        text = question.text.lower()
        for named, value in ((self._named(text, "municipality"), document.municipality),
                             (self._named(text, "committee"), document.committee)):  # fmt: skip
            if named and value not in named:
                return False
        return True

    def _holds_municipality(self, name: str) -> bool:
        return any(name.lower() in (d.municipality or "").lower() for d in self.documents.values())

    def _named(self, text: str, attribute: str) -> set[str]:
        """The municipalities (or committees) of the material the question names by a distinctive word."""
        if (text, attribute) not in self._named_cache:
            self._named_cache[(text, attribute)] = self._find_named(text, attribute)
        return self._named_cache[(text, attribute)]

    def _find_named(self, text: str, attribute: str) -> set[str]:
        values = {getattr(d, attribute) for d in self.documents.values()} - {None}
        padded = f" {re.sub(r'[^a-zæøå0-9]+', ' ', text)} "
        # a body's name may hold its municipality's ('Aarhus Byråd'): naming the town names no one body of it
        places = (
            {w for d in self.documents.values() for w in _words(d.municipality or "")}
            if attribute == "committee"
            else set()
        )
        return {
            value for value in values if any(word in padded for word in _distinctive_words(value) if word not in places)
        }

    def passages(self, question: Question, documents: Collection[str] | None = None) -> list[Passage]:
        """Running text in scope and in the named years (of `documents` when given): plan sections and
        agenda-item fields, as two-sentence windows."""
        return [p for p in self._passages(question, documents) if self._passage_in_years(question, p)]

    def running_text(self, question: Question, searched: Sequence[Chunk]) -> list[Passage]:
        """The windows, in scope and in the named years, of the text no record holds, from the searcher's chunks
        (index/search/running_text.py: a status report printed after a meeting's last item, the prose between a
        plan's goal tables), which otherwise only a search hit for the question's own words reaches."""
        return [
            window
            for window in _running_text_windows(searched)
            if self.in_scope(question, window.document_id) and self._passage_in_years(question, window)
        ]

    def _passage_in_years(self, question: Question, passage: Passage) -> bool:
        """A document of a named year (±1: minutes discuss next year's plan), or text naming the year."""
        # a span written short ('budgettet for 1950-51') names its ends only as a span
        years = question.years or tuple(y for y in (question.year_from, question.year_to) if y is not None)
        if not years:
            return True
        document = self.documents[passage.document_id]
        year = document.plan_year or int((document.meeting_date or "0")[:4] or 0)
        return any(abs(year - y) <= 1 or str(y) in passage.text for y in years)

    def _passages(self, question: Question, documents: Collection[str] | None) -> list[Passage]:
        by_document = _windows_by_document(self)
        chosen = by_document if documents is None else {d: by_document.get(d, []) for d in documents}
        return [p for document_id, found in chosen.items() if self.in_scope(question, document_id) for p in found]

    def topic_terms(self, question: Question) -> tuple[str, ...]:
        return _topic_terms(question, self)

    def goal_terms(self, question: Question) -> tuple[str, ...]:
        """The topic terms that can name a goal: not the municipality, committee or plan ('Beskæftigelsesplan')."""
        return tuple(t for t in _topic_terms(question, self) if not _PLAN_WORD.search(t))

    def item_terms(self, question: Question) -> tuple[str, ...]:
        """The topic terms that can pick an agenda item: no body names, no words of the meeting process; in an
        English question, no word the glossary left untranslated ('activity centre') when the others name items by
        their titles ('Solvej 6'): the words no title holds weigh as an unknown subject otherwise."""
        terms = item_topic(tuple(t for t in _topic_terms(question, self) if not is_body_name(t.capitalize())))
        return (self._in_some_title(terms) or terms) if question.language == "en" else terms

    def names_an_item(self, question: Question) -> bool:
        """Some topic term is more than a word of the meeting process ('sagen', 'mødet', 'til stede')."""
        return not all(map(is_meeting_process_word, self.item_terms(question)))

    def _in_some_title(self, terms: tuple[str, ...]) -> tuple[str, ...]:
        """The terms some agenda item's title holds (as stem, compound part or synonym)."""
        matcher, found = TermMatcher(terms), set[str]()
        for item in self.items:
            if matcher.could_match(item.title):
                found.update(matcher.matched(item.title))
        return tuple(term for term in terms if term in found)

    def names_body(self, question: Question, body: str | None) -> bool:
        """The question names `body`: by a distinctive word or the initials of a committee ('BEU', 'ØU'),
        or by a body word ('byrådet' and 'the council' name 'Aarhus Byråd'; 'magistraten' names 'Magistraten')."""
        if not body:
            return False
        text = question.text.lower()
        padded = f" {re.sub(r'[^a-zæøå0-9]+', ' ', text)} "
        if _is_committee(body) and any(word in padded for word in _distinctive_words(body)):
            return True
        named = [t for t in question.terms if is_body_name(t.capitalize())]
        named += [danish for english, danish in ENGLISH_BODY_NAMES.items() if english in text]
        return any(same_body(name.capitalize(), body) for name in named)

    def names_a_goal(self, question: Question) -> bool:
        """The question asks about a goal: it says so ('målet', 'følgemål c', 'the target'), or its topic matches a
        goal in scope on at least MATCH_SHARE of its weight. A figure told only in a case's running text ('the share
        of sanctioned recipients') or a document's own history is no goal, however its question is worded."""
        if _GOAL_WORDS.search(question.text) or question.goal_number or not self.goal_terms(question):
            return True
        return bool(self.resolve_goals(question))

    def resolve_goals(self, question: Question) -> list[Goal]:
        """The goals the question's topic (and goal number, if named) points at, best first."""
        goals = [g for g in self.goals.values() if self.in_scope(question, g.document_id)]
        if question.goal_number:
            numbered = [g for g in goals if g.number.lower() == question.goal_number]
            goals = numbered if numbered else goals
            if numbered and not self.goal_terms(question):
                return numbered
        matcher = TermMatcher(self.goal_terms(question), over_whole_material=True)
        ranked = matcher.rank(goals, [goal_search_text(g) for g in goals])
        return [scored.record for scored in ranked]

    def resolve_items(self, question: Question) -> list[tuple[AgendaItem, Decision | None]]:
        """Items whose title (else whole text) the topic names, in the named years and scope; oldest first."""
        candidates = [
            (item, meeting_decision(item, self.documents[item.document_id]))
            for item in self.items
            if self.in_scope(question, item.document_id)
        ]
        candidates = [c for c in candidates if self.in_years(question, *c)]
        if question.item_number:
            numbered = [c for c in candidates if c[0].number == question.item_number]
            if numbered and (question.date or question.month):  # 'punkt 31 den 12. december 2022' names one item
                return numbered
            candidates = numbered or candidates
        terms = self.item_terms(question)
        if not self.names_an_item(question) and (question.date or question.month):
            terms = ()  # 'hvad blev besluttet på junimødet': the meeting's items, not one about meetings
        if not terms:
            named = question.date or question.month or question.item_number
            return sorted(candidates, key=_date_order) if named else []
        matcher = TermMatcher(terms, over_whole_material=not (question.years or question.month))
        ranked = matcher.rank(candidates, [c[0].title for c in candidates]) or matcher.rank(
            candidates, [item_search_text(c[0]) for c in candidates]
        )
        if not ranked and self.semantic:
            keys = set(self.semantic.item_keys(terms))
            return sorted((c for c in candidates if (c[0].document_id, c[0].number) in keys), key=_date_order)
        return sorted((scored.record for scored in ranked), key=_date_order)

    def in_years(self, question: Question, item: AgendaItem, decision: Decision | None) -> bool:
        """The item was dealt with on the meeting day or month the question names, else in a named year."""
        document = self.documents[item.document_id]
        dates = [d for d in ((decision.date if decision else None), document.meeting_date) if d]
        # the meeting an item was on: its own minutes' date, or an embedded earlier item's decision date
        held = (decision.date if decision else None) if item.embedded else document.meeting_date
        if question.date:
            return held == question.date
        if question.month:
            return (held or "").startswith(question.month)
        # one named year suffices: '2023-2026' names a policy's period, not two meeting years
        return not question.years or any(
            str(y) in item.title or any(d.startswith(str(y)) for d in dates) for y in question.years
        )


_RECORDS_CACHE: dict[tuple, tuple] = {}
# id of a cached sections list -> the windows of its records (cut once while the records stay cached)
_WINDOWS_CACHE: dict[int, dict[str, list[Passage]]] = {}
# the searcher's chunk list last windowed, and its running text's windows (a searcher keeps its list)
_RUNNING_TEXT_CACHE: list[tuple[Sequence[Chunk], list[Passage]]] = []


def _running_text_windows(chunks: Sequence[Chunk]) -> list[Passage]:
    """The windows of the chunks of text no record holds."""
    if not _RUNNING_TEXT_CACHE or _RUNNING_TEXT_CACHE[0][0] is not chunks:
        found = [
            window
            for chunk in chunks
            if is_running_text(chunk)
            for window in windows(chunk.heading, chunk.text, chunk.document_id, chunk.citations)
        ]
        _RUNNING_TEXT_CACHE[:] = [(chunks, found)]
    return _RUNNING_TEXT_CACHE[0][1]


def _windows_by_document(material: Material) -> dict[str, list[Passage]]:
    """Every record's running text as windows, per document; kept while the material's records are cached."""
    key = id(material.sections)
    cached = any(records[-1] is material.sections for records in _RECORDS_CACHE.values())
    if cached and key in _WINDOWS_CACHE:
        return _WINDOWS_CACHE[key]
    found: dict[str, list[Passage]] = {}
    for section in material.sections:
        title = material.documents[section.document_id].title or ""
        found.setdefault(section.document_id, []).extend(
            windows(f"{title} {section.title}", section.text, section.document_id, section.citations)
        )
    for item in material.items:
        texts = [(item.title, getattr(item, name), item.citations) for name in ITEM_TEXT_FIELDS]
        texts += [(f"{item.title} {d.committee}", d.text, d.citations or item.citations) for d in item.decisions]
        for heading, text, citations in texts:
            if text:
                found.setdefault(item.document_id, []).extend(windows(heading, text, item.document_id, citations))
    if cached:
        _WINDOWS_CACHE.clear()
        _WINDOWS_CACHE[key] = found
    return found


def _records(store: Store) -> tuple:
    """Every record an answer may read. Reading them costs more than answering, so they are kept per
    database while its files (the database and its write-ahead log) keep their size and modification time."""
    key = _database_state(store)
    if key is not None and key in _RECORDS_CACHE:
        return _RECORDS_CACHE[key]
    records = (
        {d.id: d for d in store.documents()},
        {g.id: g for g in store.goals()},
        store.links(),
        store.threads(),
        store.items(),
        store.sections(),
    )
    if key is not None:
        _RECORDS_CACHE.clear()  # one database at a time: a changed one replaces the old entry
        _RECORDS_CACHE[key] = records
    return records


def _database_state(store: Store) -> tuple | None:
    path = getattr(store, "path", None)
    if not isinstance(path, Path) or not path.exists():
        return None
    files = [path, path.with_name(path.name + "-wal")]
    return (str(path), *((f.stat().st_mtime_ns, f.stat().st_size) if f.exists() else None for f in files))


def _date_order(candidate: tuple[AgendaItem, Decision | None]) -> tuple[str, bool]:
    item, decision = candidate
    return (decision.date if decision else None) or "", item.embedded


def _topic_terms(question: Question, material: Material) -> tuple[str, ...]:
    """The topic terms less the words naming the municipality or committee (they scope, not select)."""
    names = {
        w
        for d in material.documents.values()
        for v in (d.municipality, d.committee)
        if v
        for w in (*_words(v), *(initials.strip() for initials in _distinctive_words(v)))  # 'beu' too
    }
    # the genitive names them too: 'Greves', 'Ballerups'
    return tuple(t for t in question.terms if t not in names and t.removesuffix("s") not in names)


def _words(name: str) -> list[str]:
    return [w for w in name.lower().replace("-", " ").split() if w not in _NAME_FILLER]


def _is_committee(name: str) -> bool:
    return any(w.endswith(("udvalget", "udvalg")) for w in name.lower().split())


def _distinctive_words(name: str) -> list[str]:
    """'Lyngby-Taarbæk Kommune' -> ['lyngby', 'taarbæk']; 'Beskæftigelses- og Erhvervsudvalget' ->
    ['beskæftigelsesudvalg', 'erhvervsudvalg', 'beu']: each coordinated committee compound, and the
    initials committees are known by."""
    words = name.lower().split()
    if not _is_committee(name):
        return [w for w in _words(name) if len(w) >= 4]
    parts = [w for w in words if w not in _NAME_FILLER]
    compounds = [w[:-1] + "udvalg" if w.endswith("-") else w.removesuffix("et") for w in parts]
    initials = "".join(w[0] for w in parts) + "u"
    return compounds + [f" {initials} "]


def goal_search_text(goal: Goal) -> str:
    return " ".join(filter(None, (goal.wording, goal.target_group, goal.target.text if goal.target else None)))


def item_search_text(item: AgendaItem) -> str:
    return " ".join(filter(None, (item.title, item.resume, item.recommendation_text, item.case_text)))


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
