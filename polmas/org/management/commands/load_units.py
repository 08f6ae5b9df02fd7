from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from polmas.org.reference_data import ensure_default_units


class Command(BaseCommand):
    help = (
        "Create the default unit tree: Polda Jawa Barat > Polres Indramayu > "
        "one Polsek per kecamatan."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        report = ensure_default_units()
        self.stdout.write(
            _("satuan: %(created)s baru, %(existing)s sudah ada")
            % {"created": len(report.created), "existing": report.existing}
        )
