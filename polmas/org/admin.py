"""Django admin for reference data. Changes are written to the audit trail."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.forms import ModelForm
from django.http import HttpRequest

from polmas.core.audit import record_event, snapshot
from polmas.org.models import ApiToken, DesaAssignment, Membership, Person, Region, Unit


class AuditedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Records every admin save and delete as an audit event."""

    def save_model(self, request: HttpRequest, obj: Model, form: ModelForm, change: bool) -> None:  # type: ignore[type-arg]
        before = snapshot(type(obj)._default_manager.get(pk=obj.pk)) if change and obj.pk else None
        super().save_model(request, obj, form, change)
        verb = f"{obj._meta.model_name}.{'update' if change else 'create'}"
        record_event(
            actor=request.user,
            verb=verb,
            target=obj,
            before=before,
            after=snapshot(obj),
            note="admin",
        )

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        obj = form.instance
        if isinstance(obj, Unit):
            record_event(
                actor=request.user,
                verb="unit.jurisdiction",
                target=obj,
                after={"jurisdiction": sorted(obj.jurisdiction.values_list("code", flat=True))},
                note="admin",
            )

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        record_event(
            actor=request.user,
            verb=f"{obj._meta.model_name}.delete",
            target=obj,
            before=snapshot(obj),
            note="admin",
        )
        super().delete_model(request, obj)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "name", "level", "tps_count")
    list_filter = ("level",)
    search_fields = ("code", "name")
    readonly_fields = ("code", "boundary")
    list_select_related = ("parent",)
    raw_id_fields = ("parent",)


@admin.register(Unit)
class UnitAdmin(AuditedAdmin):
    list_display = ("name", "code", "level", "parent")
    list_filter = ("level",)
    search_fields = ("name", "code")
    autocomplete_fields = ("jurisdiction",)
    raw_id_fields = ("parent",)


@admin.register(Person)
class PersonAdmin(AuditedAdmin):
    list_display = ("full_name", "rank", "nrp", "unit", "position", "is_demo")
    list_filter = ("rank", "is_demo", "unit__level")
    search_fields = ("full_name", "nrp")
    raw_id_fields = ("user", "unit")


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ("person", "role", "unit", "is_active")
    list_filter = ("role", "is_active")
    raw_id_fields = ("person", "unit")


@admin.register(DesaAssignment)
class DesaAssignmentAdmin(AuditedAdmin):
    list_display = ("person", "desa")
    raw_id_fields = ("person", "desa")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("prefix", "user", "name", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("key_hash", "prefix", "last_used_at")
