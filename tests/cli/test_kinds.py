"""The CLI's --kind choices name every document kind and every chunk kind the index writes."""

from __future__ import annotations

from cli.main import CHUNK_KINDS, DOCUMENT_KINDS
from index.search.chunks import CHUNK_KINDS as INDEXED_CHUNK_KINDS
from maalspor.model import DocKind


def test_cli_search_kinds_follow_the_index_and_the_model() -> None:
    assert sorted(CHUNK_KINDS) == sorted(INDEXED_CHUNK_KINDS)
    assert set(DOCUMENT_KINDS) == {kind.value for kind in DocKind}
    assert "agenda" in DOCUMENT_KINDS
