"""Understanding a question: its language, intent, slots (years, month, date, goal or item number) and topic words.

The intent and the slots come from the cue tables in answer/cues.py; the topic words are what is
left once question words and intent vocabulary are taken out. Which goals or items the topic names
is decided later, by retrieval (answer/topic.py), so no topic word has to occur verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from answer.cues import (
    COUNT_WORDS,
    GOAL_WORD_PARTS,
    GOAL_WORDS,
    INTENT_CUES,
    INTENT_ORDER,
    ITEM_WORDS,
    MAIN_CLAUSE_END,
    MAIN_CLAUSE_WORDS,
    VOTE_WORDS,
)
from answer.slot_patterns import (
    COMMON_WORD_MUNICIPALITIES,
    DANISH_MUNICIPALITIES,
    GOAL_NUMBER_PATTERN,
    ITEM_NUMBER_PATTERN,
    MUNICIPALITY_PATTERN,
    RELATIVE_YEAR_PATTERNS,
    UNDATED_DAY_PATTERNS,
    UNDATED_MONTH_PATTERN,
    YEAR_FROM_PATTERNS,
    YEAR_RANGE_PATTERNS,
    YEAR_TO_PATTERNS,
)
from answer.stopwords import STOPWORDS
from answer.vocabulary import DANISH_FUNCTION_WORDS, ENGLISH_FUNCTION_WORDS, GLOSSARY, PHRASE_GLOSSARY
from nlp.danish import ENGLISH_MONTHS, parse_danish_date, parse_typed_date, plan_years_in_full
from nlp.danish import MONTHS as DANISH_MONTHS

# Month names a question may use to name a meeting date, Danish or English.
MONTHS = {**DANISH_MONTHS, **ENGLISH_MONTHS}
_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))

_CUES = {intent: re.compile("|".join(INTENT_CUES[intent]), re.I) for intent in INTENT_ORDER}
# A year, also glued to a plan's initials: 'BP2015' (Beskæftigelsesplan 2015) names 2015.
_YEAR = re.compile(r"(?<![\d])(19[89]\d|20\d\d)(?!\d)")
_YEAR_RANGES = [re.compile(p, re.I) for p in YEAR_RANGE_PATTERNS]
# The longest period a plan or budget names with a two-digit end ('2020-23' is four budget years).
MAX_SHORT_SPAN = 10
_YEARS_FROM = [re.compile(p, re.I) for p in YEAR_FROM_PATTERNS]
_YEARS_TO = [re.compile(p, re.I) for p in YEAR_TO_PATTERNS]
_RELATIVE_YEARS = [(re.compile(p, re.I), offset) for p, offset in RELATIVE_YEAR_PATTERNS]
_UNDATED_DAYS = [re.compile(p, re.I) for p in UNDATED_DAY_PATTERNS]
_UNDATED_MONTH = re.compile(UNDATED_MONTH_PATTERN, re.I)
_GOAL_NUMBER = re.compile(GOAL_NUMBER_PATTERN, re.I)
_ITEM_NUMBER = re.compile(ITEM_NUMBER_PATTERN, re.I)
_MUNICIPALITY = re.compile(MUNICIPALITY_PATTERN)
# A municipality named alone, also in the genitive ('Randers'', 'Odenses'); a name that is an ordinary word too
# only capitalised.
_GENITIVE = r"(?:s|'s|')?(?![\wæøå-])"
_MUNICIPALITY_NAMES = [
    (
        name,
        re.compile(rf"(?<![\wæøå-])({re.escape(name)}){_GENITIVE}", 0 if name in COMMON_WORD_MUNICIPALITIES else re.I),
    )
    for name in DANISH_MUNICIPALITIES
]
_ITEM_WORDS = re.compile(ITEM_WORDS, re.I)
_MAIN_CLAUSE_END = re.compile(MAIN_CLAUSE_END, re.I)
_GOAL_WORDS = re.compile(GOAL_WORDS, re.I)
_COUNT_WORDS = re.compile(COUNT_WORDS, re.I)
_VOTE_WORDS = re.compile(VOTE_WORDS, re.I)
# An age bound names a target group: 'over 55 år', 'unge under 30'.
_AGE_PHRASE = re.compile(r"\b(over|under)\s+(\d{2})\b", re.I)
# A number naming a plan, addendum or case ('lokalplan 1221', 'kommuneplantillæg nr. 118', 'byplanvedtægt 27') is
# its name, the rarest topic word there is; a year after 'plan' is a slot ('Beskæftigelsesplan 2019'), not a name.
_NAMED_NUMBER = re.compile(r"\b\w*(?:plan|tillæg|vedtægt)\w*\.?\s+(?:nr\.?\s*)?(\d{2,6})\b(?![.,/-]\d)", re.I)
_YEAR_NUMBER = re.compile(r"(19|20)\d\d")
# An age band names one too: 'de 20-24 årige', '18-29-årige', 'mellem 25 og 29 år', '25-29 year olds'.
_AGE_BAND = re.compile(
    r"(?<![\d.,/-])(\d{2})(?:\s*[-–]\s*|\s+(?:og|til|to|and)\s+)(\d{2})(?=\s*-?\s*(?:årig|år\b|years?\b|yrs?\b))", re.I
)
_PHRASES = re.compile(r"\b(" + "|".join(sorted(map(re.escape, PHRASE_GLOSSARY), key=len, reverse=True)) + r")\b", re.I)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})\b", re.I)
_MONTH_DAY_YEAR = re.compile(r"\b([a-z]+)\s+(\d{1,2}),?\s+(\d{4})\b", re.I)
_MONTH_YEAR = re.compile(rf"\b({_MONTH_WORDS})\.?\s+(\d{{4}})\b", re.I)
_WORD = re.compile(r"[a-zæøåéü0-9+]+(?:-[a-zæøå0-9]+)*", re.I)
# A question's form: a question word, a leading verb (yes/no question) or a question mark. Words
# alone ('virksomhedsrettet aktivering') are a search, whatever the intent classifier would make of them.
_QUESTION_FORM = re.compile(
    r"\?|\b(hvad|hvilke|hvilken|hvilket|hvornår|hvem|hvordan|hvorfor|hvor|what|which|when|who|whom|how|why|where)\b"
    r"|^\s*(er|var|blev|bliver|har|havde|kom|kan|skal|ville|findes|fandtes|stod|står|is|was|were|are|did|does|do|has|have|had|can|will)\b",
    re.I,
)
# Where one question asks two things: '..., og hvad var status i 2019?' / '? Og hvornår ...'
_PART_BREAK = re.compile(
    r"\?\s+(?=\S)|[,;]\s*(?:og|and)\s+(?=(?:hvad|hvilke|hvornår|hvem|hvordan|hvorfor|hvor|what|which|when|who|how|why|is|was|were|did)\b)",
    re.I,
)


@dataclass(frozen=True)
class Question:
    text: str
    language: str  # "da" | "en"
    kind: str  # the intent: one of answer.cues.INTENT_ORDER, or "search" when no cue names one
    years: tuple[int, ...]
    date: str | None  # ISO yyyy-mm-dd of a meeting named in the question
    terms: tuple[str, ...]  # topic words, lower case, English mapped to Danish
    year_from: int | None = None  # a span the question names ('fra 2014 til 2023', 'efter 2019')
    year_to: int | None = None
    month: str | None = None  # yyyy-mm ('i marts 2019')
    undated: str | None = None  # a meeting day or month named without a year: 'mm-dd' ('d. 12/3'), 'mm' ('i marts')
    goal_number: str | None = None  # 'mål 3' -> "3", 'følgemål c' -> "følgemål c"
    item_number: str | None = None
    municipality: str | None = None  # a municipality named as 'X Kommune' / 'X Municipality'
    parts: tuple[Question, ...] = field(default=())  # the sub-questions of a question asking several things
    guessed: bool = False  # the intent came from the classifier, not from a cue


# question text -> intent, for a question no cue names (answer/intent_model.py: e5 nearest centroid)
IntentClassifier = Callable[[str], str]


def understand(text: str, classify: IntentClassifier | None = None) -> Question:
    """The whole question, and its parts when it asks several things (each part inherits missing slots).
    `classify` decides the intent where no cue does. A plan named by a two-digit year is read with the full year."""
    text = plan_years_in_full(text)
    pieces = [piece.strip(" ,;") for piece in _PART_BREAK.split(text) if piece.strip(" ,;?")]
    whole = _understand_one(text, classify)
    if len(pieces) < 2:
        return whole
    parts = tuple(_inherit(_understand_one(piece, classify), whole) for piece in pieces)
    return replace(whole, kind=parts[0].kind, parts=parts)


def _inherit(part: Question, whole: Question) -> Question:
    return replace(
        part,
        language=whole.language,
        terms=part.terms or whole.terms,
        years=part.years or whole.years,
        year_from=part.year_from if part.years else whole.year_from,
        year_to=part.year_to if part.years else whole.year_to,
        goal_number=part.goal_number or whole.goal_number,
        municipality=part.municipality or whole.municipality,
    )


def _understand_one(text: str, classify: IntentClassifier | None) -> Question:
    year_from, year_to = year_span(text)
    years, month, number = years_named(text), month_named(text), goal_number(text)
    cued = intent(text)
    if cued == "search" and number and (month or len(years) == 1):
        cued = "status"  # a goal named at one time and nothing asked of it: its figure then ('følgemål b maj 2019')
    guessed = cued == "search" and classify is not None and _QUESTION_FORM.search(text) is not None
    kind = classify(text) if guessed and classify else cued
    return Question(
        text=text,
        language=language(text),
        kind=kind,
        guessed=guessed,
        years=years,
        date=meeting_date(text),
        terms=tuple(topic_terms(text, kind)),
        year_from=year_from,
        year_to=year_to,
        month=month,
        undated=undated_day(text),
        goal_number=number,
        item_number=(match.group("number") if (match := _ITEM_NUMBER.search(text)) else None),
        municipality=municipality_named(text),
    )


def asks_count(text: str) -> bool:
    """'hvor mange …', 'how many …'."""
    return _COUNT_WORDS.search(text) is not None


def municipality_named(text: str) -> str | None:
    """The municipality the question names: 'X Kommune' / 'X Municipality', or one of Denmark's by its name."""
    if match := _MUNICIPALITY.search(text):
        return match.group("name")
    return next((name for name, pattern in _MUNICIPALITY_NAMES if pattern.search(text)), None)


def intent(text: str) -> str:
    """The intent a cue names, the main clause's cues first (answer/cues.py MAIN_CLAUSE_END)."""
    found = _cued(main_clause(text)) or _cued(text) or _compared(text) or "search"
    if found in ("change", "status") and _ITEM_WORDS.search(text) and not _GOAL_WORDS.search(text):
        # goals change and have a status; an agenda item or case has an outcome: 'hvad skete der med
        # punktet om ...', 'hvad blev resultatet af sagen om ...' ask what the meeting did with it
        return "decision"
    if found == "decision" and _COUNT_WORDS.search(text) and not _VOTE_WORDS.search(text):
        return "search"  # a count is stated in a text, not ruled on (answer/cues.py COUNT_WORDS)
    return found


def main_clause(text: str) -> str:
    """The question up to where its first subordinate clause or 'om'/'about' phrase begins. The first two
    words are the question word and its noun or verb: 'Hvilke mål om unge udgik?' has its verb after the
    'om' phrase, which there belongs to the noun."""
    ends = (m for m in _MAIN_CLAUSE_END.finditer(text) if len(text[: m.start()].split()) >= MAIN_CLAUSE_WORDS)
    match = next(ends, None)
    return text[: match.start()] if match else text


def _compared(text: str) -> str | None:
    """A goal asked about in two named years, with no cue for what about it: 'målet i 2014 og i 2019?' compares."""
    return "change" if len(years_named(text)) >= 2 and _GOAL_WORDS.search(text) else None


def _cued(text: str) -> str | None:
    return next((name for name in INTENT_ORDER if _CUES[name].search(text)), None)


def language(text: str) -> str:
    """English where English function words outnumber Danish ones; a tie goes to Danish, the documents' language."""
    words = [word.lower() for word in _WORD.findall(text)]
    english = sum(word in ENGLISH_FUNCTION_WORDS for word in words)
    danish = sum(word in DANISH_FUNCTION_WORDS for word in words)
    return "en" if english > danish else "da"


def years_named(text: str) -> tuple[int, ...]:
    """The years the question names, with a year named relative to the last of them ('året før')."""
    years = [int(y) for y in _YEAR.findall(text)]
    for pattern, offset in _RELATIVE_YEARS if years else ():
        if pattern.search(text):  # the earlier year first, as a span is read
            years = [years[-1] + offset, *years] if offset < 0 else [*years, years[-1] + offset]
    return tuple(dict.fromkeys(years))


def year_span(text: str) -> tuple[int | None, int | None]:
    """The first and last year of a span the question names, either end open."""
    for pattern in _YEAR_RANGES:
        if (match := pattern.search(text)) and (span := _full_span(int(match.group("start")), int(match.group("end")))):
            return span
    after = next((int(m.group("year")) for p in _YEARS_FROM if (m := p.search(text))), None)
    before = next((int(m.group("year")) for p in _YEARS_TO if (m := p.search(text))), None)
    return after, before


def _full_span(start: int, end: int) -> tuple[int, int] | None:
    """The span's years in full, a short end read in the start's century ('2020-23' -> 2020-2023); a short end
    not after the start, or more than a decade on, is no period ('2012-09' is a month)."""
    if end >= 100:
        return (start, end) if start <= end else (end, start)
    full_end = start - start % 100 + end
    return (start, full_end) if start < full_end <= start + MAX_SHORT_SPAN else None


def meeting_date(text: str) -> str | None:
    if match := _ISO_DATE.search(text):
        return match.group(0)
    for pattern, day_group, month_group in ((_DAY_MONTH_YEAR, 1, 2), (_MONTH_DAY_YEAR, 2, 1)):
        for match in pattern.finditer(text):
            month = MONTHS.get(match.group(month_group).lower())
            if month:
                return f"{match.group(3)}-{month:02d}-{int(match.group(day_group)):02d}"
    # numeric forms: '14/11 2022', '9/9-2014', '01.09.2014'; then as staff type them: '24/4-23', '14.11.22'
    return parse_danish_date(text) or parse_typed_date(text)


def month_named(text: str) -> str | None:
    """yyyy-mm of 'marts 2019' / 'March 2019' (also inside a full date)."""
    match = _MONTH_YEAR.search(text)
    return f"{match.group(2)}-{MONTHS[match.group(1).lower()]:02d}" if match else None


def undated_day(text: str) -> str | None:
    """'mm-dd' of a day named without a year ('mødet d. 12/3', '12. marts', 'March 12'), else 'mm' of a month
    named without one ('i marts', 'junimødet'); None when the question names a full date or month, or neither."""
    if meeting_date(text) or month_named(text):
        return None
    for pattern in _UNDATED_DAYS:
        for match in pattern.finditer(text):
            month = _month_number(match.group("month"))
            if month and 1 <= int(match.group("day")) <= 31:
                return f"{month:02d}-{int(match.group('day')):02d}"
    month_only = _UNDATED_MONTH.search(text)
    return f"{MONTHS[month_only.group('month').lower()]:02d}" if month_only else None


def _month_number(word: str) -> int | None:
    number = int(word) if word.isdigit() else MONTHS.get(word.lower().rstrip("."))
    return number if number and 1 <= number <= 12 else None


def goal_number(text: str) -> str | None:
    match = _GOAL_NUMBER.search(text)
    if not match:
        return None
    label, number = match.group("label").lower(), match.group("number").lower()
    if label in ("følgemål", "ministermål"):
        return f"{label} {number}"
    return number if number[0].isdigit() else None


def topic_terms(text: str, kind: str | None = None) -> list[str]:
    """The question's content words: no question words, no words of the intent `kind` (when given), numbers or
    month names; English mapped to Danish."""
    terms = []
    translated = _PHRASES.sub(lambda match: PHRASE_GLOSSARY[match.group(0).lower()], text)
    intent_words = _CUES.get(kind or "")
    for word in (w.lower() for w in _WORD.findall(translated)):
        if word in GLOSSARY:
            terms.append(GLOSSARY[word])
            continue
        for part in [] if _no_topic(word, intent_words) else _topic_parts(word):
            if not _no_topic(part, intent_words) and part not in MONTHS and not part.isdigit() and len(part) > 1:
                terms.append(GLOSSARY.get(part, part))
    terms += [f"{m.group(1).lower()} {m.group(2)}" for m in _AGE_PHRASE.finditer(text)]
    terms += [f"{m.group(1)}-{m.group(2)}" for m in _AGE_BAND.finditer(text)]
    terms += [m.group(1) for m in _NAMED_NUMBER.finditer(text) if not _YEAR_NUMBER.fullmatch(m.group(1))]
    return list(dict.fromkeys(terms))


def _no_topic(word: str, intent_words: re.Pattern | None) -> bool:
    """A stop word, a word naming the question's intent in any inflection ('adskiller', 'udviklingen',
    'differs' in a change question: what is asked, not what about; another intent's word may be the topic,
    'godkendelsen af dagsordenen' in an absence question), or a plan named by its year ('bp2015')."""
    named_intent = intent_words is not None and intent_words.match(word) is not None
    return word in STOPWORDS or named_intent or _YEAR.search(word) is not None


def _topic_parts(word: str) -> list[str]:
    """'igu-målet' -> ['igu']; 'beskæftigelsesmålet' -> ['beskæftigelses']; other words whole. A one-letter
    prefix belongs to its word: 'e-sport' and 'a-dagpenge' are not about sport or dagpenge in general."""
    parts = [p for p in word.split("-") if p]
    if len(parts) < 2 or word.startswith("+") or any(len(p) == 1 and p.isalpha() for p in parts):
        parts = [word]
    kept = []
    for part in parts:
        suffix = next((s for s in GOAL_WORD_PARTS if part.endswith(s) and len(part) > len(s) + 2), None)
        kept.append(part[: -len(suffix)] if suffix else part)
    return kept
