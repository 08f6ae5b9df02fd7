"""Command line: ``triage`` (JSONL in -> JSONL out), ``triage train``, ``triage evaluate``.

Contract: each input line ``{"id": str, "text": str}`` gives exactly one output line, in order.
A line that cannot be used gives ``{"line": N, "error": "..."}`` (plus ``"id"`` when known).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from polmas.triage.normalise import without_lone_surrogates
from polmas.triage.paths import artifacts_dir, shared_data_dir

BATCH = 256


def _binary_lines(stdin: TextIO | BinaryIO) -> Iterator[bytes]:
    buffer = getattr(stdin, "buffer", None)
    if buffer is not None:
        yield from buffer
        return
    for line in stdin:
        yield line if isinstance(line, bytes) else line.encode("utf-8", "surrogatepass")


def _parse(number: int, raw: bytes) -> tuple[int, str, str] | dict[str, Any]:
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return {"line": number, "error": f"UTF-8 tidak valid (byte ke-{exc.start + 1})"}
    if not decoded.strip():
        return {"line": number, "error": "baris kosong"}
    try:
        item = json.loads(decoded)
    except (ValueError, RecursionError):  # also a 5,000-digit number or very deep nesting
        return {"line": number, "error": "bukan JSON yang valid"}
    if not isinstance(item, dict):
        return {"line": number, "error": "baris harus berupa objek JSON"}
    ident = item.get("id")
    if isinstance(ident, int) and not isinstance(ident, bool):
        ident = str(ident)
    if not isinstance(ident, str) or not ident:
        return {"line": number, "error": "field 'id' tidak ada atau bukan string"}
    if without_lone_surrogates(ident) != ident:
        # it could not be written back; a lone surrogate in the text becomes U+FFFD instead
        return {"line": number, "error": "field 'id' berisi karakter Unicode tidak valid"}
    text = item.get("text")
    if not isinstance(text, str):
        return {
            "line": number,
            "id": ident,
            "error": "field 'text' tidak ada atau bukan string",
        }
    return number, ident, text


def run_triage(stdin: TextIO | BinaryIO, stdout: TextIO) -> int:
    """Stream JSONL triage; returns 0 (bad lines are reported in place, not fatal)."""
    from polmas.triage.pipeline import analyse_many

    pending: list[tuple[int, str, str] | dict[str, Any]] = []

    def analyse_job(number: int, ident: str, text: str) -> dict[str, Any]:
        try:
            return {"id": ident, **analyse_many([text])[0].as_dict()}
        except Exception as exc:
            error = f"gagal diproses: {exc.__class__.__name__}"
            return {"line": number, "id": ident, "error": error}

    def flush() -> None:
        jobs = [p for p in pending if isinstance(p, tuple)]
        try:
            done = [
                {"id": ident, **res.as_dict()}
                for (_, ident, _), res in zip(
                    jobs, analyse_many([t for _, _, t in jobs]), strict=True
                )
            ]
        except Exception:
            done = [analyse_job(*job) for job in jobs]
        results = iter(done)
        for item in pending:
            out = item if isinstance(item, dict) else next(results)
            stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        pending.clear()
        stdout.flush()

    for number, raw in enumerate(_binary_lines(stdin), start=1):
        pending.append(_parse(number, raw.rstrip(b"\r\n")))
        if len(pending) >= BATCH:
            flush()
    flush()
    return 0


def _positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not (math.isfinite(number) and number > 0):
        raise argparse.ArgumentTypeError(f"bukan bilangan positif: {value!r}")
    return number


def _train(args: argparse.Namespace, stdout: TextIO) -> int:
    from polmas.triage.training.train import train

    manifest = train(
        Path(args.data),
        Path(args.out),
        Path(args.corrections) if args.corrections else None,
        refit=not args.no_refit,
        seed_labels=not args.no_seed_labels,
        **({} if args.correction_weight is None else {"correction_weight": args.correction_weight}),
    )
    stdout.write(json.dumps(manifest["validation_metrics"], indent=2) + "\n")
    return 0


def _evaluate(args: argparse.Namespace, stdout: TextIO) -> int:
    from polmas.triage.training.fixtures import fixture_metrics
    from polmas.triage.training.metrics import JOINT, evaluate_baseline
    from polmas.triage.training.train import evaluation_metrics

    directory, data = Path(args.artifacts), Path(args.data)
    # The shipped heads have been fitted on the validation rows too, so scoring them there
    # would measure memory: the figures come from a fresh fit on the training splits alone.
    ours = evaluation_metrics(data)
    base = evaluate_baseline(data)
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    recorded = manifest.get("validation_metrics", {})
    stdout.write(
        f"{'metric (validation / held-out)':48} {'polmas':>8} {'baseline':>9} {'joint':>7} "
        f"{'manifest':>9}\n"
    )
    for key, value in ours.items():
        b, joint = base.get(key), base.get(key + JOINT)
        stdout.write(
            f"{key:48} {value:8.4f} {'' if b is None else f'{b:.4f}':>9} "
            f"{'' if joint is None else f'{joint:.4f}':>7} "
            f"{recorded.get(key, float('nan')):9.4f}\n"
        )
    stdout.write(
        "polmas: the recipe fitted on the training splits only (the shipped model adds the "
        "validation rows); baseline: each task's own training split; joint: sentiment "
        "baseline trained on SmSA and NusaX id/jv/su together\n"
    )
    stdout.write("\nself-written fixture check (not a held-out benchmark):\n")
    for key, value in fixture_metrics(directory=directory).items():
        stdout.write(f"{key:48} {value:8.4f}\n")
    return 0


def main(
    argv: list[str] | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    """Entry point of ``triage`` / ``python -m polmas.triage`` / ``polmas triage``."""
    out = stdout or sys.stdout
    parser = argparse.ArgumentParser(prog="triage", description="Polmas Indonesian text triage")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="JSONL on stdin -> JSONL on stdout (the default)")
    p_train = sub.add_parser("train", help="train all models from the shared data")
    p_train.add_argument("--data", default=str(shared_data_dir()))
    p_train.add_argument("--out", default=str(artifacts_dir()))
    p_train.add_argument(
        "--corrections", default=None, help="JSONL of {text, category and/or urgency}"
    )
    p_train.add_argument(
        "--no-seed-labels",
        action="store_true",
        help="learn category and urgency from --corrections alone, without the labelled "
        "messages shipped in polmas/triage/labels/",
    )
    p_train.add_argument(
        "--correction-weight",
        type=_positive_float,
        default=None,
        help="how many seed labels one --corrections line weighs (default: STAFF_WEIGHT of "
        "polmas/triage/training/corrections.py, 3)",
    )
    p_train.add_argument(
        "--no-refit",
        action="store_true",
        help="write the fit on the training splits (the measured one) instead of fitting "
        "again on the training, validation and held-out rows together",
    )
    p_eval = sub.add_parser("evaluate", help="validation metrics beside the baseline")
    p_eval.add_argument("--data", default=str(shared_data_dir()))
    p_eval.add_argument("--artifacts", default=str(artifacts_dir()))
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    if args.command == "train":
        return _train(args, out)
    if args.command == "evaluate":
        return _evaluate(args, out)
    return run_triage(stdin or sys.stdin, out)
