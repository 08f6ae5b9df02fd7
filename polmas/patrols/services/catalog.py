"""Managing the kamtibmas message catalog and campaigns (Kasi Humas and commanders)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polmas.core.audit import changed, record_event, snapshot
from polmas.org.models import Region, Unit
from polmas.patrols.models import Campaign, KamtibmasMessage, Topic
from polmas.patrols.services import rollup
from polmas.patrols.services.common import (
    CATALOG_ROLES,
    InvalidInput,
    require_role,
    require_unit_in_scope,
)

MESSAGE_FIELDS = ["unit_id", "title", "text", "topic", "valid_from", "valid_until"]
CAMPAIGN_FIELDS = ["unit_id", "name", "description", "starts_on", "ends_on"]


def _check_message(message: KamtibmasMessage) -> None:
    if not message.title.strip() or not message.text.strip():
        raise InvalidInput(_("Judul dan isi pesan wajib diisi."), field="title")
    if message.topic not in Topic.values:
        raise InvalidInput(_("Topik tidak dikenal."), field="topic")
    if len(message.text) > 700:
        raise InvalidInput(_("Isi pesan terlalu panjang (maksimal 700 karakter)."), field="text")
    if message.valid_until and message.valid_until < message.valid_from:
        raise InvalidInput(_("Tanggal akhir berlaku sebelum tanggal mulai."), field="valid_until")


@transaction.atomic
def create_message(
    *,
    actor: Any,
    unit: Unit,
    title: str,
    text: str,
    topic: str,
    valid_from: dt.date | None = None,
    valid_until: dt.date | None = None,
    is_default: bool = False,
) -> KamtibmasMessage:
    if actor is not None:
        require_role(actor, CATALOG_ROLES)
        require_unit_in_scope(actor, unit)
    message = KamtibmasMessage(
        unit=unit,
        title=title.strip(),
        text=text.strip(),
        topic=topic,
        valid_from=valid_from or timezone.localdate(),
        valid_until=valid_until,
        is_default=is_default,
    )
    _check_message(message)
    message.save()
    record_event(
        actor=actor,
        verb="patrol.message.create",
        target=message,
        after=snapshot(message, MESSAGE_FIELDS),
    )
    return message


@transaction.atomic
def update_message(*, actor: Any, message: KamtibmasMessage, **fields: Any) -> KamtibmasMessage:
    require_role(actor, CATALOG_ROLES)
    require_unit_in_scope(actor, message.unit)
    before = snapshot(message, MESSAGE_FIELDS)
    for name in ("title", "text", "topic", "valid_from", "valid_until"):
        if name in fields:
            setattr(message, name, fields[name])
    _check_message(message)
    message.save()
    if before["topic"] != message.topic:
        rollup.retopic_message(message)
    old, new = changed(before, snapshot(message, MESSAGE_FIELDS))
    if new:
        record_event(
            actor=actor, verb="patrol.message.update", target=message, before=old, after=new
        )
    return message


@transaction.atomic
def retire_message(*, actor: Any, message: KamtibmasMessage) -> None:
    """Soft delete: sessions that delivered it keep their history."""
    require_role(actor, CATALOG_ROLES)
    require_unit_in_scope(actor, message.unit)
    message.deleted_at = timezone.now()
    message.save(update_fields=["deleted_at", "updated_at"])
    record_event(actor=actor, verb="patrol.message.delete", target=message)


def _check_campaign(campaign: Campaign) -> None:
    if not campaign.name.strip():
        raise InvalidInput(_("Nama kampanye wajib diisi."), field="name")
    if campaign.ends_on < campaign.starts_on:
        raise InvalidInput(_("Tanggal selesai kampanye sebelum tanggal mulai."), field="ends_on")


@transaction.atomic
def create_campaign(
    *,
    actor: Any,
    unit: Unit,
    name: str,
    starts_on: dt.date,
    ends_on: dt.date,
    messages: list[KamtibmasMessage],
    areas: list[Region] | None = None,
    description: str = "",
    is_default: bool = False,
) -> Campaign:
    if actor is not None:
        require_role(actor, CATALOG_ROLES)
        require_unit_in_scope(actor, unit)
    campaign = Campaign(
        unit=unit,
        name=name.strip(),
        description=description.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        is_default=is_default,
    )
    _check_campaign(campaign)
    if not messages:
        raise InvalidInput(_("Pilih setidaknya satu pesan kamtibmas."), field="messages")
    campaign.save()
    campaign.messages.set(messages)
    campaign.areas.set(areas or [])
    record_event(
        actor=actor,
        verb="patrol.campaign.create",
        target=campaign,
        after={
            **snapshot(campaign, CAMPAIGN_FIELDS),
            "messages": [m.pk for m in messages],
            "areas": [a.code for a in areas or []],
        },
    )
    return campaign


@transaction.atomic
def update_campaign(
    *,
    actor: Any,
    campaign: Campaign,
    messages: list[KamtibmasMessage] | None = None,
    areas: list[Region] | None = None,
    **fields: Any,
) -> Campaign:
    require_role(actor, CATALOG_ROLES)
    require_unit_in_scope(actor, campaign.unit)
    before = snapshot(campaign, CAMPAIGN_FIELDS)
    before["messages"] = sorted(campaign.messages.values_list("id", flat=True))
    before["areas"] = sorted(campaign.areas.values_list("code", flat=True))
    for name in ("name", "description", "starts_on", "ends_on"):
        if name in fields:
            setattr(campaign, name, fields[name])
    _check_campaign(campaign)
    campaign.save()
    if messages is not None:
        if not messages:
            raise InvalidInput(_("Pilih setidaknya satu pesan kamtibmas."), field="messages")
        campaign.messages.set(messages)
    if areas is not None:
        campaign.areas.set(areas)
    after = snapshot(campaign, CAMPAIGN_FIELDS)
    after["messages"] = sorted(campaign.messages.values_list("id", flat=True))
    after["areas"] = sorted(campaign.areas.values_list("code", flat=True))
    old, new = changed(before, after)
    if new:
        record_event(
            actor=actor, verb="patrol.campaign.update", target=campaign, before=old, after=new
        )
    return campaign
