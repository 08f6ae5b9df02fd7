"""Channel setup and staff actions: create a channel, broadcast."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from polmas.channels.models import (
    Broadcast,
    Channel,
    ChannelKind,
    Identity,
    OutboundStatus,
    Purpose,
)
from polmas.channels.services.outbound import queue_message
from polmas.channels.types import vendor
from polmas.core.audit import record_event, snapshot
from polmas.org.models import Unit
from polmas.org.scope import get_scope


def _token() -> str:
    return secrets.token_urlsafe(32)


def create_channel(
    *,
    actor: Any,
    unit: Unit,
    kind: str,
    name: str = "",
    api_base: str = "",
    provider_secrets: dict[str, str] | None = None,
) -> Channel:
    if kind not in ChannelKind.values:
        raise ValidationError(_("Jenis kanal tidak dikenal: %(kind)s") % {"kind": kind})
    spec = vendor(kind)
    values = {key: _token() for key in spec.secret_names}
    if kind == "whatsapp":
        values["phone_number_id"] = str(secrets.randbelow(10**15))
    if kind == "telegram":
        values["bot_token"] = f"{secrets.randbelow(10**9)}:{_token()}"
    values.update({k: v for k, v in (provider_secrets or {}).items() if v})
    channel = Channel.objects.create(
        unit=unit,
        kind=kind,
        name=name or f"{spec.label} {unit.name}",
        api_base=api_base,
        secrets=values,
        rate_per_second=spec.rate_per_second,
    )
    record_event(
        actor=actor,
        verb="channels.channel.create",
        target=channel,
        after=snapshot(channel, ["unit_id", "kind", "name", "api_base"]),
    )
    return channel


def channel_summary(channel: Channel) -> dict[str, Any]:
    """What `polmas channels add` prints: id, webhook path and the secrets the vendor needs."""
    wanted = {
        "whatsapp": ("app_secret", "verify_token"),
        "telegram": ("secret_token",),
        "sms": ("secret_token",),
        "web": (),
    }[channel.kind]
    out: dict[str, Any] = {
        "channel_id": channel.pk,
        "kind": channel.kind,
        "unit": channel.unit.code,
        "webhook_url": channel.webhook_path,
    }
    out.update({key: channel.secrets.get(key, "") for key in wanted})
    if channel.api_base:
        out["api_base"] = channel.api_base
    return out


def send_broadcast(*, actor: Any, unit: Unit, text: str, desa_codes: list[str]) -> Broadcast:
    """Queue a kamtibmas message to opted-in residents of the chosen desa, on the unit's
    channels; the per-channel rate limit throttles the sending."""
    scope = get_scope(actor)
    if not scope.covers_unit_path(unit.path) or not all(scope.covers_region(c) for c in desa_codes):
        raise PermissionDenied(_("Di luar wilayah Anda."))
    text = text.strip()
    if not text or not desa_codes:
        raise ValidationError(_("Pesan dan desa wajib diisi."))
    with transaction.atomic():
        broadcast = Broadcast.objects.create(
            unit=unit, text=text, desa_codes=sorted(set(desa_codes)), created_by=actor
        )
        identities = (
            Identity.objects.filter(
                channel__unit__path__startswith=unit.path,
                channel__is_active=True,
                contact__broadcast_opt_in=True,
                contact__opted_out_at__isnull=True,
                contact__desa_id__in=desa_codes,
            )
            .exclude(channel__kind="web")
            .select_related("contact", "channel")
            .order_by("contact_id", "id")
        )
        seen: set[int] = set()
        for identity in identities:
            if identity.contact_id in seen:
                continue  # one message per resident, on their first channel
            seen.add(identity.contact_id)
            queue_message(
                identity,
                text,
                purpose=Purpose.BROADCAST,
                broadcast=broadcast,
                dedupe_key=f"broadcast:{broadcast.pk}:{identity.contact_id}",
                log=False,
            )
        broadcast.recipients = len(seen)
        broadcast.save(update_fields=["recipients", "updated_at"])
        record_event(
            actor=actor,
            verb="channels.broadcast.create",
            target=broadcast,
            after={"recipients": len(seen), "desa": broadcast.desa_codes},
        )
    return broadcast


def broadcast_counts(broadcast: Broadcast) -> dict[str, int]:
    rows = broadcast.messages.values("status").annotate(n=Count("id"))
    counts = {status: 0 for status in OutboundStatus.values}
    counts.update({row["status"]: row["n"] for row in rows})
    counts["total"] = broadcast.recipients
    return counts
