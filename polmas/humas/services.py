"""Writes for press releases: draft from activity, edit (a new version each time), transitions."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from polmas.core.audit import record_event
from polmas.humas import workflow
from polmas.humas.drafting import ActivityInputError, draft_release
from polmas.humas.models import PressRelease, PressReleaseVersion
from polmas.org.models import Unit
from polmas.org.scope import get_scope

MAX_TITLE = 250
MAX_BODY = 20_000


def _require_editor(actor: Any, unit: Unit) -> None:
    scope = get_scope(actor)
    if scope.everything:
        return
    if not scope.covers_unit_path(unit.path) or not scope.roles & workflow.EDITORS:
        raise PermissionDenied(_("Anda tidak berwenang menyusun siaran pers untuk satuan ini."))


def _unique_slug(title: str) -> str:
    base = slugify(title)[:90].strip("-") or "siaran-pers"
    return f"{base}-{secrets.token_hex(3)}"


def _add_version(release: PressRelease, actor: Any, note: str) -> PressReleaseVersion:
    last = release.versions.order_by("-number").values_list("number", flat=True).first() or 0
    return PressReleaseVersion.objects.create(
        release=release,
        number=last + 1,
        title=release.title,
        body=release.body,
        author=actor if getattr(actor, "is_authenticated", False) else None,
        note=note,
    )


def _lock_fresh(release: PressRelease) -> None:
    """Lock the release's row until the surrounding transaction ends and reload ``release`` from
    it, so the status checked is the one committed last: of two concurrent actions (terbitkan
    and kembalikan on one approved release) the second waits, then sees the first's result."""
    release.refresh_from_db(from_queryset=PressRelease.objects.select_for_update())


@transaction.atomic
def draft_from_activity(
    *,
    actor: Any,
    unit: Unit,
    activity: dict[str, Any],
    source_kind: str = "manual",
    source_ref: str = "",
) -> PressRelease:
    """Draft a release from an activity (the `polmas humas draft` input structure)."""
    _require_editor(actor, unit)
    try:
        drafted = draft_release(activity)
    except ActivityInputError as exc:
        raise ValidationError(str(exc)) from exc
    # The same limits as the edit form, so a drafted release can always be edited and saved.
    if len(drafted.title) > MAX_TITLE:
        raise ValidationError(
            _(
                "Judul hasil susunan terlalu panjang (%(length)s karakter, maksimal %(max)s). "
                "Persingkat nama satuan, jenis kegiatan atau nama pemilihan."
            )
            % {"length": len(drafted.title), "max": MAX_TITLE}
        )
    if len(drafted.body) > MAX_BODY:
        raise ValidationError(
            _(
                "Isi hasil susunan terlalu panjang (%(length)s karakter, maksimal %(max)s). "
                "Persingkat pesan, kutipan atau masukan warga."
            )
            % {"length": len(drafted.body), "max": MAX_BODY}
        )
    release = PressRelease.objects.create(
        unit=unit,
        title=drafted.title,
        body=drafted.body,
        slug=_unique_slug(drafted.title),
        activity=activity,
        source_kind=source_kind,
        source_ref=source_ref,
        warnings=list(drafted.warnings),
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _add_version(release, actor, _("Draf otomatis dari data kegiatan"))
    record_event(
        actor=actor,
        verb="release.draft",
        target=release,
        after={"title": release.title, "source": f"{source_kind}:{source_ref}"},
    )
    return release


@transaction.atomic
def edit_release(
    *, actor: Any, release: PressRelease, title: str, body: str, note: str = ""
) -> PressRelease:
    _require_editor(actor, release.unit)
    _lock_fresh(release)
    if release.status not in workflow.EDITABLE:
        raise ValidationError(
            _("Siaran pers berstatus %(status)s tidak dapat diubah.")
            % {"status": release.get_status_display()}
        )
    title, body = title.strip(), body.strip()
    if not title or not body:
        raise ValidationError(_("Judul dan isi siaran pers wajib diisi."))
    if len(title) > MAX_TITLE or len(body) > MAX_BODY:
        raise ValidationError(_("Judul atau isi terlalu panjang."))
    if title == release.title and body == release.body:
        return release
    before = {"title": release.title, "body_length": len(release.body)}
    release.title, release.body = title, body
    release.save(update_fields=["title", "body", "updated_at"])
    version = _add_version(release, actor, note)
    record_event(
        actor=actor,
        verb="release.edit",
        target=release,
        before=before,
        after={"title": title, "body_length": len(body), "version": version.number},
    )
    return release


@transaction.atomic
def transition_release(
    *, actor: Any, release: PressRelease, action: str, note: str = ""
) -> PressRelease:
    transition = workflow.BY_ACTION.get(action)
    if transition is None:
        raise ValidationError(_("Tindakan tidak dikenal."))
    scope = get_scope(actor)
    if not scope.everything and not scope.covers_unit_path(release.unit.path):
        raise PermissionDenied(_("Siaran pers ini di luar cakupan Anda."))
    _lock_fresh(release)
    options = workflow.allowed(release.status, scope.roles, superuser=scope.everything)
    if transition not in options:
        raise ValidationError(
            _("Tindakan '%(action)s' tidak diizinkan untuk status %(status)s atau peran Anda.")
            % {"action": transition.label, "status": release.get_status_display()}
        )
    if transition.needs_note and not note.strip():
        raise ValidationError(_("Alasan wajib diisi untuk tindakan ini."))
    before = release.status
    release.status = transition.target
    fields = ["status", "updated_at"]
    if transition.action == "setujui":
        release.approved_by = actor
        fields.append("approved_by")
    if transition.action == "terbitkan":
        release.published_at = timezone.now()
        fields.append("published_at")
    release.save(update_fields=fields)
    record_event(
        actor=actor,
        verb=f"release.{transition.action}",
        target=release,
        before={"status": before},
        after={"status": release.status},
        note=note.strip(),
    )
    return release


def draft_from_patrol(*, actor: Any, patrol: Any) -> PressRelease:
    """Draft a release from a recorded patrol (the same structure the CLI takes)."""
    from polmas.humas.activity import activity_from_patrol

    return draft_from_activity(
        actor=actor,
        unit=patrol.unit,
        activity=activity_from_patrol(patrol),
        source_kind="patrol",
        source_ref=str(patrol.pk),
    )
