"""ask and search latency (p50/p95) through the HTTP API on the configured store: `python bench/bench_api.py`."""
from __future__ import annotations

import statistics
import time

from fastapi.testclient import TestClient

from api.app import create_app

QUESTIONS = [
    "Hvordan har målet for unge ændret sig fra 2015 til 2023?", "Hvornår kom målet om personer med handicap ind?",
    "Hvilke mål udgik efter 2022?", "Which goals were carried over unchanged from 2022 to 2023?",
    "Hvad var status for målet om flygtninge i 2019?", "Hvad besluttede udvalget om Beskæftigelsesplan 2015?",
    "Hvem var fraværende den 9. september 2014?", "Hvilke bilag havde punktet om Beskæftigelsesplan 2015?",
]
SEARCHES = ["flygtninge selvforsørgende", "unge uddannelse", "førtidspension", "virksomhedsrettet tilbud"]
ROUNDS = 5


def timings(client: TestClient, path: str, queries: list[str]) -> list[float]:
    result = []
    for _ in range(ROUNDS):
        for query in queries:
            start = time.perf_counter()
            client.get(path, params={"q": query}).raise_for_status()
            result.append((time.perf_counter() - start) * 1000)
    return result


def report(name: str, values: list[float]) -> None:
    cuts = statistics.quantiles(values, n=20)
    print(f"{name:7s} n={len(values):3d}  p50 {statistics.median(values):7.1f} ms  p95 {cuts[18]:7.1f} ms")


def main() -> None:
    client = TestClient(create_app())
    client.get("/search", params={"q": "warm up"})  # opens the searcher (loads the model) once
    report("ask", timings(client, "/ask", QUESTIONS))
    report("search", timings(client, "/search", SEARCHES))


if __name__ == "__main__":
    main()
