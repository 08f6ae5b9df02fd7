"""Category and urgency figures of the rules on labelled message files.

    PYTHONPATH=. .venv/bin/python benchmarks/triage/category_check.py            # all three
    PYTHONPATH=. .venv/bin/python benchmarks/triage/category_check.py --misses dev

Files (``polmas/triage/tests/fixtures/``):
- ``messages.jsonl`` (114): written by the author of the rules; shows the rules work as meant.
- ``category_dev.jsonl`` (160): written by a separate session that saw only
  ``docs/triage-labelling-guide.md``, never the rules. Rule changes are made by looking at its
  misses, so its figures after a change are optimistic.
- ``category_dev2.jsonl`` (160): written the same way, at the same time, on other situations.
  It was the test set of the first round of rule changes (scored once before and once after
  them, unseen); its misses were read in the second round, so it is a development set now.
- ``category_test.jsonl`` (200): written later, the same way, by a session that saw neither the
  rules nor the other sets. Only its totals are ever printed; nobody reads its misses.
- ``category_test3.jsonl`` (180, 55 % Dermayon Javanese): written later still, the same way.
  Only its totals are ever printed.
- ``category_dev3.jsonl`` (200) and ``category_test4.jsonl`` (200): written on 6 Dec 2026 by two
  more sessions that saw only the guide, while round 4 (urgency) was being made; both were
  scored unseen before and after it. dev3 may be read from round 5 on; test4 stays held out.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from polmas.triage.pipeline import analyse_many
from polmas.triage.training.fixtures import FIXTURES, fixture_metrics

FILES = {
    "self": FIXTURES,
    "dev": FIXTURES.parent / "category_dev.jsonl",
    "dev2": FIXTURES.parent / "category_dev2.jsonl",
    "test": FIXTURES.parent / "category_test.jsonl",
    "test3": FIXTURES.parent / "category_test3.jsonl",
    "dev3": FIXTURES.parent / "category_dev3.jsonl",
    "test4": FIXTURES.parent / "category_test4.jsonl",
}


def misses(path: Path) -> None:
    """Print every message whose category or urgency the rules get wrong (never for test)."""
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    results = analyse_many([i["text"] for i in items])
    wrong: Counter[tuple[str, str]] = Counter()
    for item, r in zip(items, results, strict=True):
        if r.category != item["category"] or r.urgency != item["urgency"]:
            wrong[(item["category"], r.category)] += r.category != item["category"]
            print(
                f"{item['id']} gold={item['category']}/{item['urgency']} "
                f"got={r.category}/{r.urgency}\n    {item['text']}"
            )
    print("most frequent category confusions (gold -> got):")
    for (gold, got), n in wrong.most_common(10):
        if n:
            print(f"  {gold} -> {got}: {n}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--misses", choices=["self", "dev", "dev2", "dev3"], help="list the misses of one file"
    )
    parser.add_argument(
        "--by-language", action="store_true", help="also the totals per language (id, jv, su)"
    )
    args = parser.parse_args()
    if args.misses:
        misses(FILES[args.misses])
        return 0
    print(f"{'file':5} {'n':>4} {'category':>9} {'urgency':>8} {'darurat R':>10} {'darurat P':>10}")
    for name, path in FILES.items():
        if not path.exists():
            continue
        for lang in (None, "id", "jv", "su") if args.by_language else (None,):
            m = fixture_metrics(path, lang=lang)
            if not m["n_messages"]:
                continue
            label = name if lang is None else f"  {lang}"
            print(
                f"{label:5} {int(m['n_messages']):4d} {m['category_accuracy']:9.3f} "
                f"{m['urgency_accuracy']:8.3f} {m['darurat_recall']:10.3f} "
                f"{m['darurat_precision']:10.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
