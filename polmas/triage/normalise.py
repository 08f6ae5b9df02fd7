"""Normalisation of informal Indonesian / Javanese / Sundanese text with an offset map.

Steps per token: an exact match of a key in capitals (``SMP``, a school, stays ``smp``, while
chat ``smp`` is "sampai"), then lower-case, collapse runs of three or more equal letters, replace
digits used as letters (``s4y4`` -> ``saya``), then look the token up in the slang dictionary
(``new_kamusalay.csv`` shipped as ``artifacts/slang.json``, its wrong entries corrected by
``rules/slang_fixes.json``, and our own ``rules/abbreviations.json``, which wins), and write out
a word doubled with a ``2`` that the dictionary lacks (``dorong2an`` -> ``dorong dorongan``).
The original text is kept and every normalised token records the span of the original token it
came from, so spans found in the normalised text can be mapped back with
:meth:`NormalisedText.to_original`.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from polmas.triage.memo import Memo
from polmas.triage.paths import RULES_DIR, artifacts_dir

TOKEN_RE = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*|[^\w\s]", re.UNICODE)
_REPEAT3_RE = re.compile(r"([^\W\d_])\1{2,}")
_DIGIT_RUN_RE = re.compile(r"\d{2,}")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b"})
MEMO_LIMIT = 50_000
"""Tokens a normal-form memo of a :class:`SlangTable` holds before it is emptied."""
_INNER_DIGIT_RE = re.compile(r"[^\W\d_]\d[^\W\d_]")
_DOUBLED_RE = re.compile(r"([^\W\d_]*[aiueo][^\W\d_]*)2([^\W\d_]*)")
_DOUBLED_ENDINGS = frozenset({"", "an", "nya", "ne", "na", "e", "in", "ku", "mu", "ane"})


@dataclass(frozen=True, slots=True)
class TokenSpan:
    """One normalised token: its span in the normalised and in the original text."""

    norm_start: int
    norm_end: int
    orig_start: int
    orig_end: int
    changed: bool


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """Normalised text, the original, and the token-level offset map between them."""

    original: str
    text: str
    spans: tuple[TokenSpan, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of :attr:`text` to a span of :attr:`original`.

        Inside an unchanged token the mapping is exact per character; a span that touches a
        changed token is widened to that token's original boundaries.
        """
        if not self.spans or end <= start:
            return (0, 0) if not self.spans else self._point(start)
        starts = [s.norm_start for s in self.spans]
        i = max(bisect_right(starts, start) - 1, 0)
        j = max(bisect_right(starts, end - 1) - 1, 0)
        first, last = self.spans[i], self.spans[j]
        if first.changed or start >= first.norm_end:
            o_start = first.orig_start if start < first.norm_end else first.orig_end
        else:
            o_start = first.orig_start + (start - first.norm_start)
        if last.changed or end > last.norm_end:
            o_end = last.orig_end
        else:
            o_end = last.orig_start + (end - last.norm_start)
        return o_start, max(o_end, o_start)

    def _point(self, pos: int) -> tuple[int, int]:
        starts = [s.norm_start for s in self.spans]
        i = max(bisect_right(starts, pos) - 1, 0)
        o = self.spans[i].orig_start if pos <= self.spans[i].norm_start else self.spans[i].orig_end
        return o, o


def _rules_table(name: str) -> dict[str, str]:
    table = json.loads((RULES_DIR / name).read_text(encoding="utf-8"))
    return {k: v for k, v in table.items() if not k.startswith("_")}


def own_abbreviations() -> dict[str, str]:
    """Our own additions (``rules/abbreviations.json``)."""
    return _rules_table("abbreviations.json")


def slang_fixes() -> dict[str, str]:
    """Corrections of wrong entries of the public dictionary (``rules/slang_fixes.json``):
    ``eww`` is "ih", not a vulgar word; ``haru`` stays "haru", not "harus"."""
    return _rules_table("slang_fixes.json")


class SlangTable(dict[str, str]):
    """The slang dictionary, and how a Javanese or Sundanese message uses it.

    Some words are slang in Indonesian and a different word in Javanese or Sundanese: ``bli`` is
    "beli" (buy) in Indonesian chat and "tidak" (not) in Indramayu's Javanese; ``hayang`` is
    "sayang" in the slang list and "ingin" (want) in Sundanese. A message with at least one
    :attr:`markers` word (a Javanese or Sundanese word that is not common in Indonesian) is read
    as regional: its :attr:`regional_words` skip the slang dictionary and keep their form, so the
    translation to Indonesian (:mod:`polmas.triage.lexicon`) gives their regional meaning. Other
    messages use the whole dictionary. ``polmas triage train`` computes both sets into
    ``slang.json``.
    """

    def __init__(
        self, table: dict[str, str], markers: frozenset[str], regional_words: frozenset[str]
    ) -> None:
        super().__init__(table)
        self.markers = markers
        self.regional_words = regional_words
        self.regional = {k: v for k, v in table.items() if k not in regional_words}
        # token -> its normal form under each reading (a pure function of the two).
        self.memo: Memo[str, str] = Memo(partial(normalise_token, slang=self), MEMO_LIMIT)
        self.regional_memo: Memo[str, str] = Memo(
            partial(normalise_token, slang=self.regional), MEMO_LIMIT
        )

    def is_regional(self, tokens: list[str]) -> bool:
        """Whether these (original) tokens are read as a Javanese or Sundanese message."""
        return any(t.lower() in self.markers for t in tokens)

    def for_tokens(self, tokens: list[str]) -> dict[str, str]:
        """The table to normalise these (original) tokens with."""
        return self.regional if self.is_regional(tokens) else self

    def memo_for(self, tokens: list[str]) -> Memo[str, str]:
        """:meth:`for_tokens` as a memo of normalised tokens."""
        return self.regional_memo if self.is_regional(tokens) else self.memo


def table_for(tokens: list[str], slang: dict[str, str]) -> dict[str, str]:
    """``slang`` itself, or its regional reading when it is a :class:`SlangTable`."""
    return slang.for_tokens(tokens) if isinstance(slang, SlangTable) else slang


def merge_slang(base: dict[str, str]) -> dict[str, str]:
    """Slang dictionary ``base`` overridden by its corrections, then by our own abbreviations."""
    merged = dict(base)
    merged.update(slang_fixes())
    merged.update(own_abbreviations())
    return merged


def regional_markers(slang: dict[str, str]) -> frozenset[str]:
    """The Javanese / Sundanese marker words of a slang table (none for a plain dictionary)."""
    return slang.markers if isinstance(slang, SlangTable) else frozenset()


@lru_cache(maxsize=4)
def load_slang_dictionary(directory: Path) -> dict[str, str]:
    """The merged slang dictionary of an artifact folder (``slang.json`` + own abbreviations)."""
    slang_file = directory / "slang.json"
    if not slang_file.exists():
        return merge_slang({})
    stored = json.loads(slang_file.read_text(encoding="utf-8"))
    merged = merge_slang(stored["entries"])
    regional = stored.get("regional")
    if not regional:
        return merged
    return SlangTable(merged, frozenset(regional["markers"]), frozenset(regional["words"]))


def slang_dictionary() -> dict[str, str]:
    """The merged slang dictionary of the active artifact folder (cached per process)."""
    return load_slang_dictionary(artifacts_dir())


def _deleet(token: str) -> str:
    if _DIGIT_RUN_RE.search(token) or not _INNER_DIGIT_RE.search(token):
        return token
    return token.translate(_LEET)


def normalise_token(token: str, slang: dict[str, str]) -> str:
    """Normalise a single token (already split off by :data:`TOKEN_RE`). A key in capitals
    matches only the token written so: ``SMP`` is a school, ``smp`` is also chat for "sampai"."""
    if token in slang:
        return slang[token]
    low = token.lower()
    if low in slang:
        return slang[low]
    low = _deleet(low)
    if _REPEAT3_RE.search(low):
        double = _REPEAT3_RE.sub(r"\1\1", low)
        if double in slang:
            return slang[double]
        low = _REPEAT3_RE.sub(r"\1", low)
    if low in slang:
        return slang[low]
    return _undoubled(low, slang) or low


def _undoubled(token: str, slang: dict[str, str]) -> str | None:
    """A word doubled with a ``2`` (chat for ``X-X``, ``X-Xan``) as its two halves, each looked
    up in ``slang``: ``dorong2an`` -> ``dorong dorongan``, ``temen2nya`` -> ``teman temannya``,
    as the dictionary itself writes ``lempar2`` -> ``lempar lempar``. None for anything else: a
    stem of fewer than 3 letters or without a vowel (``rt2``, ``tps2``: a number), or an ending
    that is not a suffix."""
    match = _DOUBLED_RE.fullmatch(token)
    if match is None or len(match[1]) < 3 or match[2] not in _DOUBLED_ENDINGS:
        return None
    stem, whole = match[1], match[1] + match[2]
    return f"{slang.get(stem, stem)} {slang.get(whole, whole)}"


def normalise(text: str, slang: dict[str, str] | None = None) -> NormalisedText:
    """Normalise ``text``; tokens are joined by single spaces in the result."""
    matches = list(TOKEN_RE.finditer(text))
    table = table_for([m.group(0) for m in matches], slang_dictionary() if slang is None else slang)
    parts: list[str] = []
    spans: list[TokenSpan] = []
    pos = 0
    for match in matches:
        raw = match.group(0)
        norm = normalise_token(raw, table)
        if not norm:
            continue
        if parts:
            pos += 1
        spans.append(
            TokenSpan(
                pos,
                pos + len(norm),
                match.start(),
                match.end(),
                changed=norm != raw.lower() or len(norm) != len(raw),
            )
        )
        parts.append(norm)
        pos += len(norm)
    return NormalisedText(original=text, text=" ".join(parts), spans=tuple(spans))


def normalise_fast(text: str, slang: dict[str, str] | None = None) -> str:
    """Return only the normalised string (used for feature extraction)."""
    tokens = TOKEN_RE.findall(text)
    table = slang_dictionary() if slang is None else slang
    if isinstance(table, SlangTable):
        return " ".join(map(table.memo_for(tokens).__getitem__, tokens))
    return " ".join(normalise_token(t, table) for t in tokens)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(text: str) -> str:
    """``text`` with each lone UTF-16 surrogate replaced by U+FFFD.

    JSON may escape half of an emoji (``"\\ud83d"``, from a message cut in the middle of one), and
    Python decodes it to a code point that UTF-8 cannot encode, so hashing, storing or printing
    the text would fail. A paired escape decodes to one character, so what is left is always
    lone. One code point replaces one, so offsets into the text stay valid."""
    if _LONE_SURROGATE.search(text) is None:
        return text
    return _LONE_SURROGATE.sub("\ufffd", text)
