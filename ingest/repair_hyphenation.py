"""Join words hyphenated across a line break; the continuation moves up to the first line.

"beskæftigelses-" + "indsatsen i …" -> "beskæftigelsesindsatsen" / "i …". Which hyphen to keep was
decided from the seeds (corpus/000, 001, 003):
- a suspended hyphen stays where it is: "uddannelses-" + "og karrieremuligheder", "social-, sundheds-" + "og";
- the hyphen stays inside the joined word when the continuation starts with a capital or digit
  ("Lyngby-" + "Taarbæk"); else it goes when the joined word is known ("så-" + "ledes", "Danskunder-" +
  "visningen", "beskæfti-" + "gelsesplanen"); else it stays after an abbreviation ("SOSU-området"), after a prefix of one or two letters
  before a word ("it-kompetencer"; but "fe-" + "rieturisme" is one word), when both halves are words of their own ("ikke-vestlig", "Arne-pensionen"), or between a
  capitalised word inside a sentence and a whole-looking word ("fælles Leder-medarbejdergrundlag"; but
  "Nordeuro-" + "pa" and "Mal-" + "mø" are one word);
- otherwise the hyphen was the typesetter's: it goes after a compound's linking -s ("virksomheds-" + "forløb")
  and when nothing says otherwise.
"""

from __future__ import annotations

import re

from ingest.lexicon import Lexicon
from ingest.worklines import WorkLine

_BROKEN_WORD = re.compile(r"([^\W\d_][\w]*)-$")
_CONTINUATION = re.compile(r"\S+")
_SUSPENDED = re.compile(r"^(?:og|eller|samt|&|,)(?:\W|$)", re.IGNORECASE)
_QUOTES_AND_BRACKETS = "\"'”“„»«’‘([{"


def repair_hyphenation(lines: list[WorkLine], lexicon: Lexicon) -> list[WorkLine]:
    result = list(lines)
    for index in range(len(result) - 1):
        first, second = result[index], result[index + 1]
        broken = _BROKEN_WORD.search(first.text.rstrip())
        continuation = _CONTINUATION.match(second.text)
        if not broken or not continuation or _SUSPENDED.match(second.text):
            continue
        prefix, fragment = broken.group(1), continuation.group(0)
        keep_hyphen = keeps_hyphen(prefix, fragment, _sentence_initial(first.text, broken.start()), lexicon)
        head = first.slice(0, len(first.text.rstrip()) - (0 if keep_hyphen else 1))
        rest = second.slice(continuation.end()).text.lstrip()
        result[index] = head.concat(second.slice(0, continuation.end()))
        result[index + 1] = second.slice(len(second.text) - len(rest))
    return result


def keeps_hyphen(prefix: str, fragment: str, sentence_initial: bool, lexicon: Lexicon) -> bool:
    word = re.match(r"[^\W\d_]+", fragment)
    fragment_word = word.group(0) if word else ""
    if not fragment[0].isalpha() or fragment[0].isupper():
        return True
    if lexicon.knows(prefix + fragment_word):
        return False
    if sum(char.isupper() for char in prefix) >= 2:
        return True
    if len(prefix) <= 2 and lexicon.knows(fragment_word):
        return True
    if prefix.endswith("s") and len(prefix) >= 5:
        return False
    if len(fragment_word) >= 3 and lexicon.knows(prefix) and lexicon.knows(fragment_word):
        return True
    return prefix[0].isupper() and not sentence_initial and len(fragment_word) >= 4


def _sentence_initial(text: str, word_start: int) -> bool:
    before = text[:word_start].rstrip().rstrip(_QUOTES_AND_BRACKETS).rstrip()
    return not before or before.endswith((".", "!", "?", ":"))
