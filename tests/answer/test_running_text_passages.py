"""Text no record holds (the 2014 status report printed after the minutes' last item, corpus/003) answers a
question that the records' text and the search hits do not, cited at its own lines; a span's years keep other
years' text out."""

from answer.material import Material
from answer.passage_answers import answer_by_search
from answer.question import understand
from index.search.hybrid import store_chunks
from index.search.running_text import is_running_text

STATUS_2014 = "003_d16604ceb04aa2e7.txt"


class ChunksOnly:
    """A searcher whose search finds nothing: only its chunk list reaches the answer."""

    def __init__(self, chunks):
        self.chunks = chunks

    def search(self, query, filters=None, limit=10):
        return []


def corpus_chunks(store) -> list:
    return [chunk for chunks in store_chunks(store).values() for chunk in chunks]


def test_running_text_answers_where_records_and_hits_hold_nothing(store):
    question = understand("Udviklingen for de 20-24-årige i 2014?")
    answer = answer_by_search(question, Material.load(store), ChunksOnly(corpus_chunks(store)))
    statement = answer.statements[0]
    # corpus/003 lines 378-379: 'de unge mellem 20 og 24 år … et fald på 24 pct. siden december 2012'
    assert "mellem 20 og 24 år" in statement.text and "24 pct" in statement.text
    assert any(c.source_file == STATUS_2014 and c.line_start <= 378 <= c.line_end for c in statement.citations)


def test_without_the_chunks_the_same_question_finds_nothing(store):
    """What the test above measures: the records' own text does not hold the answer."""
    question = understand("Udviklingen for de 20-24-årige i 2014?")
    answer = answer_by_search(question, Material.load(store), ChunksOnly([]))
    assert not any("mellem 20 og 24 år" in statement.text for statement in answer.statements)


def test_a_span_written_short_keeps_other_years_running_text_out(store):
    chunks = corpus_chunks(store)
    material = Material.load(store)
    assert any(is_running_text(chunk) for chunk in chunks)
    assert material.running_text(understand("Hvad blev besluttet om budgettet for 1950-51?"), chunks) == []
    in_2014 = material.running_text(understand("Hvad blev besluttet i 2013-14?"), chunks)
    assert in_2014 and {window.document_id for window in in_2014} <= {
        document.id for document in material.documents.values() if document.source_file == STATUS_2014
    }
