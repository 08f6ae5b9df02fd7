from typing import Any

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Max, Sum
from django.db.models.functions import TruncMonth


def fill_from_daily(apps: Any, schema_editor: Any) -> None:
    """The monthly roll-up of what the daily roll-up already holds."""
    daily = apps.get_model("patrols", "CoverageDaily")
    monthly = apps.get_model("patrols", "CoverageMonthly")
    topics = [f.name for f in daily._meta.fields if f.name.startswith("t_")]
    rows = (
        daily.objects.annotate(month=TruncMonth("day"))
        .values("desa_id", "kecamatan_code", "month")
        .annotate(
            sessions_sum=Sum("sessions"),
            residents_sum=Sum("residents"),
            last=Max("last_at"),
            **{f"{t}_sum": Sum(t) for t in topics},
        )
        .order_by()
    )
    batch = []
    for row in rows.iterator(chunk_size=5000):
        batch.append(
            monthly(
                desa_id=row["desa_id"],
                kecamatan_code=row["kecamatan_code"],
                month=row["month"],
                sessions=row["sessions_sum"],
                residents=row["residents_sum"],
                last_at=row["last"],
                **{t: row[f"{t}_sum"] for t in topics},
            )
        )
        if len(batch) >= 5000:
            monthly.objects.bulk_create(batch)
            batch = []
    monthly.objects.bulk_create(batch)


class Migration(migrations.Migration):

    dependencies = [
        ('org', '0001_initial'),
        ('patrols', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='CoverageMonthly',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sessions', models.PositiveIntegerField(default=0)),
                ('residents', models.PositiveIntegerField(default=0)),
                ('last_at', models.DateTimeField(null=True)),
                ('t_hoaks', models.PositiveIntegerField(default=0)),
                ('t_ketertiban', models.PositiveIntegerField(default=0)),
                ('t_pemilu_damai', models.PositiveIntegerField(default=0)),
                ('t_politik_uang', models.PositiveIntegerField(default=0)),
                ('t_sara', models.PositiveIntegerField(default=0)),
                ('t_narkoba', models.PositiveIntegerField(default=0)),
                ('t_lalu_lintas', models.PositiveIntegerField(default=0)),
                ('t_kenakalan_remaja', models.PositiveIntegerField(default=0)),
                ('t_cuaca_bencana', models.PositiveIntegerField(default=0)),
                ('t_kejahatan', models.PositiveIntegerField(default=0)),
                ('t_lainnya', models.PositiveIntegerField(default=0)),
                ('kecamatan_code', models.CharField(max_length=13)),
                ('month', models.DateField()),
                ('desa', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='org.region')),
            ],
            options={
                'indexes': [models.Index(fields=['month', 'desa'], name='patrols_cov_month_204a71_idx')],
                'constraints': [models.UniqueConstraint(fields=('desa', 'month'), name='uniq_coverage_month')],
            },
        ),
        migrations.RunPython(fill_from_daily, migrations.RunPython.noop),
    ]
