"""Join words the extractor split with a space: "still inger" -> "stillinger", "ti l" -> "til".

Two neighbouring tokens are joined only when the joined form is a known Danish word and at least
one part is not a word by itself (or is a lone letter that is no word). So "i gang" and "til job"
stay apart: both parts are words. The joined form must be in the word list as it stands (no inflection
guessing), and a lone letter before ":" or ")" is a label ("Følgemål e:", corpus/002 line 441), not a fragment.
"""

from __future__ import annotations

import re

from ingest.lexicon import Lexicon, is_fragment
from ingest.worklines import WorkLine

_PAIR = re.compile(r"(?<![\w-])([^\W\d_]+) ([^\W\d_]+)(?![\w-]|[:)])")


def repair_split_words(lines: list[WorkLine], lexicon: Lexicon) -> list[WorkLine]:
    return [_join_in_line(line, lexicon) for line in lines]


def _join_in_line(line: WorkLine, lexicon: Lexicon) -> WorkLine:
    position = 0
    while match := _PAIR.search(line.text, position):
        if should_join(match.group(1), match.group(2), lexicon):
            space = match.end(1)
            line = WorkLine(
                line.text[:space] + line.text[space + 1 :], line.origins[:space] + line.origins[space + 1 :], line.home
            )
            position = match.start()
        else:
            position = match.start(2)
    return line


def should_join(left: str, right: str, lexicon: Lexicon) -> bool:
    if not right[0].islower() or left.isupper():  # "fra V om": a party letter, not a fragment of "vom"
        return False
    if not lexicon.knows(left + right, inflected=False):
        return False
    left_is_piece = is_fragment(left) or not lexicon.knows(left)
    right_is_piece = is_fragment(right) or not lexicon.knows(right)
    return left_is_piece or right_is_piece
