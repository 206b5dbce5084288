"""Keyword scoring that scales: each signal's best rows, found by scoring the rows of the query's rarest words
(lexical.plan), on both engines."""

import pytest

from index.search import lexical
from index.search.lexical import Plan, plan
from tests.index.postgres_server import postgres_server, postgres_url  # noqa: F401 - fixtures
from tests.index.test_lexical_engines import Build, build, chunks_of, matched  # noqa: F401 - fixture

# "autisme" in two chunks, "unge" in seven of eighteen: the rare word and the common one
TEXTS = [
    "Unge med autisme får støtte i jobcentret.",
    "Autisme kræver en særlig indsats.",
    *(f"Unge i uddannelse, hold nummer {n}." for n in range(6)),
    *(f"Mødet blev holdt i byrådssalen, sag {n}." for n in range(10)),
]


def test_the_rarest_words_drive_while_their_rows_fit_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexical, "CANDIDATE_BUDGET", 100)
    assert plan([80, 5, 0, 30], size=1000) == Plan(driving=[1, 3], common=[0], conjunctive=False, row_bound=1000)
    assert plan([80, 5, 0, 30], size=1000).driving_query(["a", "b", "c", "d"], " OR ", " AND ") == "(b) OR (d)"
    assert plan([0, 0], size=1000) == Plan(driving=[], common=[], conjunctive=False, row_bound=1000)
    # the rarest always; alone in more rows than the budget, only the first rows, about as many as the budget
    assert plan([500], size=1000) == Plan(driving=[0], common=[], conjunctive=False, row_bound=200)


def test_when_every_word_is_common_the_rows_must_hold_the_rarest_together(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexical, "CANDIDATE_BUDGET", 100)
    # 1000 x 0.3 x 0.4 = 120 rows expected with the two rarest, 1000 x 0.3 x 0.4 x 0.5 = 60 with three
    assert plan([500, 300, 400, 900], size=1000) == Plan(
        driving=[1, 2, 0], common=[3], conjunctive=True, row_bound=1000
    )


def test_within_the_budget_every_matching_row_is_scored(build: Build) -> None:  # noqa: F811 - fixture
    scores = build(chunks_of(TEXTS)).scores("unge autisme")
    assert len(matched(scores)) == 8
    assert scores.bm25.rows[0] == 0  # the chunk holding both words first
    assert list(scores.bm25.scores) == sorted(scores.bm25.scores, reverse=True)


def test_beyond_the_budget_common_words_are_scored_on_the_rare_words_rows(
    build: Build,  # noqa: F811 - fixture
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index = build(chunks_of(TEXTS))
    everything = matched(index.scores("unge autisme"))
    monkeypatch.setattr(lexical, "CANDIDATE_BUDGET", 2)  # the two chunks holding "autisme"
    rare_rows = matched(index.scores("unge autisme"))
    assert rare_rows == {key: everything[key] for key in ("plan:chunk-0", "plan:chunk-1")}  # full scores
    monkeypatch.setattr(lexical, "CANDIDATE_BUDGET", 1)  # both words, in one chunk
    assert matched(index.scores("unge autisme")) == {"plan:chunk-0": everything["plan:chunk-0"]}
    # "unge" alone, in 7 chunks of 18: chunks below 18 x 1 / 7, the first of them
    assert list(matched(index.scores("unge"))) == ["plan:chunk-0"]


def test_a_limit_keeps_the_best_rows(build: Build) -> None:  # noqa: F811 - fixture
    index = build(chunks_of(TEXTS))
    best = index.scores("unge autisme", limit=1)
    assert list(best.bm25.rows) == list(best.ngram.rows) == [0]
    assert best.bm25.scores[0] == index.scores("unge autisme").bm25.scores[0]
