from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AspirationsConfig(AppConfig):
    name = "polmas.aspirations"
    label = "aspirations"
    verbose_name = _("Aspirasi dan pengaduan warga")

    def ready(self) -> None:
        from polmas.aspirations.lookups import connect_invalidation

        connect_invalidation()
