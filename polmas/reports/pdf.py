"""The PDF of a report (ReportLab platypus): title, summary, tables, charts and the map."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from polmas.core.formatting import long_date, long_datetime, number
from polmas.reports.figures import ReportFigures

WIDTH = A4[0] - 4 * cm

TABLE_STYLE = TableStyle(
    [
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dce6f1")),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
)


def fmt(value: int | float) -> str:
    return number(value, 1) if isinstance(value, float) else number(value)


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float]) -> Table:
    body = [[c if isinstance(c, str) else fmt(c) for c in row] for row in rows]
    table = Table([list(header), *body], colWidths=list(widths), repeatRows=1)
    table.setStyle(TABLE_STYLE)
    return table


def _image(png: bytes, width: float, max_height: float = 15 * cm) -> Image:
    """A PNG scaled to `width`, or smaller when it would be taller than `max_height`."""
    img = Image(io.BytesIO(png))
    ratio = img.imageHeight / img.imageWidth
    width = min(width, max_height / ratio)
    img.drawWidth, img.drawHeight = width, width * ratio
    return img


def build_pdf(
    f: ReportFigures,
    *,
    title: str,
    charts: dict[str, bytes],
    generated_at: dt.datetime,
) -> bytes:
    """`charts` holds PNGs under "topics", "cases" and "map" (any may be missing)."""
    styles = getSampleStyleSheet()
    h1, h2, body = styles["Title"], styles["Heading2"], styles["BodyText"]
    story: list[Any] = [
        Paragraph(title, h1),
        Paragraph(_("Dibuat %(when)s oleh Polmas.") % {"when": long_datetime(generated_at)}, body),
        Spacer(1, 0.4 * cm),
        Paragraph(_("Ringkasan"), h2),
        _table([_("Uraian"), _("Jumlah")], f.summary_rows(), [WIDTH * 0.7, WIDTH * 0.3]),
    ]
    if "map" in charts:
        story += [
            Paragraph(_("Peta cakupan sesi dialog"), h2),
            _image(charts["map"], WIDTH * 0.9),
        ]
    story += [
        Paragraph(_("Patroli"), h2),
        _table(
            [_("Status patroli"), _("Jumlah")], f.patrol_status_rows, [WIDTH * 0.7, WIDTH * 0.3]
        ),
        Spacer(1, 0.3 * cm),
        _table([_("Jenis patroli"), _("Jumlah")], f.patrol_type_rows, [WIDTH * 0.7, WIDTH * 0.3]),
        Spacer(1, 0.3 * cm),
        _table(
            [_("Topik pesan kamtibmas"), _("Disampaikan")],
            f.topic_rows,
            [WIDTH * 0.7, WIDTH * 0.3],
        ),
    ]
    if "topics" in charts:
        story.append(KeepTogether([Spacer(1, 0.3 * cm), _image(charts["topics"], WIDTH * 0.85)]))
    story += [Paragraph(_("Kasus (aduan, masukan, aspirasi)"), h2)]
    if f.cases_by_category:
        rows = [(c.name, c.opened, c.closed, c.overdue) for c in f.cases_by_category]
        rows.append(
            (pgettext("total row", "Jumlah"), f.cases_opened, f.cases_closed, f.cases_overdue)
        )
        story.append(
            _table(
                [
                    _("Kategori"),
                    pgettext("case count", "Masuk"),
                    pgettext("case count", "Selesai"),
                    _("Lewat tenggat"),
                ],
                rows,
                [WIDTH * 0.46, WIDTH * 0.18, WIDTH * 0.18, WIDTH * 0.18],
            )
        )
        if "cases" in charts:
            story.append(KeepTogether([Spacer(1, 0.3 * cm), _image(charts["cases"], WIDTH * 0.85)]))
    else:
        story.append(Paragraph(_("Tidak ada kasus dalam periode ini."), body))
    story += [
        Paragraph(_("Laporan hoaks"), h2),
        _table([_("Status"), _("Jumlah")], f.hoax_status_rows, [WIDTH * 0.7, WIDTH * 0.3]),
        Paragraph(_("Desa yang dikunjungi"), h2),
    ]
    visited = [d for d in f.desa if d.sessions]
    if visited:
        story.append(
            _table(
                [_("Desa"), _("Kecamatan"), _("Sesi"), _("Warga")],
                [(d.name, d.kecamatan, d.sessions, d.residents) for d in visited],
                [WIDTH * 0.34, WIDTH * 0.34, WIDTH * 0.16, WIDTH * 0.16],
            )
        )
    else:
        story.append(Paragraph(_("Tidak ada desa yang dikunjungi dalam periode ini."), body))
    story.append(
        Paragraph(
            _("%(n)s dari %(total)s desa belum dikunjungi dalam periode ini.")
            % {"n": fmt(f.desa_total - f.desa_covered), "total": fmt(f.desa_total)},
            body,
        )
    )
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=title,
        author="Polmas",
        subject=_("Laporan pimpinan"),
    )
    footer = f"{f.unit_name} · {long_date(f.start, with_day=False)}"

    def on_page(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(2 * cm, 1.2 * cm, footer)
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, _("Halaman %d") % document.page)
        canvas.restoreState()

    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue()
