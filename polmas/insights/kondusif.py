"""The kondusif index: how calm a desa is, 0 (needs attention now) to 100 (kondusif).

    index = 100 - 100 * sum(w_i * f_i) / sum(w_i)

Each factor f_i lies in [0, 1] (0 = no concern, 1 = the saturation point reached):

| key           | factor f_i                                                                 |
| ------------- | -------------------------------------------------------------------------- |
| `visit`       | days since the last dialogue-patrol visit / 30 (never visited = 1)         |
| `open_cases`  | open cases weighted by urgency (darurat 4, tinggi 2, normal 1, rendah 0.5) / 10 |
| `overdue`     | open cases past their SLA deadline / 5                                     |
| `hoaxes`      | hoax reports from the desa in the last 7 days / 5                          |
| `provocation` | cases and hoax reports, last 7 days, triage flagged hate speech/abusive / 3 |
| `negative`    | cases in the last 7 days with negative sentiment / max(triaged cases, 3)   |

every ratio capped at 1. Default weights (settings.POLMAS_KONDUSIF_WEIGHTS, overridable with the
environment variable of the same name) are 25, 20, 15, 15, 15, 10: they sum to 100, so each
weight is the most points its factor can take off. Weights that do not sum to 100 are scaled.

A Polsek's or the Polres' index is the plain mean over its desa (no population figures are
held per desa, so no population weighting).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

VISIT_SATURATION_DAYS = 30
OPEN_SATURATION = 10.0
OVERDUE_SATURATION = 5.0
HOAX_SATURATION = 5.0
PROVOCATION_SATURATION = 3.0
NEGATIVE_MIN_TRIAGED = 3
WINDOW_DAYS = 7
URGENCY_WEIGHTS = {"darurat": 4.0, "tinggi": 2.0, "normal": 1.0, "rendah": 0.5}

FACTOR_LABELS = {
    "visit": _("Hari sejak kunjungan patroli terakhir"),
    "open_cases": _("Kasus terbuka (berbobot urgensi)"),
    "overdue": _("Kasus melewati tenggat"),
    "hoaxes": _("Laporan hoaks 7 hari"),
    "provocation": _("Sinyal provokasi 7 hari"),
    "negative": _("Nada negatif 7 hari"),
}
FACTOR_RULES = {
    "visit": _("hari ÷ 30; belum pernah dikunjungi = penuh"),
    "open_cases": _("darurat×4 + tinggi×2 + normal×1 + rendah×0,5, dibagi 10"),
    "overdue": _("jumlah ÷ 5"),
    "hoaxes": _("jumlah ÷ 5"),
    "provocation": _("kasus dan laporan hoaks berujaran kebencian/kasar ÷ 3"),
    "negative": _("kasus bernada negatif ÷ kasus tertriase (minimal 3)"),
}


def weights() -> dict[str, float]:
    configured = dict(getattr(settings, "POLMAS_KONDUSIF_WEIGHTS", {}))
    return {key: float(configured.get(key, 0.0)) for key in FACTOR_LABELS}


@dataclass(frozen=True)
class Inputs:
    days_since_visit: int | None
    open_by_urgency: dict[str, int]
    overdue: int
    hoaxes_7d: int
    provocation_7d: int
    negative_7d: int
    triaged_7d: int


@dataclass(frozen=True)
class Result:
    score: float
    factors: dict[str, float]  # key -> f_i in [0, 1]
    points: dict[str, float]  # key -> points taken off the 100


def _cap(x: float) -> float:
    return max(0.0, min(1.0, x))


def factors(inputs: Inputs) -> dict[str, float]:
    visit = (
        1.0
        if inputs.days_since_visit is None
        else _cap(inputs.days_since_visit / VISIT_SATURATION_DAYS)
    )
    weighted_open = sum(URGENCY_WEIGHTS.get(u, 1.0) * n for u, n in inputs.open_by_urgency.items())
    return {
        "visit": visit,
        "open_cases": _cap(weighted_open / OPEN_SATURATION),
        "overdue": _cap(inputs.overdue / OVERDUE_SATURATION),
        "hoaxes": _cap(inputs.hoaxes_7d / HOAX_SATURATION),
        "provocation": _cap(inputs.provocation_7d / PROVOCATION_SATURATION),
        "negative": _cap(inputs.negative_7d / max(inputs.triaged_7d, NEGATIVE_MIN_TRIAGED)),
    }


def compute(inputs: Inputs, w: dict[str, float] | None = None) -> Result:
    w = w if w is not None else weights()
    total = sum(w.values()) or 1.0
    f = factors(inputs)
    points = {key: round(100.0 * w.get(key, 0.0) * value / total, 1) for key, value in f.items()}
    score = round(max(0.0, 100.0 - 100.0 * sum(w.get(k, 0.0) * v for k, v in f.items()) / total), 1)
    return Result(score=score, factors=f, points=points)


def mean(scores: list[float]) -> float | None:
    """The rolled-up index of a Polsek or Polres: the plain mean of its desa."""
    return round(sum(scores) / len(scores), 1) if scores else None
