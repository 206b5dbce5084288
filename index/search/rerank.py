"""Re-ranking the fused candidates by what the question says about the passage it wants.

The fused score (index/search/hybrid.py: e5 cosine over the query's baseline, bm25 on stems, substring
idf) says how well a chunk matches the question's words and meaning. It cannot tell that "hvilke bilag
…" wants an attachment list rather than the case text that mentions the same plan, or that "… i 2019"
wants the 2019 plan rather than the 2015 one with the same goal. The question's own words say both,
and every chunk carries its kind, year and date, so the re-ranking adds

- a bonus when the chunk is of a kind the question asks for (KIND_CUES: cue words per chunk kind,
  Danish and English, as data);
- a bonus when the chunk's year is one the question names (minutes discuss next year's plan, so ±1
  counts), a penalty when the question names years and the chunk's year is none of them;
- a bonus when the chunk's meeting date is the day (or month) the question names;
- a penalty per hit already taken from the same document, so the list spans documents (a topic on
  several meetings' agendas) before it repeats one.

The floor stays on the fused score: the bonuses re-order relevant chunks but never lift a chunk that
matches nothing above the floor. The weights are named data (RERANK_WEIGHTS), set from the range of the
fused scores (reasoning next to them) and checked on the question bank's dev split (bench/bench_ask_bank.py
--split dev: recall@5 0.61 -> 0.87 together with the new chunk kinds); not yet grid-searched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.search.chunk_text import Chunk
from nlp.danish import ENGLISH_MONTHS, MONTHS, parse_danish_date

# Chunk kind -> words (regex fragments, matched case-insensitively at a word start) by which a question
# asks for that kind of passage.
KIND_CUES: dict[str, tuple[str, ...]] = {
    "attachments": ("bilag", "vedlagt", "attachment", "enclos", "appendi"),
    "decision": (
        "beslut", "besluttede", "vedt", "godkend", "anbefal", "stemte", "tiltr", "tilslut", "afgørelse",
        "decid", "decision", "approv", "vote", "resolv",
    ),
    "status": ("status", "opfyldt", "nåe?t?\\b", "nåede", "gik det", "resultat", "progress", "achiev", "reach", "met\\b"),
    "attendance": ("fravær", "afbud", "deltog", "til stede", "tilstede", "mødte", "absent", "attend", "present\\b"),
    "item": ("dagsorden", "behandl", "punkt", "agenda", "item", "discuss", "drøft"),
    "goal": ("mål", "målsætning", "goal", "target"),
}  # fmt: skip


@dataclass(frozen=True)
class RerankWeights:
    kind: float  # the chunk is of a kind the question's words ask for
    year: float  # the chunk's year (±1) is one the question names
    year_miss: float  # the question names years and the chunk's year is none of them (subtracted)
    day: float  # the chunk's meeting or decision date is the day the question names
    month: float  # … or lies in the month the question names
    same_document: float  # subtracted per hit already taken from the chunk's document


# Fused scores of relevant chunks lie between about 0.2 and 0.8; a bonus of 0.1 lifts a chunk of the
# wanted kind over a near-tie of another kind, not over a clearly better match. Dates are the strongest
# evidence a question gives (one meeting of many), years weaker (a plan year holds many chunks).
RERANK_WEIGHTS = RerankWeights(kind=0.1, year=0.05, year_miss=0.1, day=0.15, month=0.05, same_document=0.03)

_KIND_PATTERNS = {kind: re.compile(r"\b(?:" + "|".join(cues) + ")", re.I) for kind, cues in KIND_CUES.items()}
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_ALL_MONTHS = {**MONTHS, **ENGLISH_MONTHS}
_MONTH_WORD = "|".join(sorted(_ALL_MONTHS, key=len, reverse=True))
# English day forms Danish date parsing does not read: '28 November 2022', 'November 28, 2022'.
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\.?\s+({_MONTH_WORD})\.?\s+(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_WORD})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I)
_MONTH_YEAR = re.compile(rf"\b({_MONTH_WORD})\.?\s+(\d{{4}})\b", re.I)


@dataclass(frozen=True)
class QueryCues:
    """What a question says about the passage it wants, read from its words alone."""

    kinds: frozenset[str]
    years: frozenset[int]
    day: str | None  # ISO yyyy-mm-dd
    month: str | None  # yyyy-mm


def query_cues(query: str) -> QueryCues:
    return QueryCues(
        kinds=frozenset(kind for kind, pattern in _KIND_PATTERNS.items() if pattern.search(query)),
        years=frozenset(int(year) for year in _YEAR.findall(query)),
        day=_named_day(query),
        month=_named_month(query),
    )


def _named_day(query: str) -> str | None:
    if found := parse_danish_date(query):
        return found
    for pattern, day_group, month_group in ((_DAY_MONTH_YEAR, 1, 2), (_MONTH_DAY_YEAR, 2, 1)):
        if match := pattern.search(query):
            month, day = _ALL_MONTHS[match.group(month_group).lower()], int(match.group(day_group))
            return f"{match.group(3)}-{month:02d}-{day:02d}" if 1 <= day <= 31 else None
    return None


def _named_month(query: str) -> str | None:
    if day := _named_day(query):
        return day[:7]
    match = _MONTH_YEAR.search(query)
    return f"{match.group(2)}-{_ALL_MONTHS[match.group(1).lower()]:02d}" if match else None


def bonus(chunk: Chunk, cues: QueryCues, weights: RerankWeights = RERANK_WEIGHTS) -> float:
    """What the chunk's kind, year and date add to its fused score for this question."""
    score = weights.kind if chunk.kind in cues.kinds else 0.0
    if cues.years and chunk.year is not None:
        near = any(abs(chunk.year - year) <= 1 for year in cues.years)
        score += weights.year if near else -weights.year_miss
    if cues.day and chunk.date == cues.day:
        score += weights.day
    elif cues.month and chunk.date and chunk.date.startswith(cues.month):
        score += weights.month
    return score


def rerank(
    candidates: Sequence[tuple[Chunk, float]], query: str, limit: int, weights: RerankWeights = RERANK_WEIGHTS
) -> list[tuple[Chunk, float]]:
    """The best `limit` of (chunk, fused score) with the question's bonuses, taken greedily so that each
    pick pays for the hits already taken from its document."""
    cues = query_cues(query)
    pool = [(chunk, fused + bonus(chunk, cues, weights)) for chunk, fused in candidates]
    chosen: list[tuple[Chunk, float]] = []
    taken: dict[str, int] = {}
    while pool and len(chosen) < limit:
        best = max(
            range(len(pool)), key=lambda i: pool[i][1] - weights.same_document * taken.get(pool[i][0].document_id, 0)
        )
        chunk, score = pool.pop(best)
        chosen.append((chunk, score - weights.same_document * taken.get(chunk.document_id, 0)))
        taken[chunk.document_id] = taken.get(chunk.document_id, 0) + 1
    return chosen
