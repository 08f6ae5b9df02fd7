"""Sentiment training set: SmSA + NusaX, a pseudo-Indonesian view and translated SmSA rows.

1. Word lexicons Javanese -> Indonesian and Sundanese -> Indonesian (and back) are learnt from
   the 500 parallel NusaX training sentences (:mod:`polmas.triage.training.align`).
2. Every text gets a pseudo-Indonesian view (feature block 3): its normalised tokens translated
   with the merged Javanese/Sundanese -> Indonesian lexicon.
3. SmSA training rows are translated word by word into Javanese and into Sundanese with the
   reverse lexicons and added as extra training rows with their SmSA label.
4. Our hand-written word list (``rules/regional.json``) joins the learnt maps to Indonesian
   (:func:`with_word_list`): it covers common and Dermayon words that 500 review sentences
   never show.

Both choices and :data:`AUGMENT_ROWS` were made on NusaX-id-grouped 5-fold CV of the training
data (``benchmarks/triage/select_sentiment.py``), not on the validation files.

Every function reads the training splits; with ``with_validation=True`` it also reads the
validation files, for the model that is shipped once its figures have been measured
(:func:`polmas.triage.training.train.train`).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from polmas.triage.features import unescape
from polmas.triage.lexicon import pseudo_indonesian
from polmas.triage.normalise import (
    TOKEN_RE,
    SlangTable,
    merge_slang,
    normalise_fast,
    regional_markers,
)
from polmas.triage.paths import RULES_DIR
from polmas.triage.training.align import (
    Lexicon,
    frequent_words,
    learn_lexicons,
    merge_to_indonesian,
)
from polmas.triage.training.data import NUSAX_LANGS, load_slang, load_smsa, training_split

REGIONAL = ("javanese", "sundanese")
AUGMENT_ROWS: int | None = None
"""SmSA rows translated into each regional language: a seeded sample of this many, or all when
None. Grouped CV, mean macro-F1 of SmSA/jv/su rows: none 0.869, 3,000 rows 0.872, all 0.881."""
AUGMENT_SEED = 0
LEXICON_SOURCE = (
    "learnt from NusaX-Senti train (Winata et al. 2023), CC BY-SA 4.0, joined with our own "
    "word list rules/regional.json"
)


WORD_LIST = RULES_DIR / "regional.json"


def load_word_list() -> dict[str, Lexicon]:
    """Our hand-written regional -> Indonesian word list, per language of :data:`REGIONAL`."""
    table = json.loads(WORD_LIST.read_text(encoding="utf-8"))
    return {lang: dict(table[lang]) for lang in REGIONAL}


def nusax_training(
    data: Path, lang: str, with_validation: bool = False
) -> dict[str, tuple[str, str]]:
    """NusaX train rows by id, and the valid rows when ``with_validation`` (the splits' ids are
    disjoint; the same id is the same sentence in every language)."""
    rows = nusax_rows(data, lang)
    if with_validation:
        valid = nusax_rows(data, lang, "valid")
        if rows.keys() & valid.keys():
            raise ValueError(f"NusaX {lang}: train and valid share ids")
        rows.update(valid)
    return rows


def training_slang(
    data: Path, kamus: dict[str, str] | None = None, with_validation: bool = False
) -> SlangTable:
    """The merged slang dictionary of training (``kamus``: :func:`load_slang` of ``data``, read
    here unless the caller has it), with its regional reading (:class:`SlangTable`).

    Regional words are word-list words that the slang dictionary maps to another word (``bli``,
    ``hayang``). Markers are the other word-list words and the words of two or more Javanese or
    Sundanese NusaX training texts, less the words of any Indonesian NusaX text and of
    ``KEEP_MIN_COUNT`` or more SmSA training texts (``gede``, ``duit``, ``oleh`` are common in
    Indonesian chat).
    """
    merged = merge_slang(load_slang(data) if kamus is None else kamus)
    words = load_word_list()
    listed = {w: t for lang in REGIONAL for w, t in words[lang].items()}
    ambiguous = frozenset(w for w, t in listed.items() if merged.get(w, t) != t)
    nusax = {lang: nusax_training(data, lang, with_validation) for lang in NUSAX_LANGS}
    seen = frequent_words(
        (_words(text) for lang in REGIONAL for text, _ in nusax[lang].values()), 2
    )
    common = frequent_words(
        _words(t) for t in training_split(load_smsa, data, with_validation).texts
    ) | frequent_words((_words(text) for text, _ in nusax["indonesian"].values()), 1)
    markers = frozenset((set(listed) | seen) - common - ambiguous)
    return SlangTable(merged, markers, ambiguous)


def _words(text: str) -> str:
    return " ".join(t for t in TOKEN_RE.findall(unescape(text).lower()) if t.isalpha())


def with_word_list(forward: list[Lexicon], words: dict[str, Lexicon]) -> list[Lexicon]:
    """The maps to Indonesian (one per language, in :data:`REGIONAL` order) with the word list
    first, so that it wins a conflict in :func:`merge_to_indonesian`: the learnt maps are often
    wrong on rare words (``ngelih -> perjalanan`` for "hungry").

    The word list does not join the maps *from* Indonesian that translate SmSA rows: on grouped
    CV that lowered the mean macro-F1 from 0.887 to 0.876 (the translated rows stop sounding
    like NusaX), while the map to Indonesian alone left it level (0.888).
    """
    return [words[lang] for lang in REGIONAL] + forward


@dataclass(frozen=True, slots=True)
class Lexicons:
    """The run-time map to Indonesian and the training-time maps from Indonesian."""

    to_indonesian: Lexicon
    from_indonesian: dict[str, Lexicon]

    def save(self, path: Path) -> None:
        """Write ``lexicon.json`` (only ``to_indonesian`` is read at run time)."""
        payload = {
            "source": LEXICON_SOURCE,
            "to_indonesian": self.to_indonesian,
            "from_indonesian": {
                k: dict(sorted(v.items())) for k, v in self.from_indonesian.items()
            },
        }
        path.write_text(
            json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )


def nusax_rows(data: Path, lang: str, split: str = "train") -> dict[str, tuple[str, str]]:
    """NusaX rows of one language and split by id: (text, label)."""
    path = data / "nlp" / "nusax" / lang / f"{split}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {r["id"]: (r["text"], r["label"]) for r in csv.DictReader(handle)}


TWIN_RATIO = 90


def smsa_twin_labels(data: Path, split: str = "train") -> dict[str, str | None]:
    """Per NusaX id: the label of the SmSA training review its Indonesian text nearly repeats
    (rapidfuzz ratio > :data:`TWIN_RATIO`, lower-cased), or None. Most NusaX sentences are SmSA
    reviews; the rows without a twin are the ones that measure reading rather than memory
    (``benchmarks/triage/nusax_overlap.py``)."""
    smsa = load_smsa(data, "train")
    memory = [unescape(t).lower() for t in smsa.texts]
    twins: dict[str, str | None] = {}
    for key, (text, _) in nusax_rows(data, "indonesian", split).items():
        found = process.extractOne(unescape(text).lower(), memory, scorer=fuzz.ratio)
        twins[key] = smsa.labels[found[2]] if found and found[1] > TWIN_RATIO else None
    return twins


def _norm(text: str, slang: dict[str, str]) -> str:
    return normalise_fast(unescape(text), slang)


def build_lexicons(data: Path, slang: dict[str, str], with_validation: bool = False) -> Lexicons:
    """Lexicons from the parallel NusaX training pairs (and the validation pairs when
    ``with_validation``), joined with our word list."""
    indonesian = nusax_training(data, "indonesian", with_validation)
    ids = sorted(indonesian, key=int)
    target = [_norm(indonesian[i][0], slang).split() for i in ids]
    forward: list[Lexicon] = []
    backward: dict[str, Lexicon] = {}
    for lang in REGIONAL:
        rows = nusax_training(data, lang, with_validation)
        source = [_norm(rows[i][0], slang).split() for i in ids]
        to_id, from_id = learn_lexicons(source, target)
        forward.append(to_id)
        backward[lang] = from_id
    smsa = training_split(load_smsa, data, with_validation)
    keep = frequent_words([_norm(t, slang) for t in smsa.texts] + [" ".join(t) for t in target])
    forward = with_word_list(forward, load_word_list())
    return Lexicons(merge_to_indonesian(forward, keep), backward)


@dataclass(frozen=True, slots=True)
class SentimentRows:
    """The three text views and the labels of the sentiment training rows."""

    raw: list[str]
    normalised: list[str]
    translated: list[str]
    labels: list[str]


def training_rows(
    data: Path, slang: dict[str, str], lexicons: Lexicons, with_validation: bool = False
) -> SentimentRows:
    """SmSA + NusaX (id/jv/su) train (and valid when ``with_validation``), plus SmSA rows
    translated into Javanese and Sundanese."""
    smsa = training_split(load_smsa, data, with_validation)
    texts, labels = list(smsa.texts), list(smsa.labels)
    for lang in ("indonesian", *REGIONAL):
        rows = nusax_training(data, lang, with_validation)
        for i in sorted(rows, key=int):
            texts.append(rows[i][0])
            labels.append(rows[i][1])
    raw = [unescape(t).lower() for t in texts]
    norm = [normalise_fast(unescape(t), slang) for t in texts]
    order = np.random.default_rng(AUGMENT_SEED).permutation(len(smsa.texts))[:AUGMENT_ROWS]
    for lang in REGIONAL:
        table = lexicons.from_indonesian[lang]
        for i in order:
            text = " ".join([table.get(w, w) for w in norm[int(i)].split(" ")])
            raw.append(text)
            norm.append(normalise_fast(text, slang))
            labels.append(smsa.labels[int(i)])
    markers = regional_markers(slang)
    translated = [pseudo_indonesian(t, lexicons.to_indonesian, markers) for t in norm]
    return SentimentRows(raw, norm, translated, labels)
