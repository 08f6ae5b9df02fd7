"""`polmas retriage [--all]`: store the triage of cases and hoax reports that have none.

Cases stored before the triage was installed, and hoax reports from before 5 Dec 2026, carry no
triage: no tone, no provocation signal on the map. This fills them in. After `polmas triage
train`, `--all` recomputes every stored result with the new models. Only the stored triage
changes; a case's category and urgency, which staff may have set, stay as they are.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from polmas.aspirations.models import Case
from polmas.core.triage import retriage
from polmas.hoaxes.models import HoaxReport


class Command(BaseCommand):
    help = "Store the triage of cases and hoax reports that have none (--all: of every one)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--all", action="store_true", help="recompute every stored result (after retraining)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        every = bool(options["all"])
        cases = retriage(Case.objects.all(), "description", every=every)
        reports = retriage(HoaxReport.objects.all(), "text", every=every)
        self.stdout.write(
            _("Triase disimpan untuk %(cases)s kasus dan %(reports)s laporan hoaks.")
            % {"cases": cases, "reports": reports}
        )
