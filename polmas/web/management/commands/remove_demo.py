from typing import Any

from django.core.management.base import BaseCommand

from polmas.aspirations.demo import remove_demo_cases
from polmas.hoaxes.demo import remove_demo_hoaxes
from polmas.org.demo import remove_demo_accounts
from polmas.patrols.demo import remove_demo_patrols


class Command(BaseCommand):
    help = "Remove every demo account and all demo data."

    def handle(self, *args: Any, **options: Any) -> None:
        reports = remove_demo_hoaxes()
        self.stdout.write(f"{reports} laporan hoaks demo dihapus.")
        self.stdout.write(f"{remove_demo_patrols()} sesi dialog demo dihapus.")
        cases = remove_demo_cases()  # before the accounts: cases point at their units/people
        self.stdout.write(f"{cases} kasus demo dihapus.")
        count = remove_demo_accounts()
        self.stdout.write(f"{count} personel demo dihapus.")
