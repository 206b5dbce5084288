"""A small, cached Danish spaCy pipeline: tokenizer, sentencizer and lookup lemmatizer.

Built from spacy.blank("da") and the tables in spacy-lookups-data, so it needs no model download.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language


@lru_cache(maxsize=1)
def pipeline() -> Language:
    nlp = spacy.blank("da")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


def lemmas(text: str) -> list[str]:
    """Lower-cased lemmas of the word tokens ('Flere flygtninge' -> ['flere', 'flygtning'])."""
    # The lookup table is keyed on lower-case forms; sentence-initial capitals would miss it.
    return [token.lemma_.lower() for token in pipeline()(text.lower()) if not token.is_punct and not token.is_space]


def sentences(text: str) -> list[str]:
    return [sentence.text.strip() for sentence in pipeline()(text).sents if sentence.text.strip()]
