"""Case messages (the outbox for channels) and Open311 keys (re-exported by `models`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from polmas.aspirations.choices import Channel, DeliveryStatus, MessageKind
from polmas.core.models import TimeStampedModel


class CaseMessage(TimeStampedModel):
    """A reply, note or reporter message on a case; outbound ones are an outbox for channels."""

    case = models.ForeignKey("aspirations.Case", on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(_("jenis"), max_length=16, choices=MessageKind.choices)
    text = models.TextField(_("isi"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    channel = models.CharField(
        _("kanal"), max_length=10, choices=Channel.choices, default=Channel.WEB
    )
    delivery_status = models.CharField(
        _("status kirim"),
        max_length=10,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.NONE,
    )
    delivered_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ("created_at", "id")
        verbose_name = _("pesan kasus")
        verbose_name_plural = _("pesan kasus")
        indexes = [models.Index(fields=["channel", "delivery_status"], name="asp_msg_outbox")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind}"

    @property
    def is_public(self) -> bool:
        return self.kind in (MessageKind.PUBLIC_REPLY, MessageKind.REPORTER_INFO)


class Open311Key(TimeStampedModel):
    """An Open311 client application's api_key; only its SHA-256 is stored."""

    name = models.CharField(_("nama aplikasi"), max_length=80, unique=True)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("kunci API Open311")
        verbose_name_plural = _("kunci API Open311")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
