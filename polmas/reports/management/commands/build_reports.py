"""`polmas build-reports --kind harian|mingguan [--date YYYY-MM-DD] [--enqueue] [--refresh]`

Builds the leadership reports of every Polsek and the Polres for one period. Without
`--date` it builds the last finished period: yesterday (harian) or last week, Monday to
Sunday (mingguan). By default the reports are built here and now (what a cron job wants);
with `--enqueue` they are queued for `polmas db_worker` instead.

Schedule it with cron (WIB), e.g. in the polmas user's crontab:

    30 0 * * *  cd /srv/polmas && .venv/bin/polmas build-reports --kind harian
    0  1 * * 1  cd /srv/polmas && .venv/bin/polmas build-reports --kind mingguan

or with systemd timers (`OnCalendar=*-*-* 00:30:00 Asia/Jakarta` running the same command).
Re-running is safe: a report already built for a unit and period is left as it is unless
`--refresh` is given.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from polmas.core.cli import iso_date
from polmas.reports import selectors, services
from polmas.reports.models import ReportKind, ReportStatus


class Command(BaseCommand):
    help = "Build the daily or weekly leadership reports of every Polsek and the Polres."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--kind", required=True, choices=ReportKind.values)
        parser.add_argument("--date", type=iso_date, help="a day in the period (YYYY-MM-DD)")
        parser.add_argument("--enqueue", action="store_true", help="queue for db_worker")
        parser.add_argument("--refresh", action="store_true", help="rebuild existing reports")

    def handle(self, *args: Any, **options: Any) -> None:
        kind: str = options["kind"]
        day: dt.date | None = options["date"]
        if day is None:
            today = timezone.localdate()
            # Yesterday, or last Sunday (the end of the last finished week).
            back = 1 if kind == ReportKind.HARIAN else today.weekday() + 1
            day = today - dt.timedelta(days=back)
        built = failed = 0
        for unit in selectors.scheduled_units():
            try:
                report, _created = services.request_report(
                    actor=None,
                    unit=unit,
                    kind=kind,
                    day=day,
                    refresh=options["refresh"],
                    enqueue=options["enqueue"],
                )
            except ValidationError as exc:
                raise CommandError("; ".join(exc.messages)) from exc
            if options["enqueue"]:
                continue
            result = services.build(report.pk)
            if result is not None and result.status == ReportStatus.GAGAL:
                failed += 1
                self.stderr.write(
                    _("%(unit)s: gagal — %(error)s") % {"unit": unit.code, "error": result.error}
                )
            else:
                built += 1
                secs = result.build_seconds if result is not None else None
                self.stdout.write(
                    f"{unit.code}: {report.period_start}..{report.period_end}"
                    f" {secs if secs is not None else '-'} s"
                )
        if options["enqueue"]:
            self.stdout.write(_("Laporan masuk antrean; jalankan `polmas db_worker`."))
        else:
            self.stdout.write(
                _("%(built)s laporan selesai, %(failed)s gagal.")
                % {"built": built, "failed": failed}
            )
        if failed:
            raise CommandError(_("%(count)s laporan gagal dibuat") % {"count": failed})
