"""Fact-checks, residents' hoax reports with their matches, rumour waves and their alerts."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from polmas.core.models import SoftDeleteModel, TimeStampedModel
from polmas.org.models import Region, Unit
from polmas.org.scope import ScopedQuerySet

MAX_REPORT_CHARS = 5000


class Verdict(models.TextChoices):
    SALAH = "SALAH", _("Salah")
    PENIPUAN = "PENIPUAN", _("Penipuan")
    MENYESATKAN = "MENYESATKAN", _("Menyesatkan")
    BENAR = "BENAR", _("Benar")
    SATIRE = "SATIRE", _("Satire/parodi")
    LAINNYA = "LAINNYA", _("Lainnya")


class FactCheckSource(models.TextChoices):
    TURNBACKHOAX = "turnbackhoax", _("TurnBackHoax")
    CLAIMREVIEW = "claimreview", _("ClaimReview")
    HUMAS = "humas-local", _("Klarifikasi Humas")


class FactCheck(TimeStampedModel, SoftDeleteModel):
    """One fact-check in the knowledge base. Not scoped: the base is shared by every unit."""

    source = models.CharField(_("sumber"), max_length=16, choices=FactCheckSource.choices)
    external_id = models.CharField(_("ID eksternal"), max_length=255)
    url = models.URLField(_("tautan"), max_length=500, blank=True)
    title = models.CharField(_("judul"), max_length=300)
    claim = models.TextField(_("klaim yang beredar"), blank=True)
    verdict = models.CharField(_("hasil periksa"), max_length=12, choices=Verdict.choices)
    explanation = models.TextField(_("penjelasan"), blank=True)
    conclusion = models.TextField(_("kesimpulan"), blank=True)
    category = models.CharField(_("kategori"), max_length=60, blank=True)
    published_on = models.DateField(_("tanggal terbit"), null=True, blank=True)
    is_published = models.BooleanField(_("terbit"), default=True)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("satuan penerbit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="factchecks",
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("wilayah"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("disetujui Humas"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_demo = models.BooleanField(_("data demo"), default=False)

    class Meta:
        ordering = ("-published_on", "-id")
        verbose_name = _("cek fakta")
        verbose_name_plural = _("cek fakta")
        constraints = [
            models.UniqueConstraint(fields=["source", "external_id"], name="uniq_factcheck_key")
        ]
        indexes = [models.Index(fields=["is_published", "approved_at"])]

    def __str__(self) -> str:
        return f"[{self.verdict}] {self.title}"


class Channel(models.TextChoices):
    WEB = "web", _("Formulir web")
    WHATSAPP = "whatsapp", _("WhatsApp")
    TELEGRAM = "telegram", _("Telegram")
    SMS = "sms", _("SMS")
    DIALOG = "dialog", _("Patroli dialog")
    CASE = "case", _("Aduan/aspirasi")
    API = "api", _("API")


class ReportStatus(models.TextChoices):
    BARU = "baru", _("Baru")
    TERJAWAB_OTOMATIS = "terjawab_otomatis", _("Terjawab otomatis")
    MENUNGGU_HUMAS = "menunggu_humas", _("Menunggu Humas")
    DIJAWAB = "dijawab", _("Dijawab")
    TIDAK_RELEVAN = "tidak_relevan", _("Tidak relevan")


class Confidence(models.TextChoices):
    CONFIDENT = "confident", _("Yakin")
    UNCERTAIN = "uncertain", _("Ragu")
    NONE = "none", _("Tidak ada padanan")


class HoaxReport(TimeStampedModel, SoftDeleteModel):
    """A suspected hoax a resident (or an officer on their behalf) sent through any channel."""

    reference = models.CharField(_("kode lacak"), max_length=16, unique=True)
    text = models.TextField(_("isi"))
    channel = models.CharField(_("kanal"), max_length=10, choices=Channel.choices)
    origin_ref = models.CharField(_("rujukan asal"), max_length=120, blank=True)
    desa = models.ForeignKey(
        Region,
        verbose_name=_("desa/kelurahan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    lat = models.FloatField(_("lintang"), null=True, blank=True)
    lng = models.FloatField(_("bujur"), null=True, blank=True)
    handling_unit = models.ForeignKey(
        Unit,
        verbose_name=_("satuan penangan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hoax_reports",
    )
    reporter_name = models.CharField(_("nama pelapor"), max_length=120, blank=True)
    reporter_contact = models.CharField(_("kontak pelapor"), max_length=120, blank=True)
    reporter_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    anonymous = models.BooleanField(_("anonim"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.BARU
    )
    confidence = models.CharField(
        _("keyakinan"), max_length=10, choices=Confidence.choices, default=Confidence.NONE
    )
    suggested = models.ForeignKey(
        FactCheck,
        verbose_name=_("cek fakta teratas"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answer = models.ForeignKey(
        FactCheck,
        verbose_name=_("jawaban"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="answered_reports",
    )
    answered_at = models.DateTimeField(_("dijawab pada"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reported_on = models.DateField(_("tanggal lapor"), db_index=True)
    cluster_key = models.CharField(_("kelompok klaim"), max_length=40, blank=True, db_index=True)
    triage = models.JSONField(
        _("triase otomatis"),
        null=True,
        blank=True,
        help_text=_("Hasil polmas.triage atas isi laporan: nada, provokasi, tempat, data pribadi."),
    )
    is_demo = models.BooleanField(_("data demo"), default=False)

    objects: ClassVar[ScopedQuerySet[HoaxReport]] = ScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_region_field = "desa"
    scope_unit_field = "handling_unit"

    class Meta:
        ordering = ("-created_at", "-id")
        verbose_name = _("laporan hoaks")
        verbose_name_plural = _("laporan hoaks")
        indexes = [models.Index(fields=["status", "reported_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "origin_ref"],
                condition=~Q(origin_ref=""),
                name="uniq_report_origin",
            )
        ]

    def __str__(self) -> str:
        return self.reference


class HoaxReportMatch(models.Model):
    """A fact-check candidate for a report, as the matcher ranked it."""

    report = models.ForeignKey(HoaxReport, on_delete=models.CASCADE, related_name="matches")
    factcheck = models.ForeignKey(FactCheck, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField(_("peringkat"))
    score = models.FloatField(_("skor"))

    class Meta:
        ordering = ("report", "rank")
        constraints = [
            models.UniqueConstraint(fields=["report", "factcheck"], name="uniq_report_match")
        ]

    def __str__(self) -> str:
        return f"{self.report_id}#{self.rank} -> {self.factcheck_id} ({self.score:.2f})"


class RumourWave(TimeStampedModel):
    """A spike of reports of one claim in one kecamatan on one day (see docs/hoaxes-app.md)."""

    day = models.DateField(_("tanggal"), db_index=True)
    kecamatan = models.ForeignKey(
        Region, verbose_name=_("kecamatan"), on_delete=models.PROTECT, related_name="+"
    )
    cluster_key = models.CharField(_("kelompok klaim"), max_length=40)
    factcheck = models.ForeignKey(
        FactCheck, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sample_text = models.CharField(_("contoh isi"), max_length=300, blank=True)
    count = models.PositiveIntegerField(_("jumlah laporan"))
    baseline_mean = models.FloatField(_("rata-rata 14 hari"))
    baseline_sd = models.FloatField(_("simpangan baku 14 hari"))
    threshold = models.FloatField(_("ambang"))
    desa_counts = models.JSONField(_("jumlah per desa"), default=dict)
    is_demo = models.BooleanField(_("data demo"), default=False)

    objects: ClassVar[ScopedQuerySet[RumourWave]] = ScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_region_field = "kecamatan"

    class Meta:
        ordering = ("-day", "-count")
        verbose_name = _("gelombang isu")
        verbose_name_plural = _("gelombang isu")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "kecamatan", "cluster_key"], name="uniq_rumour_wave"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.kecamatan_id} {self.cluster_key} ({self.count})"


class AlertAudience(models.TextChoices):
    POLSEK = "polsek", _("Polsek")
    HUMAS = "humas", _("Humas")


class Alert(TimeStampedModel):
    """A rumour-wave alert addressed to one unit; acknowledged once, with audit."""

    wave = models.ForeignKey(RumourWave, on_delete=models.CASCADE, related_name="alerts")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="hoax_alerts")
    audience = models.CharField(_("untuk"), max_length=8, choices=AlertAudience.choices)
    message = models.CharField(_("pesan"), max_length=400)
    acknowledged_at = models.DateTimeField(_("diterima pada"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects: ClassVar[ScopedQuerySet[Alert]] = ScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_unit_field = "unit"

    class Meta:
        ordering = ("-created_at", "-id")
        verbose_name = _("peringatan hoaks")
        verbose_name_plural = _("peringatan hoaks")
        constraints = [
            models.UniqueConstraint(fields=["wave", "unit"], name="uniq_alert_per_unit"),
        ]

    def __str__(self) -> str:
        return self.message
