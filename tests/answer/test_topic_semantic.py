"""The semantic topic fallback: agenda items the searcher scores above the floor name the topic; nothing else does."""

from dataclasses import dataclass, field

from answer.semantic_topic import ITEM_CHUNKS, KEEP_SHARE, TOPIC_FLOOR, SemanticTopic


@dataclass
class Hit:
    score: float
    metadata: dict = field(default_factory=dict)


class Searcher:
    def __init__(self, hits):
        self.hits, self.asked = hits, []

    def search(self, query, filters=None, limit=10):
        self.asked.append((query, filters.kinds))
        return self.hits


def _item(document: str, number: int | None, score: float) -> Hit:
    metadata = {"document_id": document} | ({"item_number": number} if number is not None else {})
    return Hit(score, metadata)


def test_items_above_the_floor_best_first_each_once():
    hits = [
        _item("d1", 4, TOPIC_FLOOR + 0.2),
        _item("d2", 7, TOPIC_FLOOR + 0.25),
        _item("d1", 4, TOPIC_FLOOR + 0.21),  # a second chunk of the same item
        _item("d3", 1, TOPIC_FLOOR - 0.01),  # under the floor: not the topic
        _item("d4", None, TOPIC_FLOOR + 0.3),  # a chunk of no numbered item
    ]
    searcher = Searcher(hits)
    assert SemanticTopic(searcher).item_keys(["cykelstier", "budget"]) == [("d2", "7"), ("d1", "4")]
    assert searcher.asked == [("cykelstier budget", ITEM_CHUNKS)]


def test_items_far_below_the_best_are_left_out():
    best = TOPIC_FLOOR + 0.5
    hits = [_item("d1", 1, best), _item("d1", 2, best * KEEP_SHARE - 0.01)]
    assert SemanticTopic(Searcher(hits)).item_keys(["tryghed"]) == [("d1", "1")]


def test_no_topic_words_no_search():
    searcher = Searcher([_item("d1", 1, 1.0)])
    assert SemanticTopic(searcher).item_keys([]) == [] and searcher.asked == []
