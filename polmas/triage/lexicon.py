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

from polmas.triage.paths import RULES_DIR, artifacts_dir

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
    normalised: str,
    lexicon: Mapping[str, str],
    markers: frozenset[str] | None = None,
    regional_polarity: bool = True,
) -> str:
    """The text of feature block 4: translated word by word, negations marked, and, given the
    slang table's regional ``markers``, the polarity tokens of :func:`polarity_marks`
    (``regional_polarity=False`` leaves out those of regional texts, for comparisons)."""
    translated = mark_negation(to_indonesian(normalised, lexicon))
    if markers is None:
        return translated
    return polarity_marks(normalised, translated, markers, regional_polarity)


POLARITY_FILE = RULES_DIR / "polarity.json"
POSITIVE_MARK, NEGATIVE_MARK = "zzpolpos", "zzpolneg"


def _tokens_of(lists: Mapping[str, list[str]], positive: str, negative: str) -> dict[str, str]:
    """Word -> ``positive`` / ``negative`` mark, from a ``{"positive", "negative"}`` word list."""
    tokens = dict.fromkeys(lists["positive"], positive)
    tokens.update(dict.fromkeys(lists["negative"], negative))
    return tokens


@lru_cache(maxsize=1)
def polarity_tokens() -> dict[str, str]:
    """Word -> polarity token, from ``rules/polarity.json``."""
    listed = json.loads(POLARITY_FILE.read_text(encoding="utf-8"))
    return _tokens_of(listed, POSITIVE_MARK, NEGATIVE_MARK)


REGIONAL_POLARITY_FILE = RULES_DIR / "regional_polarity.json"
REGIONAL_POSITIVE_MARK, REGIONAL_NEGATIVE_MARK = "zzregpos", "zzregneg"
REGIONAL_NEGATIONS = frozenset(
    {
        "tidak",
        "ora",
        "bli",
        "teu",
        "henteu",
        "mboten",
        "boten",
        "ndak",
        "gak",
        "dudu",
        "sanes",
        "kurang",
    }
)
"""Words that mark a listed regional word as negated when they come just before it."""


@lru_cache(maxsize=1)
def regional_polarity_tokens() -> dict[str, str]:
    """Javanese / Sundanese word -> its polarity token (``rules/regional_polarity.json``)."""
    listed = json.loads(REGIONAL_POLARITY_FILE.read_text(encoding="utf-8"))
    tokens: dict[str, str] = {}
    for language in ("javanese", "sundanese"):
        tokens.update(_tokens_of(listed[language], REGIONAL_POSITIVE_MARK, REGIONAL_NEGATIVE_MARK))
    return tokens


def regional_polarity_marks(words: list[str]) -> list[str]:
    """A regional polarity token for each listed word of ``words`` (normalised tokens),
    ``_``-marked when one of the :data:`NEGATION_SCOPE` words before it is a negation."""
    tokens = regional_polarity_tokens()
    marks = []
    for i, word in enumerate(words):
        mark = tokens.get(word)
        if mark:
            negated = not REGIONAL_NEGATIONS.isdisjoint(words[max(0, i - NEGATION_SCOPE) : i])
            marks.append(("_" if negated else "") + mark)
    return marks


def polarity_marks(
    normalised: str, translated: str, markers: frozenset[str], regional: bool = True
) -> str:
    """``translated`` plus a polarity token for each listed positive / negative word: for a text
    without a Javanese or Sundanese marker word, ``zzpolpos`` / ``zzpolneg`` per word of
    ``rules/polarity.json`` in ``translated`` (``_``-marked when the word is negation-marked);
    for a text with one, ``zzregpos`` / ``zzregneg`` per word of ``rules/regional_polarity.json``
    in ``normalised`` (:func:`regional_polarity_marks`; none when ``regional`` is false).

    Chosen on grouped CV of the sentiment training data (``select_sentiment.py --polarity
    --polarity-indonesian-only``). The Indonesian list, kept setting: SmSA rows
    0.873 -> 0.884, Javanese 0.896 -> 0.896, Sundanese 0.899 -> 0.898; given to every text,
    regional ones too, the regional rows lost 1.1-1.3 points, hence the marker test. The
    regional list with tokens of its own (6 Dec 2026): SmSA 0.8939 -> 0.8947, Javanese
    0.8961 -> 0.8978, Sundanese 0.8975 -> 0.9019 (docs/triage/classifier-experiments.md).
    """
    words = normalised.split()
    if not markers.isdisjoint(words):
        if not regional:
            return translated
        marks = regional_polarity_marks(words)
        return f"{translated} {' '.join(marks)}" if marks else translated
    tokens = polarity_tokens()
    marks = [
        ("_" if w.startswith("_") else "") + tokens[w.lstrip("_")]
        for w in translated.split()
        if w.lstrip("_") in tokens
    ]
    return f"{translated} {' '.join(marks)}" if marks else translated
