"""`polmas patrols <action>`: coverage roll-up, default catalog, demo patrols."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _


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
                _(
                    "Rekap cakupan dibangun ulang: %(days)s baris desa-hari, "
                    "%(messages)s baris pesan (%(seconds)s dtk)."
                )
                % {
                    "days": days,
                    "messages": messages,
                    "seconds": f"{time.perf_counter() - started:.1f}",
                }
            )
        elif action == "load-catalog":
            from polmas.patrols.defaults import ensure_default_catalog

            self.stdout.write(
                _("%(count)s pesan/kampanye bawaan ditambahkan.")
                % {"count": ensure_default_catalog()}
            )
        elif action == "load-demo":
            from polmas.patrols.demo import load_demo_patrols

            self.stdout.write(
                _("%(count)s sesi dialog demo dibuat.") % {"count": load_demo_patrols()}
            )
        else:
            from polmas.patrols.demo import remove_demo_patrols

            self.stdout.write(
                _("%(count)s sesi dialog demo dihapus.") % {"count": remove_demo_patrols()}
            )
