from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from polmas.insights.reference import RegionsNotLoadedError, ensure_default_elections


class Command(BaseCommand):
    help = "Add the known elections (Pemilu 14 February 2024, Pilkada 27 November 2024)."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            created = ensure_default_elections()
        except RegionsNotLoadedError as exc:
            raise CommandError(
                _(
                    "Wilayah %(code)s belum ada di basis data. Muat data wilayah lebih dulu "
                    "dengan perintah: polmas load-regions"
                )
                % {"code": exc.region_code}
            ) from exc
        self.stdout.write(_("pemilihan: %(count)s baru") % {"count": created})
