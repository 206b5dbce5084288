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

from answer.topic import TermMatcher
from index.search.chunks import narrow_citations
from maalspor.model import Citation, SourceLine

PASSAGE_SHARE = 0.6
WINDOW_SENTENCES = 2
MAX_QUOTE_CHARS = 600  # two sentences of plan prose; a reason often sits in the second

_SENTENCE = re.compile(r"(?<=[.!?:])\s+(?=[A-ZÆØÅ0-9•\-])|\n{2,}")
# Words that mark the kind of sentence an intent looks for.
INTENT_MARKERS: dict[str, re.Pattern] = {
    "why": re.compile(
        r"\b(fordi|derfor|da|idet|eftersom|skyld(?:es|tes)|på (?:grund|baggrund) af|grundet|som følge af|baggrunden|"
        r"begrund\w*|med henblik på|formålet|for at|årsag\w*|because|therefore|since|as|due to|owing to|reason\w*|"
        r"in order to)\b",
        re.I,
    ),
    "status": re.compile(r"\b(status|opfyldt|nået|fald|stigning|pct|procent)\b", re.I),
    "overview": re.compile(r"\d"),
    "search": re.compile(r"\d"),
}


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


def windows(heading: str, text: str, document_id: str, citations: list[Citation]) -> Iterator[Passage]:
    sentences = [" ".join(s.split()) for s in _SENTENCE.split(text) if s and s.strip()]
    for start in range(max(1, len(sentences) - WINDOW_SENTENCES + 1)):
        window = " ".join(sentences[start : start + WINDOW_SENTENCES])
        if window:
            yield Passage(window, heading, document_id, citations)


def best_passages(passages: list[Passage], terms: tuple[str, ...], intent: str, limit: int = 2) -> list[Found]:
    """The best windows, at most one per document first; none when nothing matches PASSAGE_SHARE."""
    matcher = TermMatcher(terms)
    candidates = [p for p in passages if matcher.could_match(f"{p.heading} {p.text}")]
    ranked = matcher.rank(candidates, [f"{p.heading} {p.text}" for p in candidates])
    marker = INTENT_MARKERS.get(intent)
    found = [Found(s.record, s.score) for s in ranked if s.score >= PASSAGE_SHARE]
    found.sort(key=lambda f: (-f.score, not (marker and marker.search(f.passage.text)), len(f.passage.text)))
    chosen: list[Found] = []
    for item in found:
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
