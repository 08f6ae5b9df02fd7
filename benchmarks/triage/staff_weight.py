"""How much one staff correction should weigh against one seed label (``STAFF_WEIGHT``).

    PYTHONPATH=. .venv/bin/python benchmarks/triage/staff_weight.py [--weights 1 3 10]

Staff corrections are messages of the deployment's own residents; the seed labels were written
from the labelling guide. The simulation takes each development file in turn as "the
deployment" (each was written with its own angle: Dermayon Javanese, the urgency boundaries,
the categories easy to confuse). Its messages are split in two halves by a fixed seed. One half
plays the staff's corrections, at each weight; the other development files are the seed labels
at weight 1; the other half is scored. Then the halves swap. Held-out files are not read.

Printed: for each weight, the category and urgency accuracy and the darurat recall of the
scored halves, pooled over every file and both halves (so each development message is scored
once per weight), with the rules alone and the seed labels alone (weight 0) beside them.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from pathlib import Path

from polmas.triage.normalise import slang_dictionary
from polmas.triage.paths import SEED_LABEL_FILES
from polmas.triage.pipeline import analyse_many
from polmas.triage.training.corrections import train_corrections
from polmas.triage.training.fixtures import load_fixtures, rules_only_artifacts

SPLIT_SEED = 7
DEPLOYMENTS = SEED_LABEL_FILES[1:]  # not the rule author's own examples


def _write(items: list[dict[str, str]], path: Path) -> Path:
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), "utf-8")
    return path


def _score(items: list[dict[str, str]], directory: Path | None) -> tuple[int, int, int, int]:
    """Right categories, right urgencies, darurat caught, darurat in ``items``."""
    results = analyse_many([i["text"] for i in items], directory=directory)
    pairs = list(zip(items, results, strict=True))
    return (
        sum(r.category == i["category"] for i, r in pairs),
        sum(r.urgency == i["urgency"] for i, r in pairs),
        sum(r.urgency == "darurat" and i["urgency"] == "darurat" for i, r in pairs),
        sum(i["urgency"] == "darurat" for i, _ in pairs),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights", type=float, nargs="+", default=[0.0, 1.0, 3.0, 10.0])
    args = parser.parse_args()
    slang = slang_dictionary()
    totals: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        rules = rules_only_artifacts(root / "rules")
        lexicon = json.loads((rules / "lexicon.json").read_text(encoding="utf-8"))["to_indonesian"]
        for deployment in DEPLOYMENTS:
            items = load_fixtures(deployment)
            random.Random(SPLIT_SEED).shuffle(items)
            halves = (items[: len(items) // 2], items[len(items) // 2 :])
            seeds = [p for p in SEED_LABEL_FILES if p != deployment]
            for k, (staff, scored) in enumerate((halves, halves[::-1])):
                staff_file = _write(staff, root / f"staff_{deployment.stem}_{k}.jsonl")
                rows = {"rules alone": _score(scored, rules)}
                for weight in args.weights:
                    out = rules_only_artifacts(root / f"w{weight}_{deployment.stem}_{k}")
                    files = [*seeds, staff_file] if weight > 0 else seeds
                    weights = [1.0] * len(seeds) + ([weight] if weight > 0 else [])
                    train_corrections(files, out, slang, lexicon, weights=weights)
                    label = f"staff weight {weight:g}" if weight > 0 else "seed labels only"
                    rows[label] = _score(scored, out)
                for label, counts in rows.items():
                    old = totals.setdefault(label, [0, 0, 0, 0, 0])
                    for j, v in enumerate((*counts, len(scored))):
                        old[j] += v
            print(f"done: {deployment.name}", flush=True)
    print(f"{'setting':20} {'n':>5} {'category':>9} {'urgency':>8} {'darurat R':>10}")
    for label, (cat, urg, caught, darurat, n) in totals.items():
        print(f"{label:20} {n:5d} {cat / n:9.3f} {urg / n:8.3f} {caught / max(darurat, 1):10.3f}")


if __name__ == "__main__":
    main()
