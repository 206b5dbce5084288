"""Danish word knowledge for the word-repair steps.

The word list is spaCy's Danish lemma lookup table (spacy-lookups-data, shipped inside the
installed package; nothing is downloaded): its keys are inflected Danish word forms, its values
their lemmas. The words of the document itself are added, so a document's own vocabulary
("Danskundervisning") counts as evidence too.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from importlib import resources

# One-letter tokens that are real Danish words; any other lone letter is an extraction fragment.
ONE_LETTER_WORDS = frozenset({"i", "å", "ø"})
# Inflection endings stripped when looking a word up, so "danskundervisningen" is known from "danskundervisning".
_ENDINGS = ("erne", "ene", "ens", "ets", "en", "et", "er", "ne", "e", "s")
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def danish_words() -> frozenset[str]:
    path = resources.files("spacy_lookups_data") / "data" / "da_lemma_lookup.json.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as handle:
        table: dict[str, str] = json.load(handle)
    return frozenset(word.lower() for pair in table.items() for word in pair)


class Lexicon:
    def __init__(self, extra_words: frozenset[str] = frozenset()) -> None:
        self._words = danish_words()
        self._extra = extra_words

    @classmethod
    def for_text(cls, lines: list[str], min_length: int = 6) -> Lexicon:
        """A lexicon that also knows the longer words written whole in `lines`.

        A line's first and last word are left out: they may be halves of a word broken across lines.
        """
        words = {word.lower() for line in lines for word in _WORD.findall(line)[1:-1] if len(word) >= min_length}
        return cls(frozenset(words))

    def knows(self, word: str, inflected: bool = True) -> bool:
        """Is `word` a known form; with `inflected`, also a known word plus a common ending."""
        lowered = word.lower()
        if self._known_form(lowered):
            return True
        return inflected and any(
            lowered.endswith(ending) and len(lowered) - len(ending) >= 6 and self._known_form(lowered[: -len(ending)])
            for ending in _ENDINGS
        )

    def _known_form(self, lowered: str) -> bool:
        return lowered in self._words or lowered in self._extra


def is_fragment(token: str) -> bool:
    """A lone letter that is no Danish word: a piece of a word the extractor split off."""
    return len(token) == 1 and token.isalpha() and token.lower() not in ONE_LETTER_WORDS
