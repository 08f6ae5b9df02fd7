"""Word-by-word "pseudo-Indonesian" view of Javanese and Sundanese text.

``artifacts/lexicon.json`` maps Javanese and Sundanese words to Indonesian. It is learnt from the
parallel NusaX training pairs by ``polmas triage train`` (see ``training/align.py``). Words that
are common in Indonesian training text are never translated, so Indonesian stays as it is.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from polmas.triage.paths import artifacts_dir

LEXICON_FILE = "lexicon.json"


@lru_cache(maxsize=4)
def load_lexicon(directory: Path) -> dict[str, str]:
    """The word map to Indonesian of an artifact folder (empty when it has none)."""
    path = directory / LEXICON_FILE
    if not path.exists():
        return {}
    table: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))["to_indonesian"]
    return table


def active_lexicon() -> dict[str, str]:
    """The word map of the active artifact folder (cached per process)."""
    return load_lexicon(artifacts_dir())


def to_indonesian(normalised: str, lexicon: Mapping[str, str]) -> str:
    """Translate the space-separated tokens of a normalised text word by word."""
    if not lexicon:
        return normalised
    return " ".join([lexicon.get(w, w) for w in normalised.split(" ")])


NEGATIONS = frozenset({"tidak", "bukan", "belum", "jangan", "tak", "kurang"})
NEGATION_SCOPE = 2


def mark_negation(text: str) -> str:
    """Append the (up to :data:`NEGATION_SCOPE`) words after each negation again, prefixed with
    ``_``: ``tidak enak`` also gives the feature ``_enak``, so "not good" stops counting as "good".

    Chosen on grouped CV of the sentiment training data (``select_sentiment.py --no-negation``
    for the comparison): SmSA rows 0.8709 -> 0.8731 (paired bootstrap [+0.01, +0.44] points),
    Javanese and Sundanese rows level.
    """
    tokens = text.split(" ")
    marked: list[str] = []
    for i, word in enumerate(tokens):
        if word in NEGATIONS:
            for follower in tokens[i + 1 : i + 1 + NEGATION_SCOPE]:
                if not follower.isalnum() or follower in NEGATIONS:
                    break
                marked.append(f"_{follower}")
    return " ".join(tokens + marked) if marked else text


def pseudo_indonesian(
    normalised: str, lexicon: Mapping[str, str], markers: frozenset[str] | None = None
) -> str:
    """The text of feature block 4: translated word by word, negations marked, and, given the
    slang table's regional ``markers``, the polarity tokens of :func:`polarity_marks`."""
    translated = mark_negation(to_indonesian(normalised, lexicon))
    if markers is None:
        return translated
    return polarity_marks(normalised, translated, markers)


POLARITY_FILE = Path(__file__).resolve().parent / "rules" / "polarity.json"
POSITIVE_MARK, NEGATIVE_MARK = "zzpolpos", "zzpolneg"


@lru_cache(maxsize=1)
def polarity_tokens() -> dict[str, str]:
    """Word -> polarity token, from ``rules/polarity.json``."""
    listed = json.loads(POLARITY_FILE.read_text(encoding="utf-8"))
    tokens = {w: POSITIVE_MARK for w in listed["positive"]}
    tokens.update({w: NEGATIVE_MARK for w in listed["negative"]})
    return tokens


def polarity_marks(normalised: str, translated: str, markers: frozenset[str]) -> str:
    """``translated`` plus a polarity token after it for each listed positive / negative word
    (``_``-marked when the word is negation-marked), unless the normalised text has a Javanese
    or Sundanese marker word.

    Chosen on grouped CV of the sentiment training data (``select_sentiment.py --polarity
    --polarity-indonesian-only``), kept setting: SmSA rows
    0.873 -> 0.884, Javanese 0.896 -> 0.896, Sundanese 0.899 -> 0.898. Given to every text,
    regional ones too, the regional rows lost 1.1-1.3 points, hence the marker test.
    """
    if not markers.isdisjoint(normalised.split()):
        return translated
    tokens = polarity_tokens()
    marks = [
        ("_" if w.startswith("_") else "") + tokens[w.lstrip("_")]
        for w in translated.split()
        if w.lstrip("_") in tokens
    ]
    return f"{translated} {' '.join(marks)}" if marks else translated
