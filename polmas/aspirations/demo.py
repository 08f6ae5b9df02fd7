"""Demo cases across Indramayu (`polmas load-demo` / `polmas remove-demo`).

Reproducible (fixed seed; the clock is "today" so dates move with the install), clearly marked
(`Case.is_demo`, titles starting with "[DEMO]", reporters "Warga Demo N"), made through the
services so they carry deadlines, audit events and messages like real cases. Some are overdue,
some escalated, some closed with a rating, a few merged as duplicates. A re-run only counts.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from polmas.aspirations import services, tally, tracking
from polmas.aspirations.models import Case, CaseMessage, Status
from polmas.core.audit import record_event
from polmas.org.models import Person, Region, RegionLevel
from polmas.org.regions import deployment_code

DEMO_COUNT = 300
DEMO_SEED = 20240814
DEMO_DAYS = 42

# (category, kind, text) written for the demo; {place} is the desa name.
TEMPLATES: tuple[tuple[str, str, str], ...] = (
    ("lalu_lintas", "keluhan", "Balap liar setiap malam minggu di jalan utama {place}."),
    ("lalu_lintas", "keluhan", "Truk pasir parkir di bahu jalan dekat sekolah di {place}."),
    ("kriminalitas", "pengaduan", "Motor warga hilang di depan rumah di {place} dini hari."),
    ("kriminalitas", "pengaduan", "Ada percobaan pencurian kotak amal masjid di {place}."),
    ("narkoba", "pengaduan", "Sering ada transaksi mencurigakan di pos ronda {place}."),
    ("ketertiban_umum", "keluhan", "Pemuda mabuk membuat keributan di lapangan {place}."),
    ("ketertiban_umum", "masukan", "Mohon patroli malam ditambah di sekitar pasar {place}."),
    ("kdrt_perlindungan_anak", "pengaduan", "Tetangga di {place} sering terdengar bertengkar."),
    ("hoaks", "masukan", "Beredar pesan berantai soal penculikan anak di {place}."),
    ("pelayanan_kepolisian", "aspirasi", "Usul ada sosialisasi keamanan di balai desa {place}."),
    ("non_kepolisian", "keluhan", "Lampu penerangan jalan mati sepanjang jalan {place}."),
    ("pemilu_logistik_tps", "masukan", "Lokasi TPS di {place} rawan banjir saat hujan."),
)
DUPLICATE_TEXT = "Balap liar setiap malam minggu di jalan utama {place}, sangat mengganggu."


def _code(rng: random.Random) -> str:
    body = "".join(rng.choice(tracking.ALPHABET) for _ in range(tracking.RANDOM_LENGTH))
    full = body + tracking.check_character(body)
    return f"{tracking.PREFIX}-{full[:4]}-{full[4:]}"


def demo_case_count() -> int:
    return Case.objects.filter(is_demo=True).count()


def load_demo_cases(count: int = DEMO_COUNT, *, now: dt.datetime | None = None) -> int:
    """Create the demo cases unless they exist; returns how many were created."""
    if demo_case_count() >= count:
        return 0
    remove_demo_cases()  # a partial earlier run: start clean, keep the result reproducible
    now = now or timezone.now()
    rng = random.Random(DEMO_SEED)
    desa = list(
        Region.objects.filter(level=RegionLevel.DESA, code__startswith=deployment_code() + ".")
        .order_by("code")
        .values_list("code", "name")
    )
    if not desa:
        return 0
    created: list[Case] = []
    with transaction.atomic():
        for i in range(count):
            code, name = rng.choice(desa)
            category, kind, text = rng.choice(TEMPLATES)
            at = now - dt.timedelta(minutes=rng.randint(60, DEMO_DAYS * 24 * 60))
            created.append(
                services.create_case(
                    actor=None,
                    description=text.format(place=name),
                    title=f"[DEMO] {text.format(place=name)[:60]}",
                    category_code=category,
                    kind=kind,
                    desa_code=code,
                    origin=rng.choice(["web", "web", "dialog", "telepon", "datang"]),
                    reporter_name=f"Warga Demo {i + 1}",
                    reporter_phone=f"08000000{i:04d}",
                    privacy=rng.choice(["biasa"] * 8 + ["anonim"]),
                    tracking_code=_code(rng),
                    is_demo=True,
                    now=at,
                )
            )
        _progress(created, rng, now)
    return demo_case_count()


def _assignee(case: Case) -> Person | None:
    return (
        Person.objects.filter(memberships__unit=case.unit, memberships__is_active=True)
        .order_by("pk")
        .first()
    )


def _progress(cases: list[Case], rng: random.Random, now: dt.datetime) -> None:
    """Move the demo cases along the workflow (times after creation, never in the future)."""
    for case in sorted(cases, key=lambda c: c.created_at):
        roll = rng.random()
        step = case.created_at + dt.timedelta(hours=rng.randint(2, 30))
        if step >= now or roll < 0.30:
            continue  # still baru: the older ones are overdue
        case = services.transition_case(actor=None, case=case, name="verifikasi", now=step)
        if roll < 0.40:
            continue
        if roll < 0.47:
            services.transition_case(
                actor=None, case=case, name="eskalasi", note="Perlu keputusan Polres", now=step
            )
            continue
        person = _assignee(case)
        if person is None:
            continue
        step += dt.timedelta(hours=rng.randint(1, 24))
        if step >= now:
            continue
        case = services.transition_case(
            actor=None, case=case, name="tugaskan", assignee=person, now=step
        )
        if roll < 0.60:
            continue
        step += dt.timedelta(hours=rng.randint(1, 48))
        if step >= now:
            continue
        case = services.transition_case(actor=None, case=case, name="tindak_lanjut", now=step)
        if roll < 0.70:
            continue
        step += dt.timedelta(hours=rng.randint(1, 72))
        if step >= now:
            continue
        case = services.transition_case(
            actor=None,
            case=case,
            name="selesaikan",
            note="Sudah ditindaklanjuti bersama Bhabinkamtibmas dan perangkat desa.",
            now=step,
        )
        if rng.random() < 0.5:
            services.rate_case(case=case, rating=rng.randint(3, 5), comment="Terima kasih.")
    _duplicates(cases, rng)


def _duplicates(cases: list[Case], rng: random.Random) -> None:
    """A few later reports of the same matter, merged into an open case in the same desa."""
    open_cases = list(
        Case.objects.filter(
            pk__in=[c.pk for c in cases],
            status__in=[Status.DIVERIFIKASI, Status.DITUGASKAN],
            desa__isnull=False,
        )
        .select_related("desa", "category")
        .order_by("pk")
    )
    for target in rng.sample(open_cases, min(5, len(open_cases))):
        name = target.desa.name if target.desa else ""
        dup = services.create_case(
            actor=None,
            description=DUPLICATE_TEXT.format(place=name),
            title=f"[DEMO] Laporan ulang: {name}",
            category_code=target.category.code,
            desa_code=target.desa_id,
            reporter_name="Warga Demo (laporan ulang)",
            tracking_code=_code(rng),
            is_demo=True,
            now=target.created_at + dt.timedelta(hours=3),
        )
        services.transition_case(actor=None, case=dup, name="gabungkan", target=target)


def remove_demo_cases() -> int:
    """Delete every demo case with its messages and photos (audit events stay: append-only)."""
    ids = list(Case.objects.filter(is_demo=True).values_list("pk", flat=True))
    if not ids:
        return 0
    with transaction.atomic():
        Case.objects.filter(pk__in=ids).update(merged_into=None)
        Case.objects.filter(merged_into__in=ids).update(merged_into=None)
        CaseMessage.objects.filter(case_id__in=ids).delete()
        for case in Case.objects.filter(pk__in=ids).prefetch_related("attachments"):
            for a in case.attachments.all():
                a.file.delete(save=False)
        Case.objects.filter(pk__in=ids).delete()
        tally.rebuild()  # a QuerySet delete bypasses Case.delete()
        record_event(actor=None, verb="aspirations.demo.removed", after={"cases": len(ids)})
    return len(ids)
