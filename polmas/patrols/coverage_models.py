"""The coverage roll-up: per desa and WIB day, per desa and month, per message, last visit.

Maintained in the same transaction as every session write and deletion
(`polmas.patrols.services.rollup`); `rebuild_coverage` recomputes all of it. Imported by
`polmas.patrols.models`.
"""

from __future__ import annotations

from django.db import models

from polmas.org.models import Region


def topic_field(topic: str) -> str:
    """The `CoverageDaily` / `CoverageMonthly` column counting deliveries of a topic."""
    return f"t_{topic}"


class CoverageFigures(models.Model):
    """Sessions, residents reached, last time and deliveries per topic (one column per `Topic`,
    summed by the database)."""

    sessions = models.PositiveIntegerField(default=0)
    residents = models.PositiveIntegerField(default=0)
    last_at = models.DateTimeField(null=True)
    t_hoaks = models.PositiveIntegerField(default=0)
    t_ketertiban = models.PositiveIntegerField(default=0)
    t_pemilu_damai = models.PositiveIntegerField(default=0)
    t_politik_uang = models.PositiveIntegerField(default=0)
    t_sara = models.PositiveIntegerField(default=0)
    t_narkoba = models.PositiveIntegerField(default=0)
    t_lalu_lintas = models.PositiveIntegerField(default=0)
    t_kenakalan_remaja = models.PositiveIntegerField(default=0)
    t_cuaca_bencana = models.PositiveIntegerField(default=0)
    t_kejahatan = models.PositiveIntegerField(default=0)
    t_lainnya = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True


class CoverageDaily(CoverageFigures):
    """Roll-up: one row per desa and WIB day, maintained with every session write."""

    desa = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    kecamatan_code = models.CharField(max_length=13, db_index=True)
    day = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["desa", "day"], name="uniq_coverage_day")]
        indexes = [models.Index(fields=["day", "desa"])]

    def __str__(self) -> str:
        return f"{self.desa_id} {self.day}: {self.sessions}"


class CoverageMonthly(CoverageFigures):
    """Roll-up of `CoverageDaily` per desa and calendar month (`month` = its first day): long
    periods sum whole months here and only their partial first and last months per day."""

    desa = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    kecamatan_code = models.CharField(max_length=13)
    month = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["desa", "month"], name="uniq_coverage_month")
        ]
        indexes = [models.Index(fields=["month", "desa"])]

    def __str__(self) -> str:
        return f"{self.desa_id} {self.month:%Y-%m}: {self.sessions}"


class CoverageMessageDaily(models.Model):
    """Roll-up: deliveries of one message in one desa on one WIB day (topic denormalised)."""

    desa = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")
    kecamatan_code = models.CharField(max_length=13)
    day = models.DateField()
    message = models.ForeignKey(
        "patrols.KamtibmasMessage", on_delete=models.CASCADE, related_name="+"
    )
    topic = models.CharField(max_length=20)
    deliveries = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["desa", "day", "message"], name="uniq_coverage_message_day"
            )
        ]
        indexes = [models.Index(fields=["day", "topic"]), models.Index(fields=["message", "desa"])]

    def __str__(self) -> str:
        return f"{self.desa_id} {self.day} {self.message_id}: {self.deliveries}"


class CoverageLastVisit(models.Model):
    """Roll-up: the last visit of each desa (all time)."""

    desa = models.OneToOneField(
        Region, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    last_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.desa_id}: {self.last_at}"
