"""Mechanical sanity checks of a drafted release (spacing, punctuation, capitals)."""

from __future__ import annotations

import re

_CHECKS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[^\S\n]{2,}"), "spasi ganda"),
    (re.compile(r"\(\s*\)"), "tanda kurung kosong"),
    (re.compile(r",\s*[,.;:]"), "koma menggantung"),
    (re.compile(r"[ \t][,.;:!?]"), "spasi sebelum tanda baca"),
    (re.compile(r",\s*$", re.MULTILINE), "koma di akhir paragraf"),
    (re.compile(r"\bNone\b|\{|\}|\bnull\b"), "sisa templat"),
    (re.compile(r"\b(\w+) \1\b"), "kata berulang"),
    (re.compile(r"\bdan dan\b|, dan,"), "daftar tidak rapi"),
)
# A sentence end followed by the next sentence (outside or inside a quotation).
_NEXT_SENTENCE = re.compile(r'([.!?])("?)\s+"?(\S)')
_PARAGRAPH_END = re.compile(r'[.!?]"?$')


def grammar_problems(body: str, title: str = "") -> list[str]:
    """Problems found in ``body`` (and ``title``); empty when the text looks well-formed."""
    problems: list[str] = []
    for pattern, label in _CHECKS:
        for match in pattern.finditer(body):
            problems.append(f"{label}: {match.group(0)!r}")
    for paragraph in body.split("\n\n"):
        if not paragraph.strip():
            problems.append("paragraf kosong")
            continue
        if not _PARAGRAPH_END.search(paragraph):
            problems.append(f"paragraf tidak diakhiri titik: {paragraph[-30:]!r}")
        first = paragraph.lstrip('"')[:1]
        if first and not first.isupper():
            problems.append(f"paragraf tidak diawali huruf kapital: {paragraph[:30]!r}")
        for match in _NEXT_SENTENCE.finditer(paragraph):
            mark, closing, char = match.groups()
            if closing and mark in "!?":
                continue  # '"Siapa?" tanya ...': the attribution goes on in lower case.
            if char.isalpha() and not char.isupper():
                problems.append(f"kalimat tidak diawali huruf kapital: {match.group(0)!r}")
    if title and (title != title.strip() or "  " in title or title[-1] in ".,;:"):
        problems.append(f"judul tidak rapi: {title!r}")
    return problems
