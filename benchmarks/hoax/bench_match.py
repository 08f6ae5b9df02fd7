"""Speed benchmark for polmas.hoaxes.matching on a 50,000-entry knowledge base.

The knowledge base is the 960 real TurnBackHoax titles (read from the shared data at run time,
never stored) plus synthetic titles made by recombining words drawn from the real titles
(seeded), up to --size entries. Queries are real narasi texts (boilerplate included), cycled.

    PYTHONPATH=. python benchmarks/hoax/bench_match.py [--size 50000] [--queries 500] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import time

from polmas.hoaxes.matching.data import load_turnbackhoax
from polmas.hoaxes.matching.index import HoaxIndex, KBEntry


def rss_mb() -> float:
    """Peak resident set size of this process in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def synthetic_kb(titles: list[str], size: int, seed: int) -> list[KBEntry]:
    rng = random.Random(seed)
    words = [w for t in titles for w in t.split()]
    entries = [KBEntry(id=f"real-{i}", title=t) for i, t in enumerate(titles)]
    while len(entries) < size:
        n = rng.randint(4, 11)
        entries.append(KBEntry(id=f"syn-{len(entries)}", title=" ".join(rng.choices(words, k=n))))
    return entries[:size]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--k", type=int, default=10)
    args = parser.parse_args()

    rows = load_turnbackhoax()
    entries = synthetic_kb([r.title for r in rows], args.size, seed=7)
    texts = [r.narasi for r in rows if r.narasi]
    queries = [texts[i % len(texts)] for i in range(args.queries)]
    rss_before = rss_mb()

    t0 = time.perf_counter()
    index = HoaxIndex(entries)
    build = time.perf_counter() - t0
    print(f"knowledge base: {len(index)} entries ({len(rows)} real titles + synthetic)")
    print(f"index build: {build:.2f} s")

    index.search(queries[0], args.k)  # warm-up (stemmer cache, imports)
    rates = []
    for run in range(args.runs):
        t0 = time.perf_counter()
        for text in queries:
            index.search(text, args.k)
        elapsed = time.perf_counter() - t0
        rates.append(len(queries) / elapsed)
        print(f"run {run + 1}: {len(queries)} queries in {elapsed:.2f} s = {rates[-1]:.0f} q/s")
    print(f"median: {statistics.median(rates):.0f} queries/s (k={args.k}, one process)")
    print(f"peak RSS: {rss_mb():.0f} MB (before building: {rss_before:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
