from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HoaxesConfig(AppConfig):
    name = "polmas.hoaxes"
    label = "hoaxes"
    verbose_name = _("Hoaks")

    def ready(self) -> None:
        from polmas.hoaxes.briefing import briefing_items
        from polmas.patrols.briefing import register_briefing_section

        register_briefing_section(
            "hoaxes.counter", _("Hoaks yang beredar dan faktanya"), briefing_items, order=60
        )
