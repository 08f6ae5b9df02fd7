import datetime as dt
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from polmas.aspirations.demo import load_demo_cases
from polmas.hoaxes.demo import load_demo_hoaxes
from polmas.org.demo import DEMO_PASSWORD, ensure_demo_accounts
from polmas.patrols.demo import load_demo_patrols


class Command(BaseCommand):
    help = (
        "Create the demo accounts and demo data "
        "(marked as demo; `polmas remove-demo` removes them)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        created = ensure_demo_accounts()
        if created:
            self.stdout.write(
                _("Akun demo (kata sandi untuk semua: %(password)s):") % {"password": DEMO_PASSWORD}
            )
            for acc in created:
                self.stdout.write(f"  {acc.username:<26} {acc.position}")
        else:
            self.stdout.write(
                _("Akun demo sudah ada (lihat README untuk daftar dan kata sandinya).")
            )
        load_demo_hoaxes(self.stdout.write)
        self.stdout.write(
            _("Patroli demo: %(count)s sesi dialog dibuat.") % {"count": load_demo_patrols()}
        )
        cases = load_demo_cases()
        self.stdout.write(
            _("%(count)s kasus demo dibuat.") % {"count": cases}
            if cases
            else _("Kasus demo sudah ada.")
        )
        # The picture commanders see: roll-ups, kondusif trend and alerts over the demo weeks.
        since = timezone.localdate() - dt.timedelta(days=30)
        call_command("insights_rollup", "--since", since.isoformat(), stdout=self.stdout)
        call_command("detect_alerts", stdout=self.stdout)
