"""Place mentions (kecamatan, desa/kelurahan) with fuzzy matching, context and disambiguation.

* Exact match of 1..3 tokens against the gazetteer name keys ("Gabus Kulon" = "gabuskulon").
* Names that are everyday words or very short need a context cue just before them
  ("desa", "ds.", "kec.", "kecamatan", "kelurahan", "blok", "dusun", "di", "RT/RW" ...).
* Fuzzy matching (rapidfuzz ratio >= 85) only right after a cue, for words of 5+ letters.
* A cue selects the level: "kec X" prefers the kecamatan, "desa X" the desa.
* A desa name that occurs in several kecamatan is resolved by a kecamatan mentioned in the same
  message; otherwise every candidate is returned with ``ambiguous=True``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from polmas.triage.gazetteer import Gazetteer, Place, default_gazetteer, name_key

_WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
KECAMATAN_CUES = frozenset({"kec", "kecamatan", "kecamatane", "kecamatanipun"})
DESA_CUES = frozenset({"desa", "ds", "kel", "kelurahan", "dusun", "dsn", "kampung", "blok", "deso"})
WEAK_CUES = frozenset({"di", "ning", "nang", "ing", "ka", "daerah", "wilayah", "rt", "rw", "warga"})
FUZZY_CUTOFF = 85.0
FUZZY_CUES = KECAMATAN_CUES | DESA_CUES


@dataclass(frozen=True, slots=True)
class Location:
    """A place mention; ``start``/``end`` index the original text."""

    code: str
    name: str
    level: str
    start: int
    end: int
    kecamatan_code: str
    ambiguous: bool = False

    def as_dict(self) -> dict[str, str | int]:
        """The output-contract fields."""
        return {
            "code": self.code,
            "name": self.name,
            "level": self.level,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    candidates: list[Place]
    cue: str  # "kecamatan", "desa", "weak" or ""


def _cue_before(words: list[tuple[str, int, int]], i: int) -> str:
    for j in (i - 1, i - 2):
        if j < 0:
            break
        w = words[j][0]
        if w in KECAMATAN_CUES:
            return "kecamatan"
        if w in DESA_CUES:
            return "desa"
        if j == i - 1 and (w in WEAK_CUES or w.isdigit()):
            return "weak"
    return ""


def _scan(text: str, gaz: Gazetteer) -> list[_Hit]:
    tokens = {w.lower() for w in _WORD_RE.findall(text)}
    if tokens.isdisjoint(gaz.first_words) and tokens.isdisjoint(FUZZY_CUES):
        return []  # the loop below starts only at a place's first word or after a cue
    words = [(m.group(0).lower(), m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    hits: list[_Hit] = []
    i = 0
    while i < len(words):
        word = words[i][0]
        matched = False
        cue = ""
        if word in gaz.first_words:
            cue = _cue_before(words, i)
            for n in range(min(gaz.max_tokens, len(words) - i), 0, -1):
                key = name_key("".join(w for w, _, _ in words[i : i + n]))
                places = gaz.by_key.get(key)
                if places and (cue or key not in gaz.needs_context):
                    hits.append(_Hit(words[i][1], words[i + n - 1][2], list(places), cue))
                    i += n
                    matched = True
                    break
        if matched:
            continue
        if len(word) >= 5 and word.isalpha() and i > 0 and words[i - 1][0] in FUZZY_CUES:
            best = process.extractOne(
                word, gaz.by_key.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
            )
            if best is not None:
                cue = _cue_before(words, i)
                hits.append(_Hit(words[i][1], words[i][2], list(gaz.by_key[best[0]]), cue))
        i += 1
    return hits


def find_places(text: str, gazetteer: Gazetteer | None = None) -> list[Location]:
    """Find kecamatan and desa/kelurahan mentions in ``text``."""
    gaz = default_gazetteer() if gazetteer is None else gazetteer
    hits = _scan(text, gaz)
    # Pick the level for each hit.
    for hit in hits:
        kec = [p for p in hit.candidates if p.level == "kecamatan"]
        desa = [p for p in hit.candidates if p.level != "kecamatan"]
        if hit.cue == "desa" and desa:
            hit.candidates = desa
        elif kec:
            hit.candidates = kec
    mentioned = {p.kecamatan_code for h in hits if len(h.candidates) == 1 for p in h.candidates}
    out: list[Location] = []
    for hit in hits:
        cands = hit.candidates
        if len(cands) > 1:
            narrowed = [p for p in cands if p.kecamatan_code in mentioned]
            cands = narrowed or cands
        ambiguous = len(cands) > 1
        out.extend(
            Location(p.code, p.name, p.level, hit.start, hit.end, p.kecamatan_code, ambiguous)
            for p in sorted(cands, key=lambda p: p.code)
        )
    return out
