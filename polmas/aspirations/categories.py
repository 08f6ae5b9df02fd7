"""The default case taxonomy and SLA policies, loaded idempotently (`polmas load-categories`).

Category codes are shared with `polmas.triage` and double as Open311 service codes.
Existing rows keep any edits an admin made to them; only missing rows are created.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from polmas.aspirations.models import Category, SlaPolicy, Urgency


@dataclass(frozen=True)
class CategorySeed:
    code: str
    name: str
    group: str
    urgency: str
    keywords: str
    disposition: bool = False


DEFAULT_CATEGORIES: tuple[CategorySeed, ...] = (
    CategorySeed(
        "kriminalitas",
        "Kriminalitas",
        "Kamtibmas",
        Urgency.TINGGI,
        "pencurian,begal,curanmor,penipuan,perampokan,penganiayaan",
    ),
    CategorySeed(
        "narkoba",
        "Narkoba",
        "Kamtibmas",
        Urgency.TINGGI,
        "narkoba,sabu,ganja,obat terlarang,pengedar",
    ),
    CategorySeed(
        "lalu_lintas",
        "Lalu lintas",
        "Kamtibmas",
        Urgency.NORMAL,
        "kecelakaan,macet,balap liar,parkir,jalan rusak",
    ),
    CategorySeed(
        "ketertiban_umum",
        "Ketertiban umum",
        "Kamtibmas",
        Urgency.NORMAL,
        "tawuran,mabuk,keributan,judi,premanisme",
    ),
    CategorySeed(
        "konflik_sara",
        "Konflik / SARA",
        "Kamtibmas",
        Urgency.TINGGI,
        "konflik,sara,bentrok,ujaran kebencian",
    ),
    CategorySeed(
        "pemilu_politik_uang",
        "Pemilu: politik uang",
        "Pemilu",
        Urgency.TINGGI,
        "politik uang,serangan fajar,amplop,bagi-bagi uang",
    ),
    CategorySeed(
        "pemilu_intimidasi",
        "Pemilu: intimidasi",
        "Pemilu",
        Urgency.TINGGI,
        "intimidasi,ancaman,pemaksaan memilih",
    ),
    CategorySeed(
        "pemilu_netralitas",
        "Pemilu: netralitas",
        "Pemilu",
        # An official campaigning is an election violation: tinggi, as in the labelling guide
        # (docs/triage-labelling-guide.md) and the triage's urgency rules.
        Urgency.TINGGI,
        "netralitas,asn,aparat berkampanye",
    ),
    CategorySeed(
        "pemilu_logistik_tps",
        "Pemilu: logistik dan TPS",
        "Pemilu",
        Urgency.TINGGI,
        "tps,surat suara,kotak suara,logistik pemilu",
    ),
    CategorySeed(
        "hoaks",
        "Hoaks",
        "Informasi",
        Urgency.NORMAL,
        "hoaks,kabar bohong,berita palsu,disinformasi",
    ),
    CategorySeed(
        "kdrt_perlindungan_anak",
        "KDRT dan perlindungan anak",
        "Perlindungan",
        Urgency.TINGGI,
        "kdrt,kekerasan,anak,pelecehan,perempuan",
    ),
    CategorySeed(
        "pelayanan_kepolisian",
        "Pelayanan kepolisian",
        "Pelayanan",
        Urgency.NORMAL,
        "pelayanan,skck,sim,laporan polisi,petugas",
    ),
    CategorySeed(
        "non_kepolisian",
        "Non-kepolisian (disposisi)",
        "Disposisi",
        Urgency.RENDAH,
        "pemda,jalan,sampah,listrik,air,bansos",
        disposition=True,
    ),
    CategorySeed("lainnya", "Lainnya", "Lainnya", Urgency.NORMAL, ""),
)

# (name, urgency, verify, follow-up, resolve hours, calendar time). One working day = 8 hours;
# LAPOR!'s 3 working days to verify and forward and 5 to follow up are the `normal` policy.
DEFAULT_POLICIES: tuple[tuple[str, str, int, int, int, bool], ...] = (
    ("Darurat (24 jam)", Urgency.DARURAT, 1, 4, 24, True),
    ("Tinggi", Urgency.TINGGI, 8, 24, 80, False),
    ("Normal (LAPOR!: 3 + 5 hari kerja)", Urgency.NORMAL, 24, 40, 112, False),
    ("Rendah", Urgency.RENDAH, 40, 80, 160, False),
)


@transaction.atomic
def load_categories() -> tuple[int, int]:
    """Create missing default categories and SLA policies. Returns (categories, policies) made."""
    made_categories = 0
    for order, seed in enumerate(DEFAULT_CATEGORIES, start=1):
        _, created = Category.objects.get_or_create(
            code=seed.code,
            defaults={
                "name": seed.name,
                "group": seed.group,
                "default_urgency": seed.urgency,
                "keywords": seed.keywords,
                "is_disposition": seed.disposition,
                "order": order * 10,
            },
        )
        made_categories += int(created)
    made_policies = 0
    for name, urgency, verify, follow_up, resolve, calendar in DEFAULT_POLICIES:
        _, created = SlaPolicy.objects.get_or_create(
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
        made_policies += int(created)
    return made_categories, made_policies
