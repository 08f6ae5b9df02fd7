from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AspirationsConfig(AppConfig):
    name = "polmas.aspirations"
    label = "aspirations"
    verbose_name = _("Aspirasi dan pengaduan warga")

    def ready(self) -> None:
        from polmas.aspirations.briefing import open_matters
        from polmas.aspirations.links import on_resident_inputs_recorded
        from polmas.aspirations.lookups import connect_invalidation
        from polmas.patrols.briefing import register_briefing_section
        from polmas.patrols.signals import resident_inputs_recorded

        resident_inputs_recorded.connect(
            on_resident_inputs_recorded, dispatch_uid="aspirations-resident-inputs"
        )
        register_briefing_section(
            "aspirations.open", _("Perkara terbuka di wilayah"), open_matters, order=50
        )
        connect_invalidation()
