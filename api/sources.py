"""Citations as people name their sources: "BIU 11.06.2019, punkt 4", "Beskæftigelsesplan 2022, s. 7, l. 12–15".

One naming function (`citation_label`) serves the web page, the dossier exports and the feed; `SourceNamer`
adds the links: the source view at the cited lines and the original file (with `#page=N` for PDFs).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from index.store.sqlite import Store
from maalspor.model import AgendaItem, DocKind, Document

# Danish committees are abbreviated by the initials of their name's words, the compound's last part
# (udvalg) counting as a word of its own: Beskæftigelses- og Integrationsudvalget -> BIU, Økonomiudvalget
# -> ØU. Councils (Byrådet, Kommunalbestyrelsen, Aarhus Byråd) are named in full.
COMMITTEE_HEADS = ("udvalget", "udvalg")
# Words a name's initials leave out.
LINKING_WORDS = frozenset({"og", "for", "i", "med", "samt", "til", "&"})
_WORD = re.compile(r"[^\s/]+")


def committee_abbreviation(name: str) -> str:
    """The initials Danish minutes use for a committee; any other body keeps its name."""
    words = [word.strip("-,.()") for word in _WORD.findall(name)]
    words = [word for word in words if word and word.casefold() not in LINKING_WORDS]
    if not words or not words[-1].casefold().endswith(COMMITTEE_HEADS):
        return name
    return "".join(_initials(word) for word in words)


def _initials(word: str) -> str:
    lowered = word.casefold()
    head = next((head for head in COMMITTEE_HEADS if lowered.endswith(head)), None)
    if head is None:
        return word[:1].upper()
    stem = word[: len(word) - len(head)]
    return (stem[:1].upper() if stem else "") + "U"


def danish_short_date(iso: str) -> str:
    """2019-06-11 -> 11.06.2019 (the dates of Danish minutes); anything else as given."""
    parts = iso.split("-")
    return ".".join(reversed(parts)) if len(parts) == 3 else iso


def document_name(document: Document) -> str:
    """A plan by its title, a meeting by committee initials and date; else the title or file name."""
    if document.kind == DocKind.MINUTES and document.committee and document.meeting_date:
        return f"{committee_abbreviation(document.committee)} {danish_short_date(document.meeting_date)}"
    return document.title or document.source_file


def line_span(start: int, end: int) -> str:
    return f"l. {start}" if end <= start else f"l. {start}–{end}"


def citation_label(document: Document | None, citation: dict, item_number: str | None = None) -> str:
    """The one way a citation is named: meeting and item where there is one, else document, page and lines."""
    if document is None:
        return f"{citation['source_file']}, {line_span(citation['line_start'], citation['line_end'])}"
    if item_number:
        return f"{document_name(document)}, punkt {item_number}"
    page = f"s. {citation['page']}, " if citation.get("page") else ""
    return f"{document_name(document)}, {page}{line_span(citation['line_start'], citation['line_end'])}"


def full_name(document: Document | None) -> str:
    """The unabbreviated source for a tooltip: committee or title, date, municipality."""
    if document is None:
        return ""
    parts = [document.committee or document.title, document.meeting_date, document.municipality]
    return ", ".join(part for part in parts if part)


@dataclass(frozen=True)
class SourceRef:
    label: str
    full_name: str
    view_url: str
    file_url: str | None
    quote: str | None


class SourceNamer:
    """Names and links the citations of one request; documents and items are read once."""

    def __init__(self, store: Store, original_url: Callable[[str], str | None]):
        self._store = store
        self._documents = {document.id: document for document in store.documents()}
        self._items: dict[str, list[AgendaItem]] = {}
        self._original_url = original_url

    def document(self, document_id: str | None) -> Document | None:
        return self._documents.get(document_id or "")

    def item_number(self, document: Document, citation: dict) -> str | None:
        """The agenda item of a meeting whose cited lines hold the citation's first line; None outside every
        item (the meeting's header, attachments printed after the items)."""
        if document.kind != DocKind.MINUTES:
            return None
        if document.id not in self._items:
            self._items[document.id] = self._store.items(document.id, include_embedded=False)
        cited = (citation.get("page") or 0, citation["line_start"])
        holding = [item for item in self._items[document.id] if item.citations and _holds(item, cited)]
        return holding[-1].number if holding else None

    def __call__(self, citation: dict) -> SourceRef:
        document = self.document(citation.get("document_id"))
        number = self.item_number(document, citation) if document else None
        original = self._original_url(citation["source_file"])
        page = citation.get("page")
        return SourceRef(
            label=citation_label(document, citation, number),
            full_name=full_name(document),
            view_url=source_view_url(citation),
            file_url=f"{original}#page={page}" if original and page else original,
            quote=citation.get("quote"),
        )


def _holds(item: AgendaItem, position: tuple[int, int]) -> bool:
    """Whether (page, line) lies between the first and the last line the item and its decisions cite (an item's
    own citations may name its heading only, its decision pages later)."""
    citations = [*item.citations, *(c for decision in item.decisions for c in decision.citations)]
    starts = [(c.page or 0, c.line_start) for c in citations]
    ends = [(c.page or 0, c.line_end) for c in citations]
    return min(starts) <= position <= max(ends)


def source_view_url(citation: dict) -> str:
    """The source view of the citation's document, scrolled to and highlighting the cited lines."""
    query = {"line": citation["line_start"], "end": citation["line_end"]}
    if citation.get("page"):
        query["page"] = citation["page"]
    document_id = quote(citation.get("document_id") or "", safe="")
    return f"/documents/{document_id}/source?{urlencode(query)}#l{citation['line_start']}"
