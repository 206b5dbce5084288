"""The kind of answer a question asks for, and whether a sentence holds one: one table, one scorer.

A question word names the shape of its answer, in Danish and English alike: 'hvorfor' / 'why' wants a reason
clause, 'hvad koster' / 'how much' an amount of money, 'hvor stor en andel' a share, 'hvor mange' a count,
'hvornår' / 'when' a date, 'hvor' / 'where' a place, 'hvem' / 'who' a person or a body, 'hvilken placering' a
rank. A question may ask for several ('hvornår og hvor', 'hvad koster … og hvem betaler'). Among the windows
that carry the question's topic (answer/sentence_ranking.py), one that holds the asked kind of answer is the
more likely to answer, and one holding every asked kind the more so (`shown_count`).

Each kind also has the words by which a question names it ('årsagen', 'procent', 'placering', 'prisen'): they
say what is asked, not what about, and the sentence that answers rarely repeats them (it says 'pct.', 'nr. 17',
'kr.'), so they are no topic terms (`naming_words_out`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_MONTHS = (
    r"januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec|january|february|march|may|june|july|october"
)
_NOT_PLACE_AFTER_HVOR = r"(?!\s+(?:mange|meget|stor|store|høj|højt|lav|lavt|længe|ofte|langt|lang|godt|tit|hurtigt))"


@dataclass(frozen=True)
class AnswerType:
    name: str
    asked_by: re.Pattern  # the question's words that ask for this kind of answer
    shown_by: re.Pattern  # what a sentence holding such an answer contains
    named_by: re.Pattern  # a topic term that only names the kind of answer asked for
    # A sentence holds this kind only where it gives such an answer (a reason clause, an amount in kroner, a
    # share in per cent, a rank), not by chance as it holds a number, a date, a capitalised name or 'i Greve'.
    telling: bool = False


def _words(pattern: str) -> re.Pattern:
    return re.compile(rf"\b(?:{pattern})\b", re.I)


# A reason in Danish administrative prose is given by a conjunction ('fordi', 'idet', 'eftersom', ', da'), a
# purpose ('for at', 'med henblik på', 'formålet'), a statement linking a development to its cause ('skyldes',
# 'som følge af', 'på grund af', 'hænger sammen med', 'skal ses i sammenhæng med', 'afspejler'), a ground
# ('baggrunden', 'henset til', 'begrundes') or the consequence drawn from one ('således at', 'derfor' — after the
# reason: a text opening with 'Derfor' has its reason before it). Minutes give a member's or party's reason for
# a vote as a remark ('stemte imod med bemærkning om, at …').
REASON = AnswerType(
    "reason",
    _words(
        r"hvorfor|hvordan kan det være|hvad (?:er|var) (?:årsagen|grunden|baggrunden|begrundelsen|formålet)|"
        r"hvad skyldes|hvad forklarer|hvad begrunder|why|how come|what (?:is|was) the (?:reason|purpose|cause)|"
        r"what explains|what caused"
    ),
    _words(
        r"fordi|(?<=\S\s)derfor|idet|eftersom|(?<=, )da|^da|skyld(?:es|tes)|på (?:grund|baggrund) af|grundet|som følge af|"
        r"baggrunden|grunden|årsage[nr]\w*|begrund\w*|med henblik på|formålet|for at|henset til|således at|"
        r"hænge[rs]? (?:\w+ ){0,3}sammen med|ses i sammenhæng med|afspejle[rs]?|forårsag\w*|forklares|"
        r"med (?:den )?bemærkning(?:en)? om|"
        r"because|therefore|due to|owing to|in order to|caused by|the reason|as a result"
    ),
    _words(
        r"årsag\w*|grund(?:en|ene)?|baggrund(?:en)?|begrundelse\w*|forklaring\w*|formål(?:et)?|"
        r"reasons?|causes?|explanations?|purpose"
    ),
    telling=True,
)
# A sentence that explains the one before it opens by pointing back at it and gives a reason ('Dette skyldes …',
# 'Det hænger sammen med …', 'Stigningen kan forklares ved …', 'Dette følger billedet fra … og hænger sammen med
# …', 'This is due to …'). A bare 'Det' opens many sentences ('Det indstilles, at …'): with it, the reason verb
# must follow at once.
_POINTS_BACK = r"(?:dette|denne|disse|udviklingen|stigningen|faldet|tilbagegangen|this|these)\b"
_EXPLAINS_AT_ONCE = (
    r"(?:det|it|that)\s+(?:\w+\s+)?(?:skyld(?:es|tes)|hænge[rs]? (?:\w+ ){0,3}sammen med|kan forklares|"
    r"forklares|skal ses i (?:lyset|sammenhæng)|is due to|was due to|is explained|reflects)"
)


def explains_the_sentence_before(sentence: str) -> bool:
    """The sentence gives the reason for the one before it."""
    if re.match(_EXPLAINS_AT_ONCE, sentence, re.I):
        return True
    return bool(re.match(_POINTS_BACK, sentence, re.I) and REASON.shown_by.search(sentence))


# Money: an amount in kroner ('18,8 mio. kr.', '3.114 kr. i døgnet', 't.kr.', 'DKK').
MONEY = AnswerType(
    "money",
    _words(
        r"hvad kost(?:er|ede|e)|hvor meget kost(?:er|ede)|hvor meget (?:skal|skulle|kan|vil) \w+ (?:spare|betale|bruge)|"
        r"hvor stor (?:er|var) (?:prisen|taksten|udgiften|bevillingen|beløbet|budgettet)|hvilket beløb|"
        r"hvad (?:er|var|bliver) (?:prisen|taksten|udgiften|bevillingen|beløbet|den nye takst)|"
        r"how much|what (?:does|did|will) \w+ cost|what (?:is|was) the (?:new )?(?:\w+ )?(?:price|rate|cost|fee|amount)"
    ),
    _words(r"\d[\d.,]*\s*(?:mio|mia|mill|t\.kr|kr|kroner|dkk)\b|kr\.?\s*\d|dkk\s*\d|(?:mio|mia)\.? kr"),
    _words(r"koste[rt]?|kostede|prise[nr]?|beløb(?:et)?|cost|costs|price|amount"),
    telling=True,
)
# A share: 'pct.', 'procent', '%'.
SHARE = AnswerType(
    "share",
    _words(
        r"hvor stor (?:en )?(?:andel|del)|hvor mange procent|hvilken (?:andel|procent\w*)|"
        r"what (?:share|percentage|proportion|fraction)|how many per ?cent"
    ),
    re.compile(r"\d[\d,.]*\s*(?:pct\b|procent|%)", re.I),
    _words(r"procent\w*|andel(?:en)?|share|percentage|proportion"),
    telling=True,
)
# A count or a size: a number, in digits or as a Danish or English number word — not a year ('i 2022'), which
# dates a sentence rather than counts anything.
COUNT = AnswerType(
    "count",
    _words(
        r"hvor (?:mange|meget|stor|store|høj|højt|lav|lavt)|hvilket antal|how (?:many|much|large|high)|what number of"
    ),
    _words(
        r"(?<![-/–])(?!(?:19|20)\d\d\b)\d[\d.,]*|to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|tyve|hundrede|tusinde|"
        r"two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|thousand"
    ),
    _words(r"antal(?:let)?|number"),
)
# A time: a day and month ('9.-10. november', '1. januar 2020', '18/6'), a month and year, a week number.
TIME = AnswerType(
    "time",
    _words(
        r"hvornår|hvilken dato|fra hvilken dato|på hvilken dag|hvilket tidspunkt|when|what date|from what date|"
        r"on what day"
    ),
    re.compile(
        rf"\b\d{{1,2}}\.(?:\s*-\s*\d{{1,2}}\.)?\s*(?:{_MONTHS})\b|\b(?:{_MONTHS})\s+\d{{4}}\b|"
        rf"\b\d{{1,2}}/\d{{1,2}}\b|\b\d{{1,2}}\.\s*\w*uge\w*|\buge \d+|\b(?:{_MONTHS})\s+\d{{1,2}}\b",
        re.I,
    ),
    _words(r"dato(?:en)?|tidspunkt(?:et)?|date"),
)
# A place: 'i Aalborg', 'på Stadsbiblioteket', 'in Aarhus' — a preposition of place before a proper name.
PLACE = AnswerType(
    "place",
    # 'hvor' opening the question or its last part ('… og hvor'); after a noun it is a relative pronoun
    re.compile(rf"(?:^|\bog )hvor\b{_NOT_PLACE_AFTER_HVOR}|\bwhere\b|\bhvilket sted\b|\bhvilken by\b", re.I),
    re.compile(r"\b(?:i|på|hos|in|at)\s+(?:[A-ZÆØÅ][\wæøå-]+)"),
    _words(r"sted(?:et)?|place|venue|location"),
)
# A person or body: a name ('Salling Fondene', 'Danske Regioner'), or a body word.
WHO = AnswerType(
    "who",
    _words(
        r"hvem|hvilke[nt]? (?:udvalg|parti|partier|organisation\w*|aktør\w*|fond\w*)|who|which (?:committee|party|body)"
    ),
    re.compile(
        r"(?<![.!?]\s)(?<!^)\b[A-ZÆØÅ][\wæøå]+(?:\s+[A-ZÆØÅ][\wæøå]+)+|\b\w*(?:fond(?:en|ene)?|ministeri\w*|"
        r"styrelse[n]?|udvalg(?:et)?|byråd(?:et)?|forvaltning(?:en)?|staten|regionen)\b"
    ),
    _words(r"person(?:en)?|aktør(?:en)?"),
)
# A rank in an index or league table: 'nr. 17', 'en 17. plads'.
RANK = AnswerType(
    "rank",
    _words(
        r"hvilken (?:placering|plads)|hvor (?:placerer|ligger) \w+ sig|what (?:rank|place|position)|rank\w*|placing"
    ),
    re.compile(r"\bnr\.\s*\d+|\b\d+\.\s*plads|\bplads(?:en)?\s+(?:nr\.\s*)?\d+|\bplacer\w* sig som", re.I),
    _words(r"placering(?:en)?|plads(?:en)?|rangering(?:en)?|rank\w*|placing|position"),
    telling=True,
)

ANSWER_TYPES: tuple[AnswerType, ...] = (REASON, MONEY, SHARE, RANK, COUNT, TIME, PLACE, WHO)
# The more specific kinds that an amount question asks for: 'hvor mange procent' wants a share, not any number.
_SUBSUMES = {"share": "count", "money": "count", "rank": "count"}


def asked_types(question_text: str) -> tuple[AnswerType, ...]:
    """The kinds of answer the question asks for, the more specific one where two overlap."""
    asked = [kind for kind in ANSWER_TYPES if kind.asked_by.search(question_text)]
    names = {kind.name for kind in asked}
    return tuple(kind for kind in asked if not any(_SUBSUMES.get(other) == kind.name for other in names))


def shown_count(text: str, asked: Sequence[AnswerType]) -> int:
    """How many of the asked kinds of answer the text holds: a text answering both parts of 'hvornår og hvor'
    is twice the evidence of one giving a date only."""
    return sum(bool(kind.shown_by.search(text)) for kind in asked)


def naming_words_out(terms: Sequence[str], asked: Sequence[AnswerType]) -> tuple[str, ...]:
    """The topic terms less those that only name an asked kind of answer ('årsagen', 'procent', 'placering')."""
    return tuple(term for term in terms if not any(kind.named_by.fullmatch(term) for kind in asked))
