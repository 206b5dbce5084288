"""Why and other questions: the window that carries the topic is quoted, a reason ranks first, and text that
does not carry the topic is never offered."""

from answer.material import Material
from answer.passage_answers import answer_by_search, answer_why
from answer.passages import Passage, best_passages
from answer.question import understand
from index.search.hybrid import Hit
from maalspor.model import Citation

CITED = Citation("003_d16604ceb04aa2e7.txt", None, 300, 303)


class StubSearcher:
    """Returns the given hits for any question (the e5 vectors' job is tested in tests/index)."""

    def __init__(self, *texts: str):
        self.hits = [
            Hit(0.5, text, "item-field", {"document_id": "doc", "heading": "Punkt 9 — Musikskolen"}, [CITED])
            for text in texts
        ]

    def search(self, query, filters=None, limit=10):
        return self.hits[:limit]


def test_the_window_with_a_reason_is_quoted_before_an_equally_matching_one():
    passages = [
        Passage("Musikskolen har 300 elever. Musikskolen ligger i byen.", "Plan", "a", [CITED]),
        Passage("Musikskolen lukkes, fordi der er for få elever på de mange hold om ugen.", "Plan", "b", [CITED]),
    ]
    assert len(passages[1].text) > len(passages[0].text)  # shorter windows rank first among equals
    found = best_passages(passages, ("musikskolen",), "why", limit=1)
    assert [f.passage.document_id for f in found] == ["b"]


def test_a_search_hit_carrying_the_topic_is_quoted_when_the_running_text_lacks_it(store):
    question = understand("Hvorfor blev musikskolen lukket?")
    searcher = StubSearcher("Ledigheden faldt. Musikskolen blev lukket, fordi eleverne var for få.")
    answer = answer_why(question, Material.load(store), searcher)
    (statement,) = answer.statements
    assert "fordi eleverne var for få" in statement.text and statement.citations


def test_hits_that_do_not_carry_the_topic_are_not_offered(store):
    question = understand("Hvorfor blev musikskolen lukket?")
    searcher = StubSearcher(
        "Ledigheden faldt med 2,8 pct. fordi flere kom i job.", "Beskæftigelsesplan 2015 blev godkendt."
    )
    answer = answer_by_search(question, Material.load(store), searcher)
    (statement,) = answer.statements
    assert statement.text.startswith("Det fremgår ikke af materialet") and not statement.citations
