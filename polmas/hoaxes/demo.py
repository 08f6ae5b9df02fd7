"""Demo data for the hoaxes app: the shared TurnBackHoax base (when present) and a rumour wave.

Reproducible (fixed seed), marked `is_demo`, removed by `polmas remove-demo` (the imported
TurnBackHoax fact-checks are real reference data and stay).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from polmas.hoaxes import services
from polmas.hoaxes.models import Alert, FactCheck, HoaxReport, RumourWave
from polmas.org.models import Region

SEED = 20260115
TBH_FILE = "hoaxes/turnbackhoax_2025_2026.csv"
WAVE_TEXT = (
    "Hati-hati!! Ada penculikan anak pakai mobil ambulans putih di {desa}, "
    "sudah 2 anak hilang. Sebarkan ke grup keluarga!"
)
BACKGROUND = (
    "Katanya air sumur di {desa} tercemar limbah, jangan dipakai masak",
    "Ada pembagian sembako gratis di kantor desa {desa} besok pagi",
    "Jalan raya {desa} ditutup total seminggu untuk perbaikan",
)


def load_demo_hoaxes(say: Callable[[str], None]) -> None:
    path = settings.SHARED_DATA_DIR / TBH_FILE
    if path.is_file():
        result = services.import_turnbackhoax(actor=None, path=path)
        say(
            f"Cek fakta TurnBackHoax: {result.created} baru, {result.updated} diperbarui, "
            f"{result.unchanged} tidak berubah."
        )
    else:
        say(f"Data TurnBackHoax tidak ada ({path}); impor dilewati.")
    if HoaxReport.objects.filter(is_demo=True).exists():
        say("Laporan hoaks demo sudah ada.")
        return
    _make_wave()
    say("Laporan hoaks demo dan satu gelombang isu di Kecamatan Lohbener dibuat.")


@transaction.atomic
def _make_wave() -> None:
    rng = random.Random(SEED)
    lohbener = list(Region.objects.filter(parent__name="Lohbener", level="desa").order_by("code"))
    others = list(
        Region.objects.filter(level="desa", code__startswith="32.12.").order_by("code")[:60]
    )
    services.create_local_clarification(
        actor=None,
        title="Penculikan anak dengan mobil ambulans putih di Lohbener",
        claim=WAVE_TEXT.format(desa="Lohbener"),
        conclusion=(
            "Polsek Lohbener memastikan tidak ada laporan penculikan anak; pesan berantai itu "
            "hoaks yang diulang dari tahun-tahun sebelumnya."
        ),
        verdict="SALAH",
        is_demo=True,
    )
    today = timezone.localdate()
    made: list[tuple[int, dt.date]] = []
    for back in range(14, 0, -1):  # a quiet background over two weeks
        for _ in range(rng.randint(0, 2)):
            desa = rng.choice(others)
            text = rng.choice(BACKGROUND).format(desa=desa.name)
            report = services.report_hoax(actor=None, text=text, channel="web", desa=desa)
            made.append((report.pk, today - dt.timedelta(days=back)))
    for i in range(7):  # today's wave in Lohbener
        desa = lohbener[i % len(lohbener)]
        report = services.report_hoax(
            actor=None, text=WAVE_TEXT.format(desa=desa.name), channel="whatsapp", desa=desa
        )
        made.append((report.pk, today))
    for pk, day in made:
        HoaxReport.objects.filter(pk=pk).update(reported_on=day, is_demo=True)
    services.detect_rumour_waves(day=today)


@transaction.atomic
def remove_demo_hoaxes() -> int:
    reports = HoaxReport.objects.filter(is_demo=True)
    count = reports.count()
    waves = RumourWave.objects.filter(is_demo=True)
    Alert.objects.filter(wave__in=waves).delete()
    waves.delete()
    reports.delete()
    FactCheck.objects.filter(is_demo=True).delete()
    return count
