"""Category / urgency figures on a labelled message file.

``polmas/triage/labels/messages.jsonl`` (the default) was written by the developer of the rules,
and every file in ``labels/`` is also training data of the shipped corrections model, so their
figures show that rules and model work as intended, not how they generalise. The held-out files
are in ``polmas/triage/tests/fixtures/`` (``benchmarks/triage/category_check.py``).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from polmas.triage.paths import PACKAGE_DIR, SEED_LABELS_DIR, artifacts_dir

FIXTURES = SEED_LABELS_DIR / "messages.jsonl"
HELD_OUT_DIR = PACKAGE_DIR / "tests" / "fixtures"


def held_out_files() -> dict[str, Path]:
    """``test``, ``test3``, ... -> the held-out label files (``category_test*.jsonl``), in name
    order; only their totals are ever printed (benchmarks/triage/category_check.py)."""
    paths = sorted(HELD_OUT_DIR.glob("category_test*.jsonl"))
    return {p.stem.removeprefix("category_"): p for p in paths}


def any_held_out(paths: list[Path]) -> bool:
    """Whether one of ``paths`` is a held-out file (under ``HELD_OUT_DIR``): the development
    benchmarks refuse them, since nobody reads their messages or learns from them."""
    held_out = HELD_OUT_DIR.resolve()
    return any(held_out in path.resolve().parents for path in paths)


def load_fixtures(path: Path = FIXTURES) -> list[dict[str, str]]:
    """The labelled fixture messages."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def fixture_metrics(
    path: Path = FIXTURES, directory: Path | None = None, lang: str | None = None
) -> dict[str, float]:
    """Category accuracy, urgency accuracy, darurat recall and precision (``lang``: of the
    messages in one language only, ``id``, ``jv`` or ``su``)."""
    items = [i for i in load_fixtures(path) if lang is None or i.get("lang") == lang]
    if not items:
        return {"n_messages": 0.0}
    return metrics_from_counts(label_counts(items, directory))


def metrics_from_counts(c: dict[str, int]) -> dict[str, float]:
    """The figures of :func:`label_counts` (of one file, or summed over several)."""
    n = c["messages"]
    return {
        "n_messages": float(n),
        "category_accuracy": round(c["category_right"] / n, 4),
        "urgency_accuracy": round(c["urgency_right"] / n, 4),
        "darurat_recall": round(c["darurat_caught"] / max(c["darurat_gold"], 1), 4),
        "darurat_precision": round(c["darurat_caught"] / max(c["darurat_flagged"], 1), 4),
    }


def label_counts(items: list[dict[str, str]], directory: Path | None = None) -> dict[str, int]:
    """The triage of labelled ``items`` (of ``directory``, default the active artifacts), counted:
    messages, right categories, right urgencies, and darurat caught / labelled / flagged."""
    from polmas.triage.pipeline import analyse_many

    results = analyse_many([i["text"] for i in items], directory=directory)
    pairs = list(zip(items, results, strict=True))
    return {
        "messages": len(pairs),
        "category_right": sum(r.category == i["category"] for i, r in pairs),
        "urgency_right": sum(r.urgency == i["urgency"] for i, r in pairs),
        "darurat_caught": sum(r.urgency == i["urgency"] == "darurat" for i, r in pairs),
        "darurat_gold": sum(i["urgency"] == "darurat" for i, _ in pairs),
        "darurat_flagged": sum(r.urgency == "darurat" for _, r in pairs),
    }


def rules_only_artifacts(target: Path) -> Path:
    """A copy of the active artifacts in ``target`` without the corrections model, so that the
    keyword rules alone decide category and urgency; returns ``target``."""
    shutil.copytree(artifacts_dir(), target)
    for name in ("corrections.npz", "corrections.json"):
        (target / name).unlink(missing_ok=True)
    return target
