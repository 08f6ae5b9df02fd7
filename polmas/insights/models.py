"""Elections, alerts, and the daily roll-ups behind the command map and charts."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from polmas.core.models import TimeStampedModel
from polmas.org.models import Region, Unit
from polmas.org.scope import ScopedQuerySet


class ElectionKind(models.TextChoices):
    PEMILU = "pemilu", _("Pemilu")
    PILKADA = "pilkada", _("Pilkada")
    PILKADES = "pilkades", _("Pilkades")
    LAINNYA = "lainnya", _("Lainnya")


class Election(TimeStampedModel):
    name = models.CharField(_("nama"), max_length=120)
    kind = models.CharField(_("jenis"), max_length=10, choices=ElectionKind.choices)
    voting_date = models.DateField(_("hari pemungutan suara"))
    region = models.ForeignKey(
        Region,
        verbose_name=_("wilayah"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Wilayah penyelenggaraan."),
    )
    notes = models.TextField(_("catatan"), blank=True)

    class Meta:
        ordering = ("-voting_date",)
        verbose_name = _("pemilihan")
        verbose_name_plural = _("pemilihan")
        constraints = [
            models.UniqueConstraint(fields=["name", "voting_date"], name="uniq_election")
        ]

    def __str__(self) -> str:
        return self.name


class AlertKind(models.TextChoices):
    SLA_BREACH = "sla", _("Tenggat kasus terlewati")
    RUMOUR_SPIKE = "hoaks", _("Lonjakan laporan hoaks")
    PROVOCATION = "provokasi", _("Lonjakan provokasi")
    NOT_VISITED = "belum_dikunjungi", _("Desa lama tidak dikunjungi")
    DARURAT = "darurat", _("Kasus darurat")


class Alert(TimeStampedModel):
    """Something a commander should act on. `key` makes detection idempotent."""

    kind = models.CharField(_("jenis"), max_length=20, choices=AlertKind.choices, db_index=True)
    key = models.CharField(max_length=120, unique=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("satuan"), on_delete=models.PROTECT, related_name="alerts"
    )
    desa = models.ForeignKey(
        Region,
        verbose_name=_("desa"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(_("judul"), max_length=250)
    detail = models.TextField(_("rincian"), blank=True)
    link = models.CharField(_("tautan penyebab"), max_length=250, blank=True)
    acknowledged_at = models.DateTimeField(_("ditanggapi"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects: ClassVar[ScopedQuerySet[Alert]] = ScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_unit_field = "unit"
    scope_region_field = "desa"

    class Meta:
        ordering = ("acknowledged_at", "-created_at")
        verbose_name = pgettext_lazy("alert", "peringatan")
        verbose_name_plural = pgettext_lazy("alerts", "peringatan")

    def __str__(self) -> str:
        return self.title


class DesaDaily(models.Model):
    """Roll-up: cases, hoax reports and triage signals per desa and WIB day.

    Rebuilt for a day by `polmas insights-rollup` (idempotent); `rollup.direct_figures` computes
    the same numbers from the source tables and a test proves both agree.
    """

    desa = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    cases_opened = models.PositiveIntegerField(default=0)
    cases_closed = models.PositiveIntegerField(default=0)
    cases_closed_on_time = models.PositiveIntegerField(default=0)
    election_cases = models.PositiveIntegerField(default=0)
    hoax_reports = models.PositiveIntegerField(default=0)
    provocation = models.PositiveIntegerField(default=0)
    negative = models.PositiveIntegerField(default=0)
    triaged = models.PositiveIntegerField(default=0)

    objects: ClassVar[ScopedQuerySet[DesaDaily]] = ScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_region_field = "desa"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["desa", "day"], name="uniq_insights_desa_day")
        ]
        indexes = [models.Index(fields=["day", "desa"], name="ins_desa_daily_day")]

    def __str__(self) -> str:
        return f"{self.desa_id} {self.day}"


class CategoryDaily(models.Model):
    """Roll-up: cases opened per desa, WIB day and category code."""

    desa = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    category = models.CharField(max_length=40)
    opened = models.PositiveIntegerField(default=0)

    objects: ClassVar[ScopedQuerySet[CategoryDaily]] = ScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_region_field = "desa"

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["desa", "day", "category"], name="uniq_insights_category_day"
            )
        ]
        indexes = [models.Index(fields=["day", "category"], name="ins_cat_daily_day")]

    def __str__(self) -> str:
        return f"{self.desa_id} {self.day} {self.category}"


class KondusifSnapshot(models.Model):
    """The kondusif index of a desa at the end of a WIB day (written by the daily job)."""

    desa = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    score = models.FloatField()
    factors = models.JSONField(default=dict)  # factor key -> points taken off

    objects: ClassVar[ScopedQuerySet[KondusifSnapshot]] = ScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_region_field = "desa"

    class Meta:
        ordering = ("day",)
        constraints = [
            models.UniqueConstraint(fields=["desa", "day"], name="uniq_insights_kondusif_day")
        ]
        indexes = [models.Index(fields=["day", "desa"], name="ins_kondusif_day")]

    def __str__(self) -> str:
        return f"{self.desa_id} {self.day}: {self.score}"


class OpenCaseCount(models.Model):
    """Live roll-up: open cases per desa and urgency, and how many of them were past their
    deadline, as of `LiveRefresh.refreshed_at` (rewritten by `refresh_live` every minute)."""

    desa = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    urgency = models.CharField(max_length=10)
    open = models.PositiveIntegerField(default=0)
    overdue = models.PositiveIntegerField(default=0)

    objects: ClassVar[ScopedQuerySet[OpenCaseCount]] = ScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_region_field = "desa"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["desa", "urgency"], name="uniq_insights_open_case")
        ]

    def __str__(self) -> str:
        return f"{self.desa_id} {self.urgency}: {self.open}"


class PatrolDaily(models.Model):
    """Roll-up: patrols (not cancelled, not deleted) per unit and WIB day of planned start."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    patrols = models.PositiveIntegerField(default=0)

    objects: ClassVar[ScopedQuerySet[PatrolDaily]] = ScopedQuerySet.as_manager()  # type: ignore[assignment]
    scope_unit_field = "unit"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "day"], name="uniq_insights_patrol_day")
        ]
        indexes = [models.Index(fields=["day", "unit"], name="ins_patrol_daily_day")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.day}: {self.patrols}"


class LiveRefresh(models.Model):
    """When a roll-up was last refreshed (`name="live"`: today's rows and open cases); the
    row named "lock" serialises roll-up writers (SELECT ... FOR UPDATE)."""

    name = models.CharField(max_length=20, unique=True)
    refreshed_at = models.DateTimeField(null=True)
    took_ms = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name}: {self.refreshed_at}"


class AreaDaily(models.Model):
    """Roll-up: the whole deployment's chart figures of one WIB day (the Polres charts read 366
    rows instead of summing desa rows). Written with `DesaDaily` by the roll-up jobs; the
    coverage part is copied from patrols' `CoverageDaily` at that time."""

    day = models.DateField(unique=True)
    cases_closed = models.PositiveIntegerField(default=0)
    cases_closed_on_time = models.PositiveIntegerField(default=0)
    sessions = models.PositiveIntegerField(default=0)
    residents = models.PositiveIntegerField(default=0)
    categories = models.JSONField(default=dict)  # category code -> cases opened
    topics = models.JSONField(default=dict)  # topic -> message deliveries

    def __str__(self) -> str:
        return str(self.day)


class DesaMonthly(models.Model):
    """Roll-up: a complete calendar month per desa of the `DesaDaily` counters, so a year-long
    map sums 12 rows per desa, not 366 (sessions and residents: patrols' `CoverageMonthly`).

    Rebuilt from the daily rows by the hourly job for the 13 complete months before the stamp
    `LiveRefresh(name="monthly")`; readers use it only for complete months in that window."""

    desa = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()  # the first day of the month
    cases_opened = models.PositiveIntegerField(default=0)
    cases_closed = models.PositiveIntegerField(default=0)
    cases_closed_on_time = models.PositiveIntegerField(default=0)
    election_cases = models.PositiveIntegerField(default=0)
    hoax_reports = models.PositiveIntegerField(default=0)
    provocation = models.PositiveIntegerField(default=0)
    negative = models.PositiveIntegerField(default=0)
    triaged = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["desa", "month"], name="uniq_insights_desa_month")
        ]
        indexes = [models.Index(fields=["month", "desa"], name="ins_desa_monthly_month")]

    def __str__(self) -> str:
        return f"{self.desa_id} {self.month}"


class OpenCategoryCount(models.Model):
    """Live roll-up: open cases per desa and category code (election mode), rewritten with
    `OpenCaseCount` by `refresh_live`."""

    desa = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    category = models.CharField(max_length=40)
    open = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["desa", "category"], name="uniq_insights_open_category")
        ]

    def __str__(self) -> str:
        return f"{self.desa_id} {self.category}: {self.open}"
