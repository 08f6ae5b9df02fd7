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


def load_fixtures(path: Path = FIXTURES) -> list[dict[str, str]]:
    """The labelled fixture messages."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def fixture_metrics(
    path: Path = FIXTURES, directory: Path | None = None, lang: str | None = None
) -> dict[str, float]:
    """Category accuracy, urgency accuracy, darurat recall and precision (``lang``: of the
    messages in one language only, ``id``, ``jv`` or ``su``)."""
    from polmas.triage.pipeline import analyse_many

    items = [i for i in load_fixtures(path) if lang is None or i.get("lang") == lang]
    if not items:
        return {"n_messages": 0.0}
    results = analyse_many([i["text"] for i in items], directory=directory)
    n = len(items)
    cat_ok = sum(r.category == i["category"] for r, i in zip(results, items, strict=True))
    urg_ok = sum(r.urgency == i["urgency"] for r, i in zip(results, items, strict=True))
    gold = [i["urgency"] == "darurat" for i in items]
    pred = [r.urgency == "darurat" for r in results]
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    return {
        "n_messages": float(n),
        "category_accuracy": round(cat_ok / n, 4),
        "urgency_accuracy": round(urg_ok / n, 4),
        "darurat_recall": round(tp / max(sum(gold), 1), 4),
        "darurat_precision": round(tp / max(sum(pred), 1), 4),
    }


def rules_only_artifacts(target: Path) -> Path:
    """A copy of the active artifacts in ``target`` without the corrections model, so that the
    keyword rules alone decide category and urgency; returns ``target``."""
    shutil.copytree(artifacts_dir(), target)
    for name in ("corrections.npz", "corrections.json"):
        (target / name).unlink(missing_ok=True)
    return target
