from typing import Any

from django.core.management.base import BaseCommand

from polmas.org.reference_data import ensure_default_units


class Command(BaseCommand):
    help = (
        "Create the default unit tree: Polda Jawa Barat > Polres Indramayu > "
        "one Polsek per kecamatan."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        report = ensure_default_units()
        self.stdout.write(f"satuan: {len(report.created)} baru, {report.existing} sudah ada")
