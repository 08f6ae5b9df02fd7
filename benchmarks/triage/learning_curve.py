"""Does more labelled data still help? The training code on a random part of the training rows.

Usage: PYTHONPATH=. python benchmarks/triage/learning_curve.py hate|sentiment FRACTION SEED

``hate`` fits every head with a random FRACTION of the hate-speech training part (the 80 %);
``sentiment`` with a random FRACTION of SmSA train and of the NusaX ids. Everything else is the
unchanged recipe of ``polmas triage train`` (its measured fit), scored on the same validation
files and held-out rows, so the figures compare directly with the manifest's. It answers one
question: whether fitting the shipped heads on the validation rows too should help (see
"Measured fit and shipped fit" in docs/triage.md). About 2 minutes per run.

The loaders are replaced by ones that return the subset (``setattr`` on the training modules),
so the script needs no switch in the library code for this one question.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from polmas.triage.paths import shared_data_dir
from polmas.triage.training import sentiment
from polmas.triage.training import train as training
from polmas.triage.training.data import HateRow, Split, load_hate, load_slang, load_smsa


def use_part_of_hate(data: Path, fraction: float, rng: np.random.Generator) -> int:
    """Make the training code see ``fraction`` of the hate-speech training part."""
    rows, held = load_hate(data)
    keep = sorted(int(i) for i in rng.permutation(len(rows))[: int(fraction * len(rows))])
    part = [rows[i] for i in keep]

    def part_of_hate(_: Path) -> tuple[list[HateRow], list[HateRow]]:
        return part, held

    setattr(training, "load_hate", part_of_hate)  # noqa: B010 (a module attribute on purpose)
    return len(part)


def use_part_of_sentiment(data: Path, fraction: float, rng: np.random.Generator) -> int:
    """Make the training code see ``fraction`` of SmSA train and of the NusaX ids."""
    smsa = load_smsa(data, "train")
    keep = sorted(
        int(i) for i in rng.permutation(len(smsa.texts))[: int(fraction * len(smsa.texts))]
    )
    part = Split([smsa.texts[i] for i in keep], [smsa.labels[i] for i in keep])
    read_nusax = sentiment.nusax_rows
    ids = sorted(read_nusax(data, "javanese"), key=int)
    kept_ids = {ids[int(i)] for i in rng.permutation(len(ids))[: int(fraction * len(ids))]}

    def smsa_part(path: Path, split: str) -> Split:
        return part if split == "train" else load_smsa(path, split)

    def nusax_part(path: Path, lang: str, split: str = "train") -> dict[str, tuple[str, str]]:
        rows = read_nusax(path, lang, split)
        return {k: v for k, v in rows.items() if k in kept_ids} if split == "train" else rows

    setattr(sentiment, "load_smsa", smsa_part)  # noqa: B010
    setattr(sentiment, "nusax_rows", nusax_part)  # noqa: B010
    return len(part.texts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("part", choices=("hate", "sentiment"))
    parser.add_argument("fraction", type=float)
    parser.add_argument("seed", type=int)
    args = parser.parse_args()
    data = shared_data_dir()
    rng = np.random.default_rng(args.seed)
    use = use_part_of_hate if args.part == "hate" else use_part_of_sentiment
    rows = use(data, args.fraction, rng)
    fitted = training.fit_all(data, load_slang(data), with_validation=False)
    metrics = training.scores_of(fitted, data)
    shown = {
        k: v for k, v in metrics.items() if k.startswith(("sentiment", "hate_speech_f1", "abusive"))
    }
    print(f"{args.part} fraction {args.fraction} seed {args.seed}: {rows} rows")
    print(json.dumps(shown, indent=2))


if __name__ == "__main__":
    main()
