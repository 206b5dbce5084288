"""Lexical retrieval: BM25 over Snowball-Danish stems plus a character 3-5-gram TF-IDF cosine.

Stems match inflections ("flygtninge" ~ "flygtningene"); the character n-grams match across
Danish compounds, which stemming cannot split ("autisme" ~ "autismediagnose").

The n-gram TF-IDF is computed without a documents x n-grams matrix (at 100k chunks that holds
~10^8 entries): n-grams are counted per vocabulary word (`word_grams`, words x n-grams) and a
document is its word counts (`doc_words`, documents x words), so doc . query =
doc_words @ (word_grams @ query). Document norms are computed once, in row blocks.

Both scores are scaled to [0, 1] so that search can fuse them with cosine similarities and apply
an absolute score floor: BM25 is divided by the score a document matching every query term at
saturation would get; the n-gram score is a cosine.
"""

from __future__ import annotations

import hashlib
import math
import pickle
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import Stemmer

if TYPE_CHECKING:
    from scipy import sparse

BM25_K1 = 1.2
BM25_B = 0.75
NGRAM_SIZES = (3, 4, 5)
_NORM_BLOCK_ROWS = 4096
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class LexicalScores:
    bm25: np.ndarray  # per document, in [0, 1]
    ngram: np.ndarray  # per document, cosine in [0, 1]


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("danish")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.da.stop_words import STOP_WORDS  # spaCy only when text is indexed or searched

    return frozenset(STOP_WORDS)


def words(text: str) -> list[str]:
    """Lower-cased word tokens, stop words left out (they carry no topic and would let
    nonsense queries score on 'på' and 'og')."""
    stop_words = _stop_words()
    return [word for word in _WORD.findall(text.lower()) if word not in stop_words]


def stems(tokens: Sequence[str]) -> list[str]:
    return _stemmer().stemWords(list(tokens))


def char_ngrams(word: str) -> list[str]:
    padded = f" {word} "  # word boundaries count: a compound's head and tail n-grams differ
    return [padded[start : start + size] for size in NGRAM_SIZES for start in range(len(padded) - size + 1)]


class LexicalIndex:
    def __init__(self, texts: Sequence[str]):
        self.size = len(texts)
        token_lists = [words(text) for text in texts]
        self.fingerprint = fingerprint(texts)
        self._build_bm25([stems(tokens) for tokens in token_lists])
        self._build_ngrams(token_lists)

    # -------------------------------------------------------------- building

    def _build_bm25(self, stem_lists: list[list[str]]) -> None:
        counts = _count_matrix(stem_lists)
        self.stem_ids: dict[str, int] = counts.vocabulary
        matrix = counts.matrix.tocsr().astype(np.float32)
        lengths = np.asarray(matrix.sum(axis=1)).ravel()
        average = float(lengths.mean()) if self.size and lengths.mean() > 0 else 1.0
        document_frequency = np.bincount(matrix.indices, minlength=len(self.stem_ids))
        self.stem_idf = np.log1p((self.size - document_frequency + 0.5) / (document_frequency + 0.5)).astype(np.float32)
        # Saturated term frequency, per stored entry; rows = documents.
        norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths / average)
        tf = matrix.data
        row_of_entry = np.repeat(np.arange(self.size), np.diff(matrix.indptr))
        matrix.data = (tf * (BM25_K1 + 1) / (tf + norm[row_of_entry])).astype(np.float32)
        self.bm25_weights = matrix.tocsc()

    def _build_ngrams(self, token_lists: list[list[str]]) -> None:
        from scipy.sparse import diags

        counts = _count_matrix(token_lists)
        self.word_ids: dict[str, int] = counts.vocabulary
        self.doc_words = counts.matrix.tocsr().astype(np.float32)
        vocabulary = sorted(self.word_ids, key=self.word_ids.__getitem__)
        gram_counts = _count_matrix([char_ngrams(word) for word in vocabulary])
        self.gram_ids: dict[str, int] = gram_counts.vocabulary
        word_grams = gram_counts.matrix.tocsr().astype(np.float32)
        # n-gram document frequency: a gram occurs in a document when one of its words holds it
        presence = (self.doc_words > 0).astype(np.float32) @ (word_grams > 0).astype(np.float32)
        gram_df = np.bincount(presence.tocsr().indices, minlength=len(self.gram_ids))
        self.gram_idf = (np.log((1 + self.size) / (1 + gram_df)) + 1).astype(np.float32)
        self.word_grams = (word_grams @ diags(self.gram_idf)).tocsr()
        self.doc_norms = self._document_norms()

    def _document_norms(self) -> np.ndarray:
        norms = np.zeros(self.size, dtype=np.float32)
        for start in range(0, self.size, _NORM_BLOCK_ROWS):
            block = self.doc_words[start : start + _NORM_BLOCK_ROWS] @ self.word_grams
            norms[start : start + _NORM_BLOCK_ROWS] = np.sqrt(np.asarray(block.multiply(block).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return norms

    # -------------------------------------------------------------- scoring

    def scores(self, query: str) -> LexicalScores:
        tokens = words(query)
        return LexicalScores(bm25=self._bm25(tokens), ngram=self._ngram_cosine(tokens))

    def _bm25(self, tokens: list[str]) -> np.ndarray:
        query_stems = set(stems(tokens))
        term_ids = [self.stem_ids[stem] for stem in query_stems if stem in self.stem_ids]
        unknown = len(query_stems) - len(term_ids)
        if not term_ids:
            return np.zeros(self.size, dtype=np.float32)
        idf = self.stem_idf[term_ids]
        raw = self.bm25_weights[:, term_ids] @ idf
        # An unknown term counts in the maximum with the largest idf the index knows: a query
        # that matches only half its words must not score like a full match.
        best_possible = (BM25_K1 + 1) * (idf.sum() + unknown * float(self.stem_idf.max()))
        return (np.asarray(raw).ravel() / best_possible).astype(np.float32)

    def _ngram_cosine(self, tokens: list[str]) -> np.ndarray:
        grams = Counter(gram for token in tokens for gram in char_ngrams(token))
        known = [(self.gram_ids[gram], count) for gram, count in grams.items() if gram in self.gram_ids]
        if not known:
            return np.zeros(self.size, dtype=np.float32)
        query = np.zeros(len(self.gram_ids), dtype=np.float32)
        for gram_id, count in known:
            query[gram_id] = count * self.gram_idf[gram_id]
        # unknown n-grams still lengthen the query vector: they are part of what was asked
        unknown_weight = sum(
            (count * float(self.gram_idf.max())) ** 2 for gram, count in grams.items() if gram not in self.gram_ids
        )
        query_norm = math.sqrt(float(query @ query) + unknown_weight)
        per_word = self.word_grams @ query
        return (self.doc_words @ per_word / (self.doc_norms * query_norm)).astype(np.float32)

    # -------------------------------------------------------------- persistence

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = path.with_suffix(".tmp")
        with staging.open("wb") as handle:
            pickle.dump(self, handle, protocol=pickle.HIGHEST_PROTOCOL)
        staging.replace(path)  # a reader never sees half a file


def load_or_build(texts: Sequence[str], path: Path | None) -> LexicalIndex:
    """The index saved at `path` when it was built from exactly `texts`, else a fresh one (saved)."""
    if path is not None and path.is_file():
        with path.open("rb") as handle:
            saved = pickle.load(handle)
        if isinstance(saved, LexicalIndex) and saved.fingerprint == fingerprint(texts):
            return saved
    index = LexicalIndex(texts)
    if path is not None:
        index.save(path)
    return index


def fingerprint(texts: Sequence[str]) -> str:
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class _Counts:
    matrix: sparse.coo_matrix  # rows = input lists, columns = vocabulary ids, values = counts
    vocabulary: dict[str, int]


def _count_matrix(token_lists: list[list[str]]) -> _Counts:
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    for row, tokens in enumerate(token_lists):
        for token in tokens:
            rows.append(row)
            columns.append(vocabulary.setdefault(token, len(vocabulary)))
    from scipy import sparse

    data = np.ones(len(rows), dtype=np.float32)
    matrix = sparse.coo_matrix((data, (rows, columns)), shape=(len(token_lists), max(len(vocabulary), 1)))
    matrix.sum_duplicates()
    return _Counts(matrix=matrix, vocabulary=vocabulary)
