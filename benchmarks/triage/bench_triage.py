"""Benchmark of the whole triage (normalise, classify, rules, places, PII, mask).

Usage: PYTHONPATH=. python benchmarks/triage/bench_triage.py [--n 4000] [--runs 5]
Prints model loading time and the median messages/s over several runs, single process.
Input: synthetic 200-character messages built from self-written sentence fragments.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

FRAGMENTS = [
    "Tolong pak ada tawuran di desa Tugu kec Sliyeg",
    "warga resah ada yang bagi-bagi amplop menjelang pencoblosan",
    "jalan rusak parah di Karangsong sudah lama tidak diperbaiki",
    "isun weruh wong mendem ning pinggir dalan Juntinyuat",
    "aya nu maling motor di Haurgeulis tadi peuting",
    "hp sy 0812-3456-7890 mohon dihubungi",
    "motor E 1234 ABC dibawa kabur pelaku",
    "beredar berita hoaks soal kotak suara di grup wa",
    "terima kasih pak polisi sudah patroli tiap malam",
    "anak saya dipukuli teman sekolahnya, mohon bantuan",
]


def make_messages(n: int, length: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        text = ""
        while len(text) < length:
            text += rng.choice(FRAGMENTS) + ". "
        out.append(text[:length])
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--length", type=int, default=200)
    parser.add_argument("--batch", type=int, default=256)
    args = parser.parse_args()

    t0 = time.perf_counter()
    from polmas.triage.pipeline import analyse_many, get_models

    get_models()
    load_s = time.perf_counter() - t0
    print(f"model loading (import + artifacts): {load_s:.3f} s")
    messages = make_messages(args.n, args.length)
    analyse_many(messages[:50])  # warm-up
    rates, cpu_rates = [], []
    for run in range(args.runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        for i in range(0, len(messages), args.batch):
            analyse_many(messages[i : i + args.batch])
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        rates.append(len(messages) / elapsed)
        cpu_rates.append(len(messages) / cpu)
        print(
            f"run {run + 1}: {rates[-1]:,.0f} messages/s wall, {cpu_rates[-1]:,.0f} per CPU-second"
        )
    print(
        f"input: {args.n} messages x {args.length} characters, batches of {args.batch}, "
        f"1 process; median {statistics.median(rates):,.0f} messages/s (wall clock), "
        f"median {statistics.median(cpu_rates):,.0f} messages per CPU-second (per core)"
    )
    single = time.perf_counter()
    for text in messages[:500]:
        analyse_many([text])
    print(f"one-at-a-time analyse(): {500 / (time.perf_counter() - single):,.0f} messages/s")


if __name__ == "__main__":
    main()
