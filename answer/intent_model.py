"""The intent of a question the cue tables leave open: nearest centroid over the e5 query vectors.

Trained on answer/intent_examples.json (questions written in staff's words, Danish and English, at
least twenty per intent; "search" is the label of a plain factual question). e5 vectors of any two
municipal questions lie close together, so every vector is first centred on the mean of all examples
(what they share is taken out); each intent's centroid is the normalised mean of its examples'
centred vectors, and a question takes the intent whose centroid is nearest by cosine. Chosen on the
dev bank's questions, none of them trained on (bench/bench_intent_model.py): centred centroid 0.52,
plain centroid 0.45, 5 nearest neighbours 0.33, logistic regression 0.51-0.54; a margin below which
the question stays a search only lost right answers. One matrix product classifies.

Only answer/engine.py calls this, and only for a question no cue names: the cue path never loads
the embedding model. The question word limits the guess to the intents that answer its kind of question
('hvornår' a time, 'hvor mange' a number, 'hvem' a person; QUESTION_WORD_INTENTS below): on the
dev and paraphrase questions the classifier decides, every guess of status for a 'hvornår' question and of
first for a 'hvor mange' one was wrong. Neither the margin nor the share of the 5-15 nearest examples
carrying the guessed label told right guesses from wrong ones there, so no threshold is applied (measured
by bench/bench_intent_model.py). A trained model is kept for the life of the process, per embedding model (told
apart by the vector it gives one fixed text), so a reopened searcher does not train it again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

EXAMPLES_FILE = Path(__file__).with_name("intent_examples.json")
# The plain-search label: a factual question about the documents' content.
SEARCH = "search"

# The answer a question word asks for limits the intents that can answer it (the interrogative fixes the
# answer's type, in Danish as in English): 'hvornår' / 'when' asks for a time (a first or last year, a meeting,
# a decision's date), never a status or a count; 'hvor mange' / 'how many' a number; 'hvem' / 'who' a person
# (an absentee, the body or member who decided). Where no cue names the intent, the classifier's guess is the
# best-ranked intent its question word allows ("search", the passage answer, is always allowed).
QUESTION_WORD_INTENTS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        r"^\W*(?:\w+\s+){0,2}(?:hvornår|fra hvilken dato|hvilken dato|when|what date|since when|by when)\b",
        frozenset({"first", "last", "history", "decision", "change"}),
    ),
    (
        r"\b(?:hvor (?:mange|meget|stor|store)|hvilken (?:andel|procent)|how (?:many|much)|what (?:share|percentage|proportion))\b",
        frozenset({"overview", "status", "change"}),
    ),
    (r"^\W*(?:hvem|who|whom)\b", frozenset({"absent", "decision", "history"})),
)

_QUESTION_WORDS = [(re.compile(pattern, re.I), intents) for pattern, intents in QUESTION_WORD_INTENTS]

EmbedQuery = Callable[[str], np.ndarray]
# An embedder that may have no model to offer (no search index): None then.
MaybeEmbed = Callable[[str], np.ndarray | None]


def load_examples(path: Path = EXAMPLES_FILE) -> dict[str, list[str]]:
    return dict(json.loads(path.read_text(encoding="utf-8"))["examples"])


@dataclass(frozen=True)
class IntentModel:
    labels: tuple[str, ...]
    centre: np.ndarray  # the mean of every example's vector
    centroids: np.ndarray  # one unit row per label, in centred space

    @classmethod
    def train(cls, examples: Mapping[str, Sequence[str]], embed: EmbedQuery) -> IntentModel:
        labels = tuple(sorted(examples))
        vectors = {label: np.stack([embed(text) for text in examples[label]]) for label in labels}
        centre = np.concatenate(list(vectors.values())).mean(axis=0)
        centroids = np.stack([_unit((vectors[label] - centre).mean(axis=0)) for label in labels])
        return cls(labels, centre, centroids)

    def ranked(self, vector: np.ndarray) -> list[tuple[str, float]]:
        """Every intent with its cosine to the question, best first."""
        cosines = self.centroids @ _unit(vector - self.centre)
        return sorted(zip(self.labels, cosines.tolist(), strict=True), key=lambda pair: -pair[1])

    def predict(self, vector: np.ndarray, allowed: Collection[str] | None = None) -> str:
        """The nearest intent among `allowed` (all when None); SEARCH when none of them is a label."""
        return next((label for label, _ in self.ranked(vector) if allowed is None or label in allowed), SEARCH)


def intents_allowed(text: str) -> frozenset[str] | None:
    """The intents the question word lets answer (QUESTION_WORD_INTENTS), SEARCH among them;
    None when the question word does not limit them ('hvad', 'hvilke', a yes/no question)."""
    for pattern, intents in _QUESTION_WORDS:
        if pattern.search(text):
            return intents | {SEARCH}
    return None


_TRAINED: dict[bytes, IntentModel] = {}


def intent_classifier(embed: MaybeEmbed) -> Callable[[str], str]:
    """question text -> intent; SEARCH when there is no embedding model."""

    def classify(text: str) -> str:
        vector = embed(text)
        if vector is None:
            return SEARCH
        return _trained(embed).predict(vector, intents_allowed(text))

    return classify


def _trained(embed: MaybeEmbed) -> IntentModel:
    examples = load_examples()
    key = np.asarray(embed(next(iter(examples.values()))[0])).round(4).tobytes()
    if key not in _TRAINED:
        _TRAINED[key] = IntentModel.train(examples, lambda text: np.asarray(embed(text)))
    return _TRAINED[key]


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector
