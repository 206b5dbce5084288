"""Danish public bodies (committees, councils, boards) by name: the one place that knows their forms.

A body is named in a few conventional shapes across all municipalities and regions:
- a compound ending in a body word: 'Økonomiudvalget', 'Byrådet', 'Kommunalbestyrelsen',
  'Regionsrådet', 'Forretningsudvalget', 'Styregruppen', 'Magistraten', 'Sognerådet';
- a hyphenated list of such compounds: 'Sundheds- og Forebyggelsesudvalget',
  'Social-, Sundheds- og Ældreudvalget';
- 'Udvalget for <area>' / 'Udvalget vedrørende <area>';
- a § 17, stk. 4-udvalg (a temporary committee under the Danish Local Government Act);
- a council named by its town, indefinite: 'Aarhus Byråd', 'Københavns Borgerrepræsentation' (the
  town is kept: another municipality's council is another body);
each optionally followed by its abbreviation in parentheses '(UTM)' or by an election term
('Byråd 2022-2025'), and written in the genitive ('Byrådets beslutning') or in capitals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Last parts of a compound that names a body, in their stem (indefinite) form -> the definite ending.
_BODY_STEMS = {
    "udvalg": "et",
    "råd": "et",
    "raad": "et",  # the spelling before 1948 ('Sogneraadet')
    "bestyrelse": "n",
    "repræsentation": "en",
    "magistrat": "en",
}
# '…gruppe' names a body only as a working group; most groups in the documents are target
# groups of citizens ('målgruppen', 'aldersgruppen'), so the working-group kinds are listed.
_GROUP_PREFIXES = ("styre", "arbejds", "følge", "projekt", "koordinations", "reference", "dialog", "kontakt", "task")
# Words that end in 'råd' without naming a council.
_NOT_COUNCILS = ("tråd", "gråd", "forråd", "traad", "graad")

_LOWER = "a-zæøåéü"
_UPPER = "A-ZÆØÅÉÜ"
_STEM = "|".join(_BODY_STEMS)
_GROUP = "|".join(_GROUP_PREFIXES)
_GROUP_CAPITALISED = "|".join(prefix.capitalize() for prefix in _GROUP_PREFIXES)
# The inflection after a stem: definite, genitive, both, or none.
_INFLECTION = r"(?:et|en|n)?s?"
# One compound word ending in a body word: 'Økonomiudvalget', 'MED-udvalget', 'Byråd'.
# An acronym before an acronym compound names whose committee it is: 'KMB IT-udvalget' (Ballerup).
_ACRONYM_OWNER = rf"(?:[{_UPPER}]{{2,5}}\s+(?=[{_UPPER}]{{2,}}-))?"
_BODY_WORD = (
    rf"{_ACRONYM_OWNER}(?:[{_UPPER}][{_LOWER}{_UPPER}\-]*?(?:{_STEM})|(?:{_GROUP_CAPITALISED}|[{_UPPER}][{_LOWER}\-]*(?:{_GROUP}))gruppe|"
    rf"Magistrat|Borgerrepræsentation|Kommunalbestyrelse){_INFLECTION}"
)
# The same word when it closes a hyphenated list, where it may be lower case ('Teknik- og miljøudvalget').
_LIST_LAST = rf"[{_UPPER}{_LOWER}][{_LOWER}\-]*?(?:{_STEM}|gruppe){_INFLECTION}"
# 'Sundheds- og ', 'Social-, Sundheds- og ', 'Klima-, Miljø- og '
_LIST_HEAD = rf"(?:[{_UPPER}][{_LOWER}]*-,?\s+)+(?:og|samt)\s+"
# Words that end an 'Udvalget for …' name: the header's date, a verb, a preposition.
_AREA_STOP = r"(?:den|d|dato|som|der|har|havde|blev|er|var|skal|kan|vil|at|i|på|til|fra|med|mødet|beslutning)"
_AREA_WORD = rf"(?!{_AREA_STOP}\b)[{_UPPER}{_LOWER}][{_LOWER}{_UPPER}\-]*"
_FOR_AREA = (
    rf"Udvalget(?:s)?\s+(?:for|vedrørende|vedr\.|om)\s+{_AREA_WORD}(?:,?\s+(?:og\s+|samt\s+)?{_AREA_WORD}){{0,5}}"
)
# '§ 17, stk. 4-udvalget', '§17 stk. 4 udvalg om …'
_PARAGRAPH_17 = rf"§\s*17,?\s*stk\.\s*4[\s\-]*udvalg{_INFLECTION}(?:\s+(?:for|om|vedrørende)\s+{_AREA_WORD}(?:\s+(?:og\s+)?{_AREA_WORD}){{0,4}})?"
_ABBREVIATION = rf"(?:\s*\((?P<abbreviation>[{_UPPER}][{_UPPER}{_LOWER}\-]{{1,7}})\))?"
_TERM = r"(?:\s+(?:19|20)\d{2}\s*[-–]\s*(?:19|20)?\d{2,4})?"

# An adjective before a capitalised 'Udvalg': 'Teknisk Udvalg', 'Socialt Udvalg' (the name, not inflected).
_ADJECTIVE_COMMITTEE = rf"[{_UPPER}][{_LOWER}]+(?:isk|sk|lt)\s+Udvalg(?![{_LOWER}])"
# An area of two nouns before '-udvalget': 'Børn og Unge-udvalget', 'Kultur og Fritid-udvalget'.
_AREA_COMMITTEE = rf"[{_UPPER}][{_LOWER}]+\s+og\s+[{_UPPER}][{_LOWER}]+-udvalg{_INFLECTION}"
# A body named with article and adjective, not inflected: 'Det Regionale Arbejdsmarkedsråd'.
_ARTICLE_BODY = rf"De[tn]\s+[{_UPPER}][{_LOWER}]+e\s+[{_UPPER}][{_LOWER}\-]*(?:{_STEM})(?![{_LOWER}])"
# A council named by its town, the council word indefinite: 'Aarhus Byråd', 'Greve Byråds',
# 'Københavns Borgerrepræsentation'. Prose writes the definite form after a capitalised sentence
# opener ('Således Byrådet'); title words before a bare council word are not towns ('Referat Byråd').
_NOT_TOWNS = r"(?:Referat|Dagsorden|Beslutning|Protokol|Møde|Mødet|Det|Den|Et|En)"
_TOWN_COUNCIL_WORD = r"(?:Byråd|Kommunalbestyrelse|Borgerrepræsentation|Regionsråd)"
_TOWN_COUNCIL = (
    rf"(?!{_NOT_TOWNS}\s)[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?s?\s+{_TOWN_COUNCIL_WORD}s?(?![{_LOWER}])"
)
# A body name, for use inside other patterns (no named groups).
BODY_PATTERN = rf"(?:{_PARAGRAPH_17}|{_FOR_AREA}|{_ARTICLE_BODY}|{_TOWN_COUNCIL}|{_ADJECTIVE_COMMITTEE}|{_AREA_COMMITTEE}|{_LIST_HEAD}{_LIST_LAST}|{_BODY_WORD})"
_BODY = re.compile(rf"(?<![{_LOWER}{_UPPER}\-])(?P<name>{BODY_PATTERN}){_TERM}{_ABBREVIATION}(?![{_LOWER}{_UPPER}])")
# Words kept in lower case when a name written in capitals is recased.
_SMALL_WORDS = {"og", "for", "samt", "vedrørende", "vedr.", "om", "stk.", "den"}


@dataclass(frozen=True)
class BodyMention:
    """A body named in a text: its normalised name, abbreviation and where it stands."""

    name: str
    abbreviation: str | None
    start: int
    end: int


def _recase(text: str) -> str:
    """'BESKÆFTIGELSES- OG ERHVERVSUDVALGETS BESLUTNING' -> 'Beskæftigelses- og Erhvervsudvalgets Beslutning'
    (same length, so match positions carry over to the original)."""
    words = re.split(r"(\s+)", text.lower())
    return "".join(word if word in _SMALL_WORDS or word.isspace() else word[:1].upper() + word[1:] for word in words)


def _is_shouted(text: str) -> bool:
    """More than three letters, all capitals; asked of every line, so it stops at the first small letter."""
    letters = 0
    for char in text:
        if char.isalpha():
            if not char.isupper():
                return False
            letters += 1
    return letters > 3


def readable_case(text: str) -> str:
    """`text` recased when written all in capitals (same length, positions carry over), else as it is."""
    return _recase(text) if _is_shouted(text) else text


def _is_false_friend(name: str) -> bool:
    last = name.split()[-1].lower().rstrip("s")
    return any(last.startswith(word) for word in _NOT_COUNCILS)


def find_bodies(text: str) -> list[BodyMention]:
    """Every body named in `text`, in order."""
    found = []
    for match in _BODY.finditer(readable_case(text)):
        if _is_false_friend(match.group("name")):
            continue
        found.append(BodyMention(normalise_body(match.group("name")), match.group("abbreviation"), *match.span()))
    return found


def find_body(text: str) -> BodyMention | None:
    """The first body named in `text`."""
    bodies = find_bodies(text)
    return bodies[0] if bodies else None


def is_body_name(text: str) -> bool:
    """Whether `text` is, as a whole, the name of a body ('Økonomiudvalget', 'Byråd 2022-2025')."""
    stripped = " ".join(text.split()).strip(" .,:")
    return bool(stripped) and bool(_BODY.fullmatch(readable_case(stripped))) and not _is_false_friend(stripped)


def _definite(word: str) -> str:
    """'Økonomiudvalgets' -> 'Økonomiudvalget', 'Byråd' -> 'Byrådet', 'Styregruppe' -> 'Styregruppen'."""
    stems = {**_BODY_STEMS, "gruppe": "n"}
    for stem, ending in stems.items():
        match = re.fullmatch(rf"(?P<base>.*{stem})(?:{ending})?s?", word, re.I)
        if match:
            return match.group("base") + ending
    return word


def normalise_body(name: str) -> str:
    """The conventional form of a body's name: definite, not genitive, without term years or
    abbreviation, recased when written in capitals: 'BYRÅDETS' / 'Byråd 2022-2025' -> 'Byrådet'."""
    text = " ".join(name.split()).strip(" .,:")
    text = re.sub(r"\s*\([^)]*\)$", "", text)
    text = re.sub(_TERM + "$", "", text)
    if _is_shouted(text):
        text = _recase(text)
    text = re.sub(r"-\s*,\s*", "-, ", text)
    text = re.sub(r"-(og|samt)\s", r"- \1 ", text)
    if re.match(r"Udvalget|§|De[tn] ", text) or re.fullmatch(_ADJECTIVE_COMMITTEE, text):
        return text
    if re.fullmatch(_TOWN_COUNCIL, text):
        return re.sub(r"s$", "", text)  # 'Aarhus Byråds' -> 'Aarhus Byråd', the council's own name
    words = text.split(" ")
    words[-1] = _definite(words[-1])
    return " ".join(words)


def same_body(first: str | None, second: str | None) -> bool:
    """Whether two names denote the same body: 'Aarhus Byråd' and 'Byrådet' do (a text that names its
    own council leaves the town out), 'Aarhus Byråd' and 'Odense Byråd' do not."""
    if not first or not second:
        return False
    left, right = (_body_name(name).lower() for name in (first, second))
    if left == right:
        return True
    towns = [_town(name) for name in (left, right)]
    return None in towns and _without_town(left) == _without_town(right)


def _body_name(text: str) -> str:
    mention = find_body(text)
    return mention.name if mention else normalise_body(text)


def _town(name: str) -> str | None:
    return name.split()[0] if re.fullmatch(_TOWN_COUNCIL, name, re.I) else None


def _without_town(name: str) -> str:
    """'aarhus byråd' -> 'byrådet': the council's bare name, as the town's own texts write it."""
    return _definite(name.split()[-1]).lower() if _town(name) else name
