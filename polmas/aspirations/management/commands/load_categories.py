from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from polmas.aspirations.categories import load_categories


class Command(BaseCommand):
    help = "Create the default case categories and SLA policies (idempotent; edits are kept)."

    def handle(self, *args: Any, **options: Any) -> None:
        categories, policies = load_categories()
        self.stdout.write(
            _("%(categories)s kategori dan %(policies)s kebijakan SLA baru dibuat.")
            % {"categories": categories, "policies": policies}
        )
