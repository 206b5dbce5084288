"""Judging search hits against expected source spans: the dev-question set's measure of search quality.

Used by the real-model search test (tests/index/test_search.py) and bench/bench_search.py; the product
never judges its own hits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from index.search.hybrid import Hit


@dataclass(frozen=True)
class ExpectedSpan:
    document_id: str
    source_file: str
    line_start: int
    line_end: int


def answers(hit: Hit, expected: Sequence[ExpectedSpan]) -> bool:
    """A hit answers when it is in an expected document and cites lines overlapping the expected span."""
    return any(
        hit.metadata.get("document_id") == span.document_id
        and citation.source_file == span.source_file
        and citation.line_start <= span.line_end
        and span.line_start <= citation.line_end
        for span in expected
        for citation in hit.citations
    )


def answer_rank(hits: Sequence[Hit], expected: Sequence[ExpectedSpan]) -> int | None:
    """1-based rank of the first answering hit, None when no hit answers."""
    return next((rank for rank, hit in enumerate(hits, 1) if answers(hit, expected)), None)
