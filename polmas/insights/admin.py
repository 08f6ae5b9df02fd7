from django.contrib import admin

from polmas.insights.models import Alert, Election


@admin.register(Election)
class ElectionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "kind", "voting_date", "region")
    list_filter = ("kind",)
    raw_id_fields = ("region",)


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("title", "kind", "unit", "desa", "created_at", "acknowledged_at")
    list_filter = ("kind",)
    raw_id_fields = ("unit", "desa", "acknowledged_by")
