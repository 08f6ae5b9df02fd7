"""Loading the shared development data (read at train/evaluate time, never committed)."""

from __future__ import annotations

import csv
import hashlib
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from polmas.hoaxes.matching.text import url_words

TBH_RELATIVE = Path("hoaxes") / "turnbackhoax_2025_2026.csv"
KAMUSALAY_RELATIVE = Path("nlp") / "hatespeech" / "new_kamusalay.csv"


def repo_root() -> Path:
    """The repository root (the folder holding the ``polmas`` package)."""
    return Path(__file__).resolve().parents[3]


def shared_data_dir() -> Path:
    """``$POLMAS_SHARED_DATA`` or the ``shared/data`` folder beside the repository root."""
    env = os.environ.get("POLMAS_SHARED_DATA")
    if env:
        return Path(env)
    return repo_root().parent / "shared" / "data"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class FactCheck:
    """One TurnBackHoax article as used for development."""

    id: str
    title: str
    day: date | None
    narasi: str
    penjelasan: str
    kesimpulan: str


def title_from_url(url: str) -> str:
    """Headline from a TurnBackHoax slug (leading number and verdict word removed)."""
    return url_words(url)


def load_turnbackhoax(path: Path | None = None) -> list[FactCheck]:
    """All rows of the TurnBackHoax CSV, sorted by (date, id)."""
    csv_path = path or shared_data_dir() / TBH_RELATIVE
    out: list[FactCheck] = []
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            url = row["url"].strip()
            slug = url.rstrip("/").rsplit("/", 1)[-1]
            raw_date = row["date"].strip()
            day: date | None = None
            if raw_date:
                d, m, y = (int(x) for x in raw_date.split("/"))
                day = date(y, m, d)
            out.append(
                FactCheck(
                    id=slug.split("-", 1)[0],
                    title=title_from_url(url),
                    day=day,
                    narasi=row["narasi"].strip(),
                    penjelasan=row["penjelasan"].strip(),
                    kesimpulan=row["kesimpulan"].strip(),
                )
            )
    out.sort(key=lambda fc: (fc.day or date.min, int(fc.id) if fc.id.isdigit() else 0, fc.id))
    return out


def split_by_date(
    rows: list[FactCheck], train_fraction: float = 0.7
) -> tuple[list[FactCheck], list[FactCheck]]:
    """Older ``train_fraction`` of the dated articles for training, the newer rest for validation.

    Articles published on the cut-off day all go to the same side, so no day is split. Undated
    rows (the scraper failed on them; they have no narasi) belong to neither split: they are
    only knowledge-base distractors.
    """
    dated = [fc for fc in rows if fc.day is not None]
    if not dated:
        return [], []
    ordered = sorted(dated, key=lambda fc: fc.day or date.min)
    cut = int(len(ordered) * train_fraction)
    cut_day = ordered[min(cut, len(ordered) - 1)].day or date.min
    train = [fc for fc in ordered if (fc.day or date.min) < cut_day]
    valid = [fc for fc in ordered if (fc.day or date.min) >= cut_day]
    return train, valid


def load_slang(path: Path | None = None) -> dict[str, str]:
    """Slang -> formal map from ``new_kamusalay.csv`` (latin-1, no header)."""
    csv_path = path or shared_data_dir() / KAMUSALAY_RELATIVE
    slang: dict[str, str] = {}
    with csv_path.open(encoding="latin-1", newline="") as handle:
        for row in csv.reader(handle):
            if len(row) >= 2:
                key, value = row[0].strip().lower(), row[1].strip().lower()
                if key and value and key != value and " " not in key:
                    slang.setdefault(key, value)
    return slang


def nlp_texts(base: Path | None = None) -> list[str]:
    """Unlabelled Indonesian texts from the shared NLP corpora (training splits + valid)."""
    root = (base or shared_data_dir()) / "nlp"
    texts: list[str] = []
    for name in ("train_preprocess.tsv", "valid_preprocess.tsv"):
        with (root / "smsa" / name).open(encoding="utf-8") as handle:
            texts.extend(line.rsplit("\t", 1)[0] for line in handle if line.strip())
    for name in ("train_preprocess.csv", "valid_preprocess.csv"):
        with (root / "emot" / name).open(encoding="utf-8", newline="") as handle:
            texts.extend(row["tweet"] for row in csv.DictReader(handle))
    with (root / "hatespeech" / "train.csv").open(encoding="utf-8", newline="") as handle:
        texts.extend(row["Tweet"] for row in csv.DictReader(handle))
    for lang in ("indonesian", "javanese", "sundanese"):
        for name in ("train.csv", "valid.csv"):
            with (root / "nusax" / lang / name).open(encoding="utf-8", newline="") as handle:
                texts.extend(row["text"] for row in csv.DictReader(handle))
    return texts


def nlp_files(base: Path | None = None) -> list[Path]:
    """The files read by :func:`nlp_texts` and :func:`load_slang` (for the manifest)."""
    root = (base or shared_data_dir()) / "nlp"
    files = [root / "smsa" / n for n in ("train_preprocess.tsv", "valid_preprocess.tsv")]
    files += [root / "emot" / n for n in ("train_preprocess.csv", "valid_preprocess.csv")]
    files.append(root / "hatespeech" / "train.csv")
    files.append(root / "hatespeech" / "new_kamusalay.csv")
    for lang in ("indonesian", "javanese", "sundanese"):
        files += [root / "nusax" / lang / n for n in ("train.csv", "valid.csv")]
    return files
