"""Understanding a question: its language, kind, years, a meeting date and its topic words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.danish import ENGLISH_MONTHS
from nlp.danish import MONTHS as DANISH_MONTHS

# Checked in this order: 'Hvilke bilag havde punktet om ...' is about attachments, not a decision.
KIND_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("absent", re.compile(r"fravær|absent|missing from the meeting", re.I)),
    ("attachments", re.compile(r"\bbilag|attachment", re.I)),
    ("unchanged", re.compile(r"uændre|unchanged|carried (over|forward)|videreført", re.I)),
    ("dropped", re.compile(r"\budg(ik|ået)|\bbortfald|dropped|removed|discontinued", re.I)),
    (
        "first",
        re.compile(r"hvornår kom|første gang|first (appear|time)|when did .* (appear|come|enter)|introduced", re.I),
    ),
    ("change", re.compile(r"ændret|ændring|\bchanged?\b|udvikl|evolved", re.I)),
    ("history", re.compile(r"dagsorden|agenda|historik|history|behandlet", re.I)),
    ("decision", re.compile(r"besluttede|beslutning|\bdecided?\b|decision", re.I)),
    ("status", re.compile(r"\bstatus|\btarget|målsætning|måltal|resultat", re.I)),
]

# English topic words -> the Danish word stems the documents use.
GLOSSARY = {
    "young": "unge",
    "youth": "unge",
    "refugees": "flygtninge",
    "refugee": "flygtninge",
    "disability": "handicap",
    "disabilities": "handicap",
    "disabled": "handicap",
    "unemployed": "ledige",
    "academics": "akademikere",
    "businesses": "virksomheder",
    "companies": "virksomheder",
    "education": "uddannelse",
    "employment": "beskæftigelse",
    "cash": "kontanthjælp",
}

STOPWORDS = frozenset(
    """
hvad hvilke hvilken hvornår hvem hvordan hvorfor var er blev har have havde kom ind ud sig om for fra til i
på af med den det de en et og eller at der som efter før målet mål målene målsætningen udvalget udvalgene
besluttede beslutning besluttet status punktet punkt punkter bilag fraværende ændret ændring udgik udgået
uændret uændrede videreført første gang dagsordenen dagsorden været kommunen
what which when who how why was were is are did do does the a an of for from to in on at about with and or
goal goals target targets committee decide decided decision status change changed changes over carried
unchanged dropped first appear appeared agenda item items attachments attachment absent meeting people
persons citizens been has have had into after before between
""".split()
)

# Month names a question may use to name a meeting date, Danish or English.
MONTHS = {**DANISH_MONTHS, **ENGLISH_MONTHS}

_YEAR = re.compile(r"\b(19[89]\d|20\d\d)\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\.?\s+([a-zæøå]+)\s+(\d{4})\b", re.I)
_MONTH_DAY_YEAR = re.compile(r"\b([a-z]+)\s+(\d{1,2}),?\s+(\d{4})\b", re.I)
_WORD = re.compile(r"[a-zæøåéü0-9]+(?:-[a-zæøå]+)*", re.I)
_ENGLISH = re.compile(r"\b(what|which|when|who|how|did|were|was|the)\b", re.I)
_DANISH = re.compile(r"[æøå]|\b(hvad|hvilke|hvornår|hvem|hvordan|var|blev)\b", re.I)


@dataclass(frozen=True)
class Question:
    text: str
    language: str  # "da" | "en"
    kind: str
    years: tuple[int, ...]
    date: str | None  # ISO yyyy-mm-dd of a meeting named in the question
    terms: tuple[str, ...]  # topic words, lower case, English mapped to Danish


def understand(text: str) -> Question:
    date = meeting_date(text)
    years = tuple(int(y) for y in _YEAR.findall(text))
    kind = next((kind for kind, pattern in KIND_PATTERNS if pattern.search(text)), "search")
    return Question(
        text=text, language=language(text), kind=kind, years=years, date=date, terms=tuple(topic_terms(text))
    )


def language(text: str) -> str:
    return "en" if _ENGLISH.search(text) and not _DANISH.search(text) else "da"


def meeting_date(text: str) -> str | None:
    if match := _ISO_DATE.search(text):
        return match.group(0)
    for pattern, day_group, month_group in ((_DAY_MONTH_YEAR, 1, 2), (_MONTH_DAY_YEAR, 2, 1)):
        for match in pattern.finditer(text):
            month = MONTHS.get(match.group(month_group).lower())
            if month:
                return f"{match.group(3)}-{month:02d}-{int(match.group(day_group)):02d}"
    return None


def topic_terms(text: str) -> list[str]:
    """The question's content words: no question words, numbers or month names; English mapped to Danish."""
    words = [w.lower() for w in _WORD.findall(text)]
    terms = [GLOSSARY.get(w, w) for w in words if w not in STOPWORDS and w not in MONTHS and not w.isdigit()]
    return list(dict.fromkeys(terms))


def mentions(text: str, terms: list[str] | tuple[str, ...]) -> bool:
    """Every term starts some word of the text (a short stem, so 'flygtninge' finds 'flygtningene')."""
    words = [w.lower() for w in _WORD.findall(text)]
    return all(any(word.startswith(_stem(term)) for word in words) for term in terms)


def _stem(term: str) -> str:
    return term if len(term) <= 5 else term[: max(5, len(term) - 2)]
