"""Kamtibmas messages and campaigns, patrols, dialogue sessions and the coverage roll-up."""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar, cast

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from polmas.core.models import SoftDeleteModel, TimeStampedModel
from polmas.org.models import Person, Region, Unit
from polmas.org.scope import ScopedQuerySet, get_scope, unit_q

_M = TypeVar("_M", bound=models.Model)


class LiveScopedQuerySet(ScopedQuerySet[_M]):
    """Scoped rows that also know about soft deletion."""

    def alive(self) -> LiveScopedQuerySet[_M]:
        return self.filter(deleted_at__isnull=True)

    def restrict(self, user: Any) -> LiveScopedQuerySet[_M]:
        """The unit scope (`scope_unit_field`), widened by `scope_desa_field`: rows in a desa
        of the user's area are visible too (a session held across a Polsek border)."""
        scope = get_scope(user)
        desa_field = getattr(self.model, "scope_desa_field", None)
        if desa_field is None or scope.everything or not scope.has_role:
            return cast(LiveScopedQuerySet[_M], super().restrict(user))
        in_area = Q(pk__in=[])
        for code in scope.region_codes:
            # `desa__code` resolves to the FK column itself (no join).
            in_area |= Q(**{f"{desa_field}__code": code})
            in_area |= Q(**{f"{desa_field}__code__startswith": code + "."})
        return self.filter(unit_q(self.model.scope_unit_field, scope.unit_paths) | in_area)  # type: ignore[attr-defined]


class Topic(models.TextChoices):
    HOAKS = "hoaks", _("Hoaks")
    KETERTIBAN = "ketertiban", _("Ketertiban")
    PEMILU_DAMAI = "pemilu_damai", _("Pemilu damai")
    POLITIK_UANG = "politik_uang", _("Politik uang")
    SARA = "sara", _("Provokasi SARA")
    NARKOBA = "narkoba", _("Narkoba")
    LALU_LINTAS = "lalu_lintas", _("Lalu lintas")
    KENAKALAN_REMAJA = "kenakalan_remaja", _("Kenakalan remaja")
    CUACA_BENCANA = "cuaca_bencana", _("Cuaca/bencana")
    KEJAHATAN = "kejahatan", _("Pencegahan kejahatan")
    LAINNYA = "lainnya", _("Lainnya")


class KamtibmasMessage(TimeStampedModel, SoftDeleteModel):
    """A public-order message an officer can say in about a minute."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("satuan pemilik"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("judul"), max_length=120)
    text = models.TextField(_("isi pesan"), max_length=700)
    topic = models.CharField(_("topik"), max_length=20, choices=Topic.choices, db_index=True)
    valid_from = models.DateField(_("berlaku mulai"))
    valid_until = models.DateField(_("berlaku sampai"), null=True, blank=True)
    is_default = models.BooleanField(_("katalog bawaan"), default=False)

    objects: ClassVar[LiveScopedQuerySet[KamtibmasMessage]] = LiveScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_unit_field = "unit"

    class Meta:
        ordering = ("topic", "title")
        verbose_name = _("pesan kamtibmas")
        verbose_name_plural = _("pesan kamtibmas")

    def __str__(self) -> str:
        return self.title


class Campaign(TimeStampedModel, SoftDeleteModel):
    """A set of messages delivered over a period in a set of areas ("Pemilu Damai 2024")."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("satuan pemilik"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("nama kampanye"), max_length=120)
    description = models.TextField(_("keterangan"), blank=True)
    starts_on = models.DateField(_("mulai"))
    ends_on = models.DateField(_("selesai"))
    areas = models.ManyToManyField(
        Region,
        verbose_name=_("wilayah sasaran"),
        blank=True,
        related_name="+",
        help_text=_("Kosong: seluruh wilayah hukum satuan pemilik."),
    )
    messages = models.ManyToManyField(
        KamtibmasMessage, verbose_name=_("pesan"), related_name="campaigns"
    )
    is_default = models.BooleanField(_("kampanye bawaan"), default=False)

    objects: ClassVar[LiveScopedQuerySet[Campaign]] = LiveScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_unit_field = "unit"

    class Meta:
        ordering = ("-starts_on", "name")
        verbose_name = _("kampanye")
        verbose_name_plural = _("kampanye")

    def __str__(self) -> str:
        return self.name


class PatrolType(models.TextChoices):
    DIALOG = "dialog", _("Patroli dialog")
    SAMBANG = "sambang", _("Sambang")
    JUMAT_CURHAT = "jumat_curhat", _("Jumat Curhat")
    COOLING_SYSTEM = "cooling_system", _("Cooling system")
    BIASA = "biasa", _("Patroli biasa")


class PatrolStatus(models.TextChoices):
    PLANNED = "direncanakan", _("Direncanakan")
    ACTIVE = "berlangsung", _("Berlangsung")
    DONE = "selesai", pgettext_lazy("patrol status", "Selesai")
    CANCELLED = "batal", _("Batal")


class Shift(models.TextChoices):
    PAGI = "pagi", _("Pagi")
    SIANG = "siang", _("Siang")
    SORE = "sore", _("Sore")
    MALAM = "malam", _("Malam")


class Patrol(TimeStampedModel, SoftDeleteModel):
    unit = models.ForeignKey(
        Unit, verbose_name=_("satuan"), on_delete=models.PROTECT, related_name="patrols"
    )
    leader = models.ForeignKey(
        Person, verbose_name=_("ketua tim"), on_delete=models.PROTECT, related_name="led_patrols"
    )
    members = models.ManyToManyField(
        Person, verbose_name=_("anggota"), blank=True, related_name="patrols"
    )
    patrol_type = models.CharField(
        _("jenis"), max_length=20, choices=PatrolType.choices, default=PatrolType.DIALOG
    )
    area_note = models.CharField(_("sasaran wilayah"), max_length=200, blank=True)
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("kampanye"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="patrols",
    )
    planned_start = models.DateTimeField(_("rencana mulai"))
    planned_end = models.DateTimeField(_("rencana selesai"), null=True, blank=True)
    actual_start = models.DateTimeField(_("mulai"), null=True, blank=True)
    actual_end = models.DateTimeField(_("selesai"), null=True, blank=True)
    shift = models.CharField(_("sif"), max_length=8, choices=Shift.choices)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=PatrolStatus.choices,
        default=PatrolStatus.PLANNED,
        db_index=True,
    )
    note = models.TextField(_("catatan"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    idempotency_key = models.UUIDField(null=True, blank=True)
    request_hash = models.CharField(max_length=64, blank=True)
    is_demo = models.BooleanField(_("data demo"), default=False, db_index=True)

    objects: ClassVar[LiveScopedQuerySet[Patrol]] = LiveScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_unit_field = "unit"

    class Meta:
        ordering = ("-planned_start", "-id")
        verbose_name = _("patroli")
        verbose_name_plural = _("patroli")
        constraints = [
            models.UniqueConstraint(
                fields=["created_by", "idempotency_key"], name="uniq_patrol_idempotency"
            )
        ]
        indexes = [models.Index(fields=["unit", "planned_start"])]

    def __str__(self) -> str:
        return f"{self.get_patrol_type_display()} {self.unit.name} #{self.pk}"


class AudienceGroup(models.TextChoices):
    TOKOH_MASYARAKAT = "tokoh_masyarakat", _("Tokoh masyarakat")
    TOKOH_AGAMA = "tokoh_agama", _("Tokoh agama")
    PEMUDA = "pemuda", _("Pemuda")
    PEDAGANG = "pedagang", _("Pedagang")
    OJEK = "ojek", _("Ojek")
    IBU_IBU = "ibu_ibu", _("Ibu-ibu")
    PETANI_NELAYAN = "petani_nelayan", _("Petani/nelayan")
    PELAJAR = "pelajar", _("Pelajar")
    WARGA_UMUM = "warga_umum", _("Warga umum")


class DialogueSession(TimeStampedModel, SoftDeleteModel):
    """One stop of a patrol: where, when, who listened, what was said and heard."""

    patrol = models.ForeignKey(Patrol, on_delete=models.PROTECT, related_name="sessions")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    occurred_at = models.DateTimeField(_("waktu"))
    day = models.DateField(_("tanggal (WIB)"), db_index=True)
    lat = models.FloatField(_("lintang"), null=True, blank=True)
    lng = models.FloatField(_("bujur"), null=True, blank=True)
    accuracy_m = models.FloatField(_("akurasi (m)"), null=True, blank=True)
    desa = models.ForeignKey(
        Region,
        verbose_name=_("desa"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    kecamatan = models.ForeignKey(
        Region,
        verbose_name=_("kecamatan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    place_name = models.CharField(_("nama tempat"), max_length=160, blank=True)
    outside_area = models.BooleanField(_("di luar wilayah"), default=False)
    audience_total = models.PositiveIntegerField(_("jumlah warga"), default=0)
    audience_groups = models.JSONField(_("kelompok warga"), default=dict, blank=True)
    messages: models.ManyToManyField[KamtibmasMessage, Any] = models.ManyToManyField(
        KamtibmasMessage, through="SessionMessage", related_name="sessions", blank=True
    )
    notes = models.TextField(_("catatan"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    idempotency_key = models.UUIDField(null=True, blank=True)
    request_hash = models.CharField(max_length=64, blank=True)
    is_demo = models.BooleanField(_("data demo"), default=False, db_index=True)

    objects: ClassVar[LiveScopedQuerySet[DialogueSession]] = LiveScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_unit_field = "unit"
    scope_desa_field = "desa"

    class Meta:
        ordering = ("-occurred_at", "-id")
        verbose_name = _("sesi dialog")
        verbose_name_plural = _("sesi dialog")
        constraints = [
            models.UniqueConstraint(
                fields=["created_by", "idempotency_key"], name="uniq_session_idempotency"
            )
        ]
        indexes = [models.Index(fields=["desa", "occurred_at"])]

    def __str__(self) -> str:
        where = self.desa.name if self.desa_id and self.desa else self.place_name or "?"
        return f"Sesi dialog {where} #{self.pk}"


class SessionMessage(models.Model):
    session = models.ForeignKey(DialogueSession, on_delete=models.CASCADE, related_name="+")
    message = models.ForeignKey(KamtibmasMessage, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "message"], name="uniq_session_message")
        ]

    def __str__(self) -> str:
        return f"{self.session_id} → {self.message_id}"


class Quote(models.Model):
    session = models.ForeignKey(DialogueSession, on_delete=models.CASCADE, related_name="quotes")
    speaker = models.CharField(_("pembicara"), max_length=120)
    text = models.TextField(_("kutipan"), max_length=1000)

    class Meta:
        ordering = ("id",)
        verbose_name = _("kutipan")
        verbose_name_plural = _("kutipan")

    def __str__(self) -> str:
        return f"{self.speaker}: {self.text[:40]}"


class InputKind(models.TextChoices):
    MASUKAN = "masukan", _("Masukan")
    KELUHAN = "keluhan", _("Keluhan")
    ASPIRASI = "aspirasi", _("Aspirasi")


class ResidentInput(TimeStampedModel):
    """An item a resident raised during a session. The cases app links to it (FK/OneToOne to
    this model) and calls `services.mark_resident_input_linked`; patrols never imports it."""

    session = models.ForeignKey(
        DialogueSession, on_delete=models.PROTECT, related_name="resident_inputs"
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    desa = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(
        _("jenis"), max_length=10, choices=InputKind.choices, default=InputKind.MASUKAN
    )
    category_hint = models.CharField(_("kategori (usulan)"), max_length=60, blank=True)
    text = models.TextField(_("isi"), max_length=2000)
    linked_at = models.DateTimeField(_("ditautkan ke kasus"), null=True, blank=True, db_index=True)
    linked_ref = models.CharField(_("rujukan kasus"), max_length=64, blank=True)

    objects: ClassVar[LiveScopedQuerySet[ResidentInput]] = LiveScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_unit_field = "unit"
    scope_desa_field = "desa"

    class Meta:
        ordering = ("id",)
        verbose_name = _("masukan warga")
        verbose_name_plural = _("masukan warga")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:50]}"


class SessionPhoto(TimeStampedModel):
    session = models.ForeignKey(DialogueSession, on_delete=models.PROTECT, related_name="photos")
    image = models.ImageField(_("foto"), upload_to="patrols/%Y/%m/")
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    size_bytes = models.PositiveIntegerField(default=0)
    taken_at = models.DateTimeField(_("waktu pengambilan (EXIF)"), null=True, blank=True)
    lat = models.FloatField(null=True, blank=True)
    lng = models.FloatField(null=True, blank=True)
    caption = models.CharField(_("keterangan"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ("id",)
        verbose_name = _("foto sesi")
        verbose_name_plural = _("foto sesi")

    def __str__(self) -> str:
        return str(self.image.name)


# The coverage roll-up tables live in their own module (same app, same migrations).
from polmas.patrols.coverage_models import (  # noqa: E402
    CoverageDaily as CoverageDaily,
)
from polmas.patrols.coverage_models import (  # noqa: E402
    CoverageLastVisit as CoverageLastVisit,
)
from polmas.patrols.coverage_models import (  # noqa: E402
    CoverageMessageDaily as CoverageMessageDaily,
)
from polmas.patrols.coverage_models import (  # noqa: E402
    CoverageMonthly as CoverageMonthly,
)
from polmas.patrols.coverage_models import topic_field as topic_field  # noqa: E402
