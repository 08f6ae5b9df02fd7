"""Text similarity for duplicate suggestions (pure): normalised token-set ratio, 0..100."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

_WORD = re.compile(r"[a-z0-9]+")
# Very common Indonesian words that say nothing about the matter reported.
STOPWORDS = frozenset(
    [
        "yang",
        "di",
        "ke",
        "dari",
        "dan",
        "atau",
        "ini",
        "itu",
        "ada",
        "untuk",
        "dengan",
        "pada",
        "saya",
        "kami",
        "kita",
        "mohon",
        "tolong",
        "pak",
        "bu",
        "bapak",
        "ibu",
        "sudah",
        "belum",
        "akan",
        "juga",
        "tidak",
        "karena",
        "sangat",
        "sekali",
        "dalam",
        "oleh",
        "agar",
        "bisa",
        "warga",
        "desa",
        "kampung",
        "rt",
        "rw",
        "sini",
        "sana",
    ]
)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(w for w in _WORD.findall(text) if w not in STOPWORDS)


def score(a: str, b: str) -> float:
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return 0.0
    return float(fuzz.token_set_ratio(na, nb) * 0.5 + fuzz.token_sort_ratio(na, nb) * 0.5)
