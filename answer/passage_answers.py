"""Why and other questions: the explaining passage of running text, quoted, else the best relevant search hits."""

from __future__ import annotations

from answer.material import Material
from answer.passages import best_passages, cite, quote
from answer.phrasing import Answer, Statement, no_evidence, say, topic_da, topic_en
from answer.question import Question
from answer.topic import TermMatcher

SEARCH_HITS_IN_ANSWER = 3
SEARCH_CANDIDATES = 12


def answer_why(question: Question, material: Material, searcher=None) -> Answer:
    """The passage that gives the reason, quoted (a window with a reason word ranks first)."""
    return answer_by_search(question, material, searcher)


def answer_by_search(question: Question, material: Material, searcher=None) -> Answer:
    """The best matching passages of running text, else the best relevant search hits; none: say so."""
    found = best_passages(material.passages(question), material.topic_terms(question), question.kind)
    if found:
        return Answer(
            question,
            [
                Statement(
                    say(
                        question,
                        f"Fra “{f.passage.heading.strip()}”: “{quote(f.passage)}”",
                        f"From “{f.passage.heading.strip()}”: “{quote(f.passage)}”",
                    ),
                    cite(f.passage, material.quoter.source_lines),
                )
                for f in found
            ],
        )
    hits = _relevant_hits(question, searcher)
    if not hits:
        return no_evidence(question, f"noget om {topic_da(question)}", f"anything about {topic_en(question)}")
    return Answer(
        question,
        [
            Statement(
                say(
                    question,
                    f"Relevant tekststykke: “{' '.join(hit.text.split())[:300]}”.",
                    f"Relevant passage: “{' '.join(hit.text.split())[:300]}”.",
                ),
                hit.citations,
            )
            for hit in hits
        ],
    )


def _relevant_hits(question: Question, searcher) -> list:
    if searcher is None:
        return []
    from index.search.hybrid import SearchFilters  # numpy and the vector index: only when a search runs

    first = question.year_from if question.year_from is not None else (min(question.years) if question.years else None)
    last = question.year_to if question.year_to is not None else (max(question.years) if question.years else None)
    hits = searcher.search(question.text, SearchFilters(year_from=first, year_to=last), limit=SEARCH_CANDIDATES)
    if question.terms:
        matcher = TermMatcher(question.terms)
        hits = [hit for hit in hits if matcher.matched(f"{hit.metadata.get('heading', '')} {hit.text}")]
    return _diverse(hits)[:SEARCH_HITS_IN_ANSWER]


def _diverse(hits: list) -> list:
    """One hit per document first (best first), then the rest in order."""
    seen: set[str] = set()
    first: list = []
    rest: list = []
    for hit in hits:
        document = hit.metadata.get("document_id", "")
        (rest if document in seen else first).append(hit)
        seen.add(document)
    return first + rest
