import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from polmas.org.reference_data import load_regions


class Command(BaseCommand):
    help = "Load Kemendagri region codes (all of Indonesia) and Indramayu's boundaries and TPS."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--only",
            metavar="CODE",
            help="load only this region, its ancestors and everything below it (e.g. 32.12)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        report = load_regions(only=options["only"])
        elapsed = time.perf_counter() - started
        levels = ", ".join(f"{k} {v}" for k, v in sorted(report.by_level.items()))
        self.stdout.write(
            f"wilayah: {report.created} baru, {report.updated} diperbarui, "
            f"{report.unchanged} tetap ({levels}) dalam {elapsed:.1f} s"
        )
