"""Which window of running text answers a why/other question: the e5 similarity of its sentences to the
question, with the topic terms' share and the cue of the answer the question asks for.

The topic terms (answer/topic.py) decide whether a window is about the question's topic at all
(PASSAGE_SHARE, answer/passages.py). e5 cosines crowd together — on the dev bank an unrelated sentence
scored up to 0.90 and answering ones 0.85–0.96 — so the similarity ranks the windows that carry the topic
but never admits one. Within those, the window whose best sentence is closest in meaning to the question
answers: the model is multilingual, so an English question ranks Danish text, and it reads a sentence
worded otherwise than the question ('svinger' / 'udsving'). A window carrying the cue the question asks
for (a reason for 'hvorfor', a figure for 'hvor mange', a date for 'hvornår') gains CUE_WEIGHT.

Only the MAX_EMBEDDED lexically best windows are embedded: each sentence costs an encoder pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from answer.passages import (
    INTENT_MARKERS,
    PASSAGE_SHARE,
    Found,
    Passage,
    best_passages,
    matching_text,
    one_per_document,
    split_sentences,
)
from answer.topic import TermMatcher

EmbedText = Callable[[str], Any]  # a unit e5 vector (numpy row) for a text, embedded as a query

MAX_EMBEDDED = 16
# With e5 ranking, a window matching this share of the topic terms competes when the terms it lacks are worded
# otherwise ('svinger' / 'udsving'; _worded_otherwise). On the dev bank the best window of an absent topic
# matched at most 0.30 (most nothing), answering windows 0.41-1.00.
SEMANTIC_SHARE = 0.4
# ... and when its closest sentence has at least this cosine to the question. On the dev, paraphrase and fresh
# banks, windows between SEMANTIC_SHARE and PASSAGE_SHARE scored 0.82-0.93 where they answer and 0.78-0.89
# for questions the material does not answer: the floor removes the clearly unrelated only.
SEMANTIC_COSINE = 0.84
# Beside a cosine (0..1, the candidates within about 0.1 of each other): the topic share adds up to
# LEX_WEIGHT, the cue CUE_WEIGHT — enough to decide between windows the model scores alike.
LEX_WEIGHT = 0.05
CUE_WEIGHT = 0.02
KNOWN_TERMS_ENGLISH = 2

# The answer a question word asks for, as a sentence shows it (a general convention of questions, Danish
# and English): an amount or share is a number, a time is a date, a year or a week.
_MONTHS = r"januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
ANSWER_SHAPES: list[tuple[re.Pattern, re.Pattern]] = [
    (
        re.compile(r"\b(hvorfor|hvad er (årsagen|grunden|baggrunden)|why|what is the reason)\b", re.I),
        INTENT_MARKERS["why"],
    ),
    (
        re.compile(r"\b(hvornår|fra hvilken dato|hvilken dato|when|what date|from what date)\b", re.I),
        re.compile(rf"\b(\d{{1,2}}\.\s*({_MONTHS})|({_MONTHS})\s+\d{{4}}|\d{{4}}|\d+\.\s*\w*uge\w*|uge \d+)\b", re.I),
    ),
    (
        re.compile(
            r"\b(hvor (mange|meget|stor|store|høj|lav)|hvilken (andel|procent)|how (many|much|large|high)|"
            r"what (share|percentage|proportion|rank))\b",
            re.I,
        ),  # fmt: skip
        re.compile(r"\d"),
    ),
]


def answer_cue(question_text: str, intent: str) -> re.Pattern | None:
    """The pattern of a sentence that has the answer's shape, by the question's own words, else by its intent."""
    for asks, shape in ANSWER_SHAPES:
        if asks.search(question_text):
            return shape
    return INTENT_MARKERS.get(intent)


def reason_words_out(question_text: str, intent: str, terms: Sequence[str]) -> tuple[str, ...]:
    """The topic terms less the words naming the reason a why-question asks for ('begrundelsen', 'årsagen',
    'baggrunden'): they say what kind of answer is wanted, and the passage that gives it rarely repeats them."""
    reason = INTENT_MARKERS["why"]
    if answer_cue(question_text, intent) is not reason:
        return tuple(terms)
    return tuple(term for term in terms if not reason.fullmatch(term))


def untranslated_out(question_text: str, terms: Sequence[str], passages: Sequence[Passage]) -> tuple[str, ...]:
    """An English question's terms less those no window holds, when at least KNOWN_TERMS_ENGLISH of the held
    ones are Danish the glossary put there or names the question capitalises. The material is Danish: an
    English word the glossary left untranslated ('lasting', 'reimbursement') is found nowhere, and weighing it
    as a subject the material lacks would turn away the passage the Danish terms find. English words that
    happen to occur in Danish ('stop', 'administration') are no such evidence, and with less evidence the
    question's subject itself may be what the material lacks ('music school' holds 'skole' only)."""
    matcher = TermMatcher(terms)
    held: set[str] = set()
    for passage in passages:
        if len(held) < len(matcher.terms) and matcher.could_match(text := matching_text(passage)):
            held.update(matcher.matched(text))
    english = {word.lower() for word in re.findall(r"[\w-]+", question_text) if not word[0].isupper()}
    evidence = [term for term in held if term not in english]
    return tuple(t for t in terms if t in held) if len(evidence) >= KNOWN_TERMS_ENGLISH else tuple(terms)


def rank_windows(
    question_text: str,
    intent: str,
    passages: Sequence[Passage],
    terms: Sequence[str],
    embed: EmbedText | None,
    limit: int = 2,
) -> list[Found]:
    """The best windows carrying the topic, at most one per document; none below PASSAGE_SHARE of the topic
    terms' weight (SEMANTIC_SHARE when e5 ranks them). `passages` come best first (the search's hits): among
    windows matching the terms alike, the first MAX_EMBEDDED are embedded."""
    # no model (none configured, or the search index cannot be opened: the embedder answers None): the lexical
    # ranking alone
    question_vector = embed(question_text) if embed is not None else None
    if embed is None or question_vector is None:
        return best_passages(list(passages), tuple(terms), intent, limit)
    topical = _topical(passages, terms)
    if not topical:
        return []
    cue = answer_cue(question_text, intent)
    similarity = _similarities(question_vector, [f.passage for f in topical], embed)
    # a window lacking topic terms (SEMANTIC_SHARE) stays only when the model reads it as close to the question
    topical = [f for f in topical if f.score >= PASSAGE_SHARE or similarity[id(f.passage)] >= SEMANTIC_COSINE]

    def score(found: Found) -> float:
        cued = bool(cue and cue.search(found.passage.text))
        return similarity[id(found.passage)] + LEX_WEIGHT * found.score + CUE_WEIGHT * cued

    return one_per_document(sorted(topical, key=score, reverse=True), limit)


def _topical(passages: Sequence[Passage], terms: Sequence[str]) -> list[Found]:
    """Distinct windows matching PASSAGE_SHARE of the terms' weight, or SEMANTIC_SHARE with the terms they lack
    worded otherwise; the MAX_EMBEDDED best (in the given order among equals)."""
    distinct = list({(p.document_id, p.text): p for p in passages}.values())
    matcher = TermMatcher(terms)
    pairs = [(p, text) for p in distinct if matcher.could_match(text := matching_text(p))]
    candidates, texts = [p for p, _ in pairs], [text for _, text in pairs]
    matched = [set(matcher.matched(text)) for text in texts]
    known = set().union(*matched)
    found = [
        Found(passage, share)
        for passage, share, held in zip(candidates, matcher.shares(texts), matched, strict=True)
        if share >= PASSAGE_SHARE or (share >= SEMANTIC_SHARE and _worded_otherwise(matcher, held, known))
    ]
    return sorted(found, key=lambda f: -f.score)[:MAX_EMBEDDED]  # stable: equals keep the callers' order


def _worded_otherwise(matcher: TermMatcher, held: set[str], known: set[str]) -> bool:
    """The terms a window lacks are worded otherwise there, not a subject the material lacks: each occurs in
    some other window ('svinger' where the passage says 'udsving'), or the window lacks one term only and
    holds two. A window holding only the common half of a question about a subject no text names
    ('musikskolen … lukket') is not about it."""
    lacking = set(matcher.terms) - held
    return lacking <= known or (len(lacking) <= 1 and len(held) >= 2)


def _similarities(question: Any, passages: Sequence[Passage], embed: EmbedText) -> dict[int, float]:
    """Per window (by id), the cosine of its closest sentence to the question's vector; each sentence embedded
    once."""
    by_window = {id(p): split_sentences(p.text) or [p.text] for p in passages}
    unique = list(dict.fromkeys(s for sentences in by_window.values() for s in sentences))
    cosine = {sentence: float(embed(sentence) @ question) for sentence in unique}
    return {window: max(cosine[s] for s in sentences) for window, sentences in by_window.items()}
