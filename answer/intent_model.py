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

    def predict(self, vector: np.ndarray) -> str:
        return self.ranked(vector)[0][0]


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
