"""Why and other questions: the sentences of running text that answer, quoted with their own lines.

Candidates are the two-sentence windows of the searcher's best hits (the e5 vectors find a passage worded
otherwise than the question, English included) and of the material's running text (answer/passages.py).
A window must carry the question's topic (its share of the topic terms' weight, answer/sentence_ranking.py):
below that the answer says the material does not hold it, rather than offer text that merely resembles
the question. Among windows that carry the topic, the one whose sentence is closest in meaning to the
question, with the cue of the answer asked for (a reason for "why", a figure for "how many"), is quoted.
"""

from __future__ import annotations

from answer.material import Material
from answer.passages import Found, Passage, cite, goal_references, quote, windows
from answer.phrasing import Answer, Statement, no_evidence, say, topic_da, topic_en
from answer.question import Question
from answer.sentence_ranking import answer_words_out, rank_windows, untranslated_out

SEARCH_CANDIDATES = 12


def answer_why(question: Question, material: Material, searcher=None) -> Answer:
    """The passage that gives the reason, quoted (a window with a reason word ranks first)."""
    return answer_by_search(question, material, searcher)


def answer_by_search(question: Question, material: Material, searcher=None) -> Answer:
    """The windows of running text and of the best search hits that carry the topic, ranked by meaning
    (answer/sentence_ranking.py); none: say so."""
    terms = answer_words_out(question.text, question.kind, material.topic_terms(question))
    terms += goal_references(question.text)  # 'mål 9 og 11': the windows that refer to those goals
    candidates = _hit_passages(question, searcher) + material.passages(question)
    if question.language == "en":
        terms = untranslated_out(question.text, terms, candidates)
    embed = getattr(searcher, "embed_query", None)
    found = rank_windows(question.text, question.kind, candidates, terms, embed)
    if not found:  # then the text no record holds; only then, as its many windows change every term's weight
        running_text = material.running_text(question, _chunks(searcher))
        found = rank_windows(question.text, question.kind, candidates + running_text, terms, embed)
    if not found:
        return no_evidence(question, f"noget om {topic_da(question)}", f"anything about {topic_en(question)}")
    return Answer(question, [_quoted(question, f, material) for f in found])


def _quoted(question: Question, found: Found, material: Material) -> Statement:
    heading, text = found.passage.heading.strip(), quote(found.passage)
    return Statement(
        say(question, f"Fra “{heading}”: “{text}”", f"From “{heading}”: “{text}”"),
        cite(found.passage, material.quoter.source_lines),
    )


def _chunks(searcher) -> list:
    """The searcher's chunks (none without a searcher), whose running text the material windows too."""
    return getattr(searcher, "chunks", [])


def _hit_passages(question: Question, searcher) -> list[Passage]:
    """Two-sentence windows of the searcher's hits for the question, within its years."""
    if searcher is None:
        return []
    from index.search.hybrid import SearchFilters  # numpy and the vector index: only when a search runs

    first = question.year_from if question.year_from is not None else (min(question.years) if question.years else None)
    last = question.year_to if question.year_to is not None else (max(question.years) if question.years else None)
    # ±1 year: minutes discuss next year's plan and report on last year's (as Material.passages reads years)
    years = SearchFilters(year_from=first - 1 if first else None, year_to=last + 1 if last else None)
    hits = searcher.search(question.text, years, limit=SEARCH_CANDIDATES)
    return [
        window
        for hit in hits
        for window in windows(
            hit.metadata.get("heading", ""), hit.text, hit.metadata.get("document_id", ""), hit.citations
        )
    ]
