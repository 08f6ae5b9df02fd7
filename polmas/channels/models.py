"""Channels: per-unit provider accounts, residents and their identities, the raw inbound event
log, conversations, the outbound queue, broadcasts and the interim report sink."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from polmas.core.models import TimeStampedModel
from polmas.org.models import Region, Unit
from polmas.org.scope import ScopedQuerySet


class ChannelKind(models.TextChoices):
    WHATSAPP = "whatsapp", _("WhatsApp")
    TELEGRAM = "telegram", _("Telegram")
    SMS = "sms", _("SMS")
    WEB = "web", _("Formulir web")


class Channel(TimeStampedModel):
    """One provider account (a WhatsApp number, a Telegram bot, an SMS gateway, a web form)
    configured for a unit. Secrets live in `secrets` (JSON); `api_base` overrides the vendor's
    API host (a fake provider in tests)."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("satuan"), on_delete=models.PROTECT, related_name="channels"
    )
    kind = models.CharField(_("jenis"), max_length=12, choices=ChannelKind.choices)
    name = models.CharField(_("nama"), max_length=120)
    is_active = models.BooleanField(_("aktif"), default=True)
    api_base = models.URLField(_("alamat API"), blank=True)
    secrets = models.JSONField(_("rahasia"), default=dict, blank=True)
    config = models.JSONField(
        _("pengaturan"),
        default=dict,
        blank=True,
        help_text=_('Mis. nama template WhatsApp: {"templates": {"notification": "..."}}'),
    )
    rate_per_second = models.PositiveIntegerField(_("batas kirim per detik"), default=20)

    objects: ClassVar[ScopedQuerySet[Channel]] = ScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_unit_field = "unit"

    class Meta:
        ordering = ("unit__path", "kind", "id")
        verbose_name = _("kanal")
        verbose_name_plural = _("kanal")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.name}"

    @property
    def webhook_path(self) -> str:
        return f"/channels/{self.kind}/{self.pk}/webhook"


class Contact(TimeStampedModel):
    """One resident across channels. Linked by phone number when the same number appears."""

    phone = models.CharField(_("telepon"), max_length=20, blank=True, db_index=True)
    display_name = models.CharField(_("nama"), max_length=120, blank=True)
    desa = models.ForeignKey(
        Region, verbose_name=_("desa"), null=True, blank=True, on_delete=models.SET_NULL
    )
    consent_at = models.DateTimeField(_("persetujuan layanan"), null=True, blank=True)
    broadcast_opt_in = models.BooleanField(_("menerima pesan kamtibmas"), default=False)
    opted_out_at = models.DateTimeField(_("berhenti berlangganan"), null=True, blank=True)

    class Meta:
        verbose_name = _("warga")
        verbose_name_plural = _("warga")

    def __str__(self) -> str:
        return self.display_name or f"#{self.pk}"

    @property
    def opted_out(self) -> bool:
        return self.opted_out_at is not None


class Identity(TimeStampedModel):
    """A resident's address on one channel (wa_id, Telegram chat id, SMS number, web session)."""

    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="identities")
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="identities")
    external_id = models.CharField(max_length=64)
    last_inbound_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("identitas kanal")
        verbose_name_plural = _("identitas kanal")
        constraints = [
            models.UniqueConstraint(fields=["channel", "external_id"], name="uniq_identity")
        ]

    def __str__(self) -> str:
        return f"{self.channel_id}:{self.external_id}"


class ConversationState(models.TextChoices):
    IDLE = "idle", _("Menunggu")
    AWAIT_REPORT = "await_report", _("Menunggu isi laporan")
    AWAIT_LOCATION = "await_location", _("Menunggu lokasi")
    AWAIT_HOAX = "await_hoax", _("Menunggu kabar yang dicek")
    AWAIT_CODE = "await_code", _("Menunggu kode laporan")


class Conversation(TimeStampedModel):
    """The dialogue with one identity: its state and the draft report being collected."""

    identity = models.OneToOneField(Identity, on_delete=models.CASCADE, related_name="conversation")
    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="conversations")
    state = models.CharField(
        max_length=16, choices=ConversationState.choices, default=ConversationState.IDLE
    )
    draft = models.JSONField(default=dict, blank=True)

    objects: ClassVar[ScopedQuerySet[Conversation]] = ScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_unit_field = "channel__unit"

    class Meta:
        ordering = ("-updated_at",)
        verbose_name = _("percakapan")
        verbose_name_plural = _("percakapan")

    def __str__(self) -> str:
        return f"{self.channel} · {self.identity.contact}"


class InboundEvent(models.Model):
    """A raw inbound event, stored before the webhook answers. `dedupe_key` is the provider's
    message id / update_id, so a redelivery is acknowledged and ignored."""

    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="events")
    dedupe_key = models.CharField(max_length=160)
    payload = models.JSONField()
    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    processed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    outcome = models.CharField(max_length=40, blank=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0, db_default=0)
    """Failed processing attempts; `error` holds the last one's exception."""

    class Meta:
        verbose_name = _("kejadian masuk")
        verbose_name_plural = _("kejadian masuk")
        constraints = [
            models.UniqueConstraint(fields=["channel", "dedupe_key"], name="uniq_inbound_event")
        ]

    def __str__(self) -> str:
        return f"{self.channel_id}:{self.dedupe_key}"


class Direction(models.TextChoices):
    IN = "in", pgettext_lazy("message direction", "Masuk")
    OUT = "out", _("Keluar")


class OutboundStatus(models.TextChoices):
    QUEUED = "queued", _("Antre")
    SENDING = "sending", _("Dikirim")
    SENT = "sent", _("Terkirim ke penyedia")
    DELIVERED = "delivered", _("Diterima")
    READ = "read", _("Dibaca")
    FAILED = "failed", _("Gagal")
    SKIPPED = "skipped", _("Tidak dikirim")


class Purpose(models.TextChoices):
    REPLY = "reply", _("Balasan")
    NOTIFICATION = "notification", _("Kabar laporan")
    BROADCAST = "broadcast", _("Pesan kamtibmas")


class Broadcast(TimeStampedModel):
    """A kamtibmas message to opted-in residents of chosen desa."""

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="broadcasts")
    text = models.TextField(_("pesan"))
    desa_codes = models.JSONField(_("desa"), default=list)
    created_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recipients = models.PositiveIntegerField(_("penerima"), default=0)

    objects: ClassVar[ScopedQuerySet[Broadcast]] = ScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_unit_field = "unit"

    class Meta:
        ordering = ("-created_at",)
        verbose_name = _("siaran kamtibmas")
        verbose_name_plural = _("siaran kamtibmas")

    def __str__(self) -> str:
        return f"{self.unit} · {self.created_at:%Y-%m-%d %H:%M}"


class OutboundMessage(TimeStampedModel):
    """The single way anything is sent to a resident: a queue row with retries and status."""

    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="outbound")
    identity = models.ForeignKey(Identity, on_delete=models.CASCADE, related_name="outbound")
    purpose = models.CharField(max_length=16, choices=Purpose.choices, default=Purpose.REPLY)
    body = models.TextField()
    ask_location = models.BooleanField(default=False)
    template_name = models.CharField(max_length=80, blank=True)
    status = models.CharField(
        max_length=12, choices=OutboundStatus.choices, default=OutboundStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_error = models.TextField(blank=True)
    provider_message_id = models.CharField(max_length=160, blank=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    status_at = models.DateTimeField(null=True, blank=True)
    dedupe_key = models.CharField(max_length=160, null=True, blank=True, unique=True)
    broadcast = models.ForeignKey(
        Broadcast, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages"
    )
    tracking_code = models.CharField(max_length=32, blank=True)

    objects: ClassVar[ScopedQuerySet[OutboundMessage]] = ScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_unit_field = "channel__unit"

    class Meta:
        ordering = ("created_at", "id")
        verbose_name = _("pesan keluar")
        verbose_name_plural = _("pesan keluar")
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.status}"


class MessageLog(models.Model):
    """What the resident wrote and what they were answered, for the conversation page."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="log")
    direction = models.CharField(max_length=3, choices=Direction.choices)
    kind = models.CharField(max_length=16, default="text")
    text = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    outbound = models.ForeignKey(
        OutboundMessage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("created_at", "id")

    def __str__(self) -> str:
        return f"{self.direction} {self.created_at:%Y-%m-%d %H:%M}"


class ReportLink(models.Model):
    """Which resident and channel a tracking code came from, so case updates reach them."""

    tracking_code = models.CharField(max_length=32, unique=True)
    identity = models.ForeignKey(Identity, on_delete=models.CASCADE, related_name="reports")
    anonymous = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.tracking_code
