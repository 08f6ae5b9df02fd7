"""Residents' input as tracked cases: categories, SLA policies, cases, messages, Open311 keys."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, ClassVar

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from polmas.aspirations.choices import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    TIMED_STATUSES,
    URGENCY_ORDER,
    Channel,
    DeliveryStatus,
    Kind,
    MessageKind,
    Origin,
    Privacy,
    SlaStage,
    Status,
    Urgency,
)
from polmas.aspirations.querysets import CaseQuerySet
from polmas.core.models import SoftDeleteModel, TimeStampedModel


class Category(models.Model):
    """A configurable case category; `code` doubles as the Open311 service_code."""

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    group = models.CharField(_("kelompok"), max_length=60, blank=True)
    description = models.TextField(_("deskripsi"), blank=True)
    keywords = models.CharField(_("kata kunci"), max_length=255, blank=True)
    default_urgency = models.CharField(
        _("urgensi bawaan"), max_length=8, choices=Urgency.choices, default=Urgency.NORMAL
    )
    is_disposition = models.BooleanField(
        _("disposisi ke instansi lain"),
        default=False,
        help_text=_("Bukan wewenang kepolisian: diteruskan ke instansi terkait."),
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=100)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ("order", "code")
        verbose_name = _("kategori")
        verbose_name_plural = _("kategori")

    def __str__(self) -> str:
        return self.name


class SlaPolicy(TimeStampedModel):
    """Deadlines in working hours for a category and/or urgency (blank = any).

    The most specific policy wins: category+urgency, then category, then urgency, then default.
    `calendar_time` policies (emergencies) count every hour, not only office hours.
    """

    name = models.CharField(_("nama"), max_length=120)
    category = models.ForeignKey(
        Category, verbose_name=_("kategori"), null=True, blank=True, on_delete=models.CASCADE
    )
    urgency = models.CharField(_("urgensi"), max_length=8, choices=Urgency.choices, blank=True)
    verify_hours = models.PositiveIntegerField(
        _("jam kerja untuk verifikasi dan penugasan"), default=24
    )
    follow_up_hours = models.PositiveIntegerField(_("jam kerja untuk tindak lanjut"), default=40)
    resolve_hours = models.PositiveIntegerField(_("jam kerja untuk penyelesaian"), default=80)
    reminder_percent = models.PositiveSmallIntegerField(
        _("pengingat pada (% waktu terpakai)"), default=75
    )
    calendar_time = models.BooleanField(_("hitung 24 jam (bukan jam kerja)"), default=False)
    workday_start = models.TimeField(_("jam kerja mulai"), default=dt.time(8, 0))
    workday_end = models.TimeField(_("jam kerja selesai"), default=dt.time(16, 0))
    work_weekdays = models.CharField(_("hari kerja (0=Senin)"), max_length=7, default="01234")

    class Meta:
        verbose_name = _("kebijakan SLA")
        verbose_name_plural = _("kebijakan SLA")
        constraints = [
            # One policy per (category, urgency), and one category-wide default per urgency;
            # two partial constraints because SQLite has no NULLS NOT DISTINCT.
            models.UniqueConstraint(
                fields=["category", "urgency"],
                condition=models.Q(category__isnull=False),
                name="uniq_sla_category_urgency",
            ),
            models.UniqueConstraint(
                fields=["urgency"],
                condition=models.Q(category__isnull=True),
                name="uniq_sla_default_urgency",
            ),
        ]

    def __str__(self) -> str:
        return self.name


# Fields that decide where a case is counted in the roll-up (`polmas.aspirations.tally`).
TALLY_FIELDS = frozenset({"unit_id", "desa_id", "status", "deleted_at"})


class Case(TimeStampedModel, SoftDeleteModel):
    tracking_code = models.CharField(_("kode lacak"), max_length=16, unique=True)
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, default=Kind.MASUKAN)
    category = models.ForeignKey(
        Category, verbose_name=_("kategori"), on_delete=models.PROTECT, related_name="cases"
    )
    urgency = models.CharField(
        _("urgensi"), max_length=8, choices=Urgency.choices, default=Urgency.NORMAL
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.BARU
    )
    title = models.CharField(_("judul"), max_length=160, blank=True)
    description = models.TextField(_("uraian"))
    # Location: a point, a desa, and/or free text.
    lat = models.FloatField(_("lintang"), null=True, blank=True)
    lng = models.FloatField(_("bujur"), null=True, blank=True)
    desa = models.ForeignKey(
        "org.Region",
        verbose_name=_("desa/kelurahan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    location_text = models.CharField(_("keterangan lokasi"), max_length=255, blank=True)
    # Where it came from, and where replies go.
    origin = models.CharField(_("asal"), max_length=10, choices=Origin.choices)
    origin_ref = models.CharField(
        _("rujukan asal"),
        max_length=120,
        blank=True,
        help_text=_("Mis. id sesi patroli dialog atau id pesan kanal."),
    )
    reply_channel = models.CharField(
        _("kanal balasan"), max_length=10, choices=Channel.choices, default=Channel.WEB
    )
    reply_address = models.CharField(_("alamat kanal balasan"), max_length=120, blank=True)
    # Reporter (optional; personal data: masked or hidden by role and privacy).
    privacy = models.CharField(
        _("kerahasiaan"), max_length=8, choices=Privacy.choices, default=Privacy.BIASA
    )
    reporter_name = models.CharField(_("nama pelapor"), max_length=120, blank=True)
    reporter_phone = models.CharField(_("telepon pelapor"), max_length=32, blank=True)
    reporter_email = models.EmailField(_("email pelapor"), blank=True)
    # Handling.
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("satuan penanganan"), on_delete=models.PROTECT, related_name="+"
    )
    assignee = models.ForeignKey(
        "org.Person",
        verbose_name=_("petugas"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    escalation_level = models.PositiveSmallIntegerField(_("tingkat eskalasi"), default=0)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("digabung ke"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_cases",
    )
    forwarded_to = models.CharField(_("diteruskan ke"), max_length=120, blank=True)
    forwarded_text = models.TextField(_("isi yang diteruskan"), blank=True)
    status_note = models.TextField(_("catatan status"), blank=True)
    paused_from = models.CharField(max_length=16, choices=Status.choices, blank=True)
    # Deadlines (SLA).
    sla_policy = models.ForeignKey(
        SlaPolicy, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sla_stage = models.CharField(max_length=16, choices=SlaStage.choices, blank=True)
    stage_started_at = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(_("tenggat"), null=True, blank=True)
    remaining_seconds = models.PositiveIntegerField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    breached_at = models.DateTimeField(_("melewati tenggat"), null=True, blank=True)
    breach_count = models.PositiveSmallIntegerField(default=0)
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True)
    # Reporter's satisfaction after closing.
    rating = models.PositiveSmallIntegerField(_("penilaian"), null=True, blank=True)
    rating_comment = models.TextField(_("komentar penilaian"), blank=True)
    rated_at = models.DateTimeField(null=True, blank=True)
    # Machine triage (polmas.triage.analyse), filled when the library is present.
    triage = models.JSONField(_("triase otomatis"), null=True, blank=True)
    idempotency_key = models.UUIDField(null=True, blank=True, unique=True)
    body_hash = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("data demo"), default=False)

    objects: ClassVar[CaseQuerySet] = CaseQuerySet.as_manager()  # type: ignore[assignment]
    scope_unit_field = "unit"
    scope_region_field = "desa"

    class Meta:
        ordering = ("-created_at", "-id")
        verbose_name = _("kasus")
        verbose_name_plural = _("kasus")
        indexes = [
            models.Index(fields=["unit", "status", "created_at"], name="asp_case_unit_status"),
            models.Index(fields=["desa", "status", "created_at"], name="asp_case_desa_status"),
            # Overdue lists walk due_at in order; status and scope columns are checked in the index.
            models.Index(
                fields=["due_at", "status", "unit", "desa"], name="asp_case_due_status_scope"
            ),
            # A unit's overdue list walks its due_at range in order. Partial (rows with a
            # deadline): smaller, and SQLite can no longer pick it for newest-first lists.
            models.Index(
                fields=["unit", "due_at", "status"],
                name="asp_case_unit_due_open",
                condition=Q(due_at__isnull=False),
            ),
            models.Index(fields=["created_at", "id"], name="asp_case_created"),
            # Newest-first lists per unit / desa / category walk these in order.
            models.Index(fields=["unit", "created_at"], name="asp_case_unit_created"),
            models.Index(fields=["desa", "created_at"], name="asp_case_desa_created"),
            models.Index(fields=["category", "created_at"], name="asp_case_cat_created"),
            models.Index(fields=["assignee", "status"], name="asp_case_assignee_status"),
            # Open cases per desa and urgency with their deadlines (command map, live roll-up):
            # read from the index alone, live rows only.
            models.Index(
                fields=["status", "desa", "urgency", "due_at"],
                name="asp_case_live_status_desa",
                condition=Q(deleted_at__isnull=True),
            ),
            # Closings of a day (roll-ups, SLA chart): only closed cases carry closed_at.
            models.Index(
                fields=["closed_at"],
                name="asp_case_closed_at",
                condition=Q(closed_at__isnull=False),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="asp_case_rating_1_5",
            )
        ]

    def __str__(self) -> str:
        return self.tracking_code

    @classmethod
    def from_db(cls, db: Any, field_names: Any, values: Any) -> Case:
        instance = super().from_db(db, field_names, values)
        if TALLY_FIELDS.issubset(field_names):
            instance._tally_key = instance._current_tally_key()
        return instance

    def _current_tally_key(self) -> Any:
        from polmas.aspirations import tally

        return tally.key_of(self.unit_id, self.desa_id, self.status, self.deleted_at is not None)

    def _stored_tally_key(self) -> Any:
        if hasattr(self, "_tally_key"):
            return self._tally_key
        row = Case.objects.filter(pk=self.pk).values_list(*sorted(TALLY_FIELDS)).first()
        if row is None:
            return None
        values = dict(zip(sorted(TALLY_FIELDS), row, strict=True))
        return Case(**values)._current_tally_key()

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Save, and keep the per-(unit, desa, status) roll-up in step (same transaction)."""
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and not TALLY_FIELDS.intersection(
            getattr(self._meta.get_field(f), "attname", f) for f in update_fields
        ):
            super().save(*args, **kwargs)
            return
        from polmas.aspirations import tally

        old = None if self._state.adding else self._stored_tally_key()
        new = self._current_tally_key()
        with transaction.atomic(savepoint=False):
            super().save(*args, **kwargs)
            tally.move(old, new)
        self._tally_key = new

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        from polmas.aspirations import tally

        old = self._stored_tally_key()
        with transaction.atomic(savepoint=False):
            result = super().delete(*args, **kwargs)
            tally.move(old, None)
        return result

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return (
            self.status in TIMED_STATUSES
            and self.due_at is not None
            and self.due_at < timezone.now()
        )

    @property
    def summary(self) -> str:
        return self.title or self.description[:80]


def attachment_path(instance: CaseAttachment, filename: str) -> str:
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    stamp = timezone.now()
    return f"aspirations/{stamp:%Y/%m}/{instance.case_id}-{stamp:%H%M%S%f}.{ext}"


def private_storage() -> Any:
    """Case photos live outside MEDIA_ROOT (no public URL); `views_staff.attachment` serves
    them after the scope check."""
    from django.core.files.storage import FileSystemStorage

    location = getattr(settings, "POLMAS_PRIVATE_MEDIA_ROOT", None) or (
        Path(settings.MEDIA_ROOT).parent / "private-media"
    )
    return FileSystemStorage(location=location, base_url=None)


class CaseAttachment(TimeStampedModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("berkas"), upload_to=attachment_path, storage=private_storage)
    content_type = models.CharField(max_length=80)
    size = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("lampiran")
        verbose_name_plural = _("lampiran")

    def __str__(self) -> str:
        return str(self.file.name)


def case_fields_for_audit() -> list[str]:
    """Audited case fields: everything except the reporter's personal data."""
    hidden = {"reporter_name", "reporter_phone", "reporter_email", "reply_address", "body_hash"}
    return [
        f.attname
        for f in Case._meta.concrete_fields
        if f.attname not in hidden and f.attname not in ("created_at", "updated_at")
    ]


from polmas.aspirations.models_labels import LabelSource, TriageLabel  # noqa: E402
from polmas.aspirations.models_messages import CaseMessage, Open311Key  # noqa: E402
from polmas.aspirations.tally import CaseTally  # noqa: E402  (a model of this app)

__all__ = [
    "CLOSED_STATUSES",
    "OPEN_STATUSES",
    "TALLY_FIELDS",
    "TIMED_STATUSES",
    "URGENCY_ORDER",
    "Case",
    "CaseAttachment",
    "CaseMessage",
    "CaseTally",
    "Category",
    "Channel",
    "DeliveryStatus",
    "Kind",
    "LabelSource",
    "MessageKind",
    "Open311Key",
    "Origin",
    "Privacy",
    "SlaPolicy",
    "SlaStage",
    "Status",
    "TriageLabel",
    "Urgency",
    "attachment_path",
    "case_fields_for_audit",
    "private_storage",
]
