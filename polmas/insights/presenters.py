"""Compact JSON for the command map: {desa code: [values in layer order]} plus a legend."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from polmas.core.formatting import WIB
from polmas.insights import kondusif
from polmas.insights.selectors.layers import DesaValues, Layers

# Five classes, from "fine" to "act now"; grey for no value.
WARM = ["#1a9850", "#91cf60", "#fee08b", "#fc8d59", "#d73027"]
COOL = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]


@dataclass(frozen=True)
class LayerDef:
    key: str
    label: Any
    breaks: tuple[float, ...]  # class i holds values < breaks[i]; the last class the rest
    colors: tuple[str, ...]


LAYERS: tuple[LayerDef, ...] = (
    LayerDef(
        "kondusif", gettext_lazy("Indeks kondusif (0–100)"), (40, 60, 75, 90), tuple(reversed(WARM))
    ),
    LayerDef(
        "days_since_visit",
        gettext_lazy("Hari sejak kunjungan patroli terakhir"),
        (4, 8, 15, 31),
        tuple(WARM),
    ),
    LayerDef(
        "sessions",
        gettext_lazy("Sesi patroli dialog (periode)"),
        (1, 3, 8, 20),
        tuple(reversed(WARM)),
    ),
    LayerDef("open_cases", gettext_lazy("Kasus terbuka"), (1, 3, 6, 11), tuple(WARM)),
    LayerDef("darurat", gettext_lazy("Kasus darurat terbuka"), (1, 2, 3, 5), tuple(WARM)),
    LayerDef("overdue", gettext_lazy("Kasus melewati tenggat"), (1, 2, 4, 8), tuple(WARM)),
    LayerDef("hoaxes", gettext_lazy("Laporan hoaks (periode)"), (1, 3, 6, 11), tuple(WARM)),
    LayerDef(
        "provocation",
        gettext_lazy("Sinyal provokasi dari triase (periode)"),
        (1, 2, 4, 8),
        tuple(WARM),
    ),
    LayerDef(
        "negative",
        gettext_lazy("Nada negatif (% kasus tertriase, periode)"),
        (10, 25, 50, 75),
        tuple(WARM),
    ),
    LayerDef("tps", gettext_lazy("Jumlah TPS"), (5, 10, 20, 30), tuple(COOL)),
)
LAYER_KEYS = tuple(layer.key for layer in LAYERS)


def values_row(v: DesaValues) -> list[float | int | None]:
    return [
        v.kondusif.score,
        v.days_since_visit,
        v.sessions,
        v.open_cases,
        v.open_by_urgency.get("darurat", 0),
        v.overdue,
        v.period.hoax_reports,
        v.period.provocation,
        v.negative_percent,
        v.row.tps,
    ]


def _empty_messages(layers: Layers) -> dict[str, str | None]:
    rows = list(layers.desa.values())
    msgs: dict[str, str | None] = dict.fromkeys(LAYER_KEYS)
    if not rows:
        return dict.fromkeys(
            LAYER_KEYS, _("Tidak ada desa dalam cakupan ini. Hubungi admin untuk penugasan satuan.")
        )
    if not layers.has_sessions_ever:
        msgs["days_since_visit"] = _(
            "Belum ada sesi patroli dialog tercatat di wilayah ini; lapisan terisi setelah "
            "personel mencatat sesi di menu Patroli."
        )
    if not any(r.sessions for r in rows):
        msgs["sessions"] = _("Tidak ada sesi patroli dialog pada periode ini.")
    if not any(r.open_cases for r in rows):
        msgs["open_cases"] = _(
            "Tidak ada kasus terbuka berlokasi desa di wilayah ini. Kasus masuk dari formulir "
            "warga, kanal pesan dan masukan sesi patroli."
        )
        msgs["darurat"] = msgs["open_cases"]
    elif not any(r.open_by_urgency.get("darurat") for r in rows):
        msgs["darurat"] = _("Tidak ada kasus darurat terbuka.")
    if not any(r.overdue for r in rows):
        msgs["overdue"] = _("Tidak ada kasus yang melewati tenggat.")
    if not any(r.period.hoax_reports for r in rows):
        msgs["hoaxes"] = _(
            "Tidak ada laporan hoaks berlokasi desa pada periode ini. Laporan masuk dari "
            "formulir Cek Hoaks dan kanal pesan."
        )
    if not any(r.period.triaged for r in rows):
        msgs["negative"] = _(
            "Belum ada kasus yang dianalisis triase pada periode ini; sinyal provokasi dan nada "
            "negatif berasal dari triase otomatis kasus baru."
        )
        if not any(r.period.provocation for r in rows):  # hoax reports may still carry some
            msgs["provocation"] = msgs["negative"]
    if all(r.row.tps is None for r in rows):
        msgs["tps"] = _(
            "Jumlah TPS belum dimuat (perintah polmas load-regions memuatnya dari KPU)."
        )
    return msgs


def unit_rollups(layers: Layers) -> list[dict[str, Any]]:
    """Per Polsek: desa, mean index, open and overdue cases, desa not visited for 14+ days."""
    groups: dict[str, dict[str, Any]] = {}
    for code, v in layers.desa.items():
        owner = layers.area.owners.get(code)
        if owner is None:
            continue
        g = groups.setdefault(
            owner.code,
            {
                "code": owner.code,
                "name": owner.name,
                "desa": 0,
                "scores": [],
                "open": 0,
                "overdue": 0,
                "stale": 0,
                "sessions": 0,
            },
        )
        g["desa"] += 1
        g["scores"].append(v.kondusif.score)
        g["open"] += v.open_cases
        g["overdue"] += v.overdue
        g["sessions"] += v.sessions
        g["stale"] += 1 if v.days_since_visit is None or v.days_since_visit > 14 else 0
    result = []
    for g in sorted(groups.values(), key=lambda x: x["name"]):
        g["kondusif"] = kondusif.mean(g.pop("scores"))
        result.append(g)
    return result


def layers_json(layers: Layers) -> dict[str, Any]:
    rows = list(layers.desa.values())
    empty = _empty_messages(layers)
    return {
        "period": {
            "from": layers.period.start.isoformat(),
            "to": layers.period.end.isoformat(),
            "days": layers.period.days,
        },
        "unit": layers.area.unit.code if layers.area.unit else None,
        # Open/overdue cases and today's counts were counted at this time (live roll-up).
        "as_of": layers.as_of.isoformat() if layers.as_of else None,
        "as_of_wib": layers.as_of.astimezone(WIB).strftime("%H:%M") if layers.as_of else None,
        "live": layers.live,
        "layers": [
            {
                "key": layer.key,
                "label": str(layer.label),
                "breaks": list(layer.breaks),
                "colors": list(layer.colors),
                "empty": empty[layer.key],
            }
            for layer in LAYERS
        ],
        "desa": {code: values_row(v) for code, v in layers.desa.items()},
        "summary": {
            "desa": len(rows),
            "kondusif": kondusif.mean([v.kondusif.score for v in rows]),
            "open_cases": sum(v.open_cases for v in rows),
            "overdue": sum(v.overdue for v in rows),
            "sessions": sum(v.sessions for v in rows),
            "hoaxes": sum(v.period.hoax_reports for v in rows),
            "not_visited_14": sum(
                1 for v in rows if v.days_since_visit is None or v.days_since_visit > 14
            ),
        },
        "units": unit_rollups(layers),
    }
