"""The intent of a question the cue tables leave open: nearest centroid over the e5 query vectors.

Trained on answer/intent_examples.json (questions written in staff's words, Danish and English, at
least twenty per intent). Each intent's centroid is the normalised mean of its examples' unit query
vectors; a question takes the intent of the nearest centroid when that one beats the runner-up by
MARGIN, else it stays a plain search. Nearest centroid was chosen over k nearest neighbours and a
logistic model because it scored as well on the dev bank's questions (bench/bench_intent_model.py),
has no parameters to fit beyond the means, and one matrix product classifies.

Only answer/engine.py calls this, and only for a question no cue names: the cue path never loads
the embedding model. A trained model is kept for the life of the process, per embedding model (told
apart by the vector it gives one fixed text), so a reopened searcher does not train it again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

EXAMPLES_FILE = Path(__file__).with_name("intent_examples.json")
# The plain-search label: a factual question about the documents' content.
SEARCH = "search"
# Cosine lead of the best centroid over the second that an intent needs; e5 cosines crowd together,
# so the lead between two intents is small even when the choice is right (tuned on the dev bank).
MARGIN = 0.005

EmbedQuery = Callable[[str], np.ndarray]
# An embedder that may have no model to offer (no search index): None then.
MaybeEmbed = Callable[[str], np.ndarray | None]


def load_examples(path: Path = EXAMPLES_FILE) -> dict[str, list[str]]:
    return dict(json.loads(path.read_text(encoding="utf-8"))["examples"])


@dataclass(frozen=True)
class IntentModel:
    labels: tuple[str, ...]
    centroids: np.ndarray  # one unit row per label

    @classmethod
    def train(cls, examples: Mapping[str, Sequence[str]], embed: EmbedQuery) -> IntentModel:
        labels = tuple(sorted(examples))
        centroids = np.stack([_unit(np.mean([embed(text) for text in examples[label]], axis=0)) for label in labels])
        return cls(labels, centroids)

    def ranked(self, vector: np.ndarray) -> list[tuple[str, float]]:
        """Every intent with its cosine to the question, best first."""
        cosines = self.centroids @ _unit(vector)
        return sorted(zip(self.labels, cosines.tolist(), strict=True), key=lambda pair: -pair[1])

    def predict(self, vector: np.ndarray) -> str:
        (best, best_cosine), (_, second_cosine) = self.ranked(vector)[:2]
        return best if best_cosine - second_cosine >= MARGIN else SEARCH


_TRAINED: dict[bytes, IntentModel] = {}


def intent_classifier(embed: MaybeEmbed) -> Callable[[str], str]:
    """question text -> intent; SEARCH when there is no embedding model."""

    def classify(text: str) -> str:
        vector = embed(text)
        if vector is None:
            return SEARCH
        return _trained(embed).predict(vector)

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
