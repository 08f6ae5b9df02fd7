"""Whole-message triage: ``analyse(text)`` and the batched ``analyse_many(texts)``."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from polmas.triage.correct import CorrectionModels
from polmas.triage.features import featurise_views, unescape
from polmas.triage.gazetteer import Gazetteer, default_gazetteer
from polmas.triage.lexicon import load_lexicon, pseudo_indonesian
from polmas.triage.linear import JointScorer, LinearHeads
from polmas.triage.normalise import (
    load_slang_dictionary,
    normalise_fast,
    regional_markers,
    without_lone_surrogates,
)
from polmas.triage.paths import artifacts_dir
from polmas.triage.pii import PiiSpan, find_pii, mask_pii
from polmas.triage.places import Location, find_places
from polmas.triage.rules import (
    best_category,
    category_scores,
    fold_accents,
    keyword_hits,
    negated_keywords,
    settled_category,
    urgency_for,
    without_courtesy,
)
from polmas.triage.ruleset import RuleSet, default_rules
from polmas.triage.stack import Stack
from polmas.triage.training.data import HATE_TARGETS

MAX_CHARS = 5000
"""Texts longer than this are cut to their first MAX_CHARS characters (``truncated=True``)."""

_HAS_WORD = re.compile(r"[^\W_]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class TriageResult:
    """The output contract of one message (``id`` is added by the CLI)."""

    sentiment: str
    emotion: str | None
    hate_speech: bool
    abusive: bool
    hate_targets: tuple[str, ...]
    hate_strength: str | None
    category: str
    urgency: str
    locations: tuple[Location, ...]
    pii: tuple[PiiSpan, ...]
    masked_text: str
    truncated: bool

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dict with the contract's field names."""
        return {
            "sentiment": self.sentiment,
            "emotion": self.emotion,
            "hate_speech": self.hate_speech,
            "abusive": self.abusive,
            "hate_targets": list(self.hate_targets),
            "hate_strength": self.hate_strength,
            "category": self.category,
            "urgency": self.urgency,
            "locations": [loc.as_dict() for loc in self.locations],
            "pii": [{"type": p.type, "start": p.start, "end": p.end} for p in self.pii],
            "masked_text": self.masked_text,
            "truncated": self.truncated,
        }


class Models:
    """Everything loaded from an artifact folder."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.heads = LinearHeads.load(directory / "models.npz")
        self.stack = Stack.load(directory / "stack.json")
        self.slang = load_slang_dictionary(directory)
        self.lexicon = load_lexicon(directory)
        self.gazetteer = Gazetteer.from_json(directory / "gazetteer.json")
        self.rules: RuleSet = default_rules()
        self.corrections: CorrectionModels | None = None
        if (directory / "corrections.npz").exists():
            self.corrections = CorrectionModels(directory)
        self.scorer = JointScorer(
            [self.heads] + ([self.corrections.heads] if self.corrections else [])
        )


_LOCK = threading.Lock()
_CACHE: dict[Path, Models] = {}
_RESOLVED: dict[Path, Path] = {}
"""Folder as given -> resolved folder (``Path.resolve`` costs a system call per path part, about
15 µs, on every message otherwise)."""


def get_models(directory: Path | None = None) -> Models:
    """Load the models of ``directory`` (default: active artifacts) once per process."""
    given = directory or artifacts_dir()
    with _LOCK:
        key = _RESOLVED.get(given)
        if key is None:
            key = _RESOLVED[given] = given.resolve()
        if key not in _CACHE:
            _CACHE[key] = Models(key)
        return _CACHE[key]


def analyse_many(
    texts: list[str], gazetteer: Gazetteer | None = None, directory: Path | None = None
) -> list[TriageResult]:
    """Triage a batch of messages (one sparse product for all classifiers)."""
    models = get_models(directory)
    gaz = gazetteer or models.gazetteer
    cut = [without_lone_surrogates(t[:MAX_CHARS]) for t in texts]
    unescaped = [unescape(t) for t in cut]
    norm = [normalise_fast(t, models.slang) for t in unescaped]
    raw = [t.lower() for t in unescaped]
    markers = regional_markers(models.slang)
    x = featurise_views(raw, norm, [pseudo_indonesian(t, models.lexicon, markers) for t in norm])
    scores, *corr_part = models.scorer.scores(x)
    meta = models.stack.meta_features(models.heads, scores, raw, norm)
    corr = models.corrections
    cat_rows: list[list[float] | None] = [None] * len(cut)
    urg_rows: list[list[float] | None] = [None] * len(cut)
    if corr is not None:
        cat_rows = list(corr.weighted_probs("category", corr_part[0]) or cat_rows)
        urg_rows = list(corr.weighted_probs("urgency", corr_part[0]) or urg_rows)
    heads = models.heads
    sentiment = heads.predict("sentiment", scores)
    emotion = heads.predict("emotion", scores)
    hate = models.stack.predict("hate_speech", meta)
    abusive = models.stack.predict("abusive", meta)
    strength = heads.predict("hate_strength", scores)
    target_cols = [heads.heads[f"target_{t}"].start for t in HATE_TARGETS]
    results: list[TriageResult] = []
    for i, text in enumerate(cut):
        has_word = bool(_HAS_WORD.search(text))
        is_hate = bool(hate[i]) and has_word
        targets: tuple[str, ...] = ()
        if is_hate:
            t_scores = scores[i, target_cols]
            targets = tuple(t for t, s in zip(HATE_TARGETS, t_scores, strict=True) if s > 0)
            targets = targets or (HATE_TARGETS[int(np.argmax(t_scores))],)
        both = (fold_accents(text.lower()), fold_accents(norm[i]))
        found = without_courtesy(keyword_hits(both, models.rules), models.rules)
        rule_points = category_scores(found, models.rules)
        if corr is None:
            category = best_category(rule_points, models.rules)
        else:  # a missing model (None row) leaves the rules' choice
            category = corr.category(rule_points, cat_rows[i], models.rules)
        calm = negated_keywords(both, found, models.rules)
        urgency = urgency_for(found - calm, category, models.rules) if has_word else "rendah"
        if has_word and corr is not None:
            urgency = corr.urgency(urgency, urg_rows[i])
        category = settled_category(category, urgency, models.rules)
        pii = find_pii(text)
        results.append(
            TriageResult(
                sentiment=str(sentiment[i]) if has_word else "neutral",
                emotion=str(emotion[i]) if has_word else None,
                hate_speech=is_hate,
                abusive=bool(abusive[i]) and has_word,
                hate_targets=targets,
                hate_strength=str(strength[i]) if is_hate else None,
                category=category,
                urgency=urgency,
                locations=tuple(find_places(text, gaz)),
                pii=tuple(pii),
                masked_text=mask_pii(text, pii),
                truncated=len(text) < len(texts[i]),
            )
        )
    return results


def analyse(text: str, gazetteer: Gazetteer | None = None) -> TriageResult:
    """Triage one message."""
    return analyse_many([text], gazetteer)[0]


__all__ = [
    "MAX_CHARS",
    "Models",
    "TriageResult",
    "analyse",
    "analyse_many",
    "default_gazetteer",
]
