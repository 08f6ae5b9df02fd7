"""What a change of the keyword rules does, message by message, on the development files.

    git show HEAD:polmas/triage/rules/category_rules.json > /tmp/before.json
    PYTHONPATH=. .venv/bin/python benchmarks/triage/rules_diff.py /tmp/before.json
    PYTHONPATH=. .venv/bin/python benchmarks/triage/rules_diff.py /tmp/before.json --show
    PYTHONPATH=. .venv/bin/python benchmarks/triage/rules_diff.py A.json B.json --files x.jsonl

Both rule files decide category and urgency alone (no seed model) through the pipeline itself
(``analyse_many`` on rules-only artifacts with the rule file swapped in). For each file it counts
the messages whose category or urgency the change made right (+) or wrong (-); a change between
two wrong answers counts for neither. ``--show`` lists every changed message. The second rule
file defaults to the working copy. Files default to the development files
(``paths.DEVELOPMENT_FILES``: the seed labels and the development-only files); the held-out files
are refused, because nobody reads their messages
(docs/triage/category-urgency.md, "Checks on messages").
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from polmas.triage.paths import DEVELOPMENT_FILES, RULES_FILE
from polmas.triage.pipeline import analyse_many, get_models
from polmas.triage.ruleset import RuleSet
from polmas.triage.training.fixtures import any_held_out, rules_only_artifacts


def rules_only_folder(rules_file: Path, folder: Path) -> Path:
    """Rules-only artifacts in ``folder`` whose loaded models decide with ``rules_file``."""
    directory = rules_only_artifacts(folder)
    get_models(directory).rules = RuleSet.from_file(rules_file)
    return directory


def decisions(texts: list[str], directory: Path) -> list[tuple[str, str]]:
    """(category, urgency) of each text, as the pipeline of ``directory`` decides them."""
    return [(r.category, r.urgency) for r in analyse_many(texts, directory=directory)]


@dataclass
class Tally:
    """Messages made right (+) and wrong (-) per field."""

    counts: dict[str, int] = field(
        default_factory=lambda: {"category+": 0, "category-": 0, "urgency+": 0, "urgency-": 0}
    )

    def add(self, other: Tally) -> None:
        for key, value in other.counts.items():
            self.counts[key] += value

    def __str__(self) -> str:
        c = self.counts
        return (
            f"category +{c['category+']} / -{c['category-']}, "
            f"urgency +{c['urgency+']} / -{c['urgency-']}"
        )


def diff_file(path: Path, before: Path, after: Path, show: bool) -> Tally:
    tally = Tally()
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    texts = [row["text"] for row in rows]
    pairs = zip(rows, decisions(texts, before), decisions(texts, after), strict=True)
    for row, old, new in pairs:
        for position, name in enumerate(("category", "urgency")):
            if old[position] == new[position]:
                continue
            gold = row[name]
            if new[position] == gold:
                tally.counts[f"{name}+"] += 1
            elif old[position] == gold:
                tally.counts[f"{name}-"] += 1
            if show:
                print(
                    f"  {path.stem} {row.get('id', '?')} {name}: {old[position]} -> "
                    f"{new[position]} (gold {gold}) | {row['text'][:160]}"
                )
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path, help="the rules file before the change")
    parser.add_argument("after", type=Path, nargs="?", default=RULES_FILE)
    parser.add_argument("--files", type=Path, nargs="+", default=list(DEVELOPMENT_FILES))
    parser.add_argument("--show", action="store_true", help="list every changed message")
    args = parser.parse_args()
    if any_held_out(args.files):
        print("the held-out files are never read message by message", file=sys.stderr)
        return 2
    total = Tally()
    n_messages = 0
    with tempfile.TemporaryDirectory() as folder:
        before = rules_only_folder(args.before, Path(folder) / "before")
        after = rules_only_folder(args.after, Path(folder) / "after")
        for path in args.files:
            tally = diff_file(path, before, after, args.show)
            n_messages += sum(1 for line in path.open(encoding="utf-8") if line.strip())
            if any(tally.counts.values()):
                print(f"{path.stem}: {tally}")
            total.add(tally)
    print(f"all {len(args.files)} files ({n_messages} messages): {total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
