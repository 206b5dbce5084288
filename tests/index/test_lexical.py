"""BM25 on Danish stems and character n-grams: inflections, compounds, stop words, scaling, persistence."""

import numpy as np

from index.search.lexical import LexicalIndex, load_or_build

TEXTS = [
    "Flere flygtninge og familiesammenførte skal være selvforsørgende.",
    "Borgere med en autismediagnose får særlig støtte i jobcentret.",
    "Flere unge skal i uddannelse eller beskæftigelse.",
    "Turismesamarbejde med nabokommunerne blev drøftet på mødet.",
]


def test_stems_match_inflected_forms():
    scores = LexicalIndex(TEXTS).scores("flygtningene")
    assert int(np.argmax(scores.bm25)) == 0 and scores.bm25[0] > 0
    assert np.count_nonzero(scores.bm25) == 1


def test_character_ngrams_rescue_compounds_that_stems_miss():
    scores = LexicalIndex(TEXTS).scores("autisme")
    assert scores.bm25[1] == 0  # "autismediagnose" is one stem; "autisme" another
    assert int(np.argmax(scores.ngram)) == 1
    assert scores.ngram[1] > 2 * max(np.delete(scores.ngram, 1))


def test_stop_words_and_unknown_words_score_nothing():
    index = LexicalIndex(TEXTS)
    for query in ("og i på med", "qwxz zzkj"):
        scores = index.scores(query)
        assert not scores.bm25.any() and not scores.ngram.any()


def test_scores_are_scaled_and_a_full_match_beats_a_partial_one():
    index = LexicalIndex(TEXTS)
    full = index.scores("unge uddannelse beskæftigelse")
    partial = index.scores("unge uddannelse tango")
    assert 0 < partial.bm25[2] < full.bm25[2] <= 1
    assert 0 < full.ngram[2] <= 1


def test_saved_index_is_reused_only_for_the_same_texts(tmp_path):
    path = tmp_path / "lexical.pkl"
    first = load_or_build(TEXTS, path)
    assert path.is_file()
    again = load_or_build(TEXTS, path)
    assert again.fingerprint == first.fingerprint
    np.testing.assert_allclose(again.scores("unge").bm25, first.scores("unge").bm25)
    changed = load_or_build(TEXTS[:3] + ["Ledige seniorer får en personlig jobformidler."], path)
    assert changed.fingerprint != first.fingerprint
    assert changed.scores("jobformidler").bm25[3] > 0
