from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from polmas.core.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    list_display = ("created_at", "actor_label", "verb", "target_label", "source", "source_ip")
    list_filter = ("verb", "source")
    search_fields = ("actor_label", "target_label", "verb")
    date_hierarchy = "created_at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
