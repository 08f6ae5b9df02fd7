from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PatrolsConfig(AppConfig):
    name = "polmas.patrols"
    label = "patrols"
    verbose_name = _("Patroli dialog")

    def ready(self) -> None:
        from polmas.patrols import briefing

        briefing.register_default_sections()
