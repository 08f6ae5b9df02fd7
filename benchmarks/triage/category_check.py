"""Category and urgency figures of the triage on labelled message files.

    PYTHONPATH=. .venv/bin/python benchmarks/triage/category_check.py            # shipped triage
    PYTHONPATH=. .venv/bin/python benchmarks/triage/category_check.py --rules-only
    PYTHONPATH=. .venv/bin/python benchmarks/triage/category_check.py --seed-cv  # see below
    PYTHONPATH=. .venv/bin/python benchmarks/triage/category_check.py --misses dev3
    PYTHONPATH=. .venv/bin/python benchmarks/triage/category_check.py --misses dev3 --seed-cv
    PYTHONPATH=. .venv/bin/python benchmarks/triage/category_check.py --seed-cv --totals
    PYTHONPATH=. .venv/bin/python benchmarks/triage/category_check.py --seed-cv --totals \
        --extra NEW.jsonl [--extra-learnt]

Development files: the seed labels of ``paths.SEED_LABEL_FILES`` (``messages.jsonl`` is
``self``, ``category_devN.jsonl`` is ``devN``), then ``paths.DEVELOPMENT_ONLY_FILES``, which the
model never learns from (under ``--seed-cv`` they are scored with a model of all seed labels).
Who wrote each and which round read its misses is in ``polmas/triage/labels/README.md`` and in
docs/triage/category-urgency.md, "Checks on messages". Their misses were read to change the
rules, and the shipped corrections model is trained on every seed label, so the shipped triage's
figures on those are in-sample; ``--seed-cv`` gives the honest estimate.

Held-out files (``polmas/triage/tests/fixtures/``; only their totals are ever printed, nobody
reads their messages, and no model is trained on them):
- ``category_test.jsonl`` (200): written by a session that saw neither the rules nor the other
  sets.
- ``category_test3.jsonl`` (180, 55 % Dermayon Javanese): written later still, the same way.
- ``category_test4.jsonl`` (200): written on 6 Dec 2026, in parallel with dev3, the same way.
- ``category_test5.jsonl`` (200: 90 Indonesian, 75 Dermayon Javanese, 35 Sundanese): written on
  6 Dec 2026 (second stop) the same way, after every rule and seed label of this file's
  figures existed; scored only when the stop's changes were decided.
- ``category_test6.jsonl`` (200: 90 Indonesian, 75 Dermayon Javanese, 35 Sundanese): written in
  the third stop of 6 Dec 2026 the same way, after round 8 and the fourth development file;
  scored once before the fifth development file joined the seed labels and once after.
- ``category_test7.jsonl`` and ``category_test8.jsonl`` (200 each: 90 Indonesian, 75 Dermayon
  Javanese, 35 Sundanese; an ordinary week, and a month before a regional election): written in
  the seventh stop of 6 Dec 2026 the same way, after rounds 20–23 were decided, and scored under
  the code of the start of that stop, after round 23 and after round 25.

``--seed-cv`` trains the corrections model on all development files but one and scores that
one, for each of them, beside the rules alone: the honest estimate of what the seed labels add,
since the shipped model has seen them all. With ``--misses FILE`` it lists that file's misses
under the model of the others (the shipped triage has learnt every development message).
``--totals`` prints, instead of the table, the exact counts summed over the files (messages,
right categories and urgencies, darurat caught of labelled, false alarms): the
leave-one-file-out figures of docs/triage/category-rounds-*.md. ``--extra`` adds labelled files
not yet listed in ``paths`` (a new development file before it is decided), scored like the
development-only files; with ``--extra-learnt`` they join the seed labels and are left out in
turn. The decision between the two is the one the rounds record.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from polmas.triage.normalise import slang_dictionary
from polmas.triage.paths import DEVELOPMENT_FILES, SEED_LABEL_FILES, artifacts_dir
from polmas.triage.pipeline import analyse_many
from polmas.triage.training.corrections import train_corrections
from polmas.triage.training.fixtures import (
    any_held_out,
    fixture_metrics,
    held_out_files,
    label_counts,
    load_fixtures,
    rules_only_artifacts,
)


def short_name(path: Path) -> str:
    """``messages.jsonl`` -> ``self``, ``category_devN.jsonl`` -> ``devN``."""
    return "self" if path.stem == "messages" else path.stem.removeprefix("category_")


DEVELOPMENT = {short_name(p): p for p in DEVELOPMENT_FILES}
"""``self``, ``dev``, ``dev2``, ... -> the development files, in their order: the seed labels,
then the files the model does not learn from (``paths.DEVELOPMENT_ONLY_FILES``)."""
SEED = {short_name(p): p for p in SEED_LABEL_FILES}
"""The development files the model learns from (the seed labels)."""
HELD_OUT = held_out_files()
FILES = DEVELOPMENT | HELD_OUT


@contextmanager
def artifacts_copy(label_files: list[Path] | None) -> Iterator[Path]:
    """The shipped artifacts without their corrections model, or with one trained on
    ``label_files`` instead."""
    with tempfile.TemporaryDirectory() as folder:
        copy = rules_only_artifacts(Path(folder) / "artifacts")
        if label_files:
            lexicon = json.loads((copy / "lexicon.json").read_text(encoding="utf-8"))
            train_corrections(label_files, copy, slang_dictionary(), lexicon["to_indonesian"])
        yield copy


def model_of_the_others(name: str, seeds: dict[str, Path] = SEED) -> AbstractContextManager[Path]:
    """Artifacts whose corrections model is trained on every seed label file but ``name``."""
    return artifacts_copy([p for n, p in seeds.items() if n != name])


def misses(path: Path, directory: Path | None = None) -> None:
    """Print every message whose category or urgency the triage (of ``directory``, default the
    shipped artifacts) gets wrong (development files only)."""
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    results = analyse_many([i["text"] for i in items], directory=directory)
    wrong: Counter[tuple[str, str]] = Counter()
    urgency: Counter[tuple[str, str]] = Counter()
    for item, r in zip(items, results, strict=True):
        if r.category != item["category"] or r.urgency != item["urgency"]:
            wrong[(item["category"], r.category)] += r.category != item["category"]
            urgency[(item["urgency"], r.urgency)] += r.urgency != item["urgency"]
            print(
                f"{item['id']} gold={item['category']}/{item['urgency']} "
                f"got={r.category}/{r.urgency}\n    {item['text']}"
            )
    print("most frequent category confusions (gold -> got):")
    for (gold, got), n in wrong.most_common(10):
        if n:
            print(f"  {gold} -> {got}: {n}")
    print("urgency confusions (gold -> got):")
    for (gold, got), n in urgency.most_common():
        if n:
            print(f"  {gold} -> {got}: {n}")


def row(label: str, m: dict[str, float]) -> str:
    return (
        f"{label:12} {int(m['n_messages']):4d} {m['category_accuracy']:9.3f} "
        f"{m['urgency_accuracy']:8.3f} {m['darurat_recall']:10.3f} "
        f"{m['darurat_precision']:10.3f}"
    )


HEADER = f"{'file':12} {'n':>4} {'category':>9} {'urgency':>8} {'darurat R':>10} {'darurat P':>10}"


def seed_cv() -> None:
    """Leave one development file out: rules alone, and rules + a model of the others."""
    print(HEADER)
    with artifacts_copy(None) as rules_only:
        for name, path in DEVELOPMENT.items():
            with model_of_the_others(name) as seeded:
                print(row(f"{name} rules", fixture_metrics(path, directory=rules_only)))
                print(row(f"{name} +seed", fixture_metrics(path, directory=seeded)))


def seed_cv_totals(extra: list[Path], learnt: bool) -> dict[str, int]:
    """Leave one development file out, the counts summed: every seed file (and each ``extra``
    file when ``learnt``) is scored by a model of the other seed files, every other file by a
    model of all of them."""
    seeds = dict(SEED) | ({short_name(p): p for p in extra} if learnt else {})
    files = DEVELOPMENT | {short_name(p): p for p in extra}
    totals: Counter[str] = Counter()
    for name, path in files.items():
        with model_of_the_others(name, seeds) as seeded:
            totals.update(label_counts(load_fixtures(path), seeded))
    return dict(totals)


def print_totals(c: dict[str, int], n_files: int) -> None:
    print(
        f"{n_files} files, {c['messages']} messages: category {c['category_right']}, "
        f"urgency {c['urgency_right']}, darurat caught {c['darurat_caught']} of "
        f"{c['darurat_gold']}, false alarms {c['darurat_flagged'] - c['darurat_caught']}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--misses", choices=list(DEVELOPMENT), help="list the misses of one development file"
    )
    parser.add_argument(
        "--by-language", action="store_true", help="also the totals per language (id, jv, su)"
    )
    parser.add_argument("--rules-only", action="store_true", help="without the corrections model")
    parser.add_argument(
        "--seed-cv", action="store_true", help="leave-one-file-out over the development files"
    )
    parser.add_argument(
        "--totals", action="store_true", help="with --seed-cv: exact counts summed over the files"
    )
    parser.add_argument(
        "--extra", type=Path, nargs="+", default=[], help="with --seed-cv --totals: more files"
    )
    parser.add_argument(
        "--extra-learnt", action="store_true", help="the --extra files join the seed labels"
    )
    args = parser.parse_args()
    if (args.extra or args.extra_learnt) and not (args.seed_cv and args.totals):
        parser.error("--extra and --extra-learnt go with --seed-cv --totals")
    if any_held_out(args.extra):
        print("a held-out file is never a development file", file=sys.stderr)
        return 2
    if args.seed_cv and args.totals:
        totals = seed_cv_totals(args.extra, args.extra_learnt)
        print_totals(totals, len(DEVELOPMENT) + len(args.extra))
        return 0
    if args.misses and args.seed_cv:  # the file's misses under a model of the others
        with model_of_the_others(args.misses) as seeded:
            misses(FILES[args.misses], seeded)
        return 0
    if args.misses:
        misses(FILES[args.misses])
        return 0
    if args.seed_cv:
        seed_cv()
        return 0
    with artifacts_copy(None) as rules_only:
        directory = rules_only if args.rules_only else artifacts_dir()
        print(HEADER)
        for name, path in FILES.items():
            for lang in (None, "id", "jv", "su") if args.by_language else (None,):
                m = fixture_metrics(path, directory=directory, lang=lang)
                if m["n_messages"]:
                    print(row(name if lang is None else f"  {lang}", m))
    return 0


if __name__ == "__main__":
    sys.exit(main())
