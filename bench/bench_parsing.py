"""Parse the real documents of tests/resources/parsing_key.json and print recall per document and per split.

    .venv/bin/python bench/bench_parsing.py [--split dev|test]

Items, decisions and goals recall, outcome accuracy and metadata accuracy (tests/nlp/parsing_key.py says
how each is counted), the documents that fail to read, and the wall time. The 'test' split is held out:
report it, never tune on it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.nlp.parsing_key import MEASURES, REALDOCS, score_all, totals  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), help="one split only (default: both)")
    args = parser.parse_args()
    if not REALDOCS.is_dir():
        print(f"{REALDOCS} is absent: nothing to measure")
        return 1
    for split in [args.split] if args.split else ["dev", "test"]:
        started = time.perf_counter()
        scores = list(score_all(split))
        print(f"\n== {split} split: {len(scores)} documents, {time.perf_counter() - started:.1f} s")
        print(f"{'document':58} " + " ".join(f"{m:>12}" for m in MEASURES) + "  invented")
        for score in scores:
            cells = " ".join(f"{str(getattr(score, m)) if getattr(score, m).expected else '-':>12}" for m in MEASURES)
            print(f"{score.source_file[:58]:58} {cells}  {score.invented}")
            if score.error or score.wrong_metadata:
                print(f"{'':4}{score.error or ''} {' '.join(score.wrong_metadata)}")
        summed = totals(scores)
        print("total".ljust(58), " ".join(f"{str(summed[m]):>12}" for m in MEASURES), sum(s.invented for s in scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
