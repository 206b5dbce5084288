"""Which document a file is, and what the store calls the file — never decided by the bare file name.

A document is identified by its metadata: a meeting's minutes or agenda by municipality, committee and date; a plan by
municipality and plan year (nlp.classify builds these ids). Files holding the same document are
renditions of it (a PDF and its XML, two conversions, an excerpt); the fullest of them carries the
records, whatever the order they arrive in. A document without identifying metadata gets an id made
unique by its content hash. Two files with the same name in different folders stay two files.
"""

from __future__ import annotations

from pathlib import Path

from index.store.sqlite import Store
from maalspor.model import AgendaItem, DocKind, Document, Goal, ParsedDocument, Section

# Documents of one meeting, identified by its committee and date (nlp.classify keeps agenda and minutes apart).
_MEETING_KINDS = frozenset({DocKind.MINUTES, DocKind.AGENDA})
# Characters of the content hash that make an id unique when the metadata cannot (1 in 4 billion).
_HASH_CHARS = 8


def identified(parsed: ParsedDocument) -> ParsedDocument:
    """`parsed`, its id made content-based when its metadata does not identify a document."""
    if has_identifying_metadata(parsed.document):
        return parsed
    return renamed(parsed, f"{parsed.document.id}-{parsed.document.content_hash[:_HASH_CHARS]}")


def has_identifying_metadata(document: Document) -> bool:
    if not document.municipality:
        return False  # 'ukendt-kommune-beskaeftigelsesplan-2022' would merge plans of different towns
    if document.kind is DocKind.PLAN:
        return document.plan_year is not None
    if document.kind in _MEETING_KINDS:
        return bool(document.committee and document.meeting_date)
    return False


def renamed(parsed: ParsedDocument, new_id: str) -> ParsedDocument:
    """The document and its records under `new_id` (record ids start with the document id)."""
    old_id = parsed.document.id
    parsed.document.id = new_id
    records: list[Section | Goal | AgendaItem] = [*parsed.sections, *parsed.goals, *parsed.items]
    for record in records:
        record.id = new_id + record.id[len(old_id) :] if record.id.startswith(old_id) else record.id
        record.document_id = new_id
    for section in parsed.sections:
        if section.parent_id and section.parent_id.startswith(old_id):
            section.parent_id = new_id + section.parent_id[len(old_id) :]
    for observation in (status for goal in parsed.goals for status in goal.status):
        if observation.document_id == old_id:
            observation.document_id = new_id
    return parsed


def source_name(store: Store, path: Path) -> str:
    """The store's name for the file: the file name, or as many parent folders before it as it takes
    to differ from the stored files read from other paths ('2019/referat.pdf' beside 'referat.pdf').
    A path read before keeps its name; a name stored before origins were kept is taken to be this file."""
    origin = str(path.resolve())
    earlier = store.source_from(origin)
    if earlier is not None:
        return earlier.source_file
    parts = Path(origin).parts
    for depth in range(1, len(parts)):
        candidate = "/".join(parts[-depth:])
        holder = store.source(candidate)
        if holder is None or holder.origin in (None, origin):
            return candidate
    return origin


def carries_more(parsed: ParsedDocument, store: Store, primary: Document) -> bool:
    """Whether the new rendition should carry the document's records instead of the stored primary:
    it holds more records (goals, agenda items, sections), or as many and its name sorts first — so
    the choice does not depend on the order the files arrive in. Text length is not compared: two
    conversions of one file differ in it by layout noise alone."""
    records = len(parsed.goals) + len(parsed.items) + len(parsed.sections)
    stored = len(store.goals(primary.id)) + len(store.items(primary.id)) + len(store.sections(primary.id))
    return records > stored or (records == stored and parsed.clean.source.source_file < primary.source_file)
