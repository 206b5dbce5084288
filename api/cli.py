"""The `maalspor` command line."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from maalspor.config import load_settings

COMMANDS_DOC = {
    "ingest": "maalspor ingest PATH... — read files/folders into the store (progress bar, summary).",
    "export": "maalspor export documents|goals|decisions|sections --format json — print a JSON list.",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="maalspor", description="Goals and decisions from Danish municipal documents.")
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest", help=COMMANDS_DOC["ingest"])
    ingest.add_argument("paths", nargs="+", type=Path)
    export = commands.add_parser("export", help=COMMANDS_DOC["export"])
    export.add_argument("kind", choices=("documents", "goals", "decisions", "sections"))
    export.add_argument("--format", choices=("json",), default="json")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = load_settings()
    from index.store import open_store

    store = open_store(settings.database_url)
    try:
        if args.command == "ingest":
            return run_ingest(args.paths, store)
        return run_export(args.kind, store)
    finally:
        store.close()


def run_ingest(paths: list[Path], store) -> int:
    from tqdm import tqdm

    from index.pipeline import ingest_paths

    report = ingest_paths(paths, store, progress=lambda files: tqdm(files, desc="ingest", unit="file", file=sys.stderr))
    for line in report.ingested:
        print(f"ok       {line}")
    for line in report.renditions:
        print(f"same doc {line}")
    for line in report.skipped:
        print(f"skipped  {line} (unchanged)")
    for line in report.failed:
        print(f"FAILED   {line}")
    print(report.summary())
    return 1 if report.failed else 0


def run_export(kind: str, store) -> int:
    from api.export import export_records

    json.dump(export_records(store, kind), sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
