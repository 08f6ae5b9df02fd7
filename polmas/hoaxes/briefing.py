"""Answers for patrols: the rumours circulating in a unit's area with a counter-message.

The lead registers this into the patrol briefing at merge:

    register_briefing_section("hoaks", _("Hoaks yang beredar"), counter_messages)
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext as _

from polmas.hoaxes import selectors
from polmas.hoaxes.models import FactCheck, HoaxReport, ReportStatus, RumourWave, Verdict
from polmas.org.models import Unit
from polmas.org.scope import region_q

WINDOW_DAYS = 7
MAX_ITEMS = 10
_FACT_PREFIX = re.compile(r"^\s*(faktanya|fakta|kesimpulan)\s*[,:]\s*", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class CounterMessage:
    factcheck_id: int
    title: str
    verdict: str
    fact: str
    text: str  # "Hoaks: ... Faktanya: ..."
    url: str
    report_count: int
    desa: list[str] = field(default_factory=list)
    in_wave: bool = False


def short_fact(factcheck: FactCheck, limit: int = 220) -> str:
    """The first sentence of the conclusion (or explanation), without a leading 'Faktanya,'."""
    source = factcheck.conclusion or factcheck.explanation
    if not source:
        return _("Informasi ini telah diperiksa dan dinyatakan %(v)s.") % {
            "v": factcheck.get_verdict_display().lower()
        }
    first = _SENTENCE.split(_FACT_PREFIX.sub("", " ".join(source.split())), maxsplit=1)[0]
    if len(first) > limit:
        first = first[: limit - 1].rsplit(" ", 1)[0] + "…"
    return first[:1].upper() + first[1:]


def counter_line(factcheck: FactCheck) -> str:
    title = factcheck.title.rstrip(". ")
    return _("Hoaks: %(title)s. Faktanya: %(fact)s") % {
        "title": title,
        "fact": short_fact(factcheck),
    }


_ANSWERED = (ReportStatus.TERJAWAB_OTOMATIS, ReportStatus.DIJAWAB)


def counter_messages(unit: Unit, date: dt.date, user: Any) -> list[CounterMessage]:
    """Clarified rumours reported in ``unit``'s area in the 7 days up to ``date``, most
    reported first (rumours in a wave first of all). True claims (BENAR) are left out."""
    if date - dt.date.min < dt.timedelta(days=WINDOW_DAYS - 1):
        return []  # no window before year 1 (and no reports there)
    start = date - dt.timedelta(days=WINDOW_DAYS - 1)
    reports = selectors.unit_area_reports(unit, start, date).filter(
        status__in=_ANSWERED, answer__isnull=False
    )
    if user is not None:
        visible = HoaxReport.objects.restrict(user).values("pk")
        reports = reports.filter(pk__in=visible)
    counts: Counter[int] = Counter()
    desa: dict[int, set[str]] = {}
    for answer_id, desa_name in reports.values_list("answer_id", "desa__name"):
        counts[answer_id] += 1
        if desa_name:
            desa.setdefault(answer_id, set()).add(desa_name)
    factchecks = FactCheck.objects.filter(
        pk__in=counts, is_published=True, deleted_at__isnull=True
    ).exclude(verdict=Verdict.BENAR)
    codes = tuple(unit.jurisdiction.values_list("code", flat=True))
    in_wave = set(
        RumourWave.objects.filter(
            region_q("kecamatan", codes), day__gte=start, day__lte=date, factcheck_id__in=counts
        ).values_list("factcheck_id", flat=True)
    )
    items = [
        CounterMessage(
            factcheck_id=fc.pk,
            title=fc.title,
            verdict=fc.verdict,
            fact=short_fact(fc),
            text=counter_line(fc),
            url=fc.url,
            report_count=counts[fc.pk],
            desa=sorted(desa.get(fc.pk, set())),
            in_wave=fc.pk in in_wave,
        )
        for fc in factchecks
    ]
    items.sort(key=lambda m: (not m.in_wave, -m.report_count, m.factcheck_id))
    return items[:MAX_ITEMS]


def briefing_items(unit: Unit, date: dt.date, user: Any) -> list[Any]:
    """`counter_messages` as items of the patrol briefing (registered in apps.py)."""
    from polmas.patrols.briefing import BriefingItem

    items = []
    for c in counter_messages(unit, date, user):
        places = ", ".join(sorted(c.desa)[:5])
        detail = ngettext("%(n)s laporan warga", "%(n)s laporan warga", c.report_count) % {
            "n": c.report_count
        }
        if places:
            detail += f" ({places})"
        if c.in_wave:
            detail += " · " + gettext("gelombang hoaks")
        items.append(BriefingItem(title=c.text, detail=detail, url=c.url))
    return items
