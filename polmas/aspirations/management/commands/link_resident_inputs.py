from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from polmas.aspirations.links import link_resident_inputs


class Command(BaseCommand):
    help = "Create cases for resident inputs from dialogue sessions that are not linked yet."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(
            _("%(count)s masukan warga ditautkan ke kasus baru.")
            % {"count": link_resident_inputs()}
        )
