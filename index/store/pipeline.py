"""Ingest files into the store: read -> normalise -> parse -> save, one document per transaction.

A file that fails is reported in one line and the batch goes on; nothing of it is stored.
An unchanged file (same content hash) is skipped. A second rendition of a document already stored
(e.g. another PDF-to-text conversion of the same plan) is recorded as a rendition, not a new document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from index.lineage.links import OVERRIDES_FILE_NAME, link_goals, load_overrides
from index.lineage.plan_links import link_plans_to_minutes
from index.lineage.threads import build_threads
from index.store.sqlite import Store
from ingest.normalize import normalize
from ingest.readers import SUPPORTED_SUFFIXES, read_source
from maalspor.config import load_settings
from maalspor.model import AgendaItem, Goal, IngestError, ParsedDocument, Section
from nlp.parse import parse

# Two renditions of one document share at least this fraction of their word 5-grams. Measured on the
# raw seeds: the two conversions of Beskæftigelsesplan 2022 share 0.95; the 2022 and 2023 plans 0.44.
RENDITION_SIMILARITY = 0.75


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)  # "file -> document id"
    renditions: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "file: reason"

    def summary(self) -> str:
        return (
            f"{len(self.ingested)} ingested, {len(self.renditions)} renditions, "
            f"{len(self.skipped)} unchanged, {len(self.failed)} failed"
        )


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, plus the supported files inside named directories (sorted, not recursive).

    The link override file lives beside the corpus but is no document."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(
                    p
                    for p in path.iterdir()
                    if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and p.name != OVERRIDES_FILE_NAME
                )
            )
        else:
            files.append(path)
    return files


def ingest_paths(
    paths: Iterable[Path],
    store: Store,
    progress: Callable[[Iterable], Iterable] = iter,
    overrides_path: Path | None = None,
) -> IngestReport:
    """Ingest the files, then re-link all goals of the store (links depend on every plan year).

    overrides_path defaults to the MAALSPOR_LINK_OVERRIDES setting."""
    report = IngestReport()
    for path in progress(expand_paths(paths)):
        try:
            outcome = ingest_file(path, store)
        except IngestError as err:
            report.failed.append(str(err))
            continue
        except Exception as err:  # a parser bug must not stop the batch nor leave half a document
            report.failed.append(f"{path.name}: internal error while parsing ({type(err).__name__}: {err})")
            continue
        getattr(report, outcome[0]).append(outcome[1])
    relink(store, overrides_path or load_settings().link_overrides)
    return report


def relink(store: Store, overrides_path: Path) -> None:
    """Recompute every goal link (lexical evidence; cheap at plan scale) honouring the human overrides,
    then the threads and plan links that follow from them; all three are stored in one transaction."""
    documents, goals = store.documents(), store.goals()
    municipality_of = {document.id: document.municipality for document in documents}
    links = link_goals(goals, load_overrides(overrides_path), municipality_of=municipality_of)
    threads = build_threads(goals, links)
    plan_links = link_plans_to_minutes(goals, store.items(), documents)
    store.replace_lineage(links, threads, plan_links)


def ingest_file(path: Path, store: Store) -> tuple[str, str]:
    """Ingest one file; returns (report field, line for the report)."""
    if not path.exists():
        raise IngestError(f"{path.name}: no such file")
    source = read_source(path)
    if store.source_hash(source.source_file) == source.content_hash:
        return "skipped", source.source_file
    parsed = parse(normalize(source))
    primary = store.document(parsed.document.id)
    if primary is not None and primary.source_file != source.source_file:
        primary_text = store.clean_text(primary.source_file) or ""
        if shingle_similarity(primary_text, parsed.clean.text) >= RENDITION_SIMILARITY:
            store.save_rendition(parsed, primary)
            return "renditions", f"{source.source_file} -> rendition of {primary.id} ({primary.source_file})"
        parsed = _with_distinct_id(parsed, store)
    if store.source_document_id(source.source_file) not in (None, parsed.document.id):
        store.remove_source(source.source_file)  # the changed file now parses to another document
    store.save_parsed(parsed)
    return "ingested", f"{source.source_file} -> {parsed.document.id}"


def _with_distinct_id(parsed: ParsedDocument, store: Store) -> ParsedDocument:
    """Two different documents derived the same id (e.g. two plans of one year): suffix the second."""
    # Not nlp.danish.slugify: that folds æ/ø/å to ae/oe/aa first, which would change stored ids.
    stem = re.sub(r"[^a-z0-9]+", "-", Path(parsed.clean.source.source_file).stem.lower()).strip("-")
    new_id = f"{parsed.document.id}-{stem}"
    old_id = parsed.document.id
    parsed.document.id = new_id
    records: list[Section | Goal | AgendaItem] = [*parsed.sections, *parsed.goals, *parsed.items]
    for record in records:
        record.id = new_id + record.id[len(old_id) :] if record.id.startswith(old_id) else record.id
        record.document_id = new_id
    return parsed


def shingle_similarity(text_a: str, text_b: str, size: int = 5) -> float:
    """Jaccard similarity of word 5-gram sets: robust to line breaks and layout differences."""
    shingles_a, shingles_b = _shingles(text_a, size), _shingles(text_b, size)
    if not shingles_a or not shingles_b:
        return 0.0
    return len(shingles_a & shingles_b) / len(shingles_a | shingles_b)


def _shingles(text: str, size: int) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}
