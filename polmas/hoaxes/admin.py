from django.contrib import admin

from polmas.hoaxes.models import Alert, FactCheck, HoaxReport, RumourWave


@admin.register(FactCheck)
class FactCheckAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("id", "title", "verdict", "source", "published_on", "is_published")
    list_filter = ("source", "verdict", "is_published")
    search_fields = ("title", "external_id")


@admin.register(HoaxReport)
class HoaxReportAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("reference", "status", "confidence", "channel", "desa", "reported_on")
    list_filter = ("status", "confidence", "channel")
    search_fields = ("reference",)
    exclude = ("reporter_name", "reporter_contact")


@admin.register(RumourWave)
class RumourWaveAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("day", "kecamatan", "cluster_key", "count", "threshold")


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("message", "unit", "audience", "acknowledged_at")
