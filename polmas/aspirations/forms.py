"""HTML forms: the public report form, tracking, and the staff actions."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from polmas.aspirations.models import Category, Channel, Kind, Origin, Privacy, Status, Urgency
from polmas.aspirations.services.intake import MAX_ATTACHMENT_BYTES, MAX_DESCRIPTION
from polmas.aspirations.services.reclassify import MAX_NOTE
from polmas.org.models import Region, RegionLevel
from polmas.org.regions import deployment_code

PRIVACY_HELP = _(
    "Biasa: nama dan kontak Anda dapat dilihat petugas yang menangani. Anonim: identitas Anda "
    "hanya diketahui satuan yang menangani, tidak tampil di daftar, ekspor atau data publik. "
    "Rahasia: seluruh laporan tidak pernah tampil di halaman publik mana pun."
)


def desa_choices() -> list[tuple[str, Any]]:
    rows = (
        Region.objects.filter(level=RegionLevel.DESA, code__startswith=deployment_code() + ".")
        .select_related("parent")
        .defer("boundary", "parent__boundary")
        .order_by("parent__name", "name")
    )
    return [("", _("— tidak tahu / tidak dipilih —"))] + [
        (r.code, f"{r.name} (Kec. {r.parent.name if r.parent else '-'})") for r in rows
    ]


def category_choices() -> list[tuple[str, Any]]:
    """The active categories, as every form lists them."""
    return [(c.code, c.name) for c in Category.objects.filter(is_active=True)]


def _set_choices(field: forms.Field, choices: list[tuple[Any, Any]]) -> None:
    field.choices = choices  # type: ignore[attr-defined]


class PublicReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis"), choices=Kind.choices, initial=Kind.MASUKAN)
    category = forms.ChoiceField(label=_("Kategori"), required=False)
    description = forms.CharField(
        label=_("Uraian"),
        max_length=MAX_DESCRIPTION,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Ceritakan apa, di mana dan kapan. Maksimal 4.000 karakter."),
    )
    desa = forms.ChoiceField(label=_("Desa/kelurahan"), required=False)
    location_text = forms.CharField(label=_("Keterangan lokasi"), max_length=255, required=False)
    lat = forms.FloatField(required=False, widget=forms.HiddenInput, min_value=-90, max_value=90)
    lng = forms.FloatField(required=False, widget=forms.HiddenInput, min_value=-180, max_value=180)
    privacy = forms.ChoiceField(
        label=_("Kerahasiaan"),
        choices=Privacy.choices,
        initial=Privacy.BIASA,
        widget=forms.RadioSelect,
        help_text=PRIVACY_HELP,
    )
    reporter_name = forms.CharField(label=_("Nama (opsional)"), max_length=120, required=False)
    reporter_phone = forms.RegexField(
        label=_("Nomor telepon/WhatsApp (opsional)"),
        regex=r"^\+?[0-9 \-]{8,20}$",
        required=False,
        error_messages={"invalid": _("Nomor telepon tidak valid.")},
    )
    reporter_email = forms.EmailField(label=_("Email (opsional)"), required=False)
    photo = forms.ImageField(label=_("Foto (opsional, maks. 5 MB)"), required=False)
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)
    website = forms.CharField(required=False, widget=forms.HiddenInput)  # honeypot

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_choices(
            self.fields["category"],
            [("", _("— tidak tahu —")), *category_choices()],
        )
        _set_choices(self.fields["desa"], desa_choices())
        if not self.is_bound:
            self.initial["idempotency_key"] = uuid.uuid4()

    def clean_photo(self) -> Any:
        photo = self.cleaned_data.get("photo")
        if photo and photo.size > MAX_ATTACHMENT_BYTES:
            raise forms.ValidationError(_("Foto terlalu besar (maksimal 5 MB)."))
        return photo

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (data.get("lat") is None) != (data.get("lng") is None):
            raise forms.ValidationError(_("Titik peta tidak lengkap."))
        if data.get("website"):
            raise forms.ValidationError(_("Formulir tidak dapat diproses."))
        return data


class TrackingForm(forms.Form):
    code = forms.CharField(label=_("Kode lacak"), max_length=20)


class ReporterInfoForm(forms.Form):
    text = forms.CharField(
        label=_("Keterangan tambahan"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Penilaian"),
        coerce=int,
        choices=[(i, str(i)) for i in range(1, 6)],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Komentar"), max_length=2000, required=False, widget=forms.Textarea({"rows": 2})
    )


class TransitionForm(forms.Form):
    name = forms.CharField(max_length=20)
    note = forms.CharField(max_length=4000, required=False)
    assignee = forms.IntegerField(required=False)
    target_code = forms.CharField(max_length=20, required=False)
    agency = forms.CharField(max_length=120, required=False)
    sent_text = forms.CharField(max_length=4000, required=False)


class ReclassifyForm(forms.Form):
    """Staff correct the category / urgency (kept as a triage label)."""

    category = forms.ChoiceField(label=_("Kategori"))
    urgency = forms.ChoiceField(label=_("Urgensi"), choices=Urgency.choices)
    note = forms.CharField(
        label=_("Alasan (opsional)"),
        max_length=MAX_NOTE,
        required=False,
        widget=forms.TextInput({"placeholder": _("Alasan (opsional)")}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_choices(self.fields["category"], category_choices())


class ReplyForm(forms.Form):
    text = forms.CharField(label=_("Balasan"), max_length=4000, widget=forms.Textarea({"rows": 3}))
    public = forms.BooleanField(label=_("Kirim ke pelapor"), required=False, initial=True)


class InboxFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Semua")),
            ("open", _("Terbuka")),
            ("closed", _("Ditutup")),
            *Status.choices,
        ],
    )
    category = forms.ChoiceField(label=_("Kategori"), required=False)
    urgency = forms.ChoiceField(
        label=_("Urgensi"), required=False, choices=[("", _("Semua")), *Urgency.choices]
    )
    desa = forms.CharField(label=_("Kode desa"), required=False, max_length=13)
    overdue = forms.BooleanField(label=_("Lewat tenggat"), required=False)
    mine = forms.BooleanField(label=_("Ditugaskan ke saya"), required=False)
    q = forms.CharField(label=_("Cari (kode/judul)"), required=False, max_length=80)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_choices(
            self.fields["category"],
            [("", _("Semua"))] + [(c.code, c.name) for c in Category.objects.all()],
        )


class BulkForm(forms.Form):
    ids = forms.TypedMultipleChoiceField(coerce=int, choices=[])
    action = forms.ChoiceField(
        choices=[
            ("verifikasi", _("Verifikasi")),
            ("eskalasi", _("Eskalasi")),
            ("tugaskan", _("Tugaskan")),
        ]
    )
    assignee = forms.IntegerField(required=False)
    note = forms.CharField(max_length=4000, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        raw = self.data.getlist("ids") if hasattr(self.data, "getlist") else []
        _set_choices(self.fields["ids"], [(v, v) for v in raw])


class StaffCaseForm(forms.Form):
    """A case an officer takes over the phone or at the desk. The description comes first: as
    the officer types, the page shows the triage's suggested category and urgency (htmx), so
    a choice against it is a deliberate correction (kept as a triage label)."""

    field_order = ("origin", "kind", "description", "category", "urgency")

    origin = forms.ChoiceField(
        label=_("Diterima melalui"),
        choices=[(Origin.TELEPON.value, _("Telepon")), (Origin.DATANG.value, _("Datang langsung"))],
        initial=Origin.TELEPON,
    )
    kind = forms.ChoiceField(label=_("Jenis"), choices=Kind.choices, initial=Kind.MASUKAN)
    category = forms.ChoiceField(label=_("Kategori"), required=False)
    urgency = forms.ChoiceField(
        label=_("Urgensi"),
        required=False,
        choices=[("", _("— otomatis —")), *Urgency.choices],
    )
    description = forms.CharField(
        label=_("Uraian"),
        max_length=MAX_DESCRIPTION,
        widget=forms.Textarea(
            attrs={
                "rows": 6,
                "hx-post": reverse_lazy("aspirations:triage_suggestion"),
                "hx-trigger": "input changed delay:700ms, change",
                "hx-target": "#triage-suggestion",
                "hx-sync": "this:replace",
            }
        ),
    )
    desa = forms.ChoiceField(label=_("Desa/kelurahan"), required=False)
    location_text = forms.CharField(label=_("Keterangan lokasi"), max_length=255, required=False)
    privacy = forms.ChoiceField(
        label=_("Kerahasiaan"),
        choices=Privacy.choices,
        initial=Privacy.BIASA,
        widget=forms.RadioSelect,
        help_text=PRIVACY_HELP,
    )
    reporter_name = forms.CharField(label=_("Nama pelapor"), max_length=120, required=False)
    reporter_phone = forms.RegexField(
        label=_("Nomor telepon/WhatsApp pelapor"),
        regex=r"^\+?[0-9 \-]{8,20}$",
        required=False,
        error_messages={"invalid": _("Nomor telepon tidak valid.")},
    )
    reply_channel = forms.ChoiceField(
        label=_("Balasan dikirim melalui"),
        choices=[
            (Channel.WEB.value, _("Halaman lacak (pelapor memegang kode)")),
            (Channel.WHATSAPP.value, _("WhatsApp")),
            (Channel.SMS.value, _("SMS")),
            (Channel.NONE.value, _("Tanpa kanal balasan")),
        ],
        initial=Channel.WEB,
    )
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _set_choices(
            self.fields["category"],
            [("", _("— otomatis —")), *category_choices()],
        )
        _set_choices(self.fields["desa"], desa_choices())
        if not self.is_bound:
            self.initial["idempotency_key"] = uuid.uuid4()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("reply_channel") in (Channel.WHATSAPP, Channel.SMS) and not data.get(
            "reporter_phone"
        ):
            raise forms.ValidationError(_("Balasan WhatsApp/SMS memerlukan nomor telepon."))
        return data
