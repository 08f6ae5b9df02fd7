"""Choices and status sets of the cases app (re-exported by `models`)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Urgency(models.TextChoices):
    DARURAT = "darurat", _("Darurat")
    TINGGI = "tinggi", _("Tinggi")
    NORMAL = "normal", _("Normal")
    RENDAH = "rendah", _("Rendah")


URGENCY_ORDER = {Urgency.DARURAT: 0, Urgency.TINGGI: 1, Urgency.NORMAL: 2, Urgency.RENDAH: 3}


class Kind(models.TextChoices):
    MASUKAN = "masukan", _("Masukan")
    KELUHAN = "keluhan", _("Keluhan")
    ASPIRASI = "aspirasi", _("Aspirasi")
    PENGADUAN = "pengaduan", _("Pengaduan / laporan informasi")


class Status(models.TextChoices):
    BARU = "baru", _("Baru")
    DIVERIFIKASI = "diverifikasi", _("Diverifikasi")
    DITUGASKAN = "ditugaskan", _("Ditugaskan")
    DITINDAKLANJUTI = "ditindaklanjuti", _("Ditindaklanjuti")
    DITUNDA = "ditunda", _("Ditunda (menunggu pelapor)")
    SELESAI = "selesai", _("Selesai")
    DITOLAK = "ditolak", _("Ditolak")
    DUPLIKAT = "duplikat", _("Duplikat")
    DITERUSKAN = "diteruskan", _("Diteruskan ke instansi lain")


OPEN_STATUSES = frozenset(
    {
        Status.BARU,
        Status.DIVERIFIKASI,
        Status.DITUGASKAN,
        Status.DITINDAKLANJUTI,
        Status.DITUNDA,
    }
)
CLOSED_STATUSES = frozenset(set(Status) - OPEN_STATUSES)
# Statuses whose SLA clock runs (ditunda pauses it).
TIMED_STATUSES = frozenset(OPEN_STATUSES - {Status.DITUNDA})


class Origin(models.TextChoices):
    DIALOG = "dialog", _("Sesi patroli dialog")
    WEB = "web", _("Formulir web")
    CHAT = "chat", _("Kanal obrolan (WhatsApp/Telegram/SMS)")
    OPEN311 = "open311", _("Open311")
    TELEPON = "telepon", _("Telepon")
    DATANG = "datang", _("Datang langsung")


class Channel(models.TextChoices):
    """Where public replies go: the channel the case came from."""

    WEB = "web", _("Halaman lacak")
    WHATSAPP = "whatsapp", _("WhatsApp")
    TELEGRAM = "telegram", _("Telegram")
    SMS = "sms", _("SMS")
    OPEN311 = "open311", _("Open311")
    NONE = "none", _("Tanpa kanal balasan")


class Privacy(models.TextChoices):
    BIASA = "biasa", _("Biasa")
    ANONIM = "anonim", _("Anonim (identitas hanya diketahui satuan penanganan)")
    RAHASIA = "rahasia", _("Rahasia (laporan tidak pernah tampil di halaman publik)")


class SlaStage(models.TextChoices):
    VERIFIKASI = "verifikasi", _("Verifikasi dan penugasan")
    TINDAK_LANJUT = "tindak_lanjut", _("Tindak lanjut")
    PENYELESAIAN = "penyelesaian", _("Penyelesaian")


class MessageKind(models.TextChoices):
    PUBLIC_REPLY = "balasan", _("Balasan publik")
    INTERNAL_NOTE = "catatan", _("Catatan internal")
    REPORTER_INFO = "info_pelapor", _("Informasi tambahan dari pelapor")
    NOTICE = "pemberitahuan", _("Pemberitahuan sistem")
    REMINDER = "pengingat", _("Pengingat tenggat")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu dikirim")
    SENT = "sent", _("Terkirim")
    DELIVERED = "delivered", _("Diterima")
    FAILED = "failed", _("Gagal")
    SHOWN = "shown", _("Tampil di halaman lacak")
    NONE = "none", _("Tidak dikirim")
