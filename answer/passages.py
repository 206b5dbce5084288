"""The passage that answers a question in running text: plan sections and agenda-item fields, cut into
two-sentence windows, ranked by the question's topic terms (answer/topic.py), cited at their own lines.

This is the lexical retrieval for questions the structured records do not answer ('why', facts in a case
text, counts a plan mentions); it needs no embedding model. A window qualifies when it matches at least
PASSAGE_SHARE of the question's term weight; among equals, a window carrying the intent's cue words
(a reason for 'why', a figure for 'how many') ranks first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from answer.answer_types import REASON, explains_the_sentence_before
from answer.topic import TermMatcher
from index.search.chunks import narrow_citations
from maalspor.model import Citation, SourceLine

PASSAGE_SHARE = 0.6
WINDOW_SENTENCES = 2
MAX_QUOTE_CHARS = 600  # two sentences of plan prose; a reason often sits in the second

_SENTENCE = re.compile(r"(?<=[.!?:])\s+(?=[A-ZÆØÅ0-9•\-])|\n{2,}")
# Danish abbreviations that end in a full stop inside a sentence ('nr. 17', '11 pct. af', 'jf. beslutning',
# 'bl.a.', 'f.eks.', 'kl. 16', 'pr. 30. september'): a piece ending in one continues in the next.
_ABBREVIATION_END = re.compile(
    r"\b(nr|pct|ca|jf|jvf|kr|mio|mia|stk|pkt|dvs|mv|osv|inkl|ekskl|evt|ift|iht|vedr|kl|pr|tlf|tidl|afd|bl\.a|f\.eks|m\.v|m\.m|"
    r"ang|bem|hhv|mht|mfl|fx|no|vs|e\.g|i\.e|approx)\.$",
    re.I,
)
# Words that mark the kind of sentence an intent looks for: a reason (answer/answer_types.py), a status, a figure.
INTENT_MARKERS: dict[str, re.Pattern] = {
    "why": REASON.shown_by,
    "status": re.compile(r"\b(status|opfyldt|nået|fald|stigning|pct|procent)\b", re.I),
    "overview": re.compile(r"\d"),
    "search": re.compile(r"\d"),
}
# Plans number their goals ('Mål 9: …') and the text refers to them by number, often as a list ('mål 9 og 11',
# 'målene 3, 4 og 7', 'goals 2 and 5'). A question naming goals by number has them as its topic, so each number
# becomes a reference token that the windows referring to that goal carry too (matching_text).
_GOAL_REFERENCE = re.compile(
    r"\b(?:mål|goals?|targets?)(?:et|ene)?\s+(?:nr\.?\s*|no\.?\s*)?"
    r"(?P<numbers>\d{1,2}[a-z]?(?:\s*(?:,|og|samt|and|&)\s*(?:mål\s+|goal\s+|target\s+)?\d{1,2}[a-z]?)*)\b"
    r"(?!\s*(?:pct|%|år|procent|per|year))",
    re.I,
)


@dataclass(frozen=True)
class Passage:
    text: str
    heading: str
    document_id: str
    citations: list[Citation]  # the record's citations; narrowed to the window by `cite`


@dataclass(frozen=True)
class Found:
    passage: Passage
    score: float


def split_sentences(text: str) -> list[str]:
    """The text's sentences, whitespace collapsed; a full stop after an abbreviation ends none."""
    found: list[str] = []
    for piece in _SENTENCE.split(text):
        piece = " ".join(piece.split()) if piece else ""
        if not piece:
            continue
        if found and _ABBREVIATION_END.search(found[-1]):
            found[-1] = f"{found[-1]} {piece}"
        else:
            found.append(piece)
    return found


def windows(heading: str, text: str, document_id: str, citations: list[Citation]) -> Iterator[Passage]:
    """WINDOW_SENTENCES consecutive sentences, and the next one too where it explains the window's last
    ('… et mindre fald end i klyngen. Dette skyldes …'): the reason belongs with what it explains."""
    sentences = split_sentences(text)
    for start in range(max(1, len(sentences) - WINDOW_SENTENCES + 1)):
        end = start + WINDOW_SENTENCES
        if end < len(sentences) and explains_the_sentence_before(sentences[end]):
            end += 1
        window = " ".join(sentences[start:end])
        if window:
            yield Passage(window, heading, document_id, citations)


def goal_references(text: str) -> tuple[str, ...]:
    """A token per goal the text refers to by number ('mål 9 og 11' -> '‹mål 9›', '‹mål 11›')."""
    numbers = (n for match in _GOAL_REFERENCE.finditer(text) for n in re.findall(r"\d+[a-z]?", match["numbers"]))
    return tuple(dict.fromkeys(f"‹mål {number.lower()}›" for number in numbers))


def matching_text(passage: Passage) -> str:
    """What the topic terms are matched against: heading, text and the goals it refers to by number."""
    return " ".join((passage.heading, passage.text, *goal_references(f"{passage.heading} {passage.text}")))


def best_passages(passages: list[Passage], terms: tuple[str, ...], intent: str, limit: int = 2) -> list[Found]:
    """The best windows, at most one per document first; none when nothing matches PASSAGE_SHARE."""
    matcher = TermMatcher(terms)
    texts = [matching_text(p) for p in passages]
    candidates = [(p, text) for p, text in zip(passages, texts, strict=True) if matcher.could_match(text)]
    ranked = matcher.rank([p for p, _ in candidates], [text for _, text in candidates])
    marker = INTENT_MARKERS.get(intent)
    found = [Found(s.record, s.score) for s in ranked if s.score >= PASSAGE_SHARE]
    found.sort(key=lambda f: (-f.score, not (marker and marker.search(f.passage.text)), len(f.passage.text)))
    return one_per_document(found, limit)


def one_per_document(ordered: Sequence[Found], limit: int) -> list[Found]:
    """The first `limit` of `ordered`, no two from one document (a second quote adds another source)."""
    chosen: list[Found] = []
    for item in ordered:
        if all(item.passage.document_id != c.passage.document_id for c in chosen):
            chosen.append(item)
        if len(chosen) == limit:
            break
    return chosen


def cite(passage: Passage, read_lines: Callable[[str], Sequence[SourceLine]]) -> list[Citation]:
    """The window's own lines inside the record's citations (else the record's first citation)."""
    source_lines = {c.source_file: read_lines(c.source_file) for c in passage.citations}
    narrowed = narrow_citations(passage.text, passage.citations, source_lines)
    return narrowed[:1] if narrowed else passage.citations[:1]


def quote(passage: Passage) -> str:
    text = passage.text
    return text if len(text) <= MAX_QUOTE_CHARS else text[:MAX_QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
