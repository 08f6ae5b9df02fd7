"""The dialogue with a resident: a short menu that also understands free text.

`Dialogue.handle(inbound)` updates the conversation and queues replies. Free text with a place
("ada yang bagi-bagi amplop di desa Lohbener") becomes a case at once; without a place the
resident is asked for a location (WhatsApp location request, Telegram location button).
A forwarded message or a hoax question goes to the hoax check.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from polmas.channels.models import (
    Channel,
    Conversation,
    ConversationState,
    Identity,
    InboundEvent,
    MessageLog,
    ReportLink,
)
from polmas.channels.services import contacts, lexicon, replies
from polmas.channels.services.backends import NewCase, case_backend, hoax_backend
from polmas.channels.services.media import MediaRefusedError, store_photo
from polmas.channels.services.outbound import queue_message
from polmas.channels.types.base import Inbound

logger = logging.getLogger("polmas.channels")
State = ConversationState


@dataclass
class Dialogue:
    channel: Channel
    identity: Identity
    conversation: Conversation
    event: InboundEvent
    _replies: int = 0

    # --- helpers ---------------------------------------------------------------------------

    def reply(self, text: str, *, ask_location: bool = False) -> None:
        self._replies += 1
        queue_message(
            self.identity,
            text,
            ask_location=ask_location and self.channel.kind in {"whatsapp", "telegram"},
            dedupe_key=f"reply:{self.event.pk}:{self._replies}",
        )

    def set_state(self, state: str, draft: dict[str, Any] | None = None) -> None:
        self.conversation.state = state
        if draft is not None:
            self.conversation.draft = draft
        self.conversation.save(update_fields=["state", "draft", "updated_at"])

    @property
    def draft(self) -> dict[str, Any]:
        draft: dict[str, Any] = self.conversation.draft
        return draft

    def unit_name(self) -> str:
        return self.channel.unit.name

    # --- entry point -----------------------------------------------------------------------

    def handle(self, msg: Inbound) -> str:
        MessageLog.objects.create(
            conversation=self.conversation,
            direction="in",
            kind=msg.kind,
            text=msg.text[:4000] if msg.kind != "contact" else "[kontak]",
        )
        if msg.kind == "unsupported":
            self.reply(replies.unsupported())
            return "unsupported"
        if msg.kind == "contact":
            return self._contact(msg)
        if msg.kind == "photo":
            return self._photo(msg)
        if msg.kind == "location":
            return self._location(msg)
        return self._text(msg)

    # --- kinds ---------------------------------------------------------------------------

    def _contact(self, msg: Inbound) -> str:
        if msg.contact_is_self or (self.channel.kind == "telegram" and not msg.forwarded):
            contacts.link_phone(self.identity, msg.contact_phone)
            self.reply(replies.phone_linked())
            return "phone_linked"
        self.draft.setdefault("attachments", []).append({"type": "contact"})
        self.conversation.save(update_fields=["draft", "updated_at"])
        self.reply(replies.contact_attached())
        return "contact_attached"

    def _photo(self, msg: Inbound) -> str:
        try:
            attachment = store_photo(self.channel, msg)
        except MediaRefusedError:
            self.reply(replies.media_too_large(settings_max_mb()))
            return "media_refused"
        self.draft.setdefault("attachments", []).append(attachment)
        if msg.text.strip():
            return self._text(msg)
        if self.conversation.state == State.AWAIT_LOCATION:
            self.conversation.save(update_fields=["draft", "updated_at"])
            self.reply(
                replies.photo_attached() + "\n" + self._ask_location_text(), ask_location=True
            )
            return "photo_attached"
        self.set_state(State.AWAIT_REPORT)
        self.reply(replies.photo_received())
        return "photo_attached"

    def _location(self, msg: Inbound) -> str:
        if msg.lat is None or msg.lng is None:
            self.reply(replies.unsupported())
            return "bad_location"
        self.draft["lat"], self.draft["lng"] = msg.lat, msg.lng
        if self.draft.get("text"):
            return self._create_case()
        self.set_state(State.AWAIT_REPORT)
        self.reply(replies.location_received())
        return "location_saved"

    def _text(self, msg: Inbound) -> str:
        text = msg.text.strip()
        tokens = lexicon.words(text)
        if msg.lat is not None and msg.lng is not None:  # web form with a map point
            self.draft["lat"], self.draft["lng"] = msg.lat, msg.lng
        short = len(tokens) <= 2
        if short and set(tokens) & lexicon.OPT_OUT:
            contacts.opt_out(self.identity.contact)
            self.reply(replies.opted_out())
            return "opted_out"
        if short and set(tokens) & lexicon.OPT_IN:
            contacts.opt_in(self.identity.contact)
            self.reply(replies.opted_in())
            return "opted_in"
        if short and set(tokens) & lexicon.CANCEL:
            self.set_state(State.IDLE, {})
            self.reply(replies.cancelled(self.unit_name()))
            return "cancelled"
        code = lexicon.find_tracking_code(text)
        state = self.conversation.state
        if code and (
            state == State.AWAIT_CODE or len(tokens) <= 4 or set(tokens) & lexicon.STATUS_WORDS
        ):
            return self._status(code)
        if state == State.AWAIT_CODE and len(tokens) <= 3:
            self.reply(replies.bad_code())
            return "bad_code"
        if state == State.AWAIT_HOAX:
            return self._hoax(text)
        if state == State.AWAIT_LOCATION:
            return self._location_text(text, tokens)
        if state == State.AWAIT_REPORT and not (short and tokens and tokens[0].isdigit()):
            return self._report(text)
        return self._idle(text, tokens, msg.forwarded)

    # --- intents ---------------------------------------------------------------------------

    def _idle(self, text: str, tokens: list[str], forwarded: bool) -> str:
        if len(tokens) <= 2 and tokens and tokens[0] in {"1", "2", "3", "4"}:
            choice = tokens[0]
            if choice == "1":
                self.set_state(State.AWAIT_REPORT, {})
                self.reply(replies.ask_report())
                return "menu_report"
            if choice == "2":
                self.set_state(State.AWAIT_HOAX, {})
                self.reply(replies.ask_hoax())
                return "menu_hoax"
            if choice == "3":
                self.set_state(State.AWAIT_CODE, {})
                self.reply(replies.ask_code())
                return "menu_status"
            self.reply(replies.info(str((self.channel.config or {}).get("info_text", ""))))
            return "info"
        if not tokens or lexicon.is_greeting_only(text):
            self.set_state(State.IDLE, {})
            self.reply(replies.menu(self.unit_name()))
            return "menu"
        if forwarded or lexicon.has_any(text, lexicon.HOAX_WORDS, lexicon.HOAX_PHRASES):
            return self._hoax(text)
        if len(tokens) <= 3 and set(tokens) & lexicon.STATUS_WORDS:
            self.set_state(State.AWAIT_CODE, {})
            self.reply(replies.ask_code())
            return "menu_status"
        if len(tokens) <= 3 and set(tokens) & lexicon.INFO_WORDS:
            self.reply(replies.info(str((self.channel.config or {}).get("info_text", ""))))
            return "info"
        if len(tokens) <= 2 and set(tokens) & lexicon.REPORT_WORDS:
            self.set_state(State.AWAIT_REPORT, {})
            self.reply(replies.ask_report())
            return "menu_report"
        if len(tokens) < 3:
            self.reply(replies.not_understood(self.unit_name()))
            return "not_understood"
        return self._report(text)

    def _status(self, code: str) -> str:
        status = case_backend().case_status(code)
        self.set_state(State.IDLE, {})
        self.reply(replies.case_status(status, code))
        return "status"

    def _hoax(self, text: str) -> str:
        answer = hoax_backend().check(
            text=text,
            contact_id=self.identity.contact_id,
            desa_code=self.identity.contact.desa_id,
            channel_kind=self.channel.kind,
            origin_ref=f"channels:{self.channel.pk}:{self.event.dedupe_key}",
        )
        self.set_state(State.IDLE, {})
        self.reply(replies.hoax(answer))
        return f"hoax_{answer.confidence}"

    def _report(self, text: str) -> str:
        from polmas.triage import analyse

        result = analyse(text)
        self.draft["text"] = (str(self.draft.get("text", "")) + "\n" + text).strip()
        self.draft["category"], self.draft["urgency"] = result.category, result.urgency
        desa = _pick_desa(result.locations)
        if desa:
            self.draft["desa_code"] = desa
        if desa or self.draft.get("lat") is not None:
            return self._create_case(analysed=(text, result.as_dict()))
        self.set_state(State.AWAIT_LOCATION)
        self.reply(self._ask_location_text(), ask_location=True)
        return "ask_location"

    def _ask_location_text(self) -> str:
        if self.channel.kind in {"whatsapp", "telegram"}:
            return replies.ask_location()
        return replies.ask_location_sms()

    def _location_text(self, text: str, tokens: list[str]) -> str:
        if len(tokens) <= 2 and set(tokens) & (lexicon.NO | {"lewati"}):
            return self._create_case()
        from polmas.triage import analyse

        desa = _pick_desa(analyse(text).locations)
        if desa:
            self.draft["desa_code"] = desa
            self.draft["place_text"] = text
            return self._create_case()
        if len(tokens) >= 4:  # more details rather than a place
            self.draft["text"] = (str(self.draft.get("text", "")) + "\n" + text).strip()
            self.conversation.save(update_fields=["draft", "updated_at"])
        self.reply(self._ask_location_text(), ask_location=True)
        return "ask_location"

    def _create_case(self, analysed: tuple[str, dict[str, Any]] | None = None) -> str:
        """`analysed`: (text, its triage) from this turn; the triage goes with the case when the
        case's text is exactly that text, so the case needs no second analysis in a job."""
        draft = self.draft
        text = str(draft.get("text", "")).strip()
        if not text:
            self.set_state(State.AWAIT_REPORT)
            self.reply(replies.ask_report())
            return "ask_report"
        anonymous = lexicon.has_any(text, lexicon.ANONYMOUS)
        ref = case_backend().create_case(
            NewCase(
                text=text,
                channel_kind=self.channel.kind,
                contact_id=self.identity.contact_id,
                desa_code=draft.get("desa_code"),
                lat=draft.get("lat"),
                lng=draft.get("lng"),
                anonymous=anonymous,
                idempotency_key=f"channels:{self.channel.pk}:{self.event.dedupe_key}",
                fallback_unit_id=self.channel.unit_id,
                category=str(draft.get("category", "")),
                urgency=str(draft.get("urgency", "")),
                attachments=tuple(draft.get("attachments", [])),
                triage=analysed[1] if analysed and analysed[0] == text else None,
            )
        )
        ReportLink.objects.get_or_create(
            tracking_code=ref.tracking_code,
            defaults={"identity": self.identity, "anonymous": anonymous},
        )
        desa_code = draft.get("desa_code")
        contact = self.identity.contact
        if desa_code and contact.desa_id != desa_code:
            contact.desa_id = desa_code
            contact.save(update_fields=["desa", "updated_at"])
        self.set_state(State.IDLE, {})
        self.reply(replies.case_created(ref.tracking_code, ref.unit_name, anonymous))
        return "case_created"


def _pick_desa(locations: Any) -> str | None:
    desa = [
        loc
        for loc in locations
        if loc.level in {"desa", "kelurahan"} and not getattr(loc, "ambiguous", False)
    ]
    codes = {loc.code for loc in desa}
    return desa[0].code if len(codes) == 1 else None


def settings_max_mb() -> int:
    return int(
        getattr(settings, "POLMAS_CHANNELS_MAX_MEDIA_BYTES", 5 * 1024 * 1024) // (1024 * 1024)
    )
