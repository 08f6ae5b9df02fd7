"""`polmas patrols <action>`: coverage roll-up, default catalog, demo patrols."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Patroli dialog: rebuild-coverage | load-catalog | load-demo | remove-demo"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "action", choices=["rebuild-coverage", "load-catalog", "load-demo", "remove-demo"]
        )

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        started = time.perf_counter()
        if action == "rebuild-coverage":
            from polmas.patrols.services.rollup import rebuild_coverage

            days, messages = rebuild_coverage()
            self.stdout.write(
                f"Rekap cakupan dibangun ulang: {days} baris desa-hari, {messages} baris pesan "
                f"({time.perf_counter() - started:.1f} dtk)."
            )
        elif action == "load-catalog":
            from polmas.patrols.defaults import ensure_default_catalog

            self.stdout.write(f"{ensure_default_catalog()} pesan/kampanye bawaan ditambahkan.")
        elif action == "load-demo":
            from polmas.patrols.demo import load_demo_patrols

            self.stdout.write(f"{load_demo_patrols()} sesi dialog demo dibuat.")
        else:
            from polmas.patrols.demo import remove_demo_patrols

            self.stdout.write(f"{remove_demo_patrols()} sesi dialog demo dihapus.")
