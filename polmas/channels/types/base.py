"""What every vendor adapter produces and consumes. No Django models here: plain data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

MessageKind = Literal["text", "photo", "location", "contact", "status", "unsupported"]


class PayloadError(ValueError):
    """The body is not what the vendor documents (answered with 400)."""


@dataclass(frozen=True)
class RawEvent:
    """One unit of work split out of a webhook body, with its redelivery key."""

    dedupe_key: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class Inbound:
    """A normalised inbound message or status callback."""

    kind: MessageKind
    sender_id: str = ""
    phone: str = ""
    name: str = ""
    text: str = ""
    forwarded: bool = False
    lat: float | None = None
    lng: float | None = None
    media_id: str = ""
    media_size: int | None = None
    mime_type: str = ""
    contact_phone: str = ""
    contact_is_self: bool = False
    status: str = ""
    provider_message_id: str = ""
    error_code: int | None = None
    original_type: str = ""


@dataclass(frozen=True)
class Outgoing:
    to: str
    text: str
    ask_location: bool = False
    template_name: str = ""
    template_language: str = "id"


@dataclass(frozen=True)
class SendResult:
    provider_message_id: str


class ProviderError(Exception):
    """A failed provider call. `retryable` errors wait in the queue; `code` is the vendor's."""

    def __init__(
        self,
        message: str,
        *,
        retryable: bool,
        code: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.code = code
        self.retry_after = retry_after


class OutsideWindowError(ProviderError):
    """WhatsApp 131047: free text outside the 24-hour customer-service window."""


@dataclass(frozen=True)
class Media:
    content: bytes
    mime_type: str


class Client(Protocol):
    def send(self, message: Outgoing) -> SendResult: ...

    def fetch_media(self, media_id: str, *, max_bytes: int) -> Media: ...


@dataclass(frozen=True)
class Verification:
    ok: bool
    reason: str = ""


@dataclass
class VendorSpec:
    """A vendor folder's entry in the registry."""

    kind: str
    label: str
    secret_names: tuple[str, ...]
    verify: Any  # (headers: Mapping[str, str], body: bytes, form, secrets) -> Verification
    split: Any  # (body: bytes, form) -> list[RawEvent]; raises PayloadError
    parse: Any  # (payload: dict) -> Inbound
    client: Any  # (api_base: str, secrets: dict, timeout: float) -> Client
    default_api_base: str = ""
    rate_per_second: int = 20
    needs_window: bool = False
    # (query params, secrets) -> the challenge to echo, or None to refuse: a vendor that
    # verifies its webhook URL with a GET (WhatsApp's hub.challenge). None: GET is not allowed.
    handshake: Any = None
    extra: dict[str, Any] = field(default_factory=dict)


Headers = Mapping[str, str]
