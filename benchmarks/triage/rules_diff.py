"""What a change of the keyword rules does, message by message, on the development files.

    git show HEAD:polmas/triage/rules/category_rules.json > /tmp/before.json
    PYTHONPATH=. .venv/bin/python benchmarks/triage/rules_diff.py /tmp/before.json
    PYTHONPATH=. .venv/bin/python benchmarks/triage/rules_diff.py /tmp/before.json --show
    PYTHONPATH=. .venv/bin/python benchmarks/triage/rules_diff.py A.json B.json --files x.jsonl

Both rule files decide category and urgency alone (no seed model), exactly as the pipeline's
rules do (``settled_category`` included). For each file it counts the messages whose category
or urgency the change made right (+) or wrong (-); a change between two wrong answers counts
for neither. ``--show`` lists every changed message. The second rule file defaults to the
working copy. Files default to the seed labels (``paths.SEED_LABEL_FILES``); the held-out files
are refused, because nobody reads their messages (docs/triage.md, "Checks on messages").
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from polmas.triage.features import unescape
from polmas.triage.normalise import load_slang_dictionary, normalise_fast
from polmas.triage.paths import RULES_FILE, SEED_LABEL_FILES, artifacts_dir
from polmas.triage.rules import (
    RuleSet,
    best_category,
    category_scores,
    fold_accents,
    keyword_hits,
    negated_keywords,
    settled_category,
    urgency_for,
    without_courtesy,
)
from polmas.triage.training.fixtures import HELD_OUT_DIR


def rules_decision(text: str, rules: RuleSet, slang: dict[str, str]) -> tuple[str, str]:
    """(category, urgency) of ``text`` by ``rules`` alone, as ``pipeline.analyse_many`` decides
    them without a corrections model."""
    plain = unescape(text)
    both = (fold_accents(plain.lower()), fold_accents(normalise_fast(plain, slang)))
    found = without_courtesy(keyword_hits(both, rules), rules)
    category = best_category(category_scores(found, rules), rules)
    urgency = urgency_for(found - negated_keywords(both, found, rules), category, rules)
    return settled_category(category, urgency, rules), urgency


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


def diff_file(
    path: Path, before: RuleSet, after: RuleSet, slang: dict[str, str], show: bool
) -> Tally:
    tally = Tally()
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    for row in rows:
        old = rules_decision(row["text"], before, slang)
        new = rules_decision(row["text"], after, slang)
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
    parser.add_argument("--files", type=Path, nargs="+", default=list(SEED_LABEL_FILES))
    parser.add_argument("--show", action="store_true", help="list every changed message")
    args = parser.parse_args()
    held_out = HELD_OUT_DIR.resolve()
    if any(held_out in path.resolve().parents for path in args.files):
        print("the held-out files are never read message by message", file=sys.stderr)
        return 2
    before, after = RuleSet.from_file(args.before), RuleSet.from_file(args.after)
    slang = load_slang_dictionary(artifacts_dir())
    total = Tally()
    n_messages = 0
    for path in args.files:
        tally = diff_file(path, before, after, slang, args.show)
        n_messages += sum(1 for line in path.open(encoding="utf-8") if line.strip())
        if any(tally.counts.values()):
            print(f"{path.stem}: {tally}")
        total.add(tally)
    print(f"all {len(args.files)} files ({n_messages} messages): {total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
