"""Elections as data: the calendar, H-minus countdown and the period rules to remind of."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

# Masa tenang (quiet period): the three days before voting day, for Pemilu and Pilkada alike.
QUIET_DAYS = 3


@dataclass(frozen=True)
class Phase:
    code: str
    label: str
    reminders: tuple[str, ...]


def h_label(election_date: dt.date, today: dt.date) -> str:
    """'H-14', 'Hari H', 'H+3'."""
    delta = (election_date - today).days
    if delta == 0:
        return _("Hari H")
    return f"H-{delta}" if delta > 0 else f"H+{-delta}"


def phase(election_date: dt.date, today: dt.date) -> Phase:
    delta = (election_date - today).days
    if delta > QUIET_DAYS:
        return Phase(
            "kampanye",
            _("Menjelang pemungutan suara"),
            (
                _(
                    "Perbanyak patroli dialog di desa dengan TPS terbanyak dan desa yang "
                    "lama tidak dikunjungi."
                ),
                _("Waspadai politik uang, intimidasi dan hoaks terkait penyelenggara pemilu."),
                _(
                    "Jaga netralitas: personel tidak boleh menunjukkan dukungan kepada "
                    "peserta pemilu."
                ),
            ),
        )
    if delta > 0:
        return Phase(
            "masa_tenang",
            _("Masa tenang"),
            (
                _(
                    "Masa tenang: tidak boleh ada kegiatan kampanye; laporkan alat peraga "
                    "yang masih terpasang kepada Bawaslu."
                ),
                _(
                    "Waspadai 'serangan fajar' (pembagian uang atau sembako) menjelang hari "
                    "pemungutan suara."
                ),
                _("Pastikan pengamanan distribusi logistik pemilu ke TPS."),
            ),
        )
    if delta == 0:
        return Phase(
            "pemungutan",
            _("Hari pemungutan suara"),
            (
                _(
                    "Pengamanan TPS sesuai rencana; personel tetap netral dan di luar "
                    "radius TPS kecuali diminta."
                ),
                _("Laporkan segera gangguan di TPS sebagai kasus darurat."),
            ),
        )
    if delta >= -14:
        return Phase(
            "rekapitulasi",
            _("Penghitungan dan rekapitulasi"),
            (
                _("Kawal pergerakan kotak suara dan rekapitulasi di tingkat kecamatan."),
                _("Waspadai hoaks tentang hasil penghitungan dan ajakan pengerahan massa."),
            ),
        )
    return Phase("selesai", _("Setelah pemilu"), ())
