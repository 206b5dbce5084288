"""Test doubles shared by several test modules."""

import zlib

import numpy as np

from index.search.lexical import words


def fake_embed(text: str) -> np.ndarray:
    """Hashed bag of words: texts sharing words point the same way; unrelated texts are near orthogonal.
    Enough to exercise the search wiring without loading a model."""
    vector = np.zeros(256, dtype=np.float32)
    for word in words(text):
        vector[zlib.crc32(word.encode()) % 256] += 1.0
    norm = np.linalg.norm(vector)
    return vector / norm if norm else vector
