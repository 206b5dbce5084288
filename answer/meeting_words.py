"""The words of a meeting question that name the meeting's machinery, not the agenda item it is about.

Staff ask about an item in the vocabulary of the process around it: the case and its outcome ('sagen',
'udfaldet', 'konklusionen', 'forslaget', 'indstillingen'), who took part ('medlemmerne', 'politikerne'),
what came with it ('materialet', 'dokumenterne', 'vedhæftet', 'vedlagt') and what the body did ('tog
stilling', 'mente', 'endte', 'sagde'). None of these picks an item: every item is a case with an outcome
and papers. They are listed here in their Danish inflections (indefinite, definite, plural, genitive) and
in English, and taken out of the topic before the items are matched (answer/material.py), unless nothing
else is left. A table, not code: a new wording is a new row.
"""

from __future__ import annotations

import re

# Stem -> the endings its inflected forms take (Danish noun: -en/-et, plural -er/-e, definite plural -ne/-erne;
# verbs: past tense and participle). '' is the bare stem.
_NOUN_ENDINGS = ("", "en", "et", "er", "erne", "e", "ene", "s", "ens", "ets")
MEETING_PROCESS_STEMS: dict[str, tuple[str, ...]] = {
    # the case and its handling
    "sag": _NOUN_ENDINGS,
    "udfald": _NOUN_ENDINGS,
    "konklusion": _NOUN_ENDINGS,
    "forslag": _NOUN_ENDINGS,
    "indstilling": _NOUN_ENDINGS,
    "behandling": _NOUN_ENDINGS,
    "afgørelse": ("", "n", "r", "rne"),
    "stillingtagen": ("",),
    "resultat": ("", "et", "er", "erne"),
    "referat": _NOUN_ENDINGS,
    # the course of a case through the meetings ('i hvilken rækkefølge', 'hvor mange gange', 'forløbet')
    "rækkefølge": ("", "n"),
    "forløb": ("", "et"),
    "gang": ("", "e", "en"),
    # the meeting and the body in general ('udvalgets', 'udvalgsmødet', 'byrådsmødet', 'juni-mødet', 'møderne')
    "udvalg": ("", "et", "ets", "s", "ene", "enes"),
    "møde": ("", "t", "r", "rne", "ts"),
    # who took part, and how
    "medlem": ("", "met", "mer", "merne", "s"),
    "parti": ("", "et", "er", "erne"),
    "deltag": ("e", "er", "et", "else", "elsen", "ere", "erne"),
    "deltog": ("",),
    "stede": ("",),
    "manglede": ("",),
    "mødte": ("",),
    "stemmefordeling": ("", "en"),
    "afstemning": ("", "en"),
    "udvalgsmedlem": ("", "met", "mer", "merne"),
    "byrådsmedlem": ("", "met", "mer", "merne"),
    "politiker": ("", "en", "ne", "e"),
    "lokalpolitiker": ("", "en", "ne", "e"),
    "politisk": ("", "e"),  # 'de politiske udvalg', 'politisk behandling'
    # what came with the item
    "materiale": ("", "t", "r", "rne"),
    "bilagsmateriale": ("", "t"),
    "dokument": ("", "et", "er", "erne"),
    "papir": ("", "et", "er", "erne"),
    "vedhæft": ("et", "ede", "es"),
    "vedlag": ("t", "te", "des"),
    "medsend": ("t", "te"),
    # what the body did or said: the verbs of a decision ('godkendelse' stays: 'Godkendelse af dagsorden' is a title)
    "anbefal": ("e", "ede", "er", "et", "ing", "ingen"),
    "tiltræd": ("e", "er", "te", "t"),
    "vedtag": ("e", "er", "es"),
    "vedtog": ("",),
    "godkend": ("e", "er", "es", "te"),
    "oversend": ("e", "er", "t", "te"),
    "tog": ("",),
    "stilling": ("",),
    "mente": ("",),
    "sagde": ("",),
    "endte": ("",),
    "hørte": ("",),
    "fulgte": ("",),
    "indeholdt": ("",),
    "handlede": ("",),
    "gjorde": ("",),
    "landede": ("",),
    "stemte": ("",),
    # a case put off or taken up again ('udsat', 'udsættelse', 'udskudt', 'genoptaget', 'sendt tilbage')
    "udsat": ("", "te"),
    "udsæt": ("te", "telse", "telsen", "tes"),
    "udskud": ("t", "te"),
    "genoptag": ("e", "et", "es", "else"),
    "tilbagesend": ("t", "te", "else"),
    # English
    "case": ("", "s"),
    "outcome": ("", "s"),
    "proposal": ("", "s"),
    "member": ("", "s"),
    "order": ("",),
    "times": ("",),
    "meeting": ("", "s"),
    "city": ("",),
    "vote": ("", "d", "s"),
    "attend": ("", "ed", "ance"),
    "present": ("",),
    "missing": ("",),
    "politician": ("", "s"),
    "document": ("", "s"),
    "paper": ("", "s"),
    "material": ("", "s"),
    "attached": ("",),
    "enclosed": ("",),
    "say": ("", "s"),
    "said": ("",),
    "end": ("", "ed"),
    "postpone": ("", "d", "ment"),
    "defer": ("", "red", "ral"),
    "adjourn": ("", "ed", "ment"),
}

# A meeting named by a compound: 'udvalgsmødet', 'byrådsmødet', 'BEU-mødet', 'decembermødet'.
_MEETING_COMPOUND = r"[a-zæøå0-9-]+mød(?:e|et|er|erne)"
_MEETING_PROCESS_WORD = re.compile(
    "|".join(
        [_MEETING_COMPOUND]
        + [
            f"{re.escape(stem)}(?:{'|'.join(sorted(endings, key=len, reverse=True))})"
            for stem, endings in MEETING_PROCESS_STEMS.items()
        ]
    )
)


def is_meeting_process_word(term: str) -> bool:
    """Whether a topic term only names the meeting process ('sagen', 'udfaldet', 'medlemmerne')."""
    return _MEETING_PROCESS_WORD.fullmatch(term) is not None


def item_topic(terms: tuple[str, ...]) -> tuple[str, ...]:
    """The terms that can pick an agenda item: the meeting-process words out, unless they are all there is."""
    kept = tuple(term for term in terms if not is_meeting_process_word(term))
    return kept or terms


# English names of the kinds of Danish bodies -> the Danish body word (matched with nlp.bodies.same_body, so
# 'the city council' names 'Aarhus Byråd' and 'Byrådet'). 'committee' alone names no particular body.
ENGLISH_BODY_NAMES: dict[str, str] = {
    "city council": "byrådet",
    "town council": "byrådet",
    "municipal council": "kommunalbestyrelsen",
    "council": "byrådet",
    "regional council": "regionsrådet",
    "finance committee": "økonomiudvalget",
    "economic committee": "økonomiudvalget",
    "economy committee": "økonomiudvalget",
    "executive committee": "økonomiudvalget",
    "magistrate": "magistraten",
}
