from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from polmas.aspirations.demo import remove_demo_cases
from polmas.hoaxes.demo import remove_demo_hoaxes
from polmas.org.demo import remove_demo_accounts
from polmas.patrols.demo import remove_demo_patrols


class Command(BaseCommand):
    help = "Remove every demo account and all demo data."

    def handle(self, *args: Any, **options: Any) -> None:
        reports = remove_demo_hoaxes()
        self.stdout.write(_("%(count)s laporan hoaks demo dihapus.") % {"count": reports})
        self.stdout.write(
            _("%(count)s sesi dialog demo dihapus.") % {"count": remove_demo_patrols()}
        )
        cases = remove_demo_cases()  # before the accounts: cases point at their units/people
        self.stdout.write(_("%(count)s kasus demo dihapus.") % {"count": cases})
        count = remove_demo_accounts()
        self.stdout.write(_("%(count)s personel demo dihapus.") % {"count": count})
