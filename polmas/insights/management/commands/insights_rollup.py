import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from polmas.insights.services.rollup import daily_job


class Command(BaseCommand):
    help = (
        "Rebuild the insights daily roll-ups and the kondusif snapshot (idempotent). Default: "
        "the 7 days up to yesterday and yesterday's snapshot."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="the day to roll up and snapshot (YYYY-MM-DD)")
        parser.add_argument("--since", help="also rebuild every day from this date (backfill)")
        parser.add_argument("--days", type=int, default=7, help="look-back days (default 7)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            day = dt.date.fromisoformat(options["date"]) if options["date"] else None
            since = dt.date.fromisoformat(options["since"]) if options["since"] else None
        except ValueError as exc:
            raise CommandError(_("Tanggal tidak valid: %(error)s") % {"error": exc}) from None
        run = daily_job(day, lookback_days=options["days"], since=since)
        self.stdout.write(
            _(
                "hari: %(days)s, baris desa: %(desa)s, baris kategori: %(categories)s, "
                "snapshot indeks: %(snapshots)s"
            )
            % {
                "days": run.days,
                "desa": run.desa_rows,
                "categories": run.category_rows,
                "snapshots": run.snapshots,
            }
        )
