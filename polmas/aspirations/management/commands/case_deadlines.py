from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from polmas.aspirations.services import check_deadlines


class Command(BaseCommand):
    help = (
        "Check case deadlines now: reminders before a breach, escalation on breach. "
        "Run it every few minutes (cron/systemd timer), or with --enqueue for the task worker."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--enqueue", action="store_true", help="queue it for `polmas db_worker`"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["enqueue"]:
            from polmas.aspirations.tasks import check_case_deadlines

            check_case_deadlines.enqueue()
            self.stdout.write(_("Pemeriksaan tenggat masuk antrean."))
            return
        run = check_deadlines()
        self.stdout.write(
            _("%(reminded)s pengingat, %(breached)s melewati tenggat, %(escalated)s eskalasi.")
            % {"reminded": run.reminded, "breached": run.breached, "escalated": run.escalated}
        )
