"""Benchmark of the whole triage (normalise, classify, rules, places, PII, mask).

Usage: PYTHONPATH=. python benchmarks/triage/bench_triage.py [--n 4000] [--runs 5]
       [--source synthetic|held-out]
Prints model loading time and the median messages/s over several runs, single process.

Input (``--source``):
- ``synthetic`` (default): 200-character messages built from ten self-written sentence
  fragments. They repeat the same few dozen words, so after the first batch nearly every hash
  the features need is already remembered.
- ``held-out``: 200-character messages built from real texts (SmSA, EmoT and NusaX validation
  files, the 20 % held-out hate-speech tweets), each text used once per run while the pool
  lasts. Their vocabulary is as varied as residents' messages, so this is the honest figure for
  the hashing memos. (Speed does not depend on whether a model has seen a text.)

Every run starts with empty hashing memos, as a freshly started worker does.
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


def held_out_messages(n: int, length: int, seed: int = 0) -> list[str]:
    """``n`` messages of ``length`` characters made of real validation and held-out texts."""
    from polmas.triage.paths import shared_data_dir
    from polmas.triage.training.data import NUSAX_LANGS, load_emot, load_hate, load_nusax, load_smsa

    data = shared_data_dir()
    pool = load_smsa(data, "valid").texts + load_emot(data, "valid").texts
    for lang in NUSAX_LANGS:
        pool += load_nusax(data, lang, "valid").texts
    pool += [row.text for row in load_hate(data)[1]]
    rng = random.Random(seed)
    order: list[str] = []
    out = []
    for _ in range(n):
        text = ""
        while len(text) < length:
            if not order:
                order = pool[:]
                rng.shuffle(order)
            text += order.pop() + " "
        out.append(text[:length])
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--length", type=int, default=200)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--source", choices=("synthetic", "held-out"), default="synthetic")
    args = parser.parse_args()

    t0 = time.perf_counter()
    from polmas.triage import features
    from polmas.triage.pipeline import analyse_many, get_models

    # Checkouts before the hashing memos (compared in the same session) have nothing to clear.
    clear_memos = getattr(features, "clear_memos", lambda: None)

    get_models()
    load_s = time.perf_counter() - t0
    print(f"model loading (import + artifacts): {load_s:.3f} s")
    if args.source == "synthetic":
        messages = make_messages(args.n, args.length)
    else:
        messages = held_out_messages(args.n, args.length)
    analyse_many(messages[:50])  # warm-up
    rates, cpu_rates = [], []
    for run in range(args.runs):
        clear_memos()
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
        f"input: {args.n} {args.source} messages x {args.length} characters, "
        f"batches of {args.batch}, "
        f"1 process; median {statistics.median(rates):,.0f} messages/s (wall clock), "
        f"median {statistics.median(cpu_rates):,.0f} messages per CPU-second (per core)"
    )
    single_rates = []
    for _ in range(args.runs):  # a form or a chat message: one text per call, cold memos
        clear_memos()
        single = time.perf_counter()
        for text in messages[:500]:
            analyse_many([text])
        single_rates.append(500 / (time.perf_counter() - single))
    print(
        "one-at-a-time analyse() (500 messages, one per call): "
        + ", ".join(f"{r:,.0f}" for r in single_rates)
        + f"; median {statistics.median(single_rates):,.0f} messages/s"
    )


if __name__ == "__main__":
    main()
