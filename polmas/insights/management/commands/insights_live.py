from typing import Any

from django.core.management.base import BaseCommand

from polmas.insights.services.live import refresh_live


class Command(BaseCommand):
    help = (
        "Refresh the command map's live roll-up: today's figures and the open cases "
        "(the scheduler runs it every minute; idempotent)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        run = refresh_live()
        self.stdout.write(
            f"per {run.refreshed_at.isoformat()}: baris desa hari ini {run.desa_rows}, "
            f"baris kasus terbuka {run.open_rows}, baris patroli {run.patrol_rows}, "
            f"{run.took_ms} ms"
        )
