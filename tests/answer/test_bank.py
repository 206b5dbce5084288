"""The question bank's shape: counts per intent and split, well-formed facts, no duplicates, every
expected citation pointing at the source lines it was written from, the paraphrase split rewording every
dev question twice, the fresh splits asking new questions about other facts, and no bank wording copied
into the product. Not a check of `ask`'s accuracy (bench/bench_ask_bank.py measures that)."""

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from tests.answer.bank import (
    ABSENT_INTENT,
    FRESH2_SPLIT,
    FRESH_SPLIT,
    INTENTS,
    PARAPHRASE_SPLIT,
    BankQuestion,
    Span,
    abstains,
    answer_view,
    load_all,
    load_bank,
    normalise,
    original_id,
    score,
    states,
)
from tests.conftest import CORPUS, REALDOCS

BANK = load_all()
PARAPHRASES = load_bank(PARAPHRASE_SPLIT)
FRESH = load_bank(FRESH_SPLIT)
FRESH2 = load_bank(FRESH2_SPLIT)
# Each fresh split: its id letter (`<intent>-fNN`, `<intent>-gNN`), the least questions per answerable intent,
# and the splits written before it, whose facts it must not ask again.
FRESH_SPLITS = {
    FRESH_SPLIT: ("f", 8, ("dev",)),
    FRESH2_SPLIT: ("g", 7, ("dev", PARAPHRASE_SPLIT, FRESH_SPLIT)),
}
REPO = Path(__file__).resolve().parents[2]
PRODUCT_PACKAGES = ("maalspor", "ingest", "nlp", "index", "answer", "api", "cli")


def test_size_and_intents():
    per_intent = Counter(question.intent for question in BANK)
    assert len(BANK) >= 200
    assert set(per_intent) == set(INTENTS)
    assert min(per_intent.values()) >= 15
    assert per_intent[ABSENT_INTENT] >= 20


def test_splits_are_stratified_by_intent():
    test, dev = Counter(q.intent for q in load_bank("test")), Counter(q.intent for q in load_bank("dev"))
    for intent in INTENTS:
        assert 0.3 <= test[intent] / (test[intent] + dev[intent]) <= 0.5, intent
    assert 0.35 <= sum(test.values()) / len(BANK) <= 0.45


def test_languages():
    languages = Counter(question.language for question in BANK)
    assert set(languages) == {"da", "en"}
    assert 0.1 <= languages["en"] / len(BANK) <= 0.25


def test_no_duplicates():
    assert len({question.id for question in BANK}) == len(BANK)
    assert len({normalise(question.question) for question in BANK}) == len(BANK)


def test_paraphrases_reword_every_dev_question_twice_asking_the_same():
    dev = {question.id: question for question in load_bank("dev")}
    assert sorted(q.id for q in PARAPHRASES) == sorted(f"{id_}-p{n}" for id_ in dev for n in (1, 2))
    for paraphrase in PARAPHRASES:
        original = dev[original_id(paraphrase)]
        same = (paraphrase.intent, paraphrase.facts, paraphrase.citations)
        assert same == (original.intent, original.facts, original.citations), paraphrase.id


def test_paraphrases_are_new_wordings_in_both_languages():
    wordings = [normalise(paraphrase.question) for paraphrase in PARAPHRASES]
    assert len(set(wordings)) == len(wordings)
    assert not set(wordings) & {normalise(question.question) for question in BANK}
    english = sum(paraphrase.language == "en" for paraphrase in PARAPHRASES)
    assert 0.15 <= english / len(PARAPHRASES) <= 0.3


@pytest.mark.parametrize("split", FRESH_SPLITS)
def test_fresh_split_covers_every_intent_in_both_languages(split: str):
    letter, least, _ = FRESH_SPLITS[split]
    fresh = load_bank(split)
    per_intent = Counter(question.intent for question in fresh)
    assert set(per_intent) == set(INTENTS)
    assert min(count for intent, count in per_intent.items() if intent != ABSENT_INTENT) >= least
    assert per_intent[ABSENT_INTENT] >= 12
    assert all(question.id.startswith(f"{question.intent}-{letter}") for question in fresh)
    assert len({question.id for question in fresh}) == len(fresh)
    english = sum(question.language == "en" for question in fresh)
    assert 0.2 <= english / len(fresh) <= 0.35


@pytest.mark.parametrize("split", FRESH_SPLITS)
def test_fresh_questions_are_new_questions_about_other_facts(split: str):
    """Fresh means neither a wording any other split has nor a (facts, citations) pair an earlier split asks."""
    fresh = load_bank(split)
    others = BANK + PARAPHRASES + [q for name in FRESH_SPLITS if name != split for q in load_bank(name)]
    wordings = [normalise(question.question) for question in fresh]
    assert len(set(wordings)) == len(wordings)
    assert not set(wordings) & {normalise(question.question) for question in others}
    asked = {(q.facts, q.citations) for name in FRESH_SPLITS[split][2] for q in load_bank(name) if q.facts}
    assert not [question.id for question in fresh if (question.facts, question.citations) in asked]


def asks_again(question: BankQuestion, earlier: BankQuestion) -> bool:
    """One of the same facts (its forms) asked at the same lines (spans within the scorer's tolerance)."""
    same_lines = any(c.span.near(e.span) for c in question.citations for e in earlier.citations)
    return same_lines and bool(set(question.facts) & set(earlier.facts))


def test_second_fresh_split_asks_no_earlier_fact_at_the_same_lines():
    """The second fresh split was written to a stricter rule than the first (whose plan-year answers, "2019" and
    "2022", recur at lines dev cites): not one of its facts is asked at the same lines by dev, paraphrase or fresh."""
    earlier = [q for name in FRESH_SPLITS[FRESH2_SPLIT][2] for q in load_bank(name) if q.facts]
    assert not [(q.id, e.id) for q in FRESH2 for e in earlier if asks_again(q, e)]


def product_texts() -> list[tuple[Path, str]]:
    suffixes = {".py", ".json", ".html", ".txt"}
    files = (path for package in PRODUCT_PACKAGES for path in sorted((REPO / package).rglob("*")))
    return [(path, normalise(path.read_text(encoding="utf-8"))) for path in files if path.suffix in suffixes]


def test_no_bank_wording_is_copied_into_the_product():
    """Rules and intent examples must generalise: a bank question's wording in code or data tables
    would score that question without telling anything about other wordings."""
    wordings = {normalise(q.question).rstrip("?. ") for q in BANK + PARAPHRASES + FRESH + FRESH2}
    texts = product_texts()
    copied = [
        (path.name, wording) for wording in wordings if len(wording) >= 15 for path, text in texts if wording in text
    ]
    assert not copied


@pytest.mark.parametrize("question", BANK + PARAPHRASES + FRESH + FRESH2, ids=lambda q: f"{q.split}:{q.id}")
def test_question_is_well_formed(question: BankQuestion):
    assert question.question.strip() and question.language in ("da", "en")
    if question.intent == ABSENT_INTENT:
        assert not question.facts and not question.citations
        return
    assert question.facts and question.citations
    assert all(forms and all(form.strip() for form in forms) for forms in question.facts)
    assert all(c.span.line_start <= c.span.line_end and c.anchor for c in question.citations)


def source_path(name: str) -> Path | None:
    for root in (CORPUS, REALDOCS):
        found = sorted(root.rglob(name)) if root.is_dir() else []
        if found:
            return found[0]
    return None


@cache
def source_lines(name: str) -> dict[tuple[int | None, int], str]:
    """The lines the ingest readers give for a source file (what the store keeps as its source lines)."""
    from ingest.readers import read_source

    path = source_path(name)
    if path is None:
        pytest.skip(f"{name} is not present (../shared/realdocs missing?)")
    return {(line.page, line.line): line.text for line in read_source(path).lines}


CITED = sorted(
    {(c.span, c.anchor) for q in BANK + PARAPHRASES + FRESH + FRESH2 for c in q.citations},
    key=lambda pair: repr(pair[0]),
)


@pytest.mark.parametrize(
    "span, anchor", CITED, ids=lambda v: f"{v.source_file}:{v.line_start}" if isinstance(v, Span) else ""
)
def test_citation_points_at_the_lines_it_was_written_from(span: Span, anchor: str):
    lines = source_lines(span.source_file)
    numbers = range(span.line_start, span.line_end + 1)
    assert all((span.page, number) in lines for number in numbers), "cited line missing from the source"
    cited_text = " ".join(" ".join(lines[(span.page, number)].split()) for number in numbers).strip()
    assert cited_text.startswith(anchor)


# ------------------------------------------------------------------ the scorer itself


QUESTION = next(q for q in BANK if q.id == "status-01")  # unge-målet 2019: -14,0 pct., 27 fuldtidspersoner
ABSENT = next(q for q in BANK if q.intent == ABSENT_INTENT)


def record(text: str, spans: list[tuple[str, int | None, int, int]]) -> dict:
    citations = [dict(zip(("source_file", "page", "line_start", "line_end"), span, strict=True)) for span in spans]
    return {"answer": text, "statements": [{"text": text, "citations": citations}], "citations": citations}


def test_numbers_match_whole_numbers_only():
    assert states("5 pct", normalise("et fald på 5 pct. i 2019"))
    assert not states("5 pct", normalise("et fald på 15 pct."))
    assert not states("2,8", normalise("12,85 procent"))
    assert states("anbefal", normalise("1.-5. Anbefales."))


def test_correct_needs_every_fact_and_a_nearby_citation():
    expected = QUESTION.citations[0].span
    near = (expected.source_file, expected.page, expected.line_end + 2, expected.line_end + 4)
    far = (expected.source_file, expected.page, expected.line_end + 40, expected.line_end + 41)
    text = "Status i marts 2019: et fald på 14,0 pct., svarende til 27 fuldtidspersoner."
    assert score(QUESTION, answer_view(record(text, [near]))).correct
    assert not score(QUESTION, answer_view(record(text, [far]))).correct
    assert not score(QUESTION, answer_view(record("Et fald på 14,0 pct.", [near]))).correct


def test_absent_topic_is_correct_only_as_an_abstention_without_citations():
    abstention = "Det fremgår ikke af materialet noget om det."
    assert abstains(answer_view(record(abstention, [])))
    assert score(ABSENT, answer_view(record(abstention, []))).correct
    assert not score(ABSENT, answer_view(record(abstention, [("002_f3dbe880e0f1df7c.txt", None, 1, 3)]))).correct
    assert not score(ABSENT, answer_view(record("Udvalget besluttede at godkende sagen.", []))).correct
