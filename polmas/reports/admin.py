from django.contrib import admin

from polmas.reports.models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin[Report]):
    list_display = ("unit", "kind", "period_start", "period_end", "status", "progress")
    list_filter = ("kind", "status")
    readonly_fields = ("pdf", "xlsx", "error", "started_at", "finished_at", "build_seconds")
