"""HTTP load on a running `maalspor serve`: p50/p95 latency and requests/s at 1, 4 and 20 clients.

    .venv/bin/python bench/bench_http_load.py --data DIR [--workers 1,2] [--clients 1,4,20] [--seconds 10]
        [--paths home,goals,search,ask]

DIR is a data dir (MAALSPOR_DATA_DIR); the seed corpus is ingested into it when it holds no store yet
(run `maalspor index` there first to measure search with its vector index). For each worker count the
script starts `maalspor serve --workers N` on a free local port, and each client sends, back to back,
requests of a mix in which no two clients send the same query at once: the home page, a goal list,
/search and /ask (--paths search: /search alone). Figures per path: p50, p95, and the status codes seen
(a 5xx is a failure), for /search how many answers held no hit (a search that is not open answers fast
and empty), and the server processes' CPU milliseconds per request (from /proc: Linux).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MAALSPOR = Path(sys.executable).parent / "maalspor"
# 24 words: the word pairs of 20 clients differ at every step, so no two send the same query at once.
WORDS = ["unge", "uddannelse", "flygtninge", "ledighed", "handicap", "sygedagpenge", "virksomheder", "integration",
         "jobcenter", "kontanthjælp", "ressourceforløb", "praktik", "sprog", "borgere", "indsats", "ydelse",
         "fleksjob", "langtidsledige", "sygefravær", "aktivering", "job", "uddannelseshjælp", "mentor", "samarbejde"]  # fmt: skip
QUESTIONS = ["Hvilke mål har planen for {}?", "Hvad besluttede udvalget om {}?"]


PATHS = ("home", "goals", "search", "ask")
WARM_S = 5.0  # a search answered within this is one a warm worker answered


def request_mix(client: int, number: int, paths: tuple[str, ...] = PATHS) -> str:
    """The client's `number`th request: a path with a query no other client sends at the same moment."""
    word = WORDS[(client + number) % len(WORDS)]
    second = WORDS[(client * 3 + number + 1) % len(WORDS)]
    kind = paths[number % len(paths)]
    if kind == "home":
        return "/"
    if kind == "goals":
        return "/goals?" + urllib.parse.urlencode({"limit": 20 + client})
    if kind == "search":
        return "/search?" + urllib.parse.urlencode({"q": f"{word} {second}"})
    return "/ask?" + urllib.parse.urlencode({"q": QUESTIONS[client % len(QUESTIONS)].format(word)})


Outcome = tuple[float, int, bool]  # latency ms, status, a /search answer without hits


def run_clients(base: str, clients: int, seconds: float, paths: tuple[str, ...] = PATHS) -> dict[str, list[Outcome]]:
    """Each client's outcomes per path kind, `clients` threads for `seconds`."""
    results: dict[str, list[Outcome]] = defaultdict(list)
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def client_loop(client: int) -> None:
        number = 0
        while time.perf_counter() < stop_at:
            path = request_mix(client, number, paths)
            started = time.perf_counter()
            status, body = _fetch(base + path)
            latency = (time.perf_counter() - started) * 1000
            kind = path.split("?")[0]
            empty = kind == "/search" and status == 200 and not json.loads(body)["hits"]
            with lock:
                results[kind].append((latency, status, empty))
            number += 1

    threads = [threading.Thread(target=client_loop, args=(client,)) for client in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _fetch(url: str, timeout: float = 60) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return int(response.status), response.read()
    except urllib.error.HTTPError as err:
        return err.code, b""
    except OSError:
        return 0, b""  # connection refused or timed out


def _get(url: str, timeout: float = 60) -> int:
    return _fetch(url, timeout)[0]


def report(clients: int, seconds: float, results: dict[str, list[Outcome]], cpu_seconds: float) -> None:
    """Latencies per path, and the server's CPU time per request: on a shared machine the latencies
    count other programs' time too, the CPU time does not (20 clients on 2 free cores wait about
    20 x that time / 2 per request)."""
    total = sum(len(values) for values in results.values())
    print(
        f"  {clients:>2} clients: {total / seconds:6.1f} req/s, server CPU {cpu_seconds * 1000 / max(total, 1):.0f} ms/req"
    )
    for path, values in sorted(results.items()):
        latencies = [latency for latency, _, _ in values]
        p95 = statistics.quantiles(latencies, n=20)[18] if len(latencies) > 1 else latencies[0]
        codes = ", ".join(f"{code}: {count}" for code, count in sorted(Counter(s for _, s, _ in values).items()))
        empty = f", {sum(e for _, _, e in values)} without hits" if path == "/search" else ""
        print(
            f"      {path:8} n={len(values):5d} p50 {statistics.median(latencies):7.1f} ms  p95 {p95:7.1f} ms"
            f"  [{codes}]{empty}"
        )


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process `pid` and its descendants (the server's workers), from /proc."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        child = int(stat.parent.name)
        parents[child] = int(fields[1])
        times[child] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    tree, grown = {pid}, True
    while grown:
        grown = False
        for child, parent in parents.items():
            if parent in tree and child not in tree:
                tree.add(child)
                grown = True
    return sum(times.get(member, 0.0) for member in tree)


def serve(data_dir: Path, workers: int) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "MAALSPOR_DATA_DIR": str(data_dir)}
    command = [str(MAALSPOR), "serve", "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.perf_counter() + 300
    while _get(base + "/") != 200:
        if server.poll() is not None or time.perf_counter() > deadline:
            raise SystemExit(f"maalspor serve did not start (exit {server.poll()})")
        time.sleep(0.5)
    warm_up(base, workers)
    return server, base


def warm_up(base: str, workers: int) -> None:
    """Each worker opens its searcher (loads the model) on its first search: not a figure of the load run.
    Rounds of concurrent searches until two rounds in a row all answer 200 within WARM_S (a worker still
    loading answers slower; which worker takes a request is the kernel's choice, hence rounds)."""
    search = base + "/search?" + urllib.parse.urlencode({"q": "opvarmning"})

    def timed(_: int) -> tuple[int, float]:
        started = time.perf_counter()
        return _get(search, timeout=300), time.perf_counter() - started

    warm_rounds = 0
    with ThreadPoolExecutor(4 * workers) as pool:
        while warm_rounds < 2:
            answers = list(pool.map(timed, range(4 * workers)))
            warm = all(status == 200 and seconds < WARM_S for status, seconds in answers)
            warm_rounds = warm_rounds + 1 if warm else 0


def ensure_store(data_dir: Path) -> None:
    if not (data_dir / "maalspor.sqlite3").exists():
        env = {**os.environ, "MAALSPOR_DATA_DIR": str(data_dir)}
        subprocess.run([str(MAALSPOR), "ingest", str(REPO / "corpus")], env=env, check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--clients", default="1,4,20")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--paths", default=",".join(PATHS), help="the mix: some of " + ", ".join(PATHS))
    args = parser.parse_args()
    paths = tuple(args.paths.split(","))
    if not set(paths) <= set(PATHS):
        parser.error(f"--paths takes {', '.join(PATHS)}")
    ensure_store(args.data)
    for workers in (int(part) for part in args.workers.split(",")):
        server, base = serve(args.data, workers)
        print(f"maalspor serve --workers {workers} ({args.data}, {os.cpu_count()} cores)")
        try:
            for clients in (int(part) for part in args.clients.split(",")):
                cpu_before = tree_cpu_seconds(server.pid)
                results = run_clients(base, clients, args.seconds, paths)
                report(clients, args.seconds, results, tree_cpu_seconds(server.pid) - cpu_before)
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
