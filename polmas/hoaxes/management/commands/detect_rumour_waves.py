import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from polmas.hoaxes.tasks import detect_rumour_waves_task


class Command(BaseCommand):
    help = "Detect rumour waves for a day (default: today, WIB). Idempotent; run it from cron."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="YYYY-MM-DD (default: today)")
        parser.add_argument(
            "--enqueue", action="store_true", help="queue the job for the worker instead"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            day = dt.date.fromisoformat(options["date"]) if options["date"] else None
        except ValueError as exc:
            raise CommandError(f"tanggal tidak valid: {options['date']}") from exc
        day_iso = (day or timezone.localdate()).isoformat()
        if options["enqueue"]:
            result = detect_rumour_waves_task.enqueue(day_iso)
            self.stdout.write(f"Tugas deteksi {day_iso} diantrekan ({result.id}).")
            return
        summary = detect_rumour_waves_task.call(day_iso)
        self.stdout.write(
            f"{summary['day']}: {summary['reports']} laporan, {summary['waves']} gelombang, "
            f"{summary['alerts_created']} peringatan baru"
        )
