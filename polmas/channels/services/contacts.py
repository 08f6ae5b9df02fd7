"""Residents across channels: identities, linking by phone number, consent and opt-out."""

from __future__ import annotations

import re

from django.db import transaction
from django.utils import timezone

from polmas.channels.models import Channel, Contact, Identity


def normalise_phone(raw: str) -> str:
    """'0812-3456 7890' / '+62 812…' -> '628123457890'; '' when it is not a phone number."""
    digits = re.sub(r"\D", "", raw or "")
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    return digits if 8 <= len(digits) <= 15 else ""


def mask_phone(phone: str) -> str:
    if len(phone) < 6:
        return "•" * len(phone)
    return phone[:4] + "•" * (len(phone) - 6) + phone[-2:]


def mask_external_id(identity: Identity) -> str:
    return mask_phone(identity.external_id) if identity.external_id.isdigit() else "•••"


def resolve_identity(channel: Channel, sender_id: str, *, phone: str, name: str) -> Identity:
    """The identity for a sender, created on first contact; linked to the resident who already
    has the same phone number on another channel."""
    identity = (
        Identity.objects.select_related("contact")
        .filter(channel=channel, external_id=sender_id)
        .first()
    )
    if identity is not None:
        contact = identity.contact
        if name and not contact.display_name:
            contact.display_name = name[:120]
            contact.save(update_fields=["display_name", "updated_at"])
        return identity
    phone = normalise_phone(phone)
    found = Contact.objects.filter(phone=phone).order_by("id").first() if phone else None
    contact = found or Contact.objects.create(phone=phone, display_name=name[:120])
    identity, _ = Identity.objects.get_or_create(
        channel=channel, external_id=sender_id, defaults={"contact": contact}
    )
    return identity


def link_phone(identity: Identity, raw_phone: str) -> Contact:
    """A resident shared their own number (Telegram contact): merge into the resident who
    already has that number, or record it."""
    phone = normalise_phone(raw_phone)
    contact = identity.contact
    if not phone or contact.phone == phone:
        return contact
    with transaction.atomic():
        other = Contact.objects.filter(phone=phone).exclude(pk=contact.pk).order_by("id").first()
        if other is not None:
            Identity.objects.filter(contact=contact).update(contact=other)
            if contact.broadcast_opt_in and not other.broadcast_opt_in:
                other.broadcast_opt_in = True
                other.save(update_fields=["broadcast_opt_in", "updated_at"])
            identity.contact = other
            return other
        contact.phone = phone
        contact.save(update_fields=["phone", "updated_at"])
        return contact


def touch_inbound(identity: Identity) -> None:
    now = timezone.now()
    Identity.objects.filter(pk=identity.pk).update(last_inbound_at=now)
    identity.last_inbound_at = now
    if identity.contact.consent_at is None:
        identity.contact.consent_at = now
        identity.contact.save(update_fields=["consent_at", "updated_at"])


def opt_out(contact: Contact) -> None:
    contact.opted_out_at = timezone.now()
    contact.broadcast_opt_in = False
    contact.save(update_fields=["opted_out_at", "broadcast_opt_in", "updated_at"])


def opt_in(contact: Contact) -> None:
    contact.opted_out_at = None
    contact.broadcast_opt_in = True
    contact.save(update_fields=["opted_out_at", "broadcast_opt_in", "updated_at"])
