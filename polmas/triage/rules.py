"""Keyword rules for case category and urgency (see ``rules/category_rules.json``)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from polmas.triage.paths import RULES_FILE

CATEGORIES = (
    "kriminalitas",
    "narkoba",
    "lalu_lintas",
    "ketertiban_umum",
    "konflik_sara",
    "pemilu_politik_uang",
    "pemilu_intimidasi",
    "pemilu_netralitas",
    "pemilu_logistik_tps",
    "hoaks",
    "kdrt_perlindungan_anak",
    "pelayanan_kepolisian",
    "non_kepolisian",
    "lainnya",
)
URGENCIES = ("darurat", "tinggi", "normal", "rendah")
_PREFIX = r"(?:di|ke|ter|me|mem|men|meng|meny|ber|be|pe|pem|pen|peng|se|ng|nge|ka|pa|dipun|ka)?"


def _pattern(keywords: list[str]) -> re.Pattern[str] | None:
    exact = [re.escape(k[1:]) for k in keywords if k.startswith("=")]
    open_ = [re.escape(k) for k in keywords if not k.startswith("=")]
    parts = []
    if open_:
        parts.append(
            rf"(?<![^\W\d_]){_PREFIX}(?P<o>{'|'.join(sorted(open_, key=len)[::-1])})"
        )
    if exact:
        parts.append(
            rf"(?<![\w])(?P<e>{'|'.join(sorted(exact, key=len)[::-1])})(?![\w])"
        )
    return re.compile("|".join(parts)) if parts else None


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Compiled rules."""

    strong: dict[str, re.Pattern[str] | None]
    weak: dict[str, re.Pattern[str] | None]
    priority: tuple[str, ...]
    darurat: re.Pattern[str] | None
    tinggi: re.Pattern[str] | None
    rendah: re.Pattern[str] | None
    tinggi_categories: frozenset[str]
    rendah_categories: frozenset[str]

    @classmethod
    def from_file(cls, path: Path) -> RuleSet:
        """Compile a rules JSON file."""
        data = json.loads(path.read_text(encoding="utf-8"))
        cats = data["categories"]
        unknown = set(cats) - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown categories in rules: {sorted(unknown)}")
        urg = data["urgency"]
        return cls(
            strong={c: _pattern(v.get("strong", [])) for c, v in cats.items()},
            weak={c: _pattern(v.get("keywords", [])) for c, v in cats.items()},
            priority=tuple(data["priority"]),
            darurat=_pattern(urg["darurat"]),
            tinggi=_pattern(urg["tinggi"]),
            rendah=_pattern(urg["rendah"]),
            tinggi_categories=frozenset(urg["tinggi_categories"]),
            rendah_categories=frozenset(urg["rendah_categories"]),
        )


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The committed rules (compiled once per process)."""
    return RuleSet.from_file(RULES_FILE)


def _hits(pattern: re.Pattern[str] | None, texts: tuple[str, ...]) -> set[str]:
    if pattern is None:
        return set()
    found: set[str] = set()
    for text in texts:
        for m in pattern.finditer(text):
            found.add(m.group("o") if m.groupdict().get("o") else m.group(0))
    return found


def category_scores(texts: tuple[str, ...], rules: RuleSet) -> dict[str, float]:
    """Points per category (2 per strong keyword, 1 per keyword; each keyword counted once)."""
    scores: dict[str, float] = {}
    for cat in rules.strong:
        points = 2.0 * len(_hits(rules.strong[cat], texts)) + len(
            _hits(rules.weak[cat], texts)
        )
        if points:
            scores[cat] = points
    return scores


def best_category(scores: dict[str, float], rules: RuleSet) -> str:
    """The highest-scoring category (ties by priority), or ``lainnya``."""
    if not scores:
        return "lainnya"
    order = {c: i for i, c in enumerate(rules.priority)}
    return min(scores, key=lambda c: (-scores[c], order.get(c, 99)))


def urgency_for(texts: tuple[str, ...], category: str, rules: RuleSet) -> str:
    """Urgency: darurat keywords first (recall), then tinggi, rendah, normal."""
    if _hits(rules.darurat, texts):
        return "darurat"
    if _hits(rules.tinggi, texts) or category in rules.tinggi_categories:
        return "tinggi"
    if _hits(rules.rendah, texts) or category in rules.rendah_categories:
        return "rendah"
    return "normal"
