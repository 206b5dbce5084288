"""Which window of running text answers a why/other question: the e5 similarity of its sentences to the
question, with the topic terms' share and the cue of the answer the question asks for.

The topic terms (answer/topic.py) decide whether a window is about the question's topic at all
(PASSAGE_SHARE, answer/passages.py). e5 cosines crowd together — on the dev bank an unrelated sentence
scored up to 0.90 and answering ones 0.85–0.96 — so the similarity ranks the windows that carry the topic
but never admits one. Within those, the window whose best sentence is closest in meaning to the question
answers: the model is multilingual, so an English question ranks Danish text, and it reads a sentence
worded otherwise than the question ('svinger' / 'udsving'). A window holding the kind of answer the question
asks for (answer/answer_types.py: a reason for 'hvorfor', an amount for 'hvad koster', a date and a place for
'hvornår og hvor') gains CUE_WEIGHT per kind it holds.

Only the MAX_EMBEDDED lexically best windows are embedded: each sentence costs an encoder pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from answer.answer_types import REASON, AnswerType, asked_types, naming_words_out, shown_count
from answer.passages import (
    PASSAGE_SHARE,
    Found,
    Passage,
    best_passages,
    matching_text,
    one_per_document,
    split_sentences,
)
from answer.time_points import MonthYear, months_named, names_a_month_of
from answer.topic import TermMatcher

EmbedText = Callable[[str], Any]  # a unit e5 vector (numpy row) for a text, embedded as a query

# On the dev, paraphrase and fresh banks the answering window was among the 12 best as often as among the 16
# best; each embedded sentence costs about 30 ms on a CPU.
MAX_EMBEDDED = 12
# With e5 ranking, a window matching this share of the topic terms competes when the terms it lacks are worded
# otherwise ('svinger' / 'udsving'; _worded_otherwise). On the dev bank the best window of an absent topic
# matched at most 0.30 (most nothing), answering windows 0.41-1.00.
SEMANTIC_SHARE = 0.4
# ... and when its closest sentence has at least this cosine to the question. On the dev, paraphrase and fresh
# banks, windows between SEMANTIC_SHARE and PASSAGE_SHARE scored 0.82-0.93 where they answer and 0.78-0.89
# for questions the material does not answer: the floor removes the clearly unrelated only.
SEMANTIC_COSINE = 0.84
# Beside a cosine (0..1, the candidates within about 0.1 of each other): the topic share adds up to
# LEX_WEIGHT, each kind of answer asked for that it holds CUE_WEIGHT, the other sentence's cosine SECOND_SENTENCE
# of it — enough to decide between windows the model scores alike. Set on the dev, paraphrase and fresh banks
# (which window is quoted, offline): 0.04 beat 0.02 on fresh and 0.06 lost paraphrases.
LEX_WEIGHT = 0.05
CUE_WEIGHT = 0.04
SECOND_SENTENCE = 0.1
KNOWN_TERMS_ENGLISH = 2
# Before the cut to MAX_EMBEDDED, a window holding the answer asked for gains this on its topic share: it wins
# among windows carrying the topic alike, and beats one matching a little more of it (one term of a few, 0.86
# against 1.0) without the answer — never one matching clearly more (a window of another case giving a reason).
PRE_CUE_WEIGHT = 0.1


def asked_for(question_text: str, intent: str) -> tuple[AnswerType, ...]:
    """The kinds of answer the question's words ask for (answer/answer_types.py); a why-question the cues
    recognised by other words ('begrundelsen for …') asks for a reason."""
    return asked_types(question_text) or ((REASON,) if intent == "why" else ())


def answer_words_out(question_text: str, intent: str, terms: Sequence[str]) -> tuple[str, ...]:
    """The topic terms less the words naming the kind of answer asked for ('begrundelsen', 'procent',
    'placering'): they say what is wanted, and the passage that gives it rarely repeats them."""
    return naming_words_out(terms, asked_for(question_text, intent))


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
    asked, months = asked_for(question_text, intent), months_named(question_text)
    topical = _topical(passages, terms, asked, months)
    if not topical:
        return []
    closest, similarity = _similarities(question_vector, [f.passage for f in topical], embed)
    # a window lacking topic terms (SEMANTIC_SHARE) stays only when the model reads it as close to the question
    topical = [f for f in topical if f.score >= PASSAGE_SHARE or closest[id(f.passage)] >= SEMANTIC_COSINE]

    def score(found: Found) -> float:
        shown = _answer_evidence(found.passage, asked, months)
        return similarity[id(found.passage)] + LEX_WEIGHT * found.score + CUE_WEIGHT * shown

    ranked = sorted(topical, key=score, reverse=True)
    return _every_part_answered(one_per_document(ranked, limit), ranked, asked)


def _every_part_answered(chosen: list[Found], ranked: Sequence[Found], asked: Sequence[AnswerType]) -> list[Found]:
    """The chosen windows, and for each asked kind of answer none of them holds ('hvornår og hvor': the place),
    the best-ranked window that holds it, from any document: a question asking two things gets both answered."""
    for kind in asked:
        if not any(kind.shown_by.search(found.passage.text) for found in chosen):
            chosen += [found for found in ranked if kind.shown_by.search(found.passage.text)][:1]
    return chosen


def _answer_evidence(passage: Passage, asked: Sequence[AnswerType], months: frozenset[MonthYear]) -> int:
    """How many of the asked kinds of answer the window holds, and one more where it names a month the question
    names: the sentence dated as the question is holds the figure asked for."""
    return shown_count(passage.text, asked) + names_a_month_of(passage.text, months)


def _telling_evidence(passage: Passage, asked: Sequence[AnswerType], months: frozenset[MonthYear]) -> int:
    """_answer_evidence, of the kinds no sentence holds by chance (AnswerType.telling) only."""
    return _answer_evidence(passage, [kind for kind in asked if kind.telling], months)


def _topical(
    passages: Sequence[Passage], terms: Sequence[str], asked: Sequence[AnswerType], months: frozenset[MonthYear]
) -> list[Found]:
    """Distinct windows matching PASSAGE_SHARE of the terms' weight, or SEMANTIC_SHARE with the terms they lack
    worded otherwise; the MAX_EMBEDDED best by their topic share plus PRE_CUE_WEIGHT per piece of the answer asked
    for that they hold (_telling_evidence), in the given order among equals. Many windows of one case carry the
    topic alike, and the one giving the reason or the figure must not be left unscored behind them."""
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
    found.sort(key=lambda f: -(f.score + PRE_CUE_WEIGHT * _telling_evidence(f.passage, asked, months)))  # stable
    return found[:MAX_EMBEDDED]


def _worded_otherwise(matcher: TermMatcher, held: set[str], known: set[str]) -> bool:
    """The terms a window lacks are worded otherwise there, not a subject the material lacks: each occurs in
    some other window ('svinger' where the passage says 'udsving'), or the window lacks one term only and
    holds two. A window holding only the common half of a question about a subject no text names
    ('musikskolen … lukket') is not about it."""
    lacking = set(matcher.terms) - held
    return lacking <= known or (len(lacking) <= 1 and len(held) >= 2)


def _similarities(
    question: Any, passages: Sequence[Passage], embed: EmbedText
) -> tuple[dict[int, float], dict[int, float]]:
    """Per window (by id): the cosine of its closest sentence to the question's vector, and the window's
    similarity — that cosine plus SECOND_SENTENCE of its other sentence's, so that of two windows sharing the
    closest sentence the one whose other sentence also bears on the question ranks first. Each sentence is
    embedded once."""
    by_window = {id(p): split_sentences(p.text) or [p.text] for p in passages}
    unique = list(dict.fromkeys(s for sentences in by_window.values() for s in sentences))
    cosine = {sentence: float(embed(sentence) @ question) for sentence in unique}
    ordered = {window: sorted((cosine[s] for s in sentences), reverse=True) for window, sentences in by_window.items()}
    closest = {window: values[0] for window, values in ordered.items()}
    return closest, {window: values[0] + SECOND_SENTENCE * values[-1] for window, values in ordered.items()}
