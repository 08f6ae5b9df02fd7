"""Leadership reports (daily / weekly per unit) and the files built for them."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from polmas.core.models import TimeStampedModel
from polmas.org.models import Unit
from polmas.org.scope import ScopedQuerySet


class ReportKind(models.TextChoices):
    HARIAN = "harian", _("Harian")
    MINGGUAN = "mingguan", _("Mingguan")


class ReportStatus(models.TextChoices):
    ANTRE = "antre", _("Dalam antrean")
    BERJALAN = "berjalan", _("Sedang dibuat")
    SELESAI = "selesai", pgettext_lazy("report job status", "Selesai")
    GAGAL = "gagal", _("Gagal")


class Report(TimeStampedModel):
    """One report of a unit for one period; files live in MEDIA under reports/ and are served
    only through the scoped download views (their names carry a random token)."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("satuan"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("jenis"), max_length=10, choices=ReportKind.choices)
    period_start = models.DateField(_("periode mulai"))
    period_end = models.DateField(_("periode sampai"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ReportStatus.choices,
        default=ReportStatus.ANTRE,
        db_index=True,
    )
    progress = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    stage = models.CharField(_("tahap"), max_length=80, blank=True)
    pdf = models.FileField(_("berkas PDF"), upload_to="reports/", blank=True, max_length=200)
    xlsx = models.FileField(_("berkas XLSX"), upload_to="reports/", blank=True, max_length=200)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diminta oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    error = models.TextField(_("galat"), blank=True)
    started_at = models.DateTimeField(_("mulai dibuat"), null=True, blank=True)
    finished_at = models.DateTimeField(_("selesai dibuat"), null=True, blank=True)
    build_seconds = models.FloatField(_("lama pembuatan (detik)"), null=True, blank=True)

    objects: ClassVar[ScopedQuerySet[Report]] = ScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_unit_field = "unit"

    class Meta:
        ordering = ("-period_start", "unit__path", "kind")
        verbose_name = _("laporan pimpinan")
        verbose_name_plural = _("laporan pimpinan")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "kind", "period_start"], name="uniq_report_unit_kind_period"
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="report_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.unit.name} {self.period_start:%Y-%m-%d}"

    @property
    def is_running(self) -> bool:
        return self.status in (ReportStatus.ANTRE, ReportStatus.BERJALAN)
