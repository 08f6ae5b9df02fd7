"""Press releases drafted from recorded activity, edited, approved and published by Humas."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from polmas.core.models import SoftDeleteModel, TimeStampedModel
from polmas.org.models import Unit
from polmas.org.scope import ScopedQuerySet


class ReleaseStatus(models.TextChoices):
    DRAF = "draf", _("Draf")
    DITINJAU = "ditinjau", _("Ditinjau")
    DISETUJUI = "disetujui", _("Disetujui")
    TERBIT = "terbit", _("Terbit")
    DITARIK = "ditarik", _("Ditarik")
    BATAL = "batal", _("Batal")


class PressRelease(TimeStampedModel, SoftDeleteModel):
    unit = models.ForeignKey(
        Unit, verbose_name=_("satuan"), on_delete=models.PROTECT, related_name="press_releases"
    )
    title = models.CharField(_("judul"), max_length=250)
    body = models.TextField(_("isi"))
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ReleaseStatus.choices,
        default=ReleaseStatus.DRAF,
        db_index=True,
    )
    activity = models.JSONField(_("data kegiatan"), default=dict, blank=True)
    source_kind = models.CharField(_("sumber"), max_length=20, default="manual")
    source_ref = models.CharField(_("rujukan sumber"), max_length=64, blank=True)
    warnings = models.JSONField(_("peringatan"), default=list, blank=True)
    published_at = models.DateTimeField(_("diterbitkan"), null=True, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects: ClassVar[ScopedQuerySet[PressRelease]] = ScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_unit_field = "unit"

    class Meta:
        ordering = ("-published_at", "-created_at")
        verbose_name = _("siaran pers")
        verbose_name_plural = _("siaran pers")

    def __str__(self) -> str:
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status == ReleaseStatus.TERBIT and self.deleted_at is None

    @property
    def lead(self) -> str:
        """The first paragraph, for lists, feeds and OpenGraph descriptions."""
        first = self.body.strip().split("\n\n", 1)[0]
        return first[:297] + "…" if len(first) > 300 else first


class PressReleaseVersion(models.Model):
    """Every saved text of a release, never changed afterwards."""

    release = models.ForeignKey(PressRelease, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("versi"))
    title = models.CharField(_("judul"), max_length=250)
    body = models.TextField(_("isi"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(_("catatan"), max_length=250, blank=True)
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True)

    class Meta:
        ordering = ("-number",)
        constraints = [
            models.UniqueConstraint(fields=["release", "number"], name="uniq_release_version")
        ]

    def __str__(self) -> str:
        return f"{self.release_id} v{self.number}"
