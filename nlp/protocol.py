"""Council protocols as older books keep them (forhandlingsprotokoller): spelling and dating lines.

Before the 1948 spelling reform Danish wrote 'aa' for 'å' ('Sogneraadet', 'paa', 'forelaa'); a
text that writes so is read in modern spelling when its metadata is decided. Such a protocol has
no item numbers or labels: each meeting's entry closes with a dating line that names the body and
the day, often after the place ('Elev Sogneraad d. 5/4 1945'), above the members' signatures.
"""

from __future__ import annotations

import re

from nlp.bodies import BODY_PATTERN, normalise_body
from nlp.danish import DATE_PATTERN, parse_danish_date

# Words only the old spelling writes; two of them show a text written before the reform.
_OLD_WORDS = re.compile(r"\b(?:paa|saa|faa|naar|maa|aar|forelaa)\b", re.I)
_OLD_WORDS_NEEDED = 2
# 'aa' inside or at the end of a word; a capital 'Aa' starts a proper name ('Aarhus', 'Aabenraa').
_OLD_AA = re.compile(r"(?<=[a-zæøå])aa|aa(?=[a-zæøå])")
# '[place] body[,] d./den date' alone on a line.
_DATING_LINE = re.compile(
    rf"^[ \t]*(?:[A-ZÆØÅ][\w\-]*[ \t]+){{0,2}}(?P<body>{BODY_PATTERN}),?[ \t]+(?:d\.|den)[ \t]*"
    rf"(?P<date>{DATE_PATTERN})[ \t]*$",
    re.M,
)


def modern_spelling(text: str) -> str:
    """The text with 'aa' as 'å' where it is written in the old spelling; other texts unchanged."""
    if len(_OLD_WORDS.findall(text)) < _OLD_WORDS_NEEDED:
        return text
    return _OLD_AA.sub("å", text)


def dating_lines(text: str) -> list[tuple[str, str]]:
    """(body, ISO date) of every dating line: 'Elev Sogneråd d. 5/4 1945' -> ('Sognerådet', '1945-04-05')."""
    found = []
    for match in _DATING_LINE.finditer(text):
        date = parse_danish_date(match.group("date"))
        if date:
            found.append((normalise_body(match.group("body")), date))
    return found
