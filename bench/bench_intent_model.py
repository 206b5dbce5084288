"""The e5 intent classifier, scored on questions it was not trained on: the dev bank's intents.

    .venv/bin/python bench/bench_intent_model.py [--model DIR] [--split dev|paraphrase]

Trains on answer/intent_examples.json only, then prints, for the dev split of the question bank or its
paraphrases (never test.json; absent-topic questions left out, their intent is not what they test): the accuracy of
the centred nearest centroid (the product's), plain nearest centroid, k nearest neighbours and a logistic model on every question, the accuracy of the
engine's path (cue tables first, the classifier only where they leave the intent open, limited to the intents the
question word allows), whether the share of the nearest examples carrying the guess tells right guesses from wrong
ones (a confidence a threshold could use), and leave-one-out accuracy on the examples themselves.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from answer.intent_model import SEARCH, IntentModel, intents_allowed, load_examples  # noqa: E402
from answer.question import intent  # noqa: E402
from bench.bench_question_understanding import expected_kinds  # noqa: E402
from index.search.embedding_model import load_model  # noqa: E402
from maalspor.config import load_settings  # noqa: E402
from tests.answer.bank import ABSENT_INTENT, load_bank  # noqa: E402

LOCAL_MODEL = REPO / "data" / "models" / "multilingual-e5-small"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(LOCAL_MODEL), help="embedding model (directory or spec)")
    parser.add_argument("--split", choices=("dev", "paraphrase"), default="dev")
    args = parser.parse_args()
    embedder = load_model(replace(load_settings(), embedding_model=args.model))
    examples = load_examples()
    labels = sorted(examples)
    texts = [text for label in labels for text in examples[label]]
    truth = [label for label in labels for _ in examples[label]]
    vectors = embedder.embed_queries(texts)
    questions = [q for q in load_bank(args.split) if q.intent != ABSENT_INTENT]
    dev = embedder.embed_queries([q.question for q in questions])
    expected = [expected_kinds(q.intent) for q in questions]
    model = IntentModel.train(examples, lambda text: vectors[texts.index(text)])
    classifiers = {
        "centred centroid": lambda rows: [model.predict(row) for row in rows],
        "plain centroid": lambda rows: [_plain_centroid(vectors, truth, labels, row) for row in rows],
        "5 nearest neighbours": lambda rows: [_knn(vectors, truth, row, 5) for row in rows],
        "logistic": _logistic(vectors, truth, labels),
    }
    print(f"trained on {len(texts)} examples ({len(labels)} intents); {args.split}: {len(questions)} questions")
    for name, classify in classifiers.items():
        print(f"{name:<22} {args.split} {_accuracy(classify(dev), expected)}")
    engine_path = [intent(q.question) for q in questions]
    cue_only = _accuracy(engine_path, expected)
    open_ones = [i for i, kind in enumerate(engine_path) if kind == SEARCH]
    unlimited = [model.predict(dev[i]) for i in open_ones]
    predicted = [model.predict(dev[i], intents_allowed(questions[i].question)) for i in open_ones]
    for i, kind in zip(open_ones, predicted, strict=True):
        engine_path[i] = kind
        print(f"  open: {questions[i].question!r} -> {kind} (bank: {questions[i].intent})")
    print(f"cues only {cue_only}; cues + centroid on the {len(predicted)} open ones {_accuracy(engine_path, expected)}")
    open_expected = [expected[i] for i in open_ones]
    print(
        f"open ones, centroid {_accuracy(unlimited, open_expected)}; limited by the question word "
        f"{_accuracy(predicted, open_expected)}"
    )
    shares = [
        _neighbour_share(model, vectors, truth, dev[i], kind, 10) for i, kind in zip(open_ones, predicted, strict=True)
    ]
    print(
        "is the share of the 10 nearest examples carrying the guess a confidence? right/all per band: "
        + _banded(shares, [kind in e for kind, e in zip(predicted, open_expected, strict=True)])
    )
    print(f"leave-one-out on the examples (centred centroid): {_leave_one_out(examples, texts, vectors)}")


def _neighbour_share(
    model: IntentModel, vectors: np.ndarray, truth: list[str], row: np.ndarray, label: str, k: int
) -> float:
    """The share of the k examples nearest to the question (centred cosine) labelled with the guessed intent."""
    centred = vectors - model.centre
    centred /= np.linalg.norm(centred, axis=1, keepdims=True)
    nearest = np.argsort(-(centred @ (row - model.centre)))[:k]
    return sum(truth[i] == label for i in nearest) / k


def _banded(values: list[float], right: list[bool]) -> str:
    bands = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 1.01))
    cells = []
    for low, high in bands:
        inside = [r for v, r in zip(values, right, strict=True) if low <= v < high]
        cells.append(f"[{low:.1f}, {min(high, 1.0):.1f}) {sum(inside)}/{len(inside)}")
    return "; ".join(cells)


def _accuracy(predicted: list[str], expected: list[set[str]]) -> str:
    right = sum(p in e for p, e in zip(predicted, expected, strict=True))
    return f"{right}/{len(expected)} ({right / len(expected):.2f})"


def _plain_centroid(vectors: np.ndarray, truth: list[str], labels: list[str], row: np.ndarray) -> str:
    means = [vectors[[i for i, name in enumerate(truth) if name == label]].mean(axis=0) for label in labels]
    return labels[int(np.argmax([float(row @ mean) / float(np.linalg.norm(mean)) for mean in means]))]


def _knn(vectors: np.ndarray, truth: list[str], row: np.ndarray, k: int) -> str:
    nearest = np.argsort(-(vectors @ row))[:k]
    return Counter(truth[i] for i in nearest).most_common(1)[0][0]


def _logistic(vectors: np.ndarray, truth: list[str], labels: list[str]):
    from sklearn.linear_model import LogisticRegression

    fitted = LogisticRegression(C=10.0, max_iter=2000).fit(vectors, truth)
    return lambda rows: list(fitted.predict(np.asarray(rows)))


def _leave_one_out(examples: dict[str, list[str]], texts: list[str], vectors: np.ndarray) -> str:
    right = 0
    for label, own in examples.items():
        for held in own:
            rest = {name: [t for t in group if t != held] for name, group in examples.items()}
            model = IntentModel.train(rest, lambda text: vectors[texts.index(text)])
            right += model.predict(vectors[texts.index(held)]) == label
    return f"{right}/{len(texts)} ({right / len(texts):.2f})"


if __name__ == "__main__":
    main()
