"""Start-up time: median wall time of `maalspor --help` and of `import api.app` (target: under 0.5 s each).

.venv/bin/python bench/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_S = 0.5
COMMANDS = {
    "maalspor --help": [sys.executable, "-m", "cli.main", "--help"],
    "import api.app": [sys.executable, "-c", "import api.app"],
}


def median_wall_time(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    slow = 0
    for name, command in COMMANDS.items():
        seconds = median_wall_time(command, runs)
        slow += seconds >= TARGET_S
        print(f"{name:<16} median {seconds:.3f} s over {runs} runs ({'ok' if seconds < TARGET_S else 'SLOW'})")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
