from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PatrolsConfig(AppConfig):
    name = "polmas.patrols"
    label = "patrols"
    verbose_name = _("Patroli dialog")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from polmas.org.models import Unit
        from polmas.patrols import briefing
        from polmas.patrols.models import KamtibmasMessage
        from polmas.patrols.selectors.catalog import forget_valid_messages

        briefing.register_default_sections()
        # The per-process cache of valid message ids (recording sessions) follows the catalog.
        for model in (KamtibmasMessage, Unit):
            post_save.connect(
                forget_valid_messages, sender=model, dispatch_uid=f"patrols-msg-{model}"
            )
            post_delete.connect(
                forget_valid_messages, sender=model, dispatch_uid=f"patrols-msg-d-{model}"
            )
