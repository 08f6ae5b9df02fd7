from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChannelsConfig(AppConfig):
    name = "polmas.channels"
    label = "channels"
    verbose_name = _("Kanal warga")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from polmas.aspirations.models import CaseMessage
        from polmas.channels.models import Channel
        from polmas.channels.webhooks import forget_channels

        post_save.connect(_queue_case_message, sender=CaseMessage, dispatch_uid="channels-case-msg")
        post_save.connect(forget_channels, sender=Channel, dispatch_uid="channels-cache-save")
        post_delete.connect(forget_channels, sender=Channel, dispatch_uid="channels-cache-del")


def _queue_case_message(sender: object, instance: object, created: bool, **kwargs: object) -> None:
    """A reporter notification waiting for a chat channel: deliver it after the commit."""
    from polmas.aspirations.models import DeliveryStatus
    from polmas.channels.services.wired import CHAT_CHANNELS

    if not created or getattr(instance, "delivery_status", None) != DeliveryStatus.PENDING:
        return
    if getattr(instance, "channel", None) not in CHAT_CHANNELS:
        return
    from polmas.channels.tasks import deliver_case_messages
    from polmas.core.jobs import enqueue_on_commit

    enqueue_on_commit(deliver_case_messages)
