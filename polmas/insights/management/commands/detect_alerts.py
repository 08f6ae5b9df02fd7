from typing import Any

from django.core.management.base import BaseCommand

from polmas.insights.services.alerts import detect_alerts


class Command(BaseCommand):
    help = (
        "Create alerts for SLA breaches, darurat cases, rumour and provocation spikes, and desa "
        "not visited before an election (idempotent)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        run = detect_alerts()
        self.stdout.write(f"peringatan baru: {run.created} (diperiksa {run.seen})")
