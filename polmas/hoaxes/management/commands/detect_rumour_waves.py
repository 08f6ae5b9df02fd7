from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from polmas.core.cli import iso_date
from polmas.hoaxes.tasks import detect_rumour_waves_task


class Command(BaseCommand):
    help = "Detect rumour waves for a day (default: today, WIB). Idempotent; run it from cron."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", type=iso_date, help="YYYY-MM-DD (default: today)")
        parser.add_argument(
            "--enqueue", action="store_true", help="queue the job for the worker instead"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        day_iso = (options["date"] or timezone.localdate()).isoformat()
        if options["enqueue"]:
            result = detect_rumour_waves_task.enqueue(day_iso)
            self.stdout.write(
                _("Tugas deteksi %(day)s diantrekan (%(id)s).") % {"day": day_iso, "id": result.id}
            )
            return
        summary = detect_rumour_waves_task.call(day_iso)
        self.stdout.write(
            _("%(day)s: %(reports)s laporan, %(waves)s gelombang, %(alerts)s peringatan baru")
            % {
                "day": summary["day"],
                "reports": summary["reports"],
                "waves": summary["waves"],
                "alerts": summary["alerts_created"],
            }
        )
