from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from polmas.insights.services.alerts import detect_alerts


class Command(BaseCommand):
    help = (
        "Create alerts for SLA breaches, darurat cases, rumour and provocation spikes, and desa "
        "not visited before an election (idempotent)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        run = detect_alerts()
        self.stdout.write(
            _("peringatan baru: %(created)s (diperiksa %(seen)s)")
            % {"created": run.created, "seen": run.seen}
        )
