from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from polmas.hoaxes import services
from polmas.hoaxes.importers import ImportFileError


class Command(BaseCommand):
    help = (
        "Import fact-checks: --turnbackhoax CSV and/or --claimreview JSON-LD. "
        "Re-importing updates rows (key: source + external id / url), never duplicates."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--turnbackhoax", type=Path, help="TurnBackHoax CSV (utf-8-sig)")
        parser.add_argument("--claimreview", type=Path, help="schema.org ClaimReview JSON-LD")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["turnbackhoax"] and not options["claimreview"]:
            raise CommandError(_("berikan --turnbackhoax BERKAS dan/atau --claimreview BERKAS"))
        jobs = [
            (options["turnbackhoax"], services.import_turnbackhoax),
            (options["claimreview"], services.import_claimreview),
        ]
        for path, importer in jobs:
            if path is None:
                continue
            try:
                result = importer(actor=None, path=path)
            except ImportFileError as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(
                _("%(file)s: %(created)s baru, %(updated)s diperbarui, %(unchanged)s tidak berubah")
                % {
                    "file": path.name,
                    "created": result.created,
                    "updated": result.updated,
                    "unchanged": result.unchanged,
                }
            )
