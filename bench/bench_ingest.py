"""Ingest figures: the seed corpus end to end, peak memory against PDF pages, throughput by processes.

    .venv/bin/python bench/bench_ingest.py corpus
    .venv/bin/python bench/bench_ingest.py pages [--pages 100,400,2000] [--reader PATH]
    .venv/bin/python bench/bench_ingest.py jobs [--documents 1000] [--jobs 1,2]

corpus: cold ingest of corpus/ into a fresh store, then again (warm, all unchanged).
pages:  peak RSS of reading generated corpus-like PDFs (bench/synthetic_pdf.py), each in a process of
        its own; --reader names another ingest/pdf.py (e.g. an old commit's, from `git worktree add`)
        to measure it on the same PDFs.
jobs:   ingest of N generated text documents (corpus files, each made distinct by a line of its own)
        into a fresh store with 1 and with 2 parsing processes: files/s.
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from synthetic_pdf import write_pdf  # noqa: E402

CORPUS = REPO / "corpus"
PAGE_TEXT = CORPUS / "002_f3dbe880e0f1df7c.txt"  # minutes: items, decisions, headings


def bench_corpus() -> None:
    from index.store.pipeline import ingest_paths
    from index.store.sqlite import Store

    with tempfile.TemporaryDirectory() as data_dir:
        store = Store(Path(data_dir) / "maalspor.sqlite3")
        started = time.perf_counter()
        report = ingest_paths([CORPUS], store)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        warm_report = ingest_paths([CORPUS], store)
        warm = time.perf_counter() - started
        print(f"cold ingest of {CORPUS.name}/: {cold:.2f} s ({report.summary()})")
        print(f"warm re-ingest: {warm:.2f} s ({warm_report.summary()})")
        store.close()


def bench_pages(page_counts: list[int], reader: Path) -> None:
    print(f"reader {reader}")
    print(f"{'pages':>6} {'peak RSS MB':>12} {'lines':>7} {'seconds':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for pages in page_counts:
            pdf = Path(folder) / f"generated_{pages}.pdf"
            write_pdf(pdf, pages, PAGE_TEXT.read_text(encoding="utf-8"))
            child = [sys.executable, __file__, "read-pdf", str(pdf), "--reader", str(reader)]
            measured = subprocess.run(child, capture_output=True, text=True, check=False)
            print(f"{pages:>6} {measured.stdout.strip() or measured.stderr.strip()[-300:]}", flush=True)


def read_pdf_reporting_peak(pdf: Path, reader: Path) -> None:
    """In a child process: read `pdf` with the reader module at `reader`, print peak RSS, lines, time."""
    import resource

    spec = importlib.util.spec_from_file_location("measured_pdf_reader", reader)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    started = time.perf_counter()
    document = module.read_pdf(pdf, ocr_max_pages=0)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{peak_mb:>12.0f} {len(document.lines):>7} {seconds:>8.1f}")


def bench_jobs(documents: int, job_counts: list[int]) -> None:
    from index.store.pipeline import ingest_paths
    from index.store.sqlite import Store

    with tempfile.TemporaryDirectory() as folder:
        files = _generated_documents(Path(folder) / "docs", documents)
        for jobs in job_counts:
            store = Store(Path(folder) / f"store_{jobs}" / "maalspor.sqlite3")
            started = time.perf_counter()
            report = ingest_paths([files], store, jobs=jobs)
            seconds = time.perf_counter() - started
            store.close()
            print(
                f"{jobs} process(es): {documents} files in {seconds:.1f} s, {documents / seconds:.2f} files/s ({report.summary()})"
            )


def _generated_documents(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True)
    seeds = sorted(CORPUS.glob("*.txt"))
    for number in range(count):
        seed = seeds[number % len(seeds)]
        text = seed.read_text(encoding="utf-8") + f"\nGenereret dokument nr. {number}\n"
        (folder / f"doc_{number:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def _numbers(text: str) -> list[int]:
    return [int(part) for part in text.split(",")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("corpus", "pages", "jobs", "read-pdf"))
    parser.add_argument("pdf", nargs="?", type=Path, help="read-pdf: the PDF (internal, the pages child)")
    parser.add_argument("--pages", type=_numbers, default=[100, 400, 2000])
    parser.add_argument("--reader", type=Path, default=REPO / "ingest" / "pdf.py")
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--jobs", type=_numbers, default=[1, 2])
    args = parser.parse_args()
    if args.what == "corpus":
        bench_corpus()
    elif args.what == "pages":
        bench_pages(args.pages, args.reader.resolve())
    elif args.what == "jobs":
        bench_jobs(args.documents, args.jobs)
    else:
        read_pdf_reporting_peak(args.pdf, args.reader)


if __name__ == "__main__":
    main()
