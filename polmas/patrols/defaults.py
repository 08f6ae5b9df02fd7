"""The default kamtibmas message catalog and campaigns (Indonesian), shipped with Polmas.

`ensure_default_catalog()` is idempotent: it adds what is missing (by title) and never overwrites
what Kasi Humas has edited since.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from polmas.org.models import Unit, UnitLevel
from polmas.patrols.models import Campaign, KamtibmasMessage, Topic
from polmas.patrols.services import catalog

# (title, topic, text): each can be said in about a minute.
DEFAULT_MESSAGES: tuple[tuple[str, str, str], ...] = (
    (
        "Saring sebelum sharing",
        Topic.HOAKS,
        "Bapak ibu, jangan mudah percaya kabar di grup WhatsApp. Cek dulu sumbernya, baca "
        "sampai habis, dan tanyakan ke Bhabinkamtibmas bila ragu. Menyebarkan berita bohong "
        "bisa memicu keributan dan ada ancaman pidananya.",
    ),
    (
        "Laporkan hoaks ke polisi",
        Topic.HOAKS,
        "Kalau menerima pesan yang memancing emosi atau menyudutkan kelompok tertentu, jangan "
        "diteruskan. Simpan tangkapan layarnya dan laporkan ke Polsek atau Bhabinkamtibmas.",
    ),
    (
        "Jaga kamtibmas lingkungan",
        Topic.KETERTIBAN,
        "Mari hidupkan kembali siskamling dan ronda malam. Kenali tetangga, laporkan orang atau "
        "kendaraan yang mencurigakan, dan simpan nomor telepon Polsek.",
    ),
    (
        "Pemilu damai, beda pilihan tetap saudara",
        Topic.PEMILU_DAMAI,
        "Pemilu adalah pesta demokrasi. Boleh beda pilihan, tetapi jangan sampai bermusuhan "
        "dengan tetangga atau saudara. Hindari gesekan, hormati pilihan orang lain.",
    ),
    (
        "Datang ke TPS dengan tertib",
        Topic.PEMILU_DAMAI,
        "Pada hari pemungutan suara datanglah ke TPS sesuai undangan, antre dengan tertib, dan "
        "ikuti arahan petugas KPPS. Bila ada masalah, sampaikan ke pengawas atau polisi di TPS.",
    ),
    (
        "Tolak politik uang",
        Topic.POLITIK_UANG,
        "Menerima atau memberi uang untuk memilih calon tertentu adalah pelanggaran pemilu. "
        "Tolak politik uang dan laporkan ke Bawaslu atau polisi.",
    ),
    (
        "Waspada provokasi SARA",
        Topic.SARA,
        "Jangan terpancing ajakan yang menyudutkan suku, agama atau kelompok. Indramayu "
        "kondusif karena warganya saling menghormati.",
    ),
    (
        "Jauhi narkoba",
        Topic.NARKOBA,
        "Narkoba merusak masa depan anak-anak kita. Awasi pergaulan anak, dan laporkan "
        "peredaran narkoba di lingkungan. Identitas pelapor dirahasiakan.",
    ),
    (
        "Tertib berlalu lintas",
        Topic.LALU_LINTAS,
        "Pakai helm, jangan membonceng lebih dari satu orang, dan jangan biarkan anak di bawah "
        "umur mengendarai motor. Keselamatan keluarga lebih penting.",
    ),
    (
        "Cegah tawuran dan balap liar",
        Topic.KENAKALAN_REMAJA,
        "Orang tua, tokoh masyarakat dan pemuda mari bersama mencegah tawuran, balap liar dan "
        "geng motor. Arahkan anak muda ke kegiatan olahraga dan karang taruna.",
    ),
    (
        "Siaga cuaca ekstrem dan banjir",
        Topic.CUACA_BENCANA,
        "Musim hujan: bersihkan saluran air, waspadai pohon tumbang dan banjir rob di pesisir. "
        "Bila terjadi bencana, hubungi Polsek, BPBD atau perangkat desa.",
    ),
    (
        "Kunci ganda kendaraan",
        Topic.KEJAHATAN,
        "Pencurian sepeda motor masih terjadi. Gunakan kunci ganda, parkir di tempat terang, "
        "dan jangan tinggalkan kunci di kendaraan.",
    ),
)

DEFAULT_CAMPAIGNS: tuple[tuple[str, str, dt.date, dt.date, tuple[str, ...]], ...] = (
    (
        "Pemilu Damai 2024",
        "Pesan kamtibmas menjelang dan selama Pemilu 14 Februari 2024.",
        dt.date(2023, 11, 28),
        dt.date(2024, 3, 31),
        (Topic.HOAKS, Topic.PEMILU_DAMAI, Topic.POLITIK_UANG, Topic.SARA),
    ),
    (
        "Cooling System Pilkada 2024",
        "Dialog dan sambang untuk menjaga situasi kondusif menjelang Pilkada 27 November 2024.",
        dt.date(2024, 9, 1),
        dt.date(2024, 12, 31),
        (Topic.HOAKS, Topic.PEMILU_DAMAI, Topic.POLITIK_UANG, Topic.SARA),
    ),
    (
        "Kamtibmas Kondusif",
        "Pesan kamtibmas sepanjang tahun untuk seluruh wilayah Polres.",
        dt.date(2024, 1, 1),
        dt.date(2030, 12, 31),
        (
            Topic.KETERTIBAN,
            Topic.HOAKS,
            Topic.NARKOBA,
            Topic.LALU_LINTAS,
            Topic.KENAKALAN_REMAJA,
            Topic.CUACA_BENCANA,
            Topic.KEJAHATAN,
        ),
    ),
)

CATALOG_VALID_FROM = dt.date(2023, 11, 1)


def _owner() -> Unit | None:
    return Unit.objects.filter(level=UnitLevel.POLRES).order_by("path").first()


@transaction.atomic
def ensure_default_catalog() -> int:
    """Create the default messages and campaigns that do not exist yet; returns how many."""
    owner = _owner()
    if owner is None:
        return 0
    created = 0
    by_topic: dict[str, list[KamtibmasMessage]] = {}
    for title, topic, text in DEFAULT_MESSAGES:
        message = KamtibmasMessage.objects.filter(title=title, unit=owner).first()
        if message is None:
            message = catalog.create_message(
                actor=None,
                unit=owner,
                title=title,
                text=text,
                topic=topic,
                valid_from=CATALOG_VALID_FROM,
                is_default=True,
            )
            created += 1
        by_topic.setdefault(message.topic, []).append(message)
    for name, description, start, end, topics in DEFAULT_CAMPAIGNS:
        if Campaign.objects.filter(name=name, unit=owner).exists():
            continue
        messages = [m for t in topics for m in by_topic.get(t, [])]
        catalog.create_campaign(
            actor=None,
            unit=owner,
            name=name,
            description=description,
            starts_on=start,
            ends_on=end,
            messages=messages,
            is_default=True,
        )
        created += 1
    return created
