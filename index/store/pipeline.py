"""Ingest files into the store: read -> normalise -> parse -> save, one document per transaction.

A file that fails is reported in one line and the batch goes on; nothing of it is stored. Bytes
already stored (the same file unchanged, or a copy elsewhere) are skipped. A second rendition of a
document already stored is recorded as a rendition, not a new document; which rendition carries the
records does not depend on the order (index.store.identity). The whole batch holds the writer lock,
so concurrent ingests of one data dir give the store one ingest would.

Parallel ingest (`jobs` > 1): reading, normalising and parsing are pure, so worker processes do them
ahead of the writer; this process alone touches the store and saves the files in their given order, so
the store is the one a serial ingest gives. A worker parses under the file's bare name; where the store
names the file otherwise (the same name in another folder) the writer parses it again under that name.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
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
    jobs: int = 1,
) -> IngestReport:
    """Ingest the files, then re-link all goals of the store (links depend on every plan year).

    overrides_path defaults to the MAALSPOR_LINK_OVERRIDES setting; `jobs` processes parse ahead."""
    report = IngestReport()
    files = expand_paths(paths)
    with store.writing():
        for path, prepared in progress(_prepared(files, jobs)):
            report.files.append(_ingest_reporting_failure(path, store, prepared))
        relink(store, overrides_path or load_settings().link_overrides)
    return report


# What a worker hands the writer: the file parsed under its bare name, or the report of its failure.
Prepared = ParsedDocument | FileReport | None


def _prepared(files: list[Path], jobs: int) -> Iterator[tuple[Path, Prepared]]:
    """Each file with its parse from a worker process, in the files' order (None: the writer parses)."""
    if jobs <= 1 or len(files) <= 1:
        yield from ((path, None) for path in files)
        return
    # spawn: the workers must not inherit the writer's open database connection and lock
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(files)), mp_context=multiprocessing.get_context("spawn")
    ) as pool:
        pending: deque[tuple[Path, Future[Prepared]]] = deque()
        for path in files:
            pending.append((path, pool.submit(prepare_file, path)))
            if len(pending) > 2 * jobs:  # bounded look-ahead: parsed documents wait in memory for the writer
                done_path, future = pending.popleft()
                yield done_path, future.result()
        yield from ((path, future.result()) for path, future in pending)


def prepare_file(path: Path) -> Prepared:
    """In a worker: the file parsed under its bare name, or its failure report."""
    try:
        return parse_file(path, path.name)
    except Exception as err:  # noqa: BLE001 - reported by the writer, in the file's turn
        return _failure(path, err)


def _ingest_reporting_failure(path: Path, store: Store, prepared: Prepared = None) -> FileReport:
    try:
        return ingest_file(path, store, prepared)
    except Exception as err:  # noqa: BLE001 - a parser bug must not stop the batch nor leave half a document
        return _failure(path, err)


def _failure(path: Path, err: Exception) -> FileReport:
    if isinstance(err, IngestError):
        return FileReport(path=str(path), outcome=FileOutcome.FAILED, message=str(err))
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


def ingest_file(path: Path, store: Store, prepared: Prepared = None) -> FileReport:
    """Ingest one file (raises IngestError with one line when it cannot be read); `prepared` is a
    worker's parse of it under its bare name, used when the store names the file so too."""
    raw = read_bytes(path)
    digest = content_hash(raw)
    stored = store.source_with_content(digest)
    if stored is not None:
        unchanged = stored.origin in (None, str(path.resolve()))
        message = f"{stored.source_file} (unchanged)" if unchanged else f"{path.name} (same as {stored.source_file})"
        return FileReport(str(path), FileOutcome.SKIPPED, message, stored.source_file, stored.document_id)
    name = source_name(store, path)
    if prepared is None or name != path.name:
        prepared = parse_file(path, name)
    if isinstance(prepared, FileReport):
        return prepared
    keep_original(store.originals_dir, raw, prepared.clean.source.content_hash, name)
    return _place(prepared, store, str(path.resolve()), str(path))


def parse_file(path: Path, name: str) -> ParsedDocument:
    """Read, normalise and parse one file, the store's `name` for it as its source file (no store needed)."""
    check_page_count(read_bytes(path), path.name)
    source = read_source(path)
    source.source_file = name
    return identified(parse(normalize(source)))


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
