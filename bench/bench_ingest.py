"""Ingest figures: the seed corpus end to end, peak memory against PDF pages, throughput by processes.

    .venv/bin/python bench/bench_ingest.py corpus
    .venv/bin/python bench/bench_ingest.py pages [--pages 100,400,2000] [--reader PATH]
    .venv/bin/python bench/bench_ingest.py jobs [--documents 1000] [--jobs 1,2]
    .venv/bin/python bench/bench_ingest.py text [--mb 2,8,50]

corpus: cold ingest of corpus/ into a fresh store, then again (warm, all unchanged).
pages:  peak RSS of reading generated corpus-like PDFs (bench/synthetic_pdf.py), each in a process of
        its own; --reader names another ingest/pdf.py (e.g. an old commit's, from `git worktree add`)
        to measure it on the same PDFs.
jobs:   ingest of N generated documents (a municipality's archive: minutes of a few real corpus items,
        re-dated and moved to other municipalities, and now and then a corpus plan of another year)
        into a fresh store with 1 and with 2 parsing processes: files/s, MB/s and CPU seconds per file
        (the fair figure on a shared machine).
text:   one very large text file per size (the corpus files one after another, repeated): seconds to read,
        normalise and parse it, or how soon a text over MAALSPOR_MAX_TEXT_MB is refused.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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
    import resource

    from index.store.pipeline import ingest_paths
    from index.store.sqlite import Store

    with tempfile.TemporaryDirectory() as folder:
        files = generated_archive(Path(folder) / "docs", documents)
        megabytes = sum(path.stat().st_size for path in files.iterdir()) / 1e6
        print(f"{documents} generated files, {megabytes:.1f} MB ({archive_mix(files)})", flush=True)
        for jobs in job_counts:
            store = Store(Path(folder) / f"store_{jobs}" / "maalspor.sqlite3")
            cpu_before = _cpu_seconds(resource)
            started = time.perf_counter()
            report = ingest_paths([files], store, jobs=jobs)
            seconds = time.perf_counter() - started
            cpu = _cpu_seconds(resource) - cpu_before
            store.close()
            print(
                f"{jobs} process(es): {documents} files in {seconds:.1f} s: {documents / seconds:.2f} files/s,"
                f" {megabytes / seconds:.3f} MB/s, {cpu / documents:.2f} CPU s per file ({report.summary()})",
                flush=True,
            )


def _cpu_seconds(resource: Any) -> float:
    """User + system CPU of this process and its finished children (the parsing processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


# A municipality's archive: mostly minutes of a few items, now and then a plan.
PLAN_SHARE = 0.05
# An item's text beyond this is cut at a line end: the seeds' last items carry whole appendices.
ITEM_MAX_CHARS = 8000
ITEMS_PER_MINUTES = (2, 6)
MINUTES_SEEDS = {  # corpus minutes and the heading that opens each of their items
    "002_f3dbe880e0f1df7c.txt": re.compile(r"^ ?Punkt \d+ *$", re.M),
    "003_d16604ceb04aa2e7.txt": re.compile(r"^ ?Sag nr\. \d+ *$", re.M),
}
PLAN_SEEDS = ("000_74d16ed6cde7bc44.txt", "001_66e873449e3ce21a.txt", "004_661df588116e84b5.txt")
SEED_MUNICIPALITY = "Lyngby-Taarbæk"
MUNICIPALITIES = (
    "Greve", "Ballerup", "Aarhus", "Gladsaxe", "Rudersdal", "Hvidovre", "Odense", "Vejle", "Holbæk", "Viborg",
    "Køge", "Næstved", "Silkeborg", "Horsens", "Esbjerg", "Frederiksberg", "Roskilde", "Kolding", "Aalborg", "Ishøj",
)  # fmt: skip
MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december")  # fmt: skip
# Meeting dates as the seeds write them: 'den 11. juni 2019' and '09-09-2014'.
_LONG_DATE = re.compile(r"\b\d{1,2}\. (?:" + "|".join(MONTHS) + r") (?:19|20)\d\d\b")
_SHORT_DATE = re.compile(r"\b\d\d-\d\d-(?:19|20)\d\d\b")
_YEAR = re.compile(r"\b20[0-4]\d\b")


def generated_archive(folder: Path, count: int, seed: int = 11) -> Path:
    """`count` distinct documents: minutes made of a few real items of the corpus minutes (their own
    headings, fields and decision blocks), re-dated to a meeting of their own; and plans, the corpus
    plans moved to another municipality and year. Same seed, same files."""
    folder.mkdir(parents=True)
    chooser = random.Random(seed)
    items = {name: _items(CORPUS / name, heading) for name, heading in MINUTES_SEEDS.items()}
    for number in range(count):
        municipality = MUNICIPALITIES[number % len(MUNICIPALITIES)]
        if chooser.random() < PLAN_SHARE:
            kind, text = "plan", _plan(chooser, municipality, number)
        else:
            name = chooser.choice(sorted(items))
            kind, text = "referat", _minutes(chooser, items[name], municipality, number)
        (folder / f"{kind}_{number:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def archive_mix(folder: Path) -> str:
    plans = len(list(folder.glob("plan_*")))
    return f"{plans} plans, {len(list(folder.glob('referat_*')))} minutes"


def _items(seed: Path, heading: re.Pattern[str]) -> tuple[str, list[str]]:
    """The minutes' title block (committee, date) and its items, each from its heading on."""
    text = seed.read_text(encoding="utf-8")
    starts = [match.start() for match in heading.finditer(text)]
    items = [text[start:end] for start, end in zip(starts, [*starts[1:], len(text)], strict=True)]
    return text[: starts[0]], [item[: item.find("\n", ITEM_MAX_CHARS) + 1] or item for item in items]


def _minutes(chooser: random.Random, seed: tuple[str, list[str]], municipality: str, number: int) -> str:
    """A few items in their order, renumbered, all dated to one meeting that no other document has."""
    title, items = seed
    picked = sorted(chooser.sample(range(len(items)), min(len(items), chooser.randint(*ITEMS_PER_MINUTES))))
    day = _meeting_day(number)
    body = title
    for position, index in enumerate(picked, start=1):
        first_line, rest = items[index].split("\n", 1)
        body += re.sub(r"\d+", str(position), first_line, count=1) + "\n" + rest
    body = _LONG_DATE.sub(f"{day.day}. {MONTHS[day.month - 1]} {day.year}", body)
    body = _SHORT_DATE.sub(day.strftime("%d-%m-%Y"), body)
    return body.replace(SEED_MUNICIPALITY, municipality)


def _plan(chooser: random.Random, municipality: str, number: int) -> str:
    text = (CORPUS / chooser.choice(PLAN_SEEDS)).read_text(encoding="utf-8")
    shift = number // len(MUNICIPALITIES) % 40  # with the municipality: a plan no other document is
    text = _YEAR.sub(lambda match: str(int(match.group()) + shift), text)
    return text.replace(SEED_MUNICIPALITY, municipality)


def _meeting_day(number: int) -> datetime.date:
    """A distinct weekday per document (about 3,500 in 14 years)."""
    weeks, weekday = divmod(number, 5)
    return datetime.date(2010, 1, 4) + datetime.timedelta(weeks=weeks, days=weekday)


def bench_text(sizes_mb: list[int]) -> None:
    from ingest.normalize import normalize
    from ingest.readers import read_source
    from maalspor.model import IngestError
    from nlp.parse import parse

    seed = "\n".join(path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt")))
    parse(normalize(read_source(next(CORPUS.glob("*.txt")))))  # load spaCy and the lexicon before timing
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in sizes_mb:
            path = Path(folder) / f"samlet_{megabytes}mb.txt"
            path.write_text(_text_of_size(seed, megabytes * 1024 * 1024), encoding="utf-8")
            started = time.perf_counter()
            try:
                source = read_source(path)
            except IngestError as refusal:
                print(f"{megabytes:>3} MB: refused in {time.perf_counter() - started:.1f} s: {refusal}", flush=True)
                continue
            read = time.perf_counter()
            clean = normalize(source)
            normalised = time.perf_counter()
            document = parse(clean)
            parsed = time.perf_counter()
            print(
                f"{megabytes:>3} MB: read {read - started:.1f} s, normalise {normalised - read:.1f} s,"
                f" parse {parsed - normalised:.1f} s ({len(document.goals)} goals, {len(document.items)} items)",
                flush=True,
            )


def _text_of_size(seed: str, characters: int) -> str:
    text = seed * (characters // len(seed) + 1)
    return text[: text.rfind("\n", 0, characters) + 1]


def _numbers(text: str) -> list[int]:
    return [int(part) for part in text.split(",")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("corpus", "pages", "jobs", "text", "read-pdf"))
    parser.add_argument("pdf", nargs="?", type=Path, help="read-pdf: the PDF (internal, the pages child)")
    parser.add_argument("--pages", type=_numbers, default=[100, 400, 2000])
    parser.add_argument("--reader", type=Path, default=REPO / "ingest" / "pdf.py")
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--jobs", type=_numbers, default=[1, 2])
    parser.add_argument("--mb", type=_numbers, default=[2, 8, 50])
    args = parser.parse_args()
    if args.what == "corpus":
        bench_corpus()
    elif args.what == "pages":
        bench_pages(args.pages, args.reader.resolve())
    elif args.what == "jobs":
        bench_jobs(args.documents, args.jobs)
    elif args.what == "text":
        bench_text(args.mb)
    else:
        read_pdf_reporting_peak(args.pdf, args.reader)


if __name__ == "__main__":
    main()
