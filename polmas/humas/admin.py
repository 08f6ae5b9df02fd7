from django.contrib import admin

from polmas.humas.models import PressRelease, PressReleaseVersion


class VersionInline(admin.TabularInline):  # type: ignore[type-arg]
    model = PressReleaseVersion
    extra = 0
    readonly_fields = ("number", "title", "author", "note", "created_at")
    fields = readonly_fields
    can_delete = False


@admin.register(PressRelease)
class PressReleaseAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("title", "unit", "status", "published_at")
    list_filter = ("status",)
    search_fields = ("title",)
    raw_id_fields = ("unit", "created_by", "approved_by")
    inlines = [VersionInline]
