"""Which agenda items a question's topic names by meaning, where none of its words does.

The lexical matcher (answer/topic.py) needs a stem, compound part or synonym of a topic word in the
record; a question in other words ('the bike lanes' for an item titled 'Cykelstier', English for a
Danish title) then finds nothing. This fallback searches the topic — the question's topic terms:
intent, slot and question words taken out, English phrases translated — with the hybrid searcher
(e5 similarity, multilingual, plus keywords) over the agenda items' headings. An item counts when
its heading scores at least TOPIC_FLOOR, tuned on the dev bank so that absent topics stay absent;
items within KEEP_SHARE of the best one are kept.

Goals get no such fallback: a question about a topic no goal names must go on to the agenda items
and passages, and goal chunks of unrelated goals scored up to 0.31 for municipality or body words on
the dev bank (0.5 with a poorer embedder), too close to the 0.33 of the right ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from index.search.hybrid import SearchFilters

ITEM_CHUNKS = ("item",)
CANDIDATES = 20
# On the dev bank (hybrid scores of item headings for the topic words where no goal word matched):
# absent topics reach at most 0.21, the items the question means 0.29-0.44 (left to the lexical matcher
# below the floor), headings sharing only a town or body word with the question up to 0.43.
TOPIC_FLOOR = 0.35
KEEP_SHARE = 0.9


class TopicSearcher(Protocol):
    def search(self, query: str, filters: SearchFilters | None = ..., limit: int = ...) -> list: ...


class SemanticTopic:
    """Ranks the material's agenda items by the searcher's score for the topic's words."""

    def __init__(self, searcher: TopicSearcher):
        self._searcher = searcher

    def item_keys(self, terms: Sequence[str]) -> list[tuple[str, str]]:
        """(document id, item number) of the agenda items the topic names, best first."""
        if not terms:
            return []
        scores: dict[tuple[str, str], float] = {}
        for hit in self._searcher.search(" ".join(terms), SearchFilters(kinds=ITEM_CHUNKS), CANDIDATES):
            record = _item_key(hit)
            if record is not None and hit.score >= TOPIC_FLOOR:
                scores[record] = max(scores.get(record, 0.0), hit.score)
        best = max(scores.values(), default=0.0)
        return sorted((r for r, s in scores.items() if s >= KEEP_SHARE * best), key=lambda r: -scores[r])


def _item_key(hit) -> tuple[str, str] | None:
    number = hit.metadata.get("item_number")
    return (hit.metadata["document_id"], str(number)) if number is not None else None
