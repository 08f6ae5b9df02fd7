"""Loaders for the shared NLP data and the fixed hate-speech held-out split."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sklearn.model_selection import train_test_split

HATE_SEED = 42
HATE_HOLDOUT = 0.2
HATE_TARGETS = (
    "religion",
    "race",
    "group",
    "individual",
    "gender",
    "physical",
    "other",
)
HATE_STRENGTHS = ("weak", "moderate", "strong")
NUSAX_LANGS = ("indonesian", "javanese", "sundanese")


@dataclass(frozen=True, slots=True)
class Split:
    """Texts and labels of one split."""

    texts: list[str]
    labels: list[str]


def training_split(
    load: Callable[[Path, str], Split], data: Path, with_validation: bool = False
) -> Split:
    """The ``train`` split of ``load``, followed by its ``valid`` split when
    ``with_validation`` (rows the shipped fit adds; :func:`polmas.triage.training.train.train`)."""
    rows = load(data, "train")
    if not with_validation:
        return rows
    valid = load(data, "valid")
    return Split(rows.texts + valid.texts, rows.labels + valid.labels)


@dataclass(frozen=True, slots=True)
class HateRow:
    """One tweet of the hate-speech set with its labels."""

    text: str
    hs: bool
    abusive: bool
    targets: tuple[str, ...]
    strength: str  # "" when not hate speech


def sha256(path: Path) -> str:
    """SHA-256 hex digest of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def load_smsa(data: Path, split: str) -> Split:
    """SmSA ``train``/``valid`` (tab-separated text and label, no header)."""
    texts, labels = [], []
    path = data / "nlp" / "smsa" / f"{split}_preprocess.tsv"
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line:
                continue
            text, label = line.rsplit("\t", 1)
            texts.append(text)
            labels.append(label)
    return Split(texts, labels)


def load_nusax(data: Path, lang: str, split: str) -> Split:
    """NusaX-Senti ``train``/``valid`` for one language."""
    path = data / "nlp" / "nusax" / lang / f"{split}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return Split([r["text"] for r in rows], [r["label"] for r in rows])


def load_emot(data: Path, split: str) -> Split:
    """EmoT ``train``/``valid``."""
    path = data / "nlp" / "emot" / f"{split}_preprocess.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return Split([r["tweet"] for r in rows], [r["label"] for r in rows])


def load_hate(data: Path) -> tuple[list[HateRow], list[HateRow]]:
    """The hate-speech train file split 80/20 (stratified on HS x Abusive, seed 42).

    The second list is the held-out split: it is never used for fitting or model selection.
    """
    path = data / "nlp" / "hatespeech" / "train.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        raw = list(csv.DictReader(handle))
    rows: list[HateRow] = []
    for r in raw:
        targets = tuple(t for t in HATE_TARGETS if r[f"HS_{t.capitalize()}"] == "1")
        strength = next((s for s in HATE_STRENGTHS if r[f"HS_{s.capitalize()}"] == "1"), "")
        rows.append(HateRow(r["Tweet"], r["HS"] == "1", r["Abusive"] == "1", targets, strength))
    strata = [int(r.hs) * 2 + int(r.abusive) for r in rows]
    train, held = train_test_split(
        rows, test_size=HATE_HOLDOUT, random_state=HATE_SEED, stratify=strata
    )
    return list(train), list(held)


def load_slang(data: Path) -> dict[str, str]:
    """``new_kamusalay.csv`` (latin-1, no header) as lower-case single-token entries."""
    table: dict[str, str] = {}
    path = data / "nlp" / "hatespeech" / "new_kamusalay.csv"
    with path.open(encoding="latin-1", newline="") as handle:
        for row in csv.reader(handle):
            if len(row) < 2:
                continue
            key, value = row[0].strip().lower(), row[1].strip().lower()
            if key and value and " " not in key and key != value:
                table[key] = value
    return table


def load_abusive_lexicon(data: Path) -> frozenset[str]:
    """``abusive.csv`` (one word per line after the ``ABUSIVE`` header), lower-case."""
    path = data / "nlp" / "hatespeech" / "abusive.csv"
    with path.open(encoding="latin-1", newline="") as handle:
        words = [line.strip().lower() for line in handle]
    return frozenset(w for w in words[1:] if w)


def data_files(data: Path) -> list[Path]:
    """Every shared file the training reads (for the manifest checksums)."""
    nlp = data / "nlp"
    files = [nlp / "smsa" / f"{s}_preprocess.tsv" for s in ("train", "valid")]
    files += [nlp / "emot" / f"{s}_preprocess.csv" for s in ("train", "valid")]
    files += [nlp / "nusax" / lang / f"{s}.csv" for lang in NUSAX_LANGS for s in ("train", "valid")]
    files += [
        nlp / "hatespeech" / "train.csv",
        nlp / "hatespeech" / "new_kamusalay.csv",
        nlp / "hatespeech" / "abusive.csv",
    ]
    files.append(data / "regions" / "indramayu_wilayah.csv")
    return files
