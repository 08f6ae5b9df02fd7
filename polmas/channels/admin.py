"""Admin: channels per unit (secrets editable by admins), inbound events, outbound queue."""

from __future__ import annotations

from django.contrib import admin

from polmas.channels.models import Broadcast, Channel, InboundEvent, OutboundMessage
from polmas.org.admin import AuditedAdmin


@admin.register(Channel)
class ChannelAdmin(AuditedAdmin):
    list_display = ("name", "kind", "unit", "is_active", "api_base", "rate_per_second")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "unit__name")


@admin.register(InboundEvent)
class InboundEventAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = (
        "id",
        "channel",
        "dedupe_key",
        "received_at",
        "processed_at",
        "outcome",
        "attempts",
    )
    list_filter = ("outcome",)
    readonly_fields = (
        "channel",
        "dedupe_key",
        "payload",
        "received_at",
        "processed_at",
        "outcome",
        "attempts",
        "error",
    )


@admin.register(OutboundMessage)
class OutboundMessageAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = (
        "id",
        "channel",
        "purpose",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
    )
    list_filter = ("status", "purpose")
    exclude = ("identity",)


@admin.register(Broadcast)
class BroadcastAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("id", "unit", "created_at", "recipients")
