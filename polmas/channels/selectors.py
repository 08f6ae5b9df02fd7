"""Reads for staff pages. Everything starts from the user's scope."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet

from polmas.channels.models import (
    Broadcast,
    Channel,
    Conversation,
    MessageLog,
    OutboundMessage,
    OutboundStatus,
)


def channels_for(user: Any) -> QuerySet[Channel]:
    return (
        Channel.objects.restrict(user)
        .select_related("unit")
        .annotate(
            conversation_count=Count("conversations", distinct=True),
            failed_count=Count(
                "outbound", filter=Q(outbound__status=OutboundStatus.FAILED), distinct=True
            ),
            queued_count=Count(
                "outbound", filter=Q(outbound__status=OutboundStatus.QUEUED), distinct=True
            ),
        )
    )


def conversations_for(user: Any, channel: Channel) -> QuerySet[Conversation]:
    return (
        Conversation.objects.restrict(user)
        .filter(channel=channel)
        .select_related("identity", "identity__contact")
        .order_by("-updated_at")
    )


def conversation_log(conversation: Conversation) -> QuerySet[MessageLog]:
    return conversation.log.select_related("outbound").order_by("created_at", "id")


def outbound_for(user: Any, channel: Channel) -> QuerySet[OutboundMessage]:
    return OutboundMessage.objects.restrict(user).filter(channel=channel).order_by("-id")


def broadcasts_for(user: Any) -> QuerySet[Broadcast]:
    return Broadcast.objects.restrict(user).select_related("unit")
