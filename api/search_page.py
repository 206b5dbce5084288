"""The search results page's logic: hits as rows, facets with counts, highlighted query words, pages, permalinks."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from answer.records import CitationQuoter
from api.labels import DOC_KIND, HIT_KIND, label
from index.store.sqlite import Store
from nlp.decisions import meeting_decision

PAGE_SIZE = 10
# Hits fetched per query; facets count and filter within them.
CANDIDATES = 100
# The facets, in the order shown: the row field and its Danish heading.
FACETS = (
    ("year", "År"),
    ("municipality", "Kommune"),
    ("committee", "Udvalg"),
    ("kind", "Type"),
    ("outcome", "Udfald"),
)
FACET_FIELDS = tuple(name for name, _ in FACETS)
# Query words shorter than this (og, i, for, om) are not highlighted; longer ones match inflected forms by
# their first letters (ledighed ~ ledige, uddannelse ~ uddannelsen).
MIN_HIGHLIGHT = 4
_WORD = re.compile(r"\w+(?:-\w+)*", re.UNICODE)


@dataclass
class SearchView:
    q: str
    filters: dict[str, str]
    page: int
    total: int = 0
    rows: list[dict] = field(default_factory=list)
    facets: list[dict] = field(default_factory=list)
    note: str | None = None

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))

    def url(self, **changes: str | int | None) -> str:
        """The permalink of this view with `changes` (None drops a parameter); any change but paging goes to page 1."""
        params: dict[str, str | int | None] = {"q": self.q, **self.filters}
        params.update(changes)
        if "side" not in changes:
            params.pop("side", None)
        elif changes["side"] == 1:
            params.pop("side")
        return "/soeg?" + urlencode({key: value for key, value in params.items() if value not in (None, "")})


def stem(word: str) -> str:
    lowered = word.casefold()
    return lowered[: max(MIN_HIGHLIGHT, len(lowered) - 2)]


def highlight(text: str, query: str) -> list[dict]:
    """The text cut into segments, `marked` where a word shares its stem with a query word."""
    stems = {stem(word) for word in _WORD.findall(query) if len(word) >= MIN_HIGHLIGHT}
    segments: list[dict] = []
    position = 0
    for match in _WORD.finditer(text):
        if len(match.group()) >= MIN_HIGHLIGHT and any(match.group().casefold().startswith(s) for s in stems):
            segments.append({"text": text[position : match.start()], "marked": False})
            segments.append({"text": match.group(), "marked": True})
            position = match.end()
    segments.append({"text": text[position:], "marked": False})
    return [segment for segment in segments if segment["text"]]


def outcomes_by_item(store: Store) -> dict[tuple[str, str], str]:
    """(document id, item number) -> the meeting's outcome on the item, for the outcome facet."""
    documents = {document.id: document for document in store.documents()}
    outcomes = {}
    for item in store.items(include_embedded=False):
        decision = meeting_decision(item, documents[item.document_id])
        if decision and decision.outcome:
            outcomes[(item.document_id, item.number)] = str(decision.outcome)
    return outcomes


def hit_rows(hits: list, store: Store) -> list[dict]:
    """One row per hit: the facet fields, the text, the quoted citations."""
    quoter = CitationQuoter(store)
    outcomes = outcomes_by_item(store)
    rows = []
    for hit in hits:
        meta = hit.metadata
        rows.append(
            {
                "score": round(hit.score, 4),
                "kind": label(HIT_KIND, hit.kind),
                "document_kind": label(DOC_KIND, meta.get("doc_kind")),
                "year": str(meta["year"]) if meta.get("year") else "",
                "municipality": meta.get("municipality", ""),
                "committee": meta.get("committee", ""),
                "outcome": outcomes.get((meta.get("document_id", ""), str(meta.get("item_number", ""))), ""),
                "date": meta.get("date", ""),
                "heading": meta.get("heading", ""),
                "text": hit.text,
                "citations": quoter.records(hit.citations),
            }
        )
    return rows


def matches(row: dict, filters: dict[str, str], skip: str | None = None) -> bool:
    return all(row[name] == value for name, value in filters.items() if name != skip)


def facet_counts(rows: list[dict], filters: dict[str, str]) -> list[dict]:
    """Per facet, its values with the number of hits each would show (the other facets' filters applied)."""
    facets = []
    for name, heading in FACETS:
        counts = Counter(row[name] for row in rows if row[name] and matches(row, filters, skip=name))
        values = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
        if values:
            facets.append({"name": name, "heading": heading, "values": values, "chosen": filters.get(name)})
    return facets


def search_view(q: str, filters: dict[str, str], page: int, hits: list, store: Store) -> SearchView:
    rows = hit_rows(hits, store)
    selected = [row for row in rows if matches(row, filters)]
    view = SearchView(q=q, filters=filters, page=page, total=len(selected), facets=facet_counts(rows, filters))
    view.rows = selected[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    for row in view.rows:
        row["segments"] = highlight(row["text"], q)
    return view
