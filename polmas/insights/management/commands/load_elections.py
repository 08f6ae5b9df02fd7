from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from polmas.insights.reference import ensure_default_elections


class Command(BaseCommand):
    help = "Add the known elections (Pemilu 14 February 2024, Pilkada 27 November 2024)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(_("pemilihan: %(count)s baru") % {"count": ensure_default_elections()})
