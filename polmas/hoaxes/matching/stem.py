"""A light, rule-based Indonesian affix stripper (written for Polmas; no dictionary).

It removes particles (-lah, -kah, -pun), possessives (-ku, -mu, -nya), the common prefixes
(me-, pe-, ber-, ter-, di-, ke-...-an, memper-, diper-) with their nasal sound changes, and the
suffixes -kan / -an / -i, always keeping at least four letters. It over-stems some words, but
because titles and queries go through the same function the conflation is consistent.
"""

from __future__ import annotations

from functools import lru_cache

_VOWELS = frozenset("aeiou")
_MIN = 4


def _strip_prefix(word: str) -> tuple[str, bool]:
    """Return (word without one prefix, whether a prefix was removed)."""
    w = word
    n = len(w)
    if n <= _MIN + 1:
        return w, False
    candidates: list[str] = []
    if w.startswith("per") and n > 6 and w[3] not in _VOWELS:
        return w[3:], True
    if w.startswith(("meny", "peny")) and n > 5 and w[4] in _VOWELS:
        candidates.append("s" + w[4:])
    elif w.startswith(("meng", "peng")):
        candidates.append(w[4:])
    elif w.startswith(("mem", "pem")):
        if w[3] in "bfpv":
            candidates.append(w[3:])
        elif w[3] in _VOWELS:
            candidates.append("p" + w[3:])
    elif w.startswith(("men", "pen")):
        if w[3] in "cdjtsz":
            candidates.append(w[3:])
        elif w[3] in _VOWELS:
            candidates.append("t" + w[3:])
    elif w.startswith(("me", "pe")) and w[2] in "lmnrwy":
        candidates.append(w[2:])
    if w.startswith(("memper", "diper")):
        candidates.insert(0, w[6:] if w.startswith("memper") else w[5:])
    else:
        three = w.startswith(("ber", "ter")) and n > 6
        three = three or (w.startswith("bel") and w[3:].startswith("ajar"))
        two = w.startswith("be") and w[2:].startswith("kerja")
        two = two or (w.startswith("di") and n > 6)
        two = two or (w.startswith("ke") and w.endswith("an") and n > 7)
        if three:
            candidates.append(w[3:])
        elif two:
            candidates.append(w[2:])
    for cand in candidates:
        if len(cand) >= _MIN:
            return cand, True
    return w, False


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stem one lower-case token; tokens with digits or non-ASCII letters are returned as is."""
    if len(word) <= _MIN or not word.isascii() or not word.isalpha():
        return word
    w = word
    for particle in ("lah", "kah", "pun"):
        if w.endswith(particle) and len(w) - 3 >= _MIN + 1:
            w = w[:-3]
            break
    for possessive in ("nya", "ku", "mu"):
        if w.endswith(possessive) and len(w) - len(possessive) >= _MIN + 1:
            w = w[: -len(possessive)]
            break
    w, had_prefix = _strip_prefix(w)
    for suffix in ("kan", "an"):
        if w.endswith(suffix) and len(w) - len(suffix) >= _MIN:
            return w[: -len(suffix)]
    if had_prefix and w.endswith("i") and not w.endswith("ii") and len(w) - 1 >= _MIN + 1:
        return w[:-1]
    return w
