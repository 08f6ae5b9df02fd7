from typing import Any

from django.core.management.base import BaseCommand

from polmas.aspirations.demo import load_demo_cases
from polmas.org.demo import DEMO_PASSWORD, ensure_demo_accounts


class Command(BaseCommand):
    help = (
        "Create the demo accounts and demo data "
        "(marked as demo; `polmas remove-demo` removes them)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        created = ensure_demo_accounts()
        if created:
            self.stdout.write(f"Akun demo (kata sandi untuk semua: {DEMO_PASSWORD}):")
            for acc in created:
                self.stdout.write(f"  {acc.username:<26} {acc.position}")
        else:
            self.stdout.write("Akun demo sudah ada (lihat README untuk daftar dan kata sandinya).")
        cases = load_demo_cases()
        self.stdout.write(f"{cases} kasus demo dibuat." if cases else "Kasus demo sudah ada.")
