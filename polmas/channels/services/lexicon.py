"""Words residents use, in Indonesian, Javanese (Dermayon / Indramayu) and Sundanese.

Matching is on lower-cased words with punctuation removed; phrases are matched as substrings
of the normalised text.
"""

from __future__ import annotations

import re
import unicodedata

GREETINGS = {
    # Indonesian / Islamic
    "halo",
    "hallo",
    "hai",
    "hi",
    "hello",
    "pagi",
    "siang",
    "sore",
    "malam",
    "assalamualaikum",
    "assalamu'alaikum",
    "asalamualaikum",
    "salam",
    "permisi",
    "menu",
    "mulai",
    "start",
    # Javanese (incl. Dermayon)
    "sugeng",
    "kulanuwun",
    "nuwun",
    "monggo",
    "punapa",
    "kepriben",
    "priben",
    "rika",
    # Sundanese
    "punten",
    "sampurasun",
    "wilujeng",
    "rampes",
    "kumaha",
    "damang",
}
GREETING_PHRASES = (
    "kula nuwun",
    "sugeng enjing",
    "sugeng siang",
    "sugeng sonten",
    "wilujeng enjing",
)

OPT_OUT = {"berhenti", "stop", "unreg", "eureun", "mandeg", "leren"}
OPT_IN = {"daftar", "langganan", "gabung", "mulai langganan"}
REPORT_WORDS = {
    "lapor",
    "laporan",
    "melapor",
    "keluhan",
    "aduan",
    "mengadu",
    "aspirasi",
    "wadul",
    "ngadu",
    "ngalaporkeun",
    "lapur",
    "usul",
    "usulan",
}
HOAX_WORDS = {
    "hoaks",
    "hoax",
    "hoak",
    "benarkah",
    "katanya",
    "viral",
    "beredar",
    "jarene",
    "cenah",
    "isu",
}
HOAX_PHRASES = (
    "apa benar",
    "apakah benar",
    "benar gak",
    "benar tidak",
    "bener ora",
    "bener beli",
    "bener gak",
    "leres teu",
    "leres henteu",
    "enya teu",
    "cek fakta",
    "kabar bohong",
)
STATUS_WORDS = {"status", "lacak", "kode"}
INFO_WORDS = {"info", "informasi", "kamtibmas", "himbauan", "imbauan"}
YES = {"ya", "iya", "y", "ok", "oke", "enggih", "nggih", "inggih", "muhun", "leres", "yoh", "bener"}
NO = {"tidak", "tdk", "gak", "nggak", "ora", "beli", "teu", "henteu", "mboten", "lewati", "skip"}
ANONYMOUS = {"anonim", "#anonim", "rahasiakan", "anonymous"}
CANCEL = {"batal", "ulang", "reset", "kembali"}

# Case codes (PM-XXXX-XXXX, from the cases app) and the interim channel codes (LP-...).
TRACKING_CODE = re.compile(r"\b(PM|LP)[-\s]?([A-Z0-9]{4})[-\s]?([A-Z0-9]{4})\b", re.IGNORECASE)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^\w#' ]+", " ", text)).strip()


def words(text: str) -> list[str]:
    return fold(text).split()


def has_any(text: str, vocabulary: set[str], phrases: tuple[str, ...] = ()) -> bool:
    folded = fold(text)
    tokens = set(folded.split())
    return bool(tokens & vocabulary) or any(p in folded for p in phrases)


def is_greeting_only(text: str) -> bool:
    tokens = words(text)
    if not tokens or len(tokens) > 4:
        return False
    filler = {
        "pak",
        "bu",
        "min",
        "admin",
        "polisi",
        "polsek",
        "polres",
        "wr",
        "wb",
        "kang",
        "teh",
        "mas",
        "mbak",
        "kak",
        "sedulur",
        "dulur",
        "sadaya",
        "kabeh",
        "semua",
    }
    rest = [t for t in tokens if t not in GREETINGS and t not in filler]
    folded = " ".join(tokens)
    return not rest or (any(p in folded for p in GREETING_PHRASES) and len(rest) <= 1)


def find_tracking_code(text: str) -> str | None:
    match = TRACKING_CODE.search(text)
    if not match:
        return None
    prefix, first, second = (g.upper() for g in match.groups())
    return f"{prefix}-{first}-{second}"
