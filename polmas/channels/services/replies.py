"""What the service says to residents (Indonesian)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from polmas.channels.services.backends import CaseStatus, HoaxAnswer


def menu(unit_name: str) -> str:
    return _(
        "Selamat datang di layanan warga %(unit)s. Balas dengan angka:\n"
        "1. Lapor keluhan/aspirasi\n"
        "2. Cek kabar hoaks\n"
        "3. Cek status laporan\n"
        "4. Info kamtibmas\n"
        'Anda juga boleh langsung menulis laporan, mis. "ada yang bagi-bagi amplop di desa '
        'Lohbener". Tulis ANONIM dalam laporan untuk merahasiakan identitas Anda; BERHENTI '
        "untuk berhenti menerima pesan."
    ) % {"unit": unit_name}


def not_understood(unit_name: str) -> str:
    return _("Maaf, kami belum memahami pesan Anda.") + "\n\n" + menu(unit_name)


def ask_report() -> str:
    return _(
        "Silakan ceritakan laporan, keluhan atau aspirasi Anda: apa yang terjadi, kapan, dan di "
        "mana. Foto boleh dilampirkan."
    )


def ask_location() -> str:
    return _(
        "Terima kasih. Di mana kejadiannya? Kirim lokasi Anda, atau tulis nama desa dan "
        "kecamatannya. Balas LEWATI bila tidak ingin menyebutkan lokasi."
    )


def ask_location_sms() -> str:
    return _(
        "Terima kasih. Di mana kejadiannya? Balas dengan nama desa dan kecamatannya, atau "
        "LEWATI bila tidak ingin menyebutkan lokasi."
    )


def ask_hoax() -> str:
    return _("Silakan teruskan atau tulis kabar yang ingin Anda cek kebenarannya.")


def ask_code() -> str:
    return _("Silakan kirim kode laporan Anda (format PM-XXXX-XXXX).")


def case_created(code: str, unit_name: str, anonymous: bool) -> str:
    text = _(
        "Laporan Anda sudah kami terima dan diteruskan ke %(unit)s. Kode laporan: %(code)s. "
        "Simpan kode ini dan kirim STATUS %(code)s untuk menanyakan perkembangannya."
    ) % {"unit": unit_name, "code": code}
    if anonymous:
        text += "\n" + _("Identitas Anda dirahasiakan (anonim).")
    return text


def case_status(status: CaseStatus | None, code: str) -> str:
    if status is None:
        return _("Laporan dengan kode %(code)s tidak ditemukan. Periksa kembali kodenya.") % {
            "code": code
        }
    text = _("Status laporan %(code)s: %(status)s (ditangani %(unit)s).") % {
        "code": status.tracking_code,
        "status": status.status_label,
        "unit": status.unit_name,
    }
    if status.note:
        text += "\n" + _("Catatan: %(note)s") % {"note": status.note}
    return text


def bad_code() -> str:
    return _("Kode laporan tidak dikenali. Formatnya PM-XXXX-XXXX, mis. PM-7K4Q-XR2M.")


def hoax(answer: HoaxAnswer) -> str:
    if answer.confidence == "confident":
        lines = [_("Kabar ini sudah diperiksa.")]
        title = f"[{answer.verdict.upper()}] {answer.title}" if answer.verdict else answer.title
        lines.append(title)
        if answer.conclusion:
            lines.append(answer.conclusion)
        if answer.url:
            lines.append(_("Selengkapnya: %(url)s") % {"url": answer.url})
        lines.append(_("Saring sebelum sharing. Terima kasih sudah bertanya."))
        return "\n".join(lines)
    if answer.confidence == "uncertain":
        return _(
            "Terima kasih. Ada kabar serupa yang sedang kami cocokkan; tim Humas akan memeriksa "
            "dan menjawab di sini. Mohon jangan sebarkan dulu sebelum ada kepastian."
        )
    return _(
        "Terima kasih. Belum ada klarifikasi untuk kabar ini; kami teruskan ke tim Humas untuk "
        "diperiksa. Mohon jangan sebarkan dulu sebelum ada kepastian."
    )


def info(custom: str = "") -> str:
    return custom or _(
        "Info kamtibmas: jaga kerukunan dan suasana kondusif menjelang pemilu, tolak politik "
        "uang, saring sebelum sharing, dan laporkan hal mencurigakan lewat layanan ini. "
        "Keadaan darurat: telepon 110."
    )


def unsupported() -> str:
    return _(
        "Maaf, jenis pesan ini belum dapat kami proses. Silakan kirim teks, foto, atau lokasi."
    )


def media_too_large(limit_mb: int) -> str:
    return _("Maaf, berkas terlalu besar (maksimal %(mb)d MB). Kirim foto yang lebih kecil.") % {
        "mb": limit_mb
    }


def photo_received() -> str:
    return _("Foto diterima. Ceritakan juga apa yang terjadi dan di mana.")


def photo_attached() -> str:
    return _("Foto diterima dan dilampirkan pada laporan Anda.")


def location_received() -> str:
    return _("Lokasi diterima. Apa yang ingin Anda laporkan?")


def phone_linked() -> str:
    return _("Terima kasih, nomor telepon Anda tercatat.")


def contact_attached() -> str:
    return _("Kontak diterima dan dilampirkan pada laporan Anda.")


def opted_out() -> str:
    return _(
        "Anda tidak akan menerima pesan kamtibmas dan kabar laporan lagi. Kirim DAFTAR bila "
        "ingin berlangganan kembali."
    )


def opted_in() -> str:
    return _("Terima kasih, Anda akan menerima pesan kamtibmas. Kirim BERHENTI untuk berhenti.")


def cancelled(unit_name: str) -> str:
    return _("Baik, kita mulai dari awal.") + "\n\n" + menu(unit_name)
