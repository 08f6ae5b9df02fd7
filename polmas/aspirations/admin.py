from django.contrib import admin

from polmas.aspirations.models import Case, Category, Open311Key, SlaPolicy, TriageLabel
from polmas.org.admin import AuditedAdmin


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin[Category]):
    list_display = ("code", "name", "group", "default_urgency", "is_disposition", "is_active")
    list_editable = ("is_active",)


@admin.register(SlaPolicy)
class SlaPolicyAdmin(admin.ModelAdmin[SlaPolicy]):
    list_display = (
        "name",
        "category",
        "urgency",
        "verify_hours",
        "follow_up_hours",
        "resolve_hours",
    )


@admin.register(Open311Key)
class Open311KeyAdmin(admin.ModelAdmin[Open311Key]):
    list_display = ("name", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("key_hash", "prefix")


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin[Case]):
    """Read-only: cases change through the workflow (services), never by editing rows."""

    list_display = ("tracking_code", "category", "status", "unit", "created_at")
    list_filter = ("status", "category")
    exclude = ("reporter_name", "reporter_phone", "reporter_email", "reply_address")

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(TriageLabel)
class TriageLabelAdmin(AuditedAdmin):
    """Labels are written by corrections and desk intake; an administrator may only review them
    and delete a wrong one (one at a time, audited) before the next `polmas triage train`."""

    actions = None  # no bulk delete: it would bypass the audited `delete_model`
    list_display = (
        "case",
        "category_code",
        "urgency",
        "previous_category_code",
        "previous_urgency",
        "source",
        "created_at",
    )
    list_filter = ("source", "category_code", "urgency")
    readonly_fields = (
        "case",
        "text",
        "category_code",
        "urgency",
        "previous_category_code",
        "previous_urgency",
        "source",
        "actor",
        "created_at",
    )

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False
