"""Text normalisation for hoax matching: URLs, boilerplate, tokens, stopwords.

Pure functions only. Everything here is language-light: it works on Indonesian first but never
fails on other scripts (non-Latin letters are kept as tokens).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from urllib.parse import unquote, urlparse

from polmas.hoaxes.matching.stem import stem

# Verdict words that fact-checkers put in front of a headline ("[SALAH] ...", "35352-salah-...").
VERDICT_WORDS = frozenset(
    {
        "salah",
        "penipuan",
        "hoaks",
        "hoax",
        "hoaxs",
        "disinformasi",
        "misinformasi",
        "parodi",
        "satir",
        "satire",
        "komedi",
        "menyesatkan",
        "keliru",
        "fitnah",
        "klarifikasi",
        "benar",
    }
)

# A small hand-written list of Indonesian function words (no external list was copied).
STOPWORDS = frozenset(
    [
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "pada",
        "untuk",
        "dengan",
        "dalam",
        "ini",
        "itu",
        "atau",
        "juga",
        "akan",
        "sudah",
        "telah",
        "sedang",
        "adalah",
        "ialah",
        "oleh",
        "karena",
        "agar",
        "supaya",
        "bahwa",
        "jika",
        "kalau",
        "maka",
        "lalu",
        "serta",
        "tetapi",
        "tapi",
        "namun",
        "sebagai",
        "seperti",
        "hingga",
        "sampai",
        "per",
        "ada",
        "tidak",
        "bukan",
        "belum",
        "masih",
        "pun",
        "lah",
        "kah",
        "nya",
        "saya",
        "aku",
        "kamu",
        "anda",
        "kita",
        "kami",
        "mereka",
        "dia",
        "ia",
        "beliau",
        "kalian",
        "para",
        "sang",
        "si",
        "se",
        "sebuah",
        "seorang",
        "suatu",
        "satu",
        "bisa",
        "dapat",
        "harus",
        "mau",
        "ingin",
        "boleh",
        "lebih",
        "sangat",
        "paling",
        "sekali",
        "banyak",
        "semua",
        "setiap",
        "tiap",
        "sini",
        "sana",
        "situ",
        "mana",
        "apa",
        "siapa",
        "kapan",
        "bagaimana",
        "mengapa",
        "kenapa",
        "berapa",
        "yg",
        "dgn",
        "utk",
        "dg",
        "dr",
        "tdk",
        "gak",
        "ga",
        "nggak",
        "enggak",
        "aja",
        "saja",
        "dong",
        "deh",
        "sih",
        "nih",
        "tuh",
        "kok",
        "ya",
        "mengenai",
        "tersebut",
        "terhadap",
        "tentang",
        "bagi",
        "kepada",
        "antara",
        "secara",
        "setelah",
        "sebelum",
        "saat",
        "ketika",
        "the",
        "of",
        "and",
        "to",
        "in",
        "for",
        "on",
        "is",
        "are",
        "a",
        "an",
    ]
)


_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_BARE_DOMAIN_RE = re.compile(r"^[\w.-]+\.[a-z]{2,}(?:/\S*)?$", re.IGNORECASE)
_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
_LEAD_VERDICT_RE = re.compile(r"^\s*[\[(]\s*([^\])]{1,30})\s*[\])]\s*[:\-–]?\s*")
_URL_NOISE = frozenset(
    {
        "www",
        "http",
        "https",
        "com",
        "id",
        "co",
        "org",
        "net",
        "go",
        "html",
        "htm",
        "php",
        "amp",
    }
    | {
        "articles",
        "article",
        "read",
        "berita",
        "news",
        "post",
        "posts",
        "status",
        "watch",
    }
)

# Boilerplate frame of TurnBackHoax "narasi": an opening that ends with "narasi:" or similar,
# and a closing engagement sentence ("Hingga Rabu (24/6/2026), unggahan ... tanda suka ...").
_OPENING_RE = re.compile(
    r"^.{0,400}?(?:narasi|takarir|keterangan|caption|tulisan|sebagai berikut|berbunyi)"
    r"(?:\s+lengkapnya)?\s*(?:sebagai berikut)?\s*:",
    re.IGNORECASE | re.DOTALL,
)
_CLOSING_RE = re.compile(
    r"(?:Hingga|Per|Sampai|Pada)\b[^.]{0,80}?(?:\(\s*\d{1,2}/\d{1,2}/\d{2,4}\s*\)|artikel ini)"
    r"[^.]{0,60}?(?:unggahan|konten|video|postingan|foto|telah|sudah|mendapat).{0,400}$",
    re.IGNORECASE | re.DOTALL,
)
_DATE_PAREN_RE = re.compile(r"\(\s*\d{1,2}/\d{1,2}/\d{2,4}\s*\)")
_ARSIP_RE = re.compile(r"[\[(]\s*arsip(?:\s+cadangan)?\s*[\])]", re.IGNORECASE)


def nfkc(text: str) -> str:
    """Unicode-normalise (folds styled letters such as mathematical bold) and lower-case."""
    return unicodedata.normalize("NFKC", text).casefold()


def url_words(url: str) -> str:
    """Words carried by a URL: the slug of a TurnBackHoax-style path or any generic path.

    ``https://turnbackhoax.id/articles/35352-salah-gunung-lawu-bakal-erupsi-besar`` gives
    ``"gunung lawu bakal erupsi besar"`` (leading number and verdict word removed).
    """
    raw = url.strip()
    if not re.match(r"^[a-z][a-z0-9+.-]*://", raw, re.IGNORECASE):
        raw = "http://" + raw
    try:
        parsed = urlparse(raw)
    except ValueError:
        return ""
    parts = [unquote(p) for p in parsed.path.split("/") if p]
    words: list[str] = []
    for part in parts:
        part = re.sub(r"\.(?:html?|php|aspx?)$", "", part, flags=re.IGNORECASE)
        pieces = [w for w in re.split(r"[-_+.\s]+", part.lower()) if w]
        while pieces and pieces[0].isdigit():
            pieces.pop(0)
        if pieces and pieces[0] in VERDICT_WORDS:
            pieces.pop(0)
        words.extend(p for p in pieces if p not in _URL_NOISE and not p.isdigit())
    if parsed.query:
        for _key, _sep, value in (kv.partition("=") for kv in parsed.query.split("&")):
            if len(value) > 3 and "-" in value:
                words.extend(w for w in re.split(r"[-_+]+", unquote(value).lower()) if w)
    return " ".join(words)


def replace_urls(text: str) -> str:
    """Replace every URL in ``text`` by the words of its path; a bare domain-only query too."""
    stripped = text.strip()
    if " " not in stripped and _BARE_DOMAIN_RE.match(stripped) and "." in stripped:
        return url_words(stripped)
    return _URL_RE.sub(lambda m: " " + url_words(m.group(0)) + " ", text)


def strip_verdict(title: str) -> str:
    """Remove a leading verdict tag such as ``[SALAH]`` or ``(HOAKS) -`` from a headline."""
    match = _LEAD_VERDICT_RE.match(title)
    if match and all(w in VERDICT_WORDS for w in match.group(1).lower().split()):
        return title[match.end() :]
    return title


def clean_narration(text: str) -> str:
    """Drop the fact-checker's frame around a quoted rumour, keeping the rumour itself.

    Texts without the frame (a resident's own message) come back unchanged except for archive
    markers and parenthesised dates.
    """
    out = text
    opening = _OPENING_RE.match(out)
    if opening and len(out) - opening.end() > 40:
        out = out[opening.end() :]
    closing = _CLOSING_RE.search(out)
    if closing and closing.start() > 40:
        out = out[: closing.start()]
    out = _ARSIP_RE.sub(" ", out)
    return _DATE_PAREN_RE.sub(" ", out)


def raw_tokens(text: str) -> list[str]:
    """Lower-cased word tokens (letters/digits of any script), URLs turned into slug words."""
    return _TOKEN_RE.findall(nfkc(replace_urls(text)))


def normalise_tokens(
    tokens: list[str],
    slang: Mapping[str, str] | None = None,
    *,
    keep_stopwords: bool = False,
) -> list[str]:
    """Slang-normalise, drop stopwords/one-letter tokens, and stem."""
    out: list[str] = []
    for tok in tokens:
        parts = slang[tok].split() if slang is not None and tok in slang else [tok]
        for part in parts:
            if len(part) < 2 and not part.isdigit():
                continue
            if not keep_stopwords and part in STOPWORDS:
                continue
            if part.isdigit() and len(part) < 3:
                continue
            out.append(stem(part))
    return out


def analyse(text: str, slang: Mapping[str, str] | None = None) -> list[str]:
    """Full pipeline used for both titles and queries: clean, tokenise, normalise, stem."""
    return normalise_tokens(raw_tokens(clean_narration(text)), slang)


def char_text(text: str) -> str:
    """The text given to the character n-gram model: cleaned, URL-expanded, lower-case words."""
    return " ".join(raw_tokens(clean_narration(text)))
