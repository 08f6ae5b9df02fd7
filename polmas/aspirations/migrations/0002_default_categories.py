"""Seed the default categories and SLA policies (the same rows `polmas load-categories` makes)."""

from django.db import migrations


def seed(apps, schema_editor):
    from polmas.aspirations.categories import DEFAULT_CATEGORIES, DEFAULT_POLICIES

    Category = apps.get_model("aspirations", "Category")
    SlaPolicy = apps.get_model("aspirations", "SlaPolicy")
    for order, c in enumerate(DEFAULT_CATEGORIES, start=1):
        Category.objects.get_or_create(
            code=c.code,
            defaults={
                "name": c.name,
                "group": c.group,
                "default_urgency": c.urgency,
                "keywords": c.keywords,
                "is_disposition": c.disposition,
                "order": order * 10,
            },
        )
    for name, urgency, verify, follow_up, resolve, calendar in DEFAULT_POLICIES:
        SlaPolicy.objects.get_or_create(
            category=None,
            urgency=urgency,
            defaults={
                "name": name,
                "verify_hours": verify,
                "follow_up_hours": follow_up,
                "resolve_hours": resolve,
                "calendar_time": calendar,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("aspirations", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
