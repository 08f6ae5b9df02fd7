"""Vendor registry: one folder per vendor (parser, client, signature), listed here."""

from __future__ import annotations

from polmas.channels.types.base import VendorSpec


def _build() -> dict[str, VendorSpec]:
    from polmas.channels.types import sms, telegram, web, whatsapp

    return {spec.kind: spec for spec in (whatsapp.SPEC, telegram.SPEC, sms.SPEC, web.SPEC)}


_REGISTRY: dict[str, VendorSpec] | None = None


def registry() -> dict[str, VendorSpec]:
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = _build()
    return _REGISTRY


def vendor(kind: str) -> VendorSpec:
    try:
        return registry()[kind]
    except KeyError:
        raise LookupError(f"unknown channel kind: {kind}") from None
