"""Charts and the coverage map for reports, drawn with matplotlib (Agg, no pyplot state,
no tiles, no network). Each function returns PNG bytes."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Polygon

from polmas.reports.figures import CategoryCases, DesaRow

DPI = 150
BLUE = "#1f4e79"
COLOURS = ("#1f4e79", "#4caf50", "#d32f2f")
# No session, then 1, 2-3, 4-6, 7+ sessions: light to dark.
MAP_BOUNDS = [0, 1, 2, 4, 7, 10_000]
MAP_COLOURS = ["#eeeeee", "#c6dbef", "#6baed6", "#2171b5", "#08306b"]
MAP_LABELS = ["0", "1", "2–3", "4–6", "7+"]


def _png(fig: Figure) -> bytes:
    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight")
    return buf.getvalue()


def bar_chart(rows: Sequence[tuple[str, int]], title: str, *, colour: str = BLUE) -> bytes:
    """A horizontal bar chart of (label, count), largest at the top."""
    rows = list(reversed(rows))
    fig = Figure(figsize=(6.5, 0.32 * max(len(rows), 3) + 0.9))
    ax = fig.add_subplot()
    labels = [label for label, _n in rows]
    values = [n for _label, n in rows]
    bars = ax.barh(labels, values, color=colour)
    ax.bar_label(bars, padding=3, fontsize=8)
    ax.set_title(title, fontsize=10, loc="left")
    ax.tick_params(labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlim(0, max([*values, 1]) * 1.15)
    return _png(fig)


def cases_chart(cats: Sequence[CategoryCases], title: str) -> bytes:
    """Grouped horizontal bars: opened / closed / overdue per category."""
    cats = list(reversed(cats))
    fig = Figure(figsize=(6.5, 0.45 * max(len(cats), 2) + 1.1))
    ax = fig.add_subplot()
    height = 0.27
    series = (
        (pgettext("case count", "Masuk"), [c.opened for c in cats]),
        (pgettext("case count", "Selesai"), [c.closed for c in cats]),
        (_("Lewat tenggat"), [c.overdue for c in cats]),
    )
    for i, (label, values) in enumerate(series):
        ys = [y + (1 - i) * height for y in range(len(cats))]
        ax.barh(ys, values, height=height, label=label, color=COLOURS[i])
    ax.set_yticks(range(len(cats)), [c.name for c in cats])
    ax.tick_params(labelsize=8)
    ax.legend(fontsize=8, loc="lower right")
    ax.set_title(title, fontsize=10, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def _rings(geometry: dict[str, Any]) -> Iterable[list[list[float]]]:
    """Outer rings of a GeoJSON Polygon or MultiPolygon."""
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    if kind == "Polygon":
        polygons = [coords]
    elif kind == "MultiPolygon":
        polygons = coords
    else:
        polygons = []
    for polygon in polygons:
        if polygon:
            yield [[float(x), float(y)] for x, y, *_rest in polygon[0]]


def coverage_map(desa: Sequence[DesaRow], geometries: dict[str, Any], title: str) -> bytes:
    """Desa polygons coloured by the number of dialogue sessions in the period."""
    cmap = ListedColormap(MAP_COLOURS)
    norm = BoundaryNorm(MAP_BOUNDS, cmap.N)
    fig = Figure(figsize=(6.5, 6.0))
    ax = fig.add_subplot()
    xs: list[float] = []
    ys: list[float] = []
    for row in desa:
        geometry = geometries.get(row.code)
        if not geometry:
            continue
        colour = cmap(norm(row.sessions))
        for ring in _rings(geometry):
            ax.add_patch(Polygon(ring, closed=True, facecolor=colour, edgecolor="#555", lw=0.3))
            xs.extend(p[0] for p in ring)
            ys.extend(p[1] for p in ring)
    if xs:
        pad = 0.01
        ax.set_xlim(min(xs) - pad, max(xs) + pad)
        ax.set_ylim(min(ys) - pad, max(ys) + pad)
    else:
        ax.text(0.5, 0.5, _("Batas wilayah tidak tersedia"), ha="center", va="center")
    ax.set_aspect("equal")
    ax.set_axis_off()
    ax.set_title(title, fontsize=10, loc="left")
    handles = [
        Patch(facecolor=colour, edgecolor="#555", label=label)
        for colour, label in zip(MAP_COLOURS, MAP_LABELS, strict=True)
    ]
    ax.legend(handles=handles, title=_("Sesi dialog"), fontsize=8, title_fontsize=8, loc="best")
    return _png(fig)
