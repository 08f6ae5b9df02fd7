from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from polmas.core.cli import iso_date
from polmas.insights.services.rollup import daily_job


class Command(BaseCommand):
    help = (
        "Rebuild the insights daily roll-ups and the kondusif snapshot (idempotent). Default: "
        "the 7 days up to yesterday and yesterday's snapshot."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", type=iso_date, help="the day to roll up and snapshot (YYYY-MM-DD)"
        )
        parser.add_argument(
            "--since", type=iso_date, help="also rebuild every day from this date (backfill)"
        )
        parser.add_argument("--days", type=int, default=7, help="look-back days (default 7)")

    def handle(self, *args: Any, **options: Any) -> None:
        run = daily_job(options["date"], lookback_days=options["days"], since=options["since"])
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
