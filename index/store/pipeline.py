"""Ingest files into the store: read -> normalise -> parse -> save, one document per transaction.

A file that fails is reported in one line and the batch goes on; nothing of it is stored. Bytes
already stored (the same file unchanged, or a copy elsewhere) are skipped. A second rendition of a
document already stored is recorded as a rendition, not a new document; which rendition carries the
records does not depend on the order (index.store.identity). The whole batch holds the writer lock,
so concurrent ingests of one data dir give the store one ingest would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from index.lineage.links import OVERRIDES_FILE_NAME, link_goals, load_overrides
from index.lineage.plan_links import link_plans_to_minutes
from index.lineage.threads import build_threads
from index.store.identity import carries_more, identified, source_name
from index.store.originals import keep_original
from index.store.report import FileOutcome, FileReport, IngestReport, found
from index.store.sqlite import Store
from ingest.normalize import normalize
from ingest.readers import SUPPORTED_SUFFIXES, read_source
from ingest.source_files import check_page_count, content_hash, read_bytes
from maalspor.config import load_settings
from maalspor.model import IngestError, ParsedDocument
from nlp.parse import parse


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
    with store.writing():
        for path in progress(expand_paths(paths)):
            report.files.append(_ingest_reporting_failure(path, store))
        relink(store, overrides_path or load_settings().link_overrides)
    return report


def _ingest_reporting_failure(path: Path, store: Store) -> FileReport:
    try:
        return ingest_file(path, store)
    except IngestError as err:
        return FileReport(path=str(path), outcome=FileOutcome.FAILED, message=str(err))
    except Exception as err:  # a parser bug must not stop the batch nor leave half a document
        message = f"{path.name}: internal error while parsing ({type(err).__name__}: {err})"
        return FileReport(path=str(path), outcome=FileOutcome.FAILED, message=message)


def relink(store: Store, overrides_path: Path) -> None:
    """Recompute every goal link (lexical evidence; cheap at plan scale) honouring the human overrides,
    then the threads and plan links that follow from them; all three are stored in one transaction."""
    documents, goals = store.documents(), store.goals()
    municipality_of = {document.id: document.municipality for document in documents}
    links = link_goals(goals, load_overrides(overrides_path), municipality_of=municipality_of)
    threads = build_threads(goals, links)
    plan_links = link_plans_to_minutes(goals, store.items(), documents)
    store.replace_lineage(links, threads, plan_links)


def ingest_file(path: Path, store: Store) -> FileReport:
    """Ingest one file (raises IngestError with one line when it cannot be read)."""
    raw = read_bytes(path)
    digest = content_hash(raw)
    stored = store.source_with_content(digest)
    if stored is not None:
        unchanged = stored.origin in (None, str(path.resolve()))
        message = f"{stored.source_file} (unchanged)" if unchanged else f"{path.name} (same as {stored.source_file})"
        return FileReport(str(path), FileOutcome.SKIPPED, message, stored.source_file, stored.document_id)
    check_page_count(raw, path.name)
    source = read_source(path)
    source.source_file = source_name(store, path)
    parsed = identified(parse(normalize(source)))
    keep_original(store.originals_dir, raw, source.content_hash, source.source_file)
    return _place(parsed, store, str(path.resolve()), str(path))


def _place(parsed: ParsedDocument, store: Store, origin: str, path: str) -> FileReport:
    """Save `parsed` as its document, as the document's new fullest rendition, or as a further rendition."""
    name, document_id = parsed.clean.source.source_file, parsed.document.id
    earlier = store.source_from(origin)
    if earlier is not None and earlier.document_id != document_id:
        store.remove_source(earlier.source_file)  # the changed file now holds another document
    primary = store.document(document_id)
    if primary is None or primary.source_file == name:
        store.save_parsed(parsed, origin)
        return found(parsed, FileOutcome.INGESTED, f"{name} -> {document_id}", path)
    if carries_more(parsed, store, primary):
        parsed.document.renditions = sorted({*primary.renditions, primary.source_file} - {name})
        store.save_parsed(parsed, origin)
        message = f"{name} -> {document_id} (carries more than {primary.source_file}, now a rendition of it)"
        return found(parsed, FileOutcome.INGESTED, message, path)
    store.save_rendition(parsed, primary, origin)
    message = f"{name} -> rendition of {primary.id} ({primary.source_file})"
    return found(parsed, FileOutcome.RENDITION, message, path)
