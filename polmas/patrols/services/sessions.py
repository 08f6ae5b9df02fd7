"""Recording dialogue sessions (idempotent), removing them, and linking resident inputs."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from polmas.core import fastsql
from polmas.core.audit import record_event, snapshot
from polmas.core.formatting import long_datetime, to_wib
from polmas.core.geo import InvalidCoordinatesError, validate_point
from polmas.org.models import Region, RegionLevel
from polmas.org.regions import find_by_name, locate_point
from polmas.patrols import workflow
from polmas.patrols.models import (
    AudienceGroup,
    DialogueSession,
    InputKind,
    KamtibmasMessage,
    Patrol,
    Quote,
    ResidentInput,
    SessionMessage,
)
from polmas.patrols.selectors.catalog import valid_message_topics
from polmas.patrols.services import rollup
from polmas.patrols.services.common import (
    FIELD_ROLES,
    InvalidInput,
    check_replay,
    request_hash,
    require_patrol_unit_in_scope,
    require_role,
    require_unit_in_scope,
    valid_moment,
)
from polmas.patrols.signals import resident_inputs_recorded

CLOCK_SKEW = dt.timedelta(minutes=5)
MAX_AUDIENCE = 100_000
MAX_INPUTS = 30
MAX_QUOTES = 20
_AUDIENCE_GROUPS = frozenset(AudienceGroup.values)  # Choices.values is rebuilt on every access
_INPUT_KINDS = frozenset(InputKind.values)


@dataclass
class InputItem:
    text: str
    kind: str = InputKind.MASUKAN
    category_hint: str = ""


@dataclass
class SessionData:
    occurred_at: dt.datetime
    lat: float | None = None
    lng: float | None = None
    accuracy_m: float | None = None
    place_name: str = ""
    audience_groups: dict[str, int] = field(default_factory=dict)
    audience_total: int | None = None
    message_ids: list[int] = field(default_factory=list)
    notes: str = ""
    quotes: list[tuple[str, str]] = field(default_factory=list)
    inputs: list[InputItem] = field(default_factory=list)

    def as_payload(self) -> dict[str, Any]:
        """The canonical body used for the idempotency hash."""
        return {
            "occurred_at": to_wib(self.occurred_at).isoformat(timespec="seconds"),
            "lat": self.lat,
            "lng": self.lng,
            "accuracy_m": self.accuracy_m,
            "place_name": self.place_name.strip(),
            "audience_groups": {k: v for k, v in sorted(self.audience_groups.items()) if v},
            "audience_total": self.audience_total,
            "message_ids": sorted(set(self.message_ids)),
            "notes": self.notes.strip(),
            "quotes": [list(q) for q in self.quotes],
            "inputs": [[i.kind, i.text.strip(), i.category_hint] for i in self.inputs],
        }


@dataclass(frozen=True)
class Recorded:
    session: DialogueSession
    replayed: bool

    def prefill(self, messages: list[Any], quotes: list[Any], inputs: list[Any]) -> None:
        """Attach what was just written so callers can show it without re-reading."""
        cache = getattr(self.session, "_prefetched_objects_cache", None) or {}
        cache.update(
            {"messages": messages, "quotes": quotes, "resident_inputs": inputs, "photos": []}
        )
        self.session._prefetched_objects_cache = cache  # type: ignore[attr-defined]


def _checked_moment(at: dt.datetime) -> dt.datetime:
    """The session time in UTC if it is aware and within the accepted range (see
    polmas.patrols.validators); checked before anything formats it in WIB."""
    if timezone.is_naive(at):
        raise InvalidInput(_("Waktu sesi harus menyertakan zona waktu."), field="occurred_at")
    return valid_moment(at, field="occurred_at")


def _validate_time(patrol: Patrol, at: dt.datetime) -> None:
    if at > timezone.now() + CLOCK_SKEW:
        raise InvalidInput(
            _("Waktu sesi (%(at)s) berada di masa depan.") % {"at": long_datetime(at)},
            field="occurred_at",
        )
    if patrol.status not in workflow.ACCEPTS_SESSIONS or patrol.actual_start is None:
        raise InvalidInput(
            _("Patroli berstatus %(status)s: sesi hanya dapat dicatat setelah patroli dimulai.")
            % {"status": patrol.get_status_display()},
            field="patrol",
        )
    # Phones and forms give the time to the minute: compare at minute precision.
    if at < patrol.actual_start.replace(second=0, microsecond=0):
        raise InvalidInput(
            _("Waktu sesi (%(at)s) sebelum patroli dimulai (%(start)s).")
            % {"at": long_datetime(at), "start": long_datetime(patrol.actual_start)},
            field="occurred_at",
        )
    if patrol.actual_end is not None and at > patrol.actual_end:
        raise InvalidInput(
            _("Waktu sesi (%(at)s) setelah patroli berakhir (%(end)s).")
            % {"at": long_datetime(at), "end": long_datetime(patrol.actual_end)},
            field="occurred_at",
        )


def _resolve_place(session: DialogueSession, patrol: Patrol, data: SessionData) -> None:
    if (data.lat is None) != (data.lng is None):
        raise InvalidInput(_("Lintang dan bujur harus diisi bersama."), field="lat")
    if data.lat is not None and data.lng is not None:
        try:
            validate_point(data.lat, data.lng)
        except InvalidCoordinatesError as exc:
            raise InvalidInput(_("Koordinat tidak valid."), field="lat") from exc
        if data.accuracy_m is not None and not 0 <= data.accuracy_m <= 100_000:
            raise InvalidInput(_("Akurasi GPS tidak valid."), field="accuracy_m")
        location = locate_point(data.lat, data.lng)
        session.lat, session.lng, session.accuracy_m = data.lat, data.lng, data.accuracy_m
        if location.desa is not None:
            session.desa, session.kecamatan = location.desa, location.kecamatan
        else:
            # Officers cross borders: keep the point, flag it, never refuse it.
            session.outside_area = True
        return
    name = data.place_name.strip()
    if not name:
        raise InvalidInput(
            _("Lokasi wajib: kirim titik GPS atau tulis nama tempat/desa."), field="place_name"
        )
    within = list(patrol.unit.jurisdiction.values_list("code", flat=True))
    matches = []
    for code in within:
        matches = find_by_name(name, level=RegionLevel.DESA, within=code, limit=1, min_score=85)
        if matches:
            break
    if not matches:
        matches = find_by_name(name, level=RegionLevel.DESA, limit=1, min_score=90)
    if matches:
        desa = matches[0].region
        session.desa = desa
        session.kecamatan = Region.objects.filter(code=desa.parent_id).first()


def _validate_content(actor: Any, data: SessionData) -> list[Any]:
    groups = {}
    for key, value in data.audience_groups.items():
        if key not in _AUDIENCE_GROUPS:
            raise InvalidInput(
                _("Kelompok warga tidak dikenal: %(key)s") % {"key": key}, field="audience_groups"
            )
        if not isinstance(value, int) or not 0 <= value <= MAX_AUDIENCE:
            raise InvalidInput(_("Jumlah warga tidak valid."), field="audience_groups")
        if value:
            groups[key] = value
    data.audience_groups = groups
    total = sum(groups.values())
    if data.audience_total is None:
        data.audience_total = total
    elif not 0 <= data.audience_total <= MAX_AUDIENCE or data.audience_total < total:
        raise InvalidInput(
            _("Jumlah warga (%(total)s) lebih kecil dari jumlah per kelompok (%(sum)s).")
            % {"total": data.audience_total, "sum": total},
            field="audience_total",
        )
    if len(data.inputs) > MAX_INPUTS or len(data.quotes) > MAX_QUOTES:
        raise InvalidInput(_("Terlalu banyak butir dalam satu sesi."), field="inputs")
    for item in data.inputs:
        if item.kind not in _INPUT_KINDS:
            raise InvalidInput(
                _("Jenis masukan tidak dikenal: %(k)s") % {"k": item.kind}, field="inputs"
            )
        if not item.text.strip() or len(item.text) > 2000:
            raise InvalidInput(_("Isi masukan warga kosong atau terlalu panjang."), field="inputs")
    for speaker, text in data.quotes:
        if not speaker.strip() or not text.strip():
            raise InvalidInput(_("Kutipan memerlukan nama pembicara dan isinya."), field="quotes")
    wanted = sorted(set(data.message_ids))
    if not wanted:
        return []
    # The valid catalog for the actor's scope and the session's day (cached per process for a
    # few seconds); only what the session, the roll-up and the answer use: id and topic.
    valid = valid_message_topics(actor, to_wib(data.occurred_at).date())
    messages = [
        KamtibmasMessage.from_db(None, ["id", "topic"], [pk, valid[pk]])
        for pk in wanted
        if pk in valid
    ]
    if len(messages) != len(wanted):
        missing = sorted(set(wanted) - {m.pk for m in messages})
        raise InvalidInput(
            _("Pesan kamtibmas tidak dikenal atau tidak berlaku: %(ids)s")
            % {"ids": ", ".join(map(str, missing))},
            field="message_ids",
        )
    return messages


def _replay(creator: Any, idempotency_key: uuid.UUID | None, digest: str) -> Recorded | None:
    """The stored session for this key (same body), Conflict for another body, or None."""
    if idempotency_key is None or not getattr(creator, "is_authenticated", False):
        return None
    existing = DialogueSession.objects.filter(
        created_by=creator, idempotency_key=idempotency_key
    ).first()
    return None if existing is None else Recorded(check_replay(existing, digest), True)


def record_session(
    *,
    actor: Any,
    patrol: Patrol,
    data: SessionData,
    idempotency_key: uuid.UUID | None = None,
) -> Recorded:
    """Store a dialogue session. With an idempotency key a retry returns the stored session;
    the same key with a different body raises Conflict (409)."""
    require_role(actor, FIELD_ROLES)
    require_patrol_unit_in_scope(actor, patrol)
    data.occurred_at = _checked_moment(data.occurred_at)
    digest = request_hash(data.as_payload()) if idempotency_key else ""
    # A retry is rare: instead of looking the key up before every write, the unique constraint
    # on (created_by, idempotency_key) catches it at INSERT time (and a retry that no longer
    # validates, e.g. the patrol has ended since, is looked up when validation fails).
    try:
        _validate_time(patrol, data.occurred_at)
        messages = _validate_content(actor, data)
    except InvalidInput:
        replay = _replay(actor, idempotency_key, digest)
        if replay is None:
            raise
        return replay
    session = DialogueSession(
        patrol=patrol,
        unit_id=patrol.unit_id,
        occurred_at=data.occurred_at,
        day=to_wib(data.occurred_at).date(),
        place_name=data.place_name.strip()[:160],
        audience_total=data.audience_total or 0,
        audience_groups=data.audience_groups,
        notes=data.notes.strip(),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        idempotency_key=idempotency_key,
        request_hash=digest,
        is_demo=patrol.is_demo,
    )
    _resolve_place(session, patrol, data)
    try:
        with transaction.atomic():
            # Statements prepared once per process (polmas.core.fastsql): same values as
            # save()/bulk_create, without compiling the SQL on every request.
            fastsql.insert([session])
            fastsql.insert([SessionMessage(session=session, message=m) for m in messages])
            quotes = fastsql.insert(
                [Quote(session=session, speaker=s.strip(), text=t.strip()) for s, t in data.quotes]
            )
            inputs = fastsql.insert(
                [
                    ResidentInput(
                        session=session,
                        unit_id=patrol.unit_id,
                        desa_id=session.desa_id,
                        kind=item.kind,
                        category_hint=item.category_hint.strip()[:60],
                        text=item.text.strip(),
                    )
                    for item in data.inputs
                ]
            )
            rollup.add_session(session, messages)
            record_event(
                actor=actor,
                verb="patrol.session.create",
                target=session,
                after={
                    **snapshot(session, ["patrol_id", "occurred_at", "desa_id", "outside_area"]),
                    "audience_total": session.audience_total,
                    "messages": [m.pk for m in messages],
                    "inputs": len(inputs),
                },
            )
            if inputs:
                # Inside the transaction: receivers enqueue their jobs with
                # `polmas.core.jobs.enqueue_atomic`, so a database queue commits the job with
                # the session (one commit), and any other queue gets it after the commit.
                resident_inputs_recorded.send(
                    sender=ResidentInput, session_id=session.pk, input_ids=[i.pk for i in inputs]
                )
    except IntegrityError:
        # The key was used before (a retry, or a concurrent retry won the race): a replay.
        replay = _replay(session.created_by, idempotency_key, digest)
        if replay is None:
            raise
        return replay
    recorded = Recorded(session, False)
    recorded.prefill(messages, quotes, inputs)
    return recorded


@transaction.atomic
def delete_session(*, actor: Any, session: DialogueSession, reason: str = "") -> None:
    require_role(actor, FIELD_ROLES)
    require_unit_in_scope(actor, session.patrol.unit)
    if session.deleted_at is not None:
        return
    session.deleted_at = timezone.now()
    session.save(update_fields=["deleted_at", "updated_at"])
    rollup.remove_session(session)
    record_event(actor=actor, verb="patrol.session.delete", target=session, note=reason)


def mark_resident_input_linked(*, input_id: int, ref: str) -> bool:
    """Called by the cases app after it created a case for the input. Idempotent: returns
    False when the input was already linked."""
    updated = ResidentInput.objects.filter(pk=input_id, linked_at__isnull=True).update(
        linked_at=timezone.now(), linked_ref=str(ref)[:64]
    )
    return bool(updated)
