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
from collections import Counter
from pathlib import Path

from polmas.triage.normalise import slang_dictionary
from polmas.triage.paths import SEED_LABEL_FILES
from polmas.triage.training.corrections import train_corrections
from polmas.triage.training.fixtures import label_counts, load_fixtures, rules_only_artifacts

SPLIT_SEED = 7
DEPLOYMENTS = SEED_LABEL_FILES[1:]  # not the rule author's own examples


def _write(items: list[dict[str, str]], path: Path) -> Path:
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), "utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights", type=float, nargs="+", default=[0.0, 1.0, 3.0, 10.0])
    args = parser.parse_args()
    slang = slang_dictionary()
    totals: dict[str, Counter[str]] = {}
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
                rows = {"rules alone": label_counts(scored, rules)}
                for weight in args.weights:
                    out = rules_only_artifacts(root / f"w{weight}_{deployment.stem}_{k}")
                    files = [*seeds, staff_file] if weight > 0 else seeds
                    weights = [1.0] * len(seeds) + ([weight] if weight > 0 else [])
                    train_corrections(files, out, slang, lexicon, weights=weights)
                    label = f"staff weight {weight:g}" if weight > 0 else "seed labels only"
                    rows[label] = label_counts(scored, out)
                for label, counts in rows.items():
                    totals.setdefault(label, Counter()).update(counts)
            print(f"done: {deployment.name}", flush=True)
    print(f"{'setting':20} {'n':>5} {'category':>9} {'urgency':>8} {'darurat R':>10}")
    for label, c in totals.items():
        n, recall = c["messages"], c["darurat_caught"] / max(c["darurat_gold"], 1)
        print(
            f"{label:20} {n:5d} {c['category_right'] / n:9.3f} {c['urgency_right'] / n:8.3f} "
            f"{recall:10.3f}"
        )


if __name__ == "__main__":
    main()
