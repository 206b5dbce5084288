"""Which goals and agenda items a question's topic names: lexical retrieval with stems, compounds and synonyms.

No topic word has to occur verbatim: a term matches a word it starts (a stem: 'flygtninge' finds
'flygtningene'), a compound it sits inside ('kontanthjælp' in 'kontanthjælpsmodtagere'), any
word of its synonym group ('handicap' finds 'funktionsnedsættelse'), or, when the question's word is itself a
compound the text spells out, its parts ('kronikermidlerne' in 'midler til kronikerindsatser'). Terms weigh by rarity (idf over
the records searched), so 'IGU' counts more than 'beskæftigelse'; a record is a match when its
matched terms carry at least MATCH_SHARE of the question's weight, and the answer keeps the records
within KEEP_SHARE of the best one. A term found nowhere in the material weighs more than the rarest one found, so
a question about 'cykelstier i budgettet' does not settle for the budget item.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from answer.vocabulary import DANISH_ENDINGS, SYNONYM_GROUPS

MATCH_SHARE = 0.5
KEEP_SHARE = 0.75
# A synonym counts for less than the question's own word, so 'integration' does not rank level with
# 'flygtninge' in a question about refugees, yet still finds a goal written only with the synonym.
SYNONYM_STRENGTH = 0.7
# Stems shorter than this match only at a word's start; longer ones also inside a compound.
COMPOUND_STEM = 6
# The shortest stem an ending is taken off to leave ('skolen' -> 'skol', not 'sko').
MIN_STEM = 4
VOWELS = frozenset("aeiouyæøå")
# The record count a term found nowhere weighs as (below the one record of the rarest term found).
UNKNOWN_FREQUENCY = 0.5
# A question word's compound parts: each at least PART_LENGTH letters, from stems of at least
# COMPOUND_TERM letters (shorter words are rarely compounds, and short parts start too many words).
PART_LENGTH = 4
COMPOUND_TERM = 9
# A compound spelt out keeps its parts in one phrase: 'midler til kronikere', 'skolen for musik og billedkunst'.
PART_SPAN = 3
# Stems this long or longer have both spellings of an -er noun (shorter ones: 'efter', 'ter', 'atr' are no nouns).
ER_STEM = 6
# Danish joins a compound's parts with -s- or -e- ('sundhed-s-udvalg', 'børn-e-have').
LINKING_LETTERS = "se"

# a range between numbers, however the dash is typed or spaced or said: '20 – 24 år' and 'mellem 20 og 24 år'
# are the age band '20-24'
_NUMBER_RANGE = re.compile(r"(?<=\d)(?:\s*[-–]\s*|\s+(?:og|til)\s+)(?=\d)")
_WORD = re.compile(r"[a-zæøåéü0-9+]+", re.I)

Record = TypeVar("Record")


@dataclass(frozen=True)
class Scored(Generic[Record]):
    record: Record
    score: float  # share of the question's term weight the record matches, 0..1


def stem(term: str) -> str:
    """A prefix that finds every inflected form: the Danish definite, plural or genitive ending taken off and a
    consonant doubled before it undone ('beskæftigelsespolitikken' -> 'beskæftigelsespolitik', 'flygtninge'
    -> 'flygtning', 'virksomhederne' -> 'virksomhed')."""
    if len(term) <= 5 or not term.isalpha():  # short words, phrases and forms with digits stay whole
        return term
    ending = next((e for e in DANISH_ENDINGS if term.endswith(e) and len(term) - len(e) >= MIN_STEM), "")
    base = term[: len(term) - len(ending)]
    doubled = len(base) > MIN_STEM and base[-1] == base[-2] and base[-1] not in VOWELS
    return base[:-1] if doubled else base


def variants(term: str) -> tuple[str, ...]:
    """The term's stem and, when the term belongs to a synonym group, every stem of that group."""
    own = stem(term)
    groups = [group for group in SYNONYM_GROUPS if any(_same_subject(own, member) for member in group)]
    return tuple(dict.fromkeys([own, *(member.strip() for group in groups for member in group)]))


def spellings(own: str) -> tuple[str, ...]:
    """The stem as both spellings of a noun in -er whose definite and plural forms may drop the e ('jobcentret' /
    'jobcenteret', 'teatret' / 'teateret'): a stem ending in 'tr' also with 'ter', one in 'ter' also with 'tr'."""
    if len(own) < ER_STEM or not own.isalpha():
        return (own,)
    if own.endswith("ter"):
        return (own, own[:-3] + "tr")
    if own.endswith("tr"):
        return (own, own[:-2] + "ter")
    return (own,)


def compound_parts(term: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The ways the term's stem splits into a head and a tail of at least PART_LENGTH letters, each head also
    without a linking letter: 'kronikermidlerne' -> (('kroniker',), 'midl'), …; none for a short or non-alphabetic
    term. A split counts only where both parts start words of one text, so most splits never match."""
    own = stem(term)
    if len(own) < COMPOUND_TERM or not own.isalpha():
        return ()
    splits = []
    for cut in range(PART_LENGTH, len(own) - PART_LENGTH + 1):
        head, tail = own[:cut], own[cut:]
        heads = (head, head[:-1]) if head[-1] in LINKING_LETTERS and cut > PART_LENGTH else (head,)
        splits.append((heads, tail))
    return tuple(splits)


def _same_subject(own: str, member: str) -> bool:
    member = member.strip()
    return own.startswith(member) or (len(member) >= COMPOUND_STEM and member.startswith(own))


class TermMatcher:
    """Matches a question's terms against texts; built once per question."""

    def __init__(self, terms: Sequence[str], over_whole_material: bool = False):
        """`over_whole_material`: the texts ranked are all the material holds of their kind (every goal in scope),
        so a term none of them matches is a subject the material lacks and outweighs any term found; ranked
        over a few records (one year's goals), a term they lack may be elsewhere and weighs as one found once."""
        self.terms = tuple(terms)
        self._unmatched_frequency = UNKNOWN_FREQUENCY if over_whole_material else 1.0
        self._variants = {term: variants(term) for term in self.terms}
        self._spellings = {term: spellings(stem(term)) for term in self.terms}
        self._parts = {term: compound_parts(term) for term in self.terms}

    def matched(self, text: str) -> dict[str, float]:
        """The terms that occur in `text`, 1.0 as stem or compound part, SYNONYM_STRENGTH as a synonym or as the
        question word's own parts spelt apart (the text may join them differently: 'kronikermidler' and 'midler
        til kronisk syge' are near, not the same)."""
        lowered = _lowered(text)
        words = _WORD.findall(lowered)
        found = {}
        for term in self.terms:
            synonyms = self._variants[term][1:]
            if any(_occurs(own, lowered, words) for own in self._spellings[term]):
                found[term] = 1.0
            elif any(_occurs(v, lowered, words) for v in synonyms) or _parts_occur(self._parts[term], lowered, words):
                found[term] = SYNONYM_STRENGTH
        return found

    def could_match(self, text: str) -> bool:
        """A quick test before `matched`: some variant of some term, or both parts of a split, occur as
        substrings."""
        lowered = _lowered(text)
        return any(v in lowered for term in self.terms for v in (*self._variants[term], *self._spellings[term])) or any(
            tail in lowered and any(head in lowered for head in heads)
            for splits in self._parts.values()
            for heads, tail in splits
        )

    def rank(self, records: Sequence[Record], texts: Sequence[str]) -> list[Scored[Record]]:
        """Records whose text matches enough of the question's weight, best first."""
        if not self.terms or not records:
            return []
        scored = [Scored(record, share) for record, share in zip(records, self.shares(texts), strict=True)]
        scored = [s for s in scored if s.score >= MATCH_SHARE]
        best = max((s.score for s in scored), default=0.0)
        return sorted((s for s in scored if s.score >= KEEP_SHARE * best), key=lambda s: -s.score)

    def shares(self, texts: Sequence[str]) -> list[float]:
        """Per text, the share of the question's term weight (idf over `texts`) it matches, 0..1."""
        if not self.terms:
            return [0.0 for _ in texts]
        matches = [self.matched(text) for text in texts]
        weights = self._weights(matches)
        total = sum(weights.values())
        return [sum(weights[t] * strength for t, strength in found.items()) / total for found in matches]

    def _weights(self, matches: list[dict[str, float]]) -> dict[str, float]:
        """Inverse document frequency per term; a term matching nothing weighs at least as much as the rarest one
        found, so a question's unknown subject is never outweighed by its common words; over the whole material it
        weighs more, so it outweighs any one word the question shares with a record: 'mål om bekæmpelse af rotter'
        is not about the one goal on 'bekæmpelse' of fraud."""
        count = len(matches)
        frequency = {term: sum(term in found for found in matches) for term in self.terms}
        return {term: math.log(1 + count / (f or self._unmatched_frequency)) for term, f in frequency.items()}


def _lowered(text: str) -> str:
    return _NUMBER_RANGE.sub("-", text.lower())


@functools.lru_cache(maxsize=4096)
def _phrase(variant: str) -> re.Pattern[str]:
    """The phrase where a number at its edge is not part of a longer one: 'under 30' is not in 'under 300', nor
    '20-24' in '120-240'."""
    before = r"(?<!\d)" if variant[0].isdigit() else ""
    after = r"(?!\d)" if variant[-1].isdigit() else ""
    return re.compile(before + re.escape(variant) + after)


def _occurs(variant: str, text: str, words: list[str]) -> bool:
    if not variant.isalnum():  # a phrase or a form with '+': 'under 30', '+55', '20-24'
        return variant in text and _phrase(variant).search(text) is not None
    if len(variant) < COMPOUND_STEM:
        return any(word.startswith(variant) for word in words)
    return any(variant in word for word in words)


def _parts_occur(splits: tuple[tuple[tuple[str, ...], str], ...], text: str, words: list[str]) -> bool:
    """Some split's head starts a word of the text and its tail occurs as a term does (a long tail also closing a
    compound: 'Sundheds- og Forebyggelsesudvalget' holds 'sundhedsudvalget'), within PART_SPAN words of each
    other: a compound spelt out is one phrase ('midler til kronikerindsatser'), while 'musik' and 'skole' far apart
    in a text on school buildings are no 'musikskole'. A substring test first rules out nearly all."""
    for heads, tail in splits:
        if tail not in text or not any(head in text for head in heads):
            continue
        head_at = [i for i, word in enumerate(words) if any(word.startswith(head) for head in heads)]
        tail_at = [i for i, word in enumerate(words) if _occurs(tail, word, [word])]
        if any(abs(h - t) <= PART_SPAN for h in head_at for t in tail_at):
            return True
    return False


def mentions(text: str, terms: Sequence[str]) -> bool:
    """Every term occurs in the text (as stem, compound part or synonym): the word filter of the list endpoints."""
    return len(TermMatcher(terms).matched(text)) == len(set(terms))
